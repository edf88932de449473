import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { describeFsError, formatBytes } from '../workspace/guarded-read';

/** The text of a file, or why it could not be had. */
export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/**
 * Reads a file as text: UTF-8 (with or without a byte order mark) or UTF-16
 * with a byte order mark. Refuses files larger than `maxSize` bytes, binary
 * files (a NUL byte) and bytes that are not valid in their encoding.
 */
export async function readArticle(path: string, maxSize: number): Promise<ReadResult> {
  let handle;
  try {
    // Non-blocking, so that a FIFO or a device cannot keep open() waiting; the handle, not the path, is checked.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stats.size > maxSize) {
      return { ok: false, reason: `larger than ${formatBytes(maxSize)} (${formatBytes(stats.size)}); raise --max-size to read it` };
    }
    const bytes = await handle.readFile();
    if (bytes.length > maxSize) return { ok: false, reason: `larger than ${formatBytes(maxSize)}; raise --max-size to read it` };
    return decodeText(bytes);
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
export const describeError = describeFsError;
