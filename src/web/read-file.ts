/**
 * How the web client answers the server's `claimlens/readFile`: the rules
 * the command line and the desktop extension keep on disk, for a file
 * system reached through `workspace.fs`. A file is read only when it lies
 * inside a workspace folder (after `..` and percent-encoding are resolved),
 * is a regular file and not a symbolic link (whose target `workspace.fs`
 * cannot show), and is no larger than its kind's cap.
 */
import type { ReadFileKind, ReadFileParams, ReadFileResult } from '../server/protocol';
import { uriPathInside, uriPathToUri, uriToUriPath } from '../shared/uri-paths';
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

/** Reads the file `params` names for the server, if the rules allow; never throws. */
export async function answerReadFile(params: ReadFileParams, folders: readonly string[], fs: ClientFileSystem): Promise<ReadFileResult> {
  const cap = caps[params.kind];
  if (cap === undefined) return { ok: false, missing: false, reason: `not a kind of file Claim Lens reads (${String(params.kind)})` };
  const path = typeof params.uri === 'string' ? uriToUriPath(params.uri) : undefined;
  if (path === undefined) return { ok: false, missing: false, reason: 'not a file in a folder; not read' };
  const inside = folders.some((folder) => {
    const folderPath = uriToUriPath(folder);
    return folderPath !== undefined && uriPathInside(folderPath, path);
  });
  if (!inside) return { ok: false, missing: false, reason: 'outside the workspace folder; not read' };
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

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
