import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { homepage } from '../../package.json';
import type { ReportFile, SourceVerification } from '../core';
import { DiskCache, SourceFetcher, targetsOf, userAgentOf, Verifier } from '../verify';
import type { CacheOptions, VerifyCliOptions } from './args';
import type { CliIo } from './io';

/** The cache folder `--verify` uses without `--cache`: `$XDG_CACHE_HOME/claimlens`, else `~/.cache/claimlens`. */
export function defaultCacheDir(env: CliIo['env']): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'claimlens');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'claimlens', 'cache');
  return join(homedir(), '.cache', 'claimlens');
}

/**
 * Checks the cited claims of every file against their sources and returns
 * the files with their `verifications`. One fetcher for the run, so that
 * each address is fetched once and per-host limits hold across files.
 */
export async function verifyFiles(files: readonly ReportFile[], options: VerifyCliOptions, io: CliIo, version: string, quiet: boolean): Promise<ReportFile[]> {
  const cacheDir = options.cacheDir !== undefined ? resolve(io.cwd, options.cacheDir) : defaultCacheDir(io.env);
  const cache = new DiskCache(cacheDir);
  const fetcher = new SourceFetcher({
    userAgent: userAgentOf(version, homepage.replace(/#.*$/u, '')),
    cache,
    offline: options.offline,
    maxAgeMs: options.maxAgeMs,
    timeoutMs: options.timeoutMs,
  });
  const verifier = new Verifier({ fetcher, archiveApi: options.archiveApi });
  const targets = files.map((file) => targetsOf(file.analysis));
  const total = targets.reduce((n, t) => n + t.length, 0);
  let done = 0;
  let shownAt = 0;
  const showProgress = !quiet && io.stderr.isTTY === true && total > 0;
  const results = await Promise.all(targets.map(async (fileTargets) => {
    const verifications: SourceVerification[] = await Promise.all(fileTargets.map(async (target) => {
      const result = await verifier.verify(target);
      done++;
      if (showProgress && (Date.now() - shownAt > 100 || done === total)) {
        shownAt = Date.now();
        io.stderr.write(`\rChecking sources ${done}/${total}…`);
      }
      return result;
    }));
    return verifications;
  }));
  if (showProgress) io.stderr.write('\r\u001b[K');
  // The cache shrinks after the run: what this run used stays, whatever its age or size.
  try {
    await cache.prune({ maxBytes: options.cacheMaxBytes, maxUnusedMs: options.cacheMaxUnusedMs });
  } catch (cause) {
    if (!quiet) io.stderr.write(`claimlens: could not prune the cache in ${cacheDir}: ${cause instanceof Error ? cause.message : String(cause)}\n`);
  }
  return files.map((file, i) => ({ ...file, verifications: results[i] }));
}

/** Claims whose figure is not in a source they cite, or whose source is dead. */
export function unsupportedClaims(files: readonly ReportFile[]): number {
  let count = 0;
  for (const file of files) {
    const claims = new Set<string>();
    for (const v of file.verifications ?? []) if (v.status === 'not-found' || v.status === 'unreachable') claims.add(v.claimId);
    count += claims.size;
  }
  return count;
}

/** `claimlens cache info` and `claimlens cache clear`: the folder, its entries and their size; or empty it. */
export async function runCache(options: CacheOptions, io: CliIo): Promise<number> {
  const cacheDir = options.cacheDir !== undefined ? resolve(io.cwd, options.cacheDir) : defaultCacheDir(io.env);
  const cache = new DiskCache(cacheDir);
  try {
    if (options.action === 'info') {
      const info = await cache.info();
      io.stdout.write(`Cache: ${cacheDir}\nEntries: ${info.entries.toLocaleString('en-US')}\nSize: ${formatBytes(info.bytes)}\n`);
    } else {
      const result = await cache.clear();
      io.stdout.write(`Removed ${result.removed.toLocaleString('en-US')} cached source${result.removed === 1 ? '' : 's'} (${formatBytes(result.freed)}) from ${cacheDir}\n`);
    }
    return 0;
  } catch (cause) {
    io.stderr.write(`claimlens: could not read the cache in ${cacheDir}: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return 2;
  }
}

/** "0 bytes", "12.3 KB", "4.5 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}
