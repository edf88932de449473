/**
 * Paths that stand for URIs, for the language server in a browser and the
 * web client that reads files for it: `/` + the URI's scheme and authority
 * as one encoded name + its decoded path (`vscode-vfs://github/o/r/a.md` is
 * `/vscode-vfs%3A%2F%2Fgithub/o/r/a.md`), so that folders, relative names
 * and `..` work as on a disk while the authority can never be left. Both
 * sides compare these, so `..` and percent-encoding cannot lead a read out
 * of a folder.
 */

/** A hierarchical URI without query or fragment: its scheme and authority, and its path. */
const hierarchicalUri = /^([a-zA-Z][\w+.-]*)(:\/\/[^/?#]*)(\/[^?#]*)?$/u;

/** The path standing for a URI, or undefined for one without a folder (`untitled:`, a query). */
export function uriToUriPath(uri: string): string | undefined {
  const match = hierarchicalUri.exec(uri);
  if (!match) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(match[3] ?? '/');
  } catch {
    return undefined;
  }
  return `/${encodeURIComponent(`${match[1].toLowerCase()}${match[2]}`)}${normalizePath(path)}`;
}

/** The URI a path stands for. */
export function uriPathToUri(path: string): string {
  const { head, rest } = splitUriPath(path);
  return `${head}${rest.split('/').map(encodeURIComponent).join('/')}`;
}

/** The folder holding `path` (the root stays the root). */
export function uriPathDirname(path: string): string {
  const { prefix, rest } = splitUriPath(path);
  const cut = rest.lastIndexOf('/');
  return `${prefix}${cut <= 0 ? '/' : rest.slice(0, cut)}`;
}

/** `relativePath` (`/`-separated, `..` allowed, `/` from the root) resolved against `folder`; never above the root. */
export function uriPathJoin(folder: string, relativePath: string): string {
  const { prefix, rest } = splitUriPath(folder);
  const path = relativePath.replace(/\\/gu, '/');
  return `${prefix}${normalizePath(path.startsWith('/') ? path : `${rest}/${path}`)}`;
}

/** Whether `path` is `folder` or lies inside it. */
export function uriPathInside(folder: string, path: string): boolean {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return path === folder || path.startsWith(base);
}

/** `path` relative to `folder`, `/`-separated; the whole URI when they are under different authorities. */
export function uriPathRelative(folder: string, path: string): string {
  const from = splitUriPath(folder);
  const to = splitUriPath(path);
  if (from.prefix !== to.prefix) return uriPathToUri(path);
  const a = from.rest.split('/').filter(Boolean);
  const b = to.rest.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

function splitUriPath(path: string): { prefix: string; head: string; rest: string } {
  const cut = path.indexOf('/', 1);
  const prefix = cut < 0 ? path : path.slice(0, cut);
  return { prefix, head: decodeURIComponent(prefix.slice(1)), rest: cut < 0 ? '/' : path.slice(cut) };
}

/** An absolute `/`-path with `.`, `..` and empty names taken out; `..` stops at the root. */
function normalizePath(path: string): string {
  const names: string[] = [];
  for (const name of path.split('/')) {
    if (name === '' || name === '.') continue;
    if (name === '..') names.pop();
    else names.push(name);
  }
  return `/${names.join('/')}`;
}
