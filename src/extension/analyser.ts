import { analyze, type Analysis, type Bibliography, type Format, type Settings } from '../core/index';

/** What an analyser is asked: one document's text at one version. */
export interface AnalysisRequest {
  /** The document's URI, as a string: the key an incremental analyser keeps its state under. */
  readonly key: string;
  readonly text: string;
  readonly format: Format;
  readonly settings: Settings;
  readonly bibliography?: Bibliography;
}

/**
 * Turns a document's text into an `Analysis`. The editor keeps one per
 * session; an incremental analyser can keep per-document state between
 * calls (under `request.key`) and drop it in `forget`.
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
