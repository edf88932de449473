/**
 * Loads a bundle of dist/ with V8's code cache: the bytecode of the
 * functions a run compiled is kept in the user's cache folder, and the next
 * run of the same bundle, Node and machine takes it instead of parsing and
 * compiling the bundle again. `bin/claimlens.js` loads the CLI through it,
 * and the worker threads of a run over many files load theirs the same way.
 *
 * The cache is written after a run, not after loading (as the
 * `v8-compile-cache` package does), so that it holds the analysis's
 * functions too, which V8 compiles lazily on their first call. It is
 * written once: when there was none, or when V8 refused the one there was
 * (another Node, other V8 flags). Any failure to read or write it is
 * silent: the bundle is then loaded as `require` would.
 *
 * `CLAIMLENS_CODE_CACHE=0` turns it off; `CLAIMLENS_CODE_CACHE=DIR` keeps
 * the cache in DIR. This file is its own small bundle, with no dependency.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** A bundle loaded with a code cache, whose cache is still to be written. */
interface Pending {
  readonly script: Script;
  readonly cacheFile: string;
}

const pending: Pending[] = [];
let exitHooked = false;

/** The global through which a bundle loaded here asks for its cache to be written now (a worker thread that is about to end). */
export const saveHook = Symbol.for('claimlens.saveCodeCache');

/** The folder of the code cache, or undefined when it is turned off. */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.CLAIMLENS_CODE_CACHE;
  if (setting === '0' || setting === 'false' || setting === 'off') return undefined;
  if (setting) return setting;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'claimlens', 'v8');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'claimlens', 'cache', 'v8');
  return join(homedir(), '.cache', 'claimlens', 'v8');
}

/**
 * The cache file of a bundle: named by the bundle's path, size and time of
 * change and by Node's version and architecture, so that a rebuilt bundle or
 * another Node never meets an old cache. (V8 checks its own version and
 * flags too, and refuses a cache that does not fit.)
 */
export function codeCacheFile(folder: string, filename: string, size: number, mtimeMs: number): string {
  const key = `${filename}\u0000${size}\u0000${mtimeMs}\u0000${process.version}\u0000${process.arch}`;
  return join(folder, `${basename(filename, '.js')}-${fnv1a(key)}.bin`);
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell cache files apart, without loading `node:crypto`. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Loads `filename` (a CommonJS bundle) as `require` would, registered in
 * `require.cache` under its path, compiling it with the cached code when
 * there is a usable cache. Returns its exports.
 */
export function requireWithCodeCache(filename: string, parent?: NodeModule): unknown {
  const cached = require.cache[filename];
  if (cached) return cached.exports;
  const folder = codeCacheFolder();
  let stats;
  try {
    stats = statSync(filename);
  } catch {
    return require(filename);
  }
  if (folder === undefined) return require(filename);
  const source = readFileSync(filename, 'utf8');
  const cacheFile = codeCacheFile(folder, filename, stats.size, stats.mtimeMs);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(source), { filename, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected === true) remember({ script, cacheFile });

  const ModuleClass = Module as unknown as {
    new (id: string, parent?: NodeModule): NodeModule & { paths: string[]; loaded: boolean; filename: string };
    _nodeModulePaths(folder: string): string[];
    _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: { paths?: string[] }): string;
    _cache: Record<string, NodeModule>;
  };
  const loaded = new ModuleClass(filename, parent);
  loaded.filename = filename;
  loaded.paths = ModuleClass._nodeModulePaths(dirname(filename));
  ModuleClass._cache[filename] = loaded;
  const localRequire = ((id: string) => loaded.require(id)) as NodeJS.Require;
  localRequire.resolve = ((request: string, options?: { paths?: string[] }) => ModuleClass._resolveFilename(request, loaded, false, options)) as NodeJS.RequireResolve;
  localRequire.cache = require.cache;
  localRequire.main = require.main;
  try {
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(loaded.exports, loaded.exports, localRequire, loaded, filename, dirname(filename));
  } catch (error) {
    delete ModuleClass._cache[filename];
    throw error;
  }
  loaded.loaded = true;
  return loaded.exports;
}

function remember(entry: Pending): void {
  pending.push(entry);
  (globalThis as Record<symbol, unknown>)[saveHook] = saveCodeCaches;
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', saveCodeCaches);
  }
}

/**
 * Writes the caches still to be written, with the code of every function
 * compiled so far. Each is written to a temporary file and renamed, so that
 * a run starting meanwhile reads a whole cache or none.
 */
export function saveCodeCaches(): void {
  for (const { script, cacheFile } of pending.splice(0)) {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      const temporary = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only or full cache folder: the next run compiles as this one did.
    }
  }
}
