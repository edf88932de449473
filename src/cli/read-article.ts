import { open } from 'node:fs/promises';

/** The text of a file, or why it could not be had. */
export type ReadResult =
  | { readonly ok: true; readonly text: string }
  /** `skipped`: left out on purpose (larger than `--max-size`), not an error. */
  | { readonly ok: false; readonly reason: string; readonly skipped?: true };

/**
 * Reads a file as text: UTF-8 (with or without a byte order mark) or UTF-16
 * with a byte order mark. Refuses files larger than `maxSize` bytes, binary
 * files (a NUL byte) and bytes that are not valid in their encoding.
 */
export async function readArticle(path: string, maxSize: number): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stats.size > maxSize) {
      return { ok: false, skipped: true, reason: `larger than ${formatSize(maxSize)} (${formatSize(stats.size)}); raise --max-size to read it` };
    }
    return decodeText(await handle.readFile());
  } catch (cause) {
    return { ok: false, reason: `cannot read: ${describeError(cause)}` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Decodes a file's bytes; see `readArticle` for what is accepted. */
export function decodeText(bytes: Uint8Array): ReadResult {
  const encoding = bomEncoding(bytes);
  if (encoding === 'utf-8' && bytes.includes(0)) {
    return { ok: false, reason: 'looks binary (it holds NUL bytes); UTF-16 text needs a byte order mark' };
  }
  try {
    // The decoder drops a byte order mark, so offsets start at the first character.
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: `is not valid ${encoding.toUpperCase()} text` };
  }
}

function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** A file system error in a few words: `permission denied (EACCES)`. */
export function describeError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file (or a broken link)',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a folder',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
  };
  if (code && words[code]) return `${words[code]} (${code})`;
  return cause instanceof Error ? cause.message : String(cause);
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
