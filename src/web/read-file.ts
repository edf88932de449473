/**
 * How the web client answers the server's `claimlens/readFile` and
 * `claimlens/findFiles`: the rules the command line and the desktop
 * extension keep on disk, for a file system reached through `workspace.fs`.
 * A file is read only when it lies inside a workspace folder (after `..` and
 * percent-encoding are resolved), is a regular file and not a symbolic link
 * (whose target `workspace.fs` cannot show), and is no larger than its
 * kind's cap. A glob lists only files inside a workspace folder, and none
 * when its fixed part leads out.
 */
import type { FindFilesParams, FindFilesResult, ReadFileKind, ReadFileParams, ReadFileResult } from '../server/protocol';
import { uriPathInside, uriPathJoin, uriPathToUri, uriToUriPath } from '../shared/uri-paths';
import { formatBytes, maxBibliographyBytes, maxConfigBytes } from '../workspace/read-caps';

/** What a file is, as `workspace.fs.stat` tells it. */
export interface FileKind {
  readonly isFile: boolean;
  readonly isSymbolicLink: boolean;
  readonly size: number;
}

/** The file system the client reads with: URIs as strings; `stat` gives undefined when there is no such file. */
export interface ClientFileSystem {
  stat(uri: string): Promise<FileKind | undefined>;
  readFile(uri: string): Promise<Uint8Array>;
}

const caps: Record<ReadFileKind, number> = { bibliography: maxBibliographyBytes, config: maxConfigBytes };
/** The most files one glob gives. */
const maxGlobMatches = 1000;

/** The workspace folder (as a path) that `path` lies in, if any. */
function folderHolding(folders: readonly string[], path: string): string | undefined {
  return folders.map(uriToUriPath).find((folder) => folder !== undefined && uriPathInside(folder, path));
}

/** Reads the file `params` names for the server, if the rules allow; never throws. */
export async function answerReadFile(params: ReadFileParams, folders: readonly string[], fs: ClientFileSystem): Promise<ReadFileResult> {
  const cap = caps[params.kind];
  if (cap === undefined) return { ok: false, missing: false, reason: `not a kind of file Claim Lens reads (${String(params.kind)})` };
  const path = typeof params.uri === 'string' ? uriToUriPath(params.uri) : undefined;
  if (path === undefined) return { ok: false, missing: false, reason: 'not a file in a folder; not read' };
  if (!folderHolding(folders, path)) return { ok: false, missing: false, reason: 'outside the workspace folder; not read' };
  // The URI checked is the one read: `..` and encodings resolved as the check resolved them.
  const uri = uriPathToUri(path);
  try {
    const kind = await fs.stat(uri);
    if (!kind) return { ok: false, missing: true, reason: 'no such file' };
    if (kind.isSymbolicLink) return { ok: false, missing: false, reason: 'a symbolic link; not read' };
    if (!kind.isFile) return { ok: false, missing: false, reason: 'not a regular file; not read' };
    if (kind.size > cap) return { ok: false, missing: false, reason: `larger than ${formatBytes(cap)} (${formatBytes(kind.size)}); not read` };
    const bytes = await fs.readFile(uri);
    if (bytes.length > cap) return { ok: false, missing: false, reason: `larger than ${formatBytes(cap)}; not read` };
    return { ok: true, base64: toBase64(bytes) };
  } catch (cause) {
    return { ok: false, missing: false, reason: cause instanceof Error ? cause.message : String(cause) };
  }
}

/**
 * Lists the files a glob matches for the server, with `find` (the editor's
 * file search: base URI and pattern in, URIs out), inside the workspace
 * folder of `base` only; never throws.
 */
export async function answerFindFiles(
  params: FindFilesParams,
  folders: readonly string[],
  find: (base: string, pattern: string) => Promise<readonly string[]>,
): Promise<FindFilesResult> {
  const base = typeof params.base === 'string' ? uriToUriPath(params.base) : undefined;
  const root = base === undefined ? undefined : folderHolding(folders, base);
  if (base === undefined || root === undefined || typeof params.pattern !== 'string') return { uris: [] };
  const pattern = params.pattern.replace(/\\/gu, '/');
  // The part before the first wildcard must stay in the folder: `../../**` and `/etc/**` match nothing.
  const fixed = pattern.split('/').findIndex((name) => /[*?[\]{}()!]/u.test(name));
  const fixedPart = (fixed < 0 ? pattern.split('/') : pattern.split('/').slice(0, fixed)).join('/');
  if (/^(?:\/|[A-Za-z]:)/u.test(pattern) || !uriPathInside(root, uriPathJoin(base, fixedPart || '.'))) return { uris: [] };
  try {
    const found = await find(uriPathToUri(base), pattern);
    const inside = new Set(found.flatMap((uri) => {
      const path = uriToUriPath(uri);
      return path !== undefined && uriPathInside(root, path) ? [path] : [];
    }));
    return { uris: [...inside].sort().slice(0, maxGlobMatches).map(uriPathToUri) };
  } catch {
    return { uris: [] };
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
