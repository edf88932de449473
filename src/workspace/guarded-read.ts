/**
 * The one way Claim Lens reads a file a workspace names (an article, a
 * bibliography, a configuration file), for the shells that run on Node (the
 * CLI, and the extension on `file:` folders). A file named by a workspace
 * is hostile until shown otherwise, so a read
 *
 * - opens with `O_NONBLOCK`, so that a FIFO, `/dev/stdin` or a terminal
 *   cannot keep `open()` waiting, and checks the *open handle* (not the
 *   path, which may be swapped in between) is a regular file: `/dev/zero`
 *   and devices are refused, not read for ever;
 * - refuses files larger than a cap, and reads at most the cap even when a
 *   file grows while it is read;
 * - resolves symbolic links (`realpath`), so that a file reached by several
 *   paths is one file, and, given a root, refuses a file whose real path
 *   lies outside it.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { formatBytes } from './read-caps';

export { formatBytes, maxBibliographyBytes, maxConfigBytes } from './read-caps';

/** What a guarded read gives: the bytes and the file's real path, or why not. */
export type GuardedRead =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly realPath: string }
  | {
      readonly ok: false;
      readonly reason: string;
      /** The file does not exist (or a link points nowhere). */
      readonly missing: boolean;
      /** The file exists but lies outside the root. */
      readonly outside?: boolean;
    };

/** How a read is bounded. */
export interface ReadGuard {
  /** Files larger than this many bytes are refused. */
  readonly maxBytes: number;
  /** When set, an absolute folder (itself resolved with `realpath`) that the file's real path must lie in. */
  readonly root?: string;
}

/** Whether `path` is `folder` or lies inside it (both absolute and normalised). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of `path`, or undefined when it cannot be resolved. */
export async function realPathOf(path: string): Promise<string | undefined> {
  return realpath(path).catch(() => undefined);
}

/** Reads the file at `path` under `guard`; never throws. */
export async function readGuarded(path: string, guard: ReadGuard): Promise<GuardedRead> {
  let real: string;
  try {
    real = await realpath(resolve(path));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT' || code === 'ENOTDIR', reason: describeFsError(cause) };
  }
  if (guard.root !== undefined && !isInside(guard.root, real)) {
    return { ok: false, missing: false, outside: true, reason: `outside the workspace folder ${guard.root}; not read` };
  }
  let handle;
  try {
    handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, missing: false, reason: 'not a regular file; not read' };
    if (stats.size > guard.maxBytes) {
      return { ok: false, missing: false, reason: `larger than ${formatBytes(guard.maxBytes)} (${formatBytes(stats.size)}); not read` };
    }
    // Read at most one byte past the cap: a file that grows after the check is caught too.
    const buffer = Buffer.alloc(Math.min(guard.maxBytes + 1, Math.max(stats.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > guard.maxBytes) return { ok: false, missing: false, reason: `larger than ${formatBytes(guard.maxBytes)}; not read` };
    return { ok: true, bytes: buffer.subarray(0, length), realPath: real };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', reason: describeFsError(cause) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A file system error in a few words: `permission denied (EACCES)`. */
export function describeFsError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file (or a broken link)',
    ENOTDIR: 'no such file (a part of the path is not a folder)',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a folder',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
    EAGAIN: 'not ready to be read (a pipe or device)',
  };
  if (code && words[code]) return `${words[code]} (${code})`;
  return cause instanceof Error ? cause.message : String(cause);
}
