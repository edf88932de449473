/**
 * A disk cache of fetched sources, keyed by URL: one JSON file of metadata
 * and one file of body per address, named by the SHA-256 of the URL. Writes
 * go through a temporary file and a rename, so a reader never sees half.
 * An entry's metadata file is touched whenever the entry is read, so its
 * modification time says when it was last used; `prune` removes entries
 * unused for too long, then the least recently used until the folder is
 * under a size, never one the cache object itself read or wrote.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
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

/** How big a cache folder is. */
export interface CacheInfo {
  readonly dir: string;
  /** Cached addresses. */
  readonly entries: number;
  /** Bytes of every file Claim Lens keeps there. */
  readonly bytes: number;
}

/** What `prune` and `clear` removed. */
export interface PruneResult extends CacheInfo {
  /** Entries removed. */
  readonly removed: number;
  /** Bytes freed. */
  readonly freed: number;
}

/** When to prune: entries unused for longer than `maxUnusedMs`, then the least recently used while the folder is over `maxBytes`. */
export interface PruneLimits {
  readonly maxBytes: number;
  readonly maxUnusedMs: number;
  /** The time to measure from, ms since the epoch (default: now). */
  readonly now?: number;
}

/** The limits by default: 200 MB, 30 days unused. */
export const defaultPruneLimits: PruneLimits = { maxBytes: 200 * 1024 * 1024, maxUnusedMs: 30 * 24 * 3600_000 };

/** The names of the files a `DiskCache` writes: 40 hex digits, then `.json`, `.body`, or a temporary file's suffix. */
const entryFile = /^([0-9a-f]{40})\.(json|body)(\.\d+\.\d+\.tmp)?$/u;
/** How many files `entries` stats at once. */
const statBatch = 64;
/** A temporary file older than this was left by a run that stopped mid-write. */
const staleTempMs = 3600_000;

/** A `SourceCache` in a folder, created when first written to. */
export class DiskCache implements SourceCache {
  /** Keys of the entries this object read or wrote: the current run's, which `prune` keeps. */
  private readonly used = new Set<string>();

  constructor(readonly dir: string) {}

  private key(url: string): string {
    return createHash('sha256').update(url).digest('hex').slice(0, 40);
  }

  private path(url: string, ext: string): string {
    return join(this.dir, `${this.key(url)}.${ext}`);
  }

