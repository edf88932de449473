/**
 * Open documents analysed in a worker thread under a time limit: an
 * analysis that runs longer is stopped (the thread is ended and a new one
 * started), and the document is reported as not analysed, so one
 * pathological article can neither hold up the server's answers nor run for
 * ever. Node only: the thread runs the server's own bundle.
 */
import { Worker, parentPort } from 'node:worker_threads';
import { createAnalyzer, type Analysis, type BibEntry, type Bibliography, type DocumentAnalyzer, type Format, type IgnoredClaim, type Settings, type TextChange } from '../core';

/** One analysis asked of the thread. */
export interface AnalysisJob {
  readonly uri: string;
  readonly text: string;
  /** Edits since the previous job for the same URI; undefined: analyse afresh. */
  readonly changes?: readonly TextChange[];
  readonly format: Format;
  readonly settings: Settings;
  readonly ignoredClaims: readonly IgnoredClaim[];
  /** The bibliography's entries, with a number that changes when they do. */
  readonly bibliography?: { readonly id: number; readonly entries: readonly BibEntry[] };
}

/** What the thread answers. */
export type AnalysisOutcome = { readonly analysis: Analysis } | { readonly timedOut: true; readonly limitMs: number } | { readonly failed: string };

type ToThread = ({ readonly kind: 'analyse'; readonly id: number } & AnalysisJob) | { readonly kind: 'forget'; readonly uri: string } | { readonly kind: 'forget-all' };
type FromThread = { readonly id: number; readonly analysis: Analysis } | { readonly id: number; readonly failed: string };

/** Marks the worker's `workerData`, so the bundle knows to serve analyses rather than start a server. */
export const analysisThreadMarker = 'claimlens-analysis-thread';

/** The main thread's side: sends jobs, times them, and replaces a thread that ran over. */
export class AnalysisThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { job: AnalysisJob; limitMs: number; resolve: (outcome: AnalysisOutcome) => void; timer: ReturnType<typeof setTimeout> }>();

  constructor(
    /** The script the thread runs: the server's bundle. */
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  /** Analyses in the thread; stopped (`timedOut`) when it runs longer than `limitMs` milliseconds, counted from now. */
  analyse(job: AnalysisJob, limitMs: number): Promise<AnalysisOutcome> {
    return new Promise((resolve) => this.send(++this.nextId, job, limitMs, resolve));
  }

  /** Drops the thread's state for a closed document. */
  forget(uri: string): void {
    this.worker?.postMessage({ kind: 'forget', uri } satisfies ToThread);
  }

  /** Drops the thread's state for every document: the next job of each is analysed afresh. */
  forgetAll(): void {
    this.worker?.postMessage({ kind: 'forget-all' } satisfies ToThread);
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      this.pending.delete(id);
      waiting.resolve({ failed: 'the server is shutting down' });
    }
    void worker?.terminate();
  }

  private send(id: number, job: AnalysisJob, limitMs: number, resolve: (outcome: AnalysisOutcome) => void): void {
    const worker = this.ensureWorker();
    const timer = setTimeout(() => {
      this.pending.delete(id);
      resolve({ timedOut: true, limitMs });
      this.log(`The analysis of ${job.uri} took longer than ${limitMs} ms and was stopped.`);
      this.replaceWorker();
    }, limitMs);
    this.pending.set(id, { job, limitMs, resolve, timer });
    worker.postMessage({ kind: 'analyse', id, ...job } satisfies ToThread);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: analysisThreadMarker });
    worker.on('message', (message: FromThread) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      waiting.resolve('analysis' in message ? { analysis: message.analysis } : { failed: message.failed });
    });
    worker.on('error', (error) => {
      this.log(`The analysis thread failed: ${error.stack ?? error.message}`);
      if (this.worker === worker) this.replaceWorker();
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /**
   * Ends the thread (busy with a job that ran over, or broken) and sends the
   * other jobs it held to a new one, whole: the new thread knows no earlier
   * text to apply edits to.
   */
  private replaceWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    const waiting = [...this.pending.entries()];
    this.pending.clear();
    for (const [id, { job, limitMs, resolve, timer }] of waiting) {
      clearTimeout(timer);
      const { changes: _changes, ...whole } = job;
      this.send(id, whole, limitMs, resolve);
    }
  }
}

/** The thread's side: keeps an incremental analyser per document, as the server does in its own thread. */
export function serveAnalyses(): void {
  const port = parentPort;
  if (!port) return;
  const states = new Map<string, { signature: string; bibliographyId: number | undefined; analyzer: DocumentAnalyzer }>();
  port.on('message', (message: ToThread) => {
    if (message.kind === 'forget') {
      states.delete(message.uri);
      return;
    }
    if (message.kind === 'forget-all') {
      states.clear();
      return;
    }
    try {
      const signature = `${message.format}\u0000${JSON.stringify(message.settings)}\u0000${JSON.stringify(message.ignoredClaims)}`;
      let state = states.get(message.uri);
      let changes = message.changes;
      if (!state || state.signature !== signature || state.bibliographyId !== message.bibliography?.id || !changes) {
        const bibliography = message.bibliography ? bibliographyOf(message.bibliography.entries) : undefined;
        state = {
          signature,
          bibliographyId: message.bibliography?.id,
          analyzer: createAnalyzer({ format: message.format, settings: message.settings, ignoredClaims: message.ignoredClaims, ...(bibliography ? { bibliography } : {}) }),
        };
        states.set(message.uri, state);
        changes = undefined;
      }
      const analysis = state.analyzer.update(message.text, changes);
      port.postMessage({ id: message.id, analysis } satisfies FromThread);
    } catch (cause) {
      states.delete(message.uri);
      port.postMessage({ id: message.id, failed: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) } satisfies FromThread);
    }
  });
}

function bibliographyOf(entries: readonly BibEntry[]): Bibliography {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  return { lookup: (key) => byKey.get(key), entries: () => entries };
}
