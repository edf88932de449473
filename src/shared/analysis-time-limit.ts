/**
 * How long the analysis of one open document may run before it is stopped
 * (`claimlens.analysisTimeLimitSeconds`): the editor's default and the
 * range the editor and the language server accept.
 */
export const defaultAnalysisTimeLimitSeconds = 20;
export const minAnalysisTimeLimitSeconds = 1;
export const maxAnalysisTimeLimitSeconds = 3600;

/** A setting's value as a time limit in milliseconds: clamped to the range; undefined when it is no number. */
export function analysisTimeLimitMs(seconds: unknown): number | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return undefined;
  return Math.round(Math.min(maxAnalysisTimeLimitSeconds, Math.max(minAnalysisTimeLimitSeconds, seconds)) * 1000);
}
