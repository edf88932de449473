import { decodeText, type ReadResult } from './decode';
import { readGuarded } from './guarded-read';

export { decodeText, type ReadResult } from './decode';
export { describeFsError as describeError } from './guarded-read';

/**
 * Reads an article through the guarded reader (non-blocking open, regular
 * files only, at most `maxSize` bytes) and decodes it (see `decodeText`).
 * The reasons it gives are worded for someone running `claimlens check`:
 * a file too large says how to raise the limit.
 */
export async function readArticle(path: string, maxSize: number): Promise<ReadResult> {
  const read = await readGuarded(path, { maxBytes: maxSize });
  if (read.ok) return decodeText(read.bytes);
  // The guard's own refusals end in "; not read"; anything else is the system's error.
  if (!read.reason.endsWith('; not read')) return { ok: false, reason: `cannot read: ${read.reason}` };
  const reason = read.reason.slice(0, -'; not read'.length);
  return reason.startsWith('larger than') ? { ok: false, skipped: true, reason: `${reason}; raise --max-size to read it` } : { ok: false, reason };
}