  async get(url: string): Promise<CachedResponse | undefined> {
    try {
      const metaPath = this.path(url, 'json');
      const meta = JSON.parse(await readFile(metaPath, 'utf8')) as CachedMeta;
      if (meta.url !== url) return undefined;
      const body = await readFile(this.path(url, 'body'));
      this.used.add(this.key(url));
      // The metadata file's time is the entry's last use, for pruning the least recently used first.
      const now = new Date();
      await utimes(metaPath, now, now).catch(() => undefined);
      return { meta, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
    } catch {
      // Missing or damaged entries are misses.
      return undefined;
    }
  }

  async put(meta: CachedMeta, body: Uint8Array): Promise<void> {
    this.used.add(this.key(meta.url));
    await mkdir(this.dir, { recursive: true });
    await writeAtomically(this.path(meta.url, 'body'), body);
    await writeAtomically(this.path(meta.url, 'json'), JSON.stringify(meta));
  }

  /** How many entries the folder holds and their size; an empty answer when the folder is not there. */
  async info(): Promise<CacheInfo> {
    const entries = await this.entries();
    return { dir: this.dir, entries: entries.filter((e) => e.files.some((f) => !f.temp)).length, bytes: entries.reduce((n, e) => n + e.bytes, 0) };
  }

  /**
   * Removes the entries unused for longer than `maxUnusedMs`, then, while
   * the folder holds more than `maxBytes`, the least recently used; entries
   * this object read or wrote are kept whatever their age or size.
   * Temporary files more than an hour old go too.
   */
  async prune(limits: PruneLimits = defaultPruneLimits): Promise<PruneResult> {
    const now = limits.now ?? Date.now();
    const entries = await this.entries();
    const total = entries.reduce((n, e) => n + e.bytes, 0);
    let count = entries.filter((e) => e.files.some((f) => !f.temp)).length;
    let freed = 0;
    let removed = 0;
    const remove = async (files: readonly EntryFile[]): Promise<void> => {
      freed += await this.unlinkAll(files);
      if (files.some((f) => !f.temp)) {
        removed++;
        count--;
      }
    };
    const kept: Entry[] = [];
    for (const entry of entries) {
      const stale = entry.files.filter((f) => f.temp && now - f.mtimeMs > staleTempMs);
      if (stale.length) freed += await this.unlinkAll(stale);
      const files = entry.files.filter((f) => !stale.includes(f));
      if (!files.some((f) => !f.temp) || this.used.has(entry.key)) continue;
      if (now - entry.usedAt > limits.maxUnusedMs) await remove(files);
      else kept.push({ ...entry, files });
    }
    // Least recently used first; of two used at once, the larger.
    kept.sort((a, b) => a.usedAt - b.usedAt || b.bytes - a.bytes);
    for (const entry of kept) {
      if (total - freed <= limits.maxBytes) break;
      await remove(entry.files);
    }
    return { dir: this.dir, entries: count, bytes: total - freed, removed, freed };
  }

  /** Removes every entry, those this object used too (and only the files a `DiskCache` writes: the folder may hold others). */
  async clear(): Promise<PruneResult> {
    let removed = 0;
    let freed = 0;
    for (const entry of await this.entries()) {
      freed += await this.unlinkAll(entry.files);
      if (entry.files.some((f) => !f.temp)) removed++;
    }
    this.used.clear();
    return { ...(await this.info()), removed, freed };
  }

  /** Removes files of the folder; returns the bytes freed (a file gone already frees none). */
  private async unlinkAll(files: readonly EntryFile[]): Promise<number> {
    let freed = 0;
    for (const file of files) {
      try {
        await unlink(join(this.dir, file.name));
        freed += file.bytes;
      } catch {
        // Removed already, by another run's prune.
      }
    }
    return freed;
  }

  /** The entries of the folder with their files, sizes and last use. */
  private async entries(): Promise<Entry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const byKey = new Map<string, EntryFile[]>();
    const ours = names.flatMap((name) => {
      const m = entryFile.exec(name);
      return m ? [{ name, key: m[1], ext: m[2] as 'json' | 'body', temp: m[3] !== undefined }] : [];
    });
    // A few dozen stats at a time: one by one, a cache of thousands of entries takes a second.
    for (let at = 0; at < ours.length; at += statBatch) {
      const batch = ours.slice(at, at + statBatch);
      const infos = await Promise.all(batch.map((f) => stat(join(this.dir, f.name)).catch(() => undefined)));
      batch.forEach(({ name, key, ext, temp }, i) => {
        const info = infos[i];
        if (!info?.isFile()) return;
        byKey.set(key, [...(byKey.get(key) ?? []), { name, ext, temp, bytes: info.size, mtimeMs: info.mtimeMs }]);
      });
    }
    return [...byKey].map(([key, files]) => {
      const meta = files.find((f) => f.ext === 'json' && !f.temp);
      return { key, files, bytes: files.reduce((n, f) => n + f.bytes, 0), usedAt: meta ? meta.mtimeMs : Math.max(...files.map((f) => f.mtimeMs)) };
    });
  }

  async touch(url: string, storedAt: number): Promise<void> {
    const cached = await this.get(url);
    if (!cached) return;
    await writeAtomically(this.path(url, 'json'), JSON.stringify({ ...cached.meta, storedAt }));
  }
}

interface EntryFile {
  readonly name: string;
  readonly ext: 'json' | 'body';
  readonly temp: boolean;
  readonly bytes: number;
  readonly mtimeMs: number;
}

interface Entry {
  readonly key: string;
  readonly files: readonly EntryFile[];
  readonly bytes: number;
  /** When the entry was last read or written, ms since the epoch. */
  readonly usedAt: number;
}

let tempCounter = 0;

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.${tempCounter++}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}
