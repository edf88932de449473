/**
 * A worker thread of `analyseFiles`: it analyses the batches of files the
 * main thread sends, with its own settings lookup and bibliography cache, and
 * when told to finish sends what it found wrong in configuration and
 * bibliography files.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { createFileAnalyser, type RunSetup } from './analyse-files';
import { PhaseTimer } from './timings';
import type { FromWorker, ToWorker } from './worker-pool';

const port = parentPort;
if (port) {
  const send = (message: FromWorker): void => port.postMessage(message);
  const setup = workerData as RunSetup;
  const timer = new PhaseTimer(`worker ${threadId}`, setup.timings === true);
  const ready = createFileAnalyser(setup, timer);
  // Batches are taken one after the other: the one held in reserve starts when the one before is sent back.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    queue = queue.then(async () => {
      try {
        const analyser = await ready;
        if (message.kind === 'finish') {
          // Loaded through the code cache's loader: its cache, with the analysis's compiled code, is written before the thread ends.
          (globalThis as Record<symbol, (() => void) | undefined>)[Symbol.for('claimlens.saveCodeCache')]?.();
          send({
            kind: 'finished',
            configIssues: analyser.config.issues,
            bibliographyWarnings: analyser.bibliographies.warnings(),
            ...(timer.on ? { timings: timer.snapshot() } : {}),
          });
          return;
        }
        const results = await Promise.all(message.files.map(async ({ index, file, path }) => ({ index, ...(await analyser.analyse(file, path)) })));
        // Rendered files go as bytes whose buffers are handed over, not copied.
        const transfer = results.flatMap((result) => ('rendered' in result ? result.rendered.pieces.map((bytes) => bytes.buffer as ArrayBuffer) : []));
        port.postMessage({ kind: 'results', results } satisfies FromWorker, transfer);
      } catch (cause) {
        send({ kind: 'failed', message: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) });
      }
    });
  });
}
