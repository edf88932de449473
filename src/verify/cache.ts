/**
 * A disk cache of fetched sources, keyed by URL: one JSON file of metadata
 * and one file of body per address, named by the SHA-256 of the URL. Writes
 * go through a temporary file and a rename, so a reader never sees half.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the cache keeps of a response. */
export interface CachedMeta {
  /** The address asked for (the key). */
  readonly url: string;
  /** The address the body came from, after redirects. */
  readonly finalUrl: string;
  /** 200, or 404/410 for a page known to be gone. */
  readonly status: number;
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** When the response was fetched or last revalidated, ms since the epoch. */
  readonly storedAt: number;
}

export interface CachedResponse {
  readonly meta: CachedMeta;
  readonly body: Uint8Array;
}

/** Where fetched sources are kept between runs. */
export interface SourceCache {
  get(url: string): Promise<CachedResponse | undefined>;
  put(meta: CachedMeta, body: Uint8Array): Promise<void>;
  /** Marks a cached response as confirmed by the server at `storedAt` (a 304). */
  touch(url: string, storedAt: number): Promise<void>;
}

/** A `SourceCache` in a folder, created when first written to. */
export class DiskCache implements SourceCache {
  constructor(readonly dir: string) {}

  private path(url: string, ext: string): string {
    return join(this.dir, `${createHash('sha256').update(url).digest('hex').slice(0, 40)}.${ext}`);
  }

  async get(url: string): Promise<CachedResponse | undefined> {
    try {
      const meta = JSON.parse(await readFile(this.path(url, 'json'), 'utf8')) as CachedMeta;
      if (meta.url !== url) return undefined;
      const body = await readFile(this.path(url, 'body'));
      return { meta, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
    } catch {
      // Missing or damaged entries are misses.
      return undefined;
    }
  }

  async put(meta: CachedMeta, body: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeAtomically(this.path(meta.url, 'body'), body);
    await writeAtomically(this.path(meta.url, 'json'), JSON.stringify(meta));
  }

  async touch(url: string, storedAt: number): Promise<void> {
    const cached = await this.get(url);
    if (!cached) return;
    await writeAtomically(this.path(url, 'json'), JSON.stringify({ ...cached.meta, storedAt }));
  }
}

let tempCounter = 0;

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.${tempCounter++}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}
