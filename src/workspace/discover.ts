import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describeFsError as describeError, isInside, realPathOf } from './guarded-read';
import { mayBeArticlePath } from '../core';
import { GitignoreRules, ignoreTop } from './gitignore';

/** Folders never walked into. */
const skippedFolders = new Set(['node_modules', '.git']);

/** The files to analyse, and what went wrong finding them. */
export interface Discovery {
  /** Absolute paths, each once. */
  readonly files: readonly string[];
  /** The files named on the command line themselves (not found in a folder or by a glob). */
  readonly named: ReadonlySet<string>;
  /** Paths, folders or globs that name nothing: usage errors. */
  readonly usageErrors: readonly string[];
  /** Folders that could not be read: I/O errors, as `[path, reason]`. */
  readonly ioErrors: readonly (readonly [string, string])[];
}

/**
 * The folder a run's reads are kept in, as a real path: `root` when given,
 * else the git work tree around `cwd`, else `cwd` itself.
 */
export async function workspaceRoot(root: string | undefined, cwd: string): Promise<string> {
  if (root !== undefined) return realpath(root).catch(() => root);
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (await stat(join(dir, '.git')).then(() => true, () => false)) return realpath(dir).catch(() => dir);
    if (dirname(dir) === dir) break;
  }
  return realpath(cwd).catch(() => cwd);
}

/**
 * The folders a run may read bibliographies from and follow links into:
 * `--root` alone when given; else the git work tree around the working
 * folder (or the working folder), and the same around each folder or file
 * named on the command line that lies outside it.
 */
export async function readRoots(options: { readonly root?: string; readonly paths: readonly string[] }, cwd: string): Promise<string[]> {
  if (options.root !== undefined) return [await workspaceRoot(resolve(cwd, options.root), cwd)];
  const roots = [await workspaceRoot(undefined, cwd)];
  for (const input of options.paths) {
    const path = resolve(cwd, input);
    const stats = await stat(path).catch(() => undefined);
    if (!stats) continue;
    const real = (await realPathOf(path)) ?? path;
    if (roots.some((root) => isInside(root, real))) continue;
    roots.push(await workspaceRoot(undefined, stats.isDirectory() ? real : dirname(real)));
  }
  return roots;
}

/**
 * Expands the command line's paths: a file is taken as it is (when Claim
 * Lens reads its format, or it is a `.json` or `.xml` file that may be a
 * WordPress post or export); a folder is walked, skipping `node_modules`,
 * `.git` and what `.gitignore` files ignore; anything else is a glob,
 * filtered the same way.
 */
export async function discoverFiles(inputs: readonly string[], cwd: string, roots: readonly string[] = [cwd]): Promise<Discovery> {
  const files = new Set<string>();
  const named = new Set<string>();
  const usageErrors: string[] = [];
  const ioErrors: [string, string][] = [];
  const rules = new GitignoreRules();

  const walk = async (top: string, folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (cause) {
      ioErrors.push([folder, `cannot read folder: ${describeError(cause)}`]);
      return;
    }
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (skippedFolders.has(entry.name)) continue;
      const path = join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        // Links to files inside the root are followed; links to folders are not, so no walk can loop.
        const target = await stat(path).catch(() => undefined);
        isDirectory = false;
        if (target?.isDirectory()) continue;
        const real = await realPathOf(path);
        if (real !== undefined && !roots.some((root) => isInside(root, real))) continue;
      } else if (!isDirectory && !entry.isFile()) {
        continue;
      }
      if (!isDirectory && !mayBeArticlePath(entry.name)) continue;
      if (await rules.ignores(top, path, isDirectory)) continue;
      if (isDirectory) subfolders.push(path);
      else files.add(path);
    }
    await Promise.all(subfolders.map((sub) => walk(top, sub)));
  };

  for (const input of inputs) {
    const path = resolve(cwd, input);
    const stats = await stat(path).catch(() => undefined);
    if (stats?.isDirectory()) {
      // A folder named on the command line is walked even when ignored; then only the rules inside it apply.
      const top = await ignoreTop(path, cwd);
      await walk((await rules.ignores(top, path, true)) ? path : top, path);
    } else if (stats?.isFile()) {
      if (mayBeArticlePath(path)) {
        files.add(path);
        named.add(path);
      } else {
        usageErrors.push(`not a file Claim Lens reads: ${input} (it reads .md, .markdown, .mdx, .html, .htm, .txt, and WordPress posts and exports in .json and .xml)`);
      }
    } else if (stats) {
      usageErrors.push(`not a file or folder: ${input}`);
    } else if (globs().isDynamicPattern(input)) {
      const top = await ignoreTop(cwd, cwd);
      const matches = await globs().glob([input], {
        cwd,
        absolute: true,
        onlyFiles: true,
        expandDirectories: false,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      let found = 0;
      for (const match of matches) {
        const file = resolve(match);
        if (!mayBeArticlePath(file) || (await rules.ignores(top, file, false))) continue;
        files.add(file);
        found++;
      }
      if (!found) usageErrors.push(`no file Claim Lens reads matches ${input}`);
    } else {
      usageErrors.push(`no such file or folder: ${input}`);
    }
  }
  return { files: [...files], named, usageErrors, ioErrors };
}

/** tinyglobby, loaded when a path names nothing as it stands (it may be a glob): a run on files and folders does not load it. */
function globs(): typeof import('tinyglobby') {
  return require('tinyglobby') as typeof import('tinyglobby');
}
