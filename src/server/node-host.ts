import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyseFiles, NearestConfig, RunBibliographies } from '../workspace';
import type { ServerHost } from './host';

/**
 * The language server's host on Node: documents are files, read through
 * the workspace layer the command line uses (guarded reads, bibliographies
 * kept inside the real path of their workspace folder, worker threads for a
 * whole folder).
 */
export function createNodeHost(): ServerHost {
  return {
    pathOf(uri) {
      if (!uri.startsWith('file:')) return undefined;
      try {
        return fileURLToPath(uri);
      } catch {
        return undefined;
      }
    },
    uriOf: (path) => pathToFileURL(path).href,
    dirname,
    relative: (folder, path) => relative(folder, path).split(sep).join('/'),
    join: (folder, relativePath) => resolve(folder, relativePath),
    isInside: (folder, path) => {
      const rel = relative(folder, path);
      return !rel.startsWith('..') && !isAbsolute(rel);
    },
    createConfig: () => new NearestConfig(),
    createBibliographies: (folder, display) => new RunBibliographies(folder, display, [realFolder(folder)]),
    analyseFolder: analyseFiles,
  };
}

function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}
