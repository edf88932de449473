import { open } from 'node:fs/promises';
import { decodeText, describeError, formatSize, type ReadResult } from './decode';

export { decodeText, describeError, type ReadResult } from './decode';

/**
 * Reads a file as text (see `decodeText` for the encodings accepted).
 * Refuses what is not a regular file and files larger than `maxSize` bytes,
 * with a reason to show.
 */
export async function readArticle(path: string, maxSize: number): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stats.size > maxSize) {
      return { ok: false, reason: `larger than ${formatSize(maxSize)} (${formatSize(stats.size)}); raise --max-size to read it` };
    }
    return decodeText(await handle.readFile());
  } catch (cause) {
    return { ok: false, reason: `cannot read: ${describeError(cause)}` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
