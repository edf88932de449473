import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { joinResults, streamed, type FileAnalyser, type FileResult, type FilesAnalysis, type RunSetup, type SkippedFile } from './analyse-files';
import { InOrder } from './in-order';
import type { ThreadTimings } from './timings';

/** Files handed to a worker at once: enough to keep it busy between messages, few enough to share the work out evenly. */
const batchSize = 8;

/** A message from the main thread to a worker. */
export type ToWorker =
  | { readonly kind: 'files'; readonly files: readonly { readonly index: number; readonly file: string; readonly path: string }[] }
  | { readonly kind: 'finish' };

/** A message from a worker to the main thread. */
export type FromWorker =
  | { readonly kind: 'results'; readonly results: readonly ({ readonly index: number } & FileResult)[] }
  | {
      readonly kind: 'finished';
      readonly configIssues: FilesAnalysis['configIssues'];
      readonly bibliographyWarnings: FilesAnalysis['bibliographyWarnings'];
      readonly timings?: ThreadTimings;
    }
  | { readonly kind: 'failed'; readonly message: string };

export interface PoolOptions {
  /** Threads analysing at once, this one included: `jobs - 1` workers are started. */
  readonly jobs: number;
  /** This thread's analyser, which takes batches beside the workers. */
  readonly local: FileAnalyser;
  readonly script: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Takes each file's rendering for the report in the order of `paths`, as soon as the files before it are done. */
  readonly onRendered?: (piece: Uint8Array) => void;
  readonly signal?: AbortSignal;
}

/**
 * Analyses files in this thread and `jobs - 1` worker threads, each worker
 * running `script` (the bundle of `analyse-worker.ts`) with its own
 * settings lookup and bibliography cache. Files go out in small batches to whichever worker is
 * free, so a few long files do not hold the others up; results keep the
 * order of `paths`. An aborted `signal` stops handing out files.
 */
export async function analyseInWorkers(
  paths: readonly { readonly file: string; readonly path: string }[],
  setup: RunSetup,
  options: PoolOptions,
): Promise<Pick<FilesAnalysis, 'files' | 'rendered' | 'skipped' | 'leftOut' | 'configIssues' | 'bibliographyWarnings' | 'cancelled'> & { timings: ThreadTimings[] }> {
  const results = new Array<FileResult | undefined>(paths.length);
  const skipped: SkippedFile[] = [];
  const leftOut: SkippedFile[] = [];
  const { onRendered } = options;
  const inOrder = onRendered ? new InOrder<Uint8Array>(onRendered) : undefined;
  const timings: ThreadTimings[] = [];
  const keep = (index: number, result: FileResult): void => {
    if ('files' in result || 'rendered' in result) results[index] = inOrder ? streamed(result, inOrder, index) : result;
    else {
      inOrder?.put(index, []);
      if ('skipped' in result) skipped.push(result.skipped);
      else leftOut.push(result.leftOut);
    }
  };
  const configIssues: FilesAnalysis['configIssues'][number][] = [];
  const bibliographyWarnings: FilesAnalysis['bibliographyWarnings'][number][] = [];
  let next = 0;
  let done = 0;
  let cancelled = false;

  const take = (): { index: number; file: string; path: string }[] => {
    if (options.signal?.aborted) cancelled = true;
    if (cancelled || next >= paths.length) return [];
    const files = paths.slice(next, next + batchSize).map((p, i) => ({ index: next + i, file: p.file, path: p.path }));
    next += files.length;
    return files;
  };

  // This thread works too, a batch at a time as the workers do: its files are read at once, and each is analysed
  // when read, so that the workers' messages are taken between two files.
  const runHere = async (): Promise<void> => {
    for (let files = take(); files.length; files = take()) {
      await Promise.all(files.map(async ({ index, file, path }) => {
        keep(index, await options.local.analyse(file, path));
        options.onProgress?.(++done, paths.length);
      }));
    }
  };

  const runWorker = (): Promise<void> =>
    new Promise<void>((resolvePromise, reject) => {
      const worker = startWorker(options.script, setup);
      const send = (message: ToWorker): void => worker.postMessage(message);
      // Batches sent and not answered yet: a worker holds one in reserve, so that it goes on with the next batch
      // while this thread, busy with a file of its own, has not yet taken its results.
      let outstanding = 0;
      const handOut = (): void => {
        const files = take();
        if (files.length) {
          outstanding++;
          send({ kind: 'files', files });
        } else if (outstanding === 0) send({ kind: 'finish' });
      };
      worker.on('message', (message: FromWorker) => {
        switch (message.kind) {
          case 'results':
            outstanding--;
            for (const result of message.results) {
              keep(result.index, result);
              options.onProgress?.(++done, paths.length);
            }
            handOut();
            break;
          case 'finished':
            configIssues.push(...message.configIssues);
            bibliographyWarnings.push(...message.bibliographyWarnings);
            if (message.timings) timings.push(message.timings);
            void worker.terminate().then(() => resolvePromise());
            break;
          case 'failed':
            void worker.terminate();
            reject(new Error(`a worker failed: ${message.message}`));
            break;
        }
      });
      worker.once('error', (error) => reject(new Error('a worker failed', { cause: error })));
      handOut();
      if (outstanding) handOut();
    });

  await Promise.all([runHere(), ...Array.from({ length: options.jobs - 1 }, runWorker)]);
  if (done < paths.length) cancelled = true;
  inOrder?.flush();
  const { files, rendered } = joinResults(results, setup.render !== undefined);
  return { files, ...(rendered ? { rendered } : {}), skipped, leftOut, configIssues, bibliographyWarnings, cancelled, timings };
}

/**
 * A worker thread running `script`: through `code-cache.js` beside it when
 * there is one (the bundles of dist/), so that the worker takes the compiled
 * code a previous run left in the cache instead of compiling the script anew.
 */
function startWorker(script: string, setup: RunSetup): Worker {
  // Loaded here: a run in one thread does not load it.
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const loader = join(dirname(script), 'code-cache.js');
  if (!existsSync(loader)) return new Worker(script, { workerData: setup });
  const code = `require(${JSON.stringify(loader)}).requireWithCodeCache(${JSON.stringify(script)});`;
  return new Worker(code, { eval: true, workerData: setup });
}
