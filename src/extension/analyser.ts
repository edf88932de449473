import { analyze, createAnalyzer, type Analysis, type Bibliography, type DocumentAnalyzer, type Format, type Settings, type TextChange } from '../core/index';

/** What an analyser is asked: one document's text at one version. */
export interface AnalysisRequest {
  /** The document's URI, as a string: the key an incremental analyser keeps its state under. */
  readonly key: string;
  readonly text: string;
  readonly format: Format;
  readonly settings: Settings;
  readonly bibliography?: Bibliography;
  /** The edits since the previous request for the same key, in the order they were made. */
  readonly changes?: readonly TextChange[];
}

/**
 * Turns a document's text into an `Analysis`. The editor keeps one per
 * session; an incremental analyser keeps per-document state between calls
 * (under `request.key`) and drops it in `forget`.
 */
export interface Analyser {
  analyse(request: AnalysisRequest): Analysis;
  forget(key: string): void;
}

/** Analyses the whole text every time. */
export const wholeTextAnalyser: Analyser = {
  analyse: (request) =>
    analyze(request.text, { format: request.format, settings: request.settings, ...(request.bibliography ? { bibliography: request.bibliography } : {}) }),
  forget: () => undefined,
};

/**
 * Keeps a core `DocumentAnalyzer` per document, so an edit re-analyses only
 * the blocks it touched. A new one is made when the document's format,
 * settings or bibliography change.
 */
export function createIncrementalAnalyser(): Analyser {
  const states = new Map<string, { format: Format; settings: Settings; bibliography?: Bibliography; analyzer: DocumentAnalyzer }>();
  return {
    analyse(request) {
      const state = states.get(request.key);
      if (state && state.format === request.format && state.settings === request.settings && state.bibliography === request.bibliography) {
        try {
          return state.analyzer.update(request.text, request.changes);
        } catch (cause) {
          states.delete(request.key);
          throw new Error('Incremental analysis failed', { cause });
        }
      }
      const analyzer = createAnalyzer({ format: request.format, settings: request.settings, ...(request.bibliography ? { bibliography: request.bibliography } : {}) });
      states.set(request.key, { format: request.format, settings: request.settings, ...(request.bibliography ? { bibliography: request.bibliography } : {}), analyzer });
      return analyzer.update(request.text);
    },
    forget(key) {
      states.delete(key);
    },
  };
}
