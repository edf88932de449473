import { settingNames } from '../core';
import { defaultSeverity, severityChoices, severityKinds, type SeverityChoice, type SeverityKind } from '../shared/severity';

import { analysisTimeLimitMs } from '../shared/analysis-time-limit';
import { defaultMaxFileSizeKB } from '../shared/max-file-size';

export { severityKinds, type SeverityChoice, type SeverityKind };

/** The server's settings beside the analysis settings: what VS Code calls the editor settings. */
export interface ServerEditorSettings {
  readonly enable: boolean;
  /** Milliseconds after the last edit before diagnostics are pushed. */
  readonly debounceMs: number;
  /** Larger documents are not analysed; a notice says so. */
  readonly maxFileSizeKB: number;
  readonly severity: Readonly<Record<SeverityKind, SeverityChoice>>;
  /** The language ids read (`claimlens.enabledLanguageIds`); undefined: every language the server knows. */
  readonly enabledLanguageIds?: readonly string[];
  /**
   * Milliseconds an analysis of an open document may run before it is
   * stopped (`analysisTimeLimitSeconds`, 1 to 3600 seconds); undefined when
   * the client does not say (the initialization options' limit applies).
   */
  readonly analysisTimeLimitMs?: number;
}

/** A client's `claimlens` settings, read apart. */
export interface ClientSettings {
  /** The analysis settings the client gives (unvalidated: `mergeSettings` checks them). */
  readonly analysis: Record<string, unknown>;
  readonly editor: ServerEditorSettings;
}

/**
 * Reads the `claimlens` section a client sends (through
 * `workspace/configuration`, `didChangeConfiguration` or the initialization
 * options). Both shapes clients write are read: nested
 * (`{ severity: { uncited: "error" } }`, as VS Code and most editors send
 * it) and dotted (`{ "severity.uncited": "error" }`). Anything missing or
 * of the wrong type takes its default.
 */
export function readClientSettings(raw: unknown): ClientSettings {
  const section = isRecord(raw) ? raw : {};
  const get = (path: string): unknown => {
    if (path in section) return section[path];
    let value: unknown = section;
    for (const part of path.split('.')) value = isRecord(value) ? value[part] : undefined;
    return value;
  };
  const analysis: Record<string, unknown> = {};
  for (const key of settingNames) {
    const value = get(key);
    if (value !== undefined && value !== null) analysis[key] = value;
  }
  const severity = {} as Record<SeverityKind, SeverityChoice>;
  for (const kind of severityKinds) {
    const value = get(`severity.${kind}`);
    severity[kind] = typeof value === 'string' && severityChoices.includes(value) ? (value as SeverityChoice) : defaultSeverity[kind];
  }
  const languages = get('enabledLanguageIds');
  const limitMs = analysisTimeLimitMs(get('analysisTimeLimitSeconds'));
  return {
    analysis,
    editor: {
      ...(Array.isArray(languages) ? { enabledLanguageIds: languages.filter((l): l is string => typeof l === 'string') } : {}),
      ...(limitMs !== undefined ? { analysisTimeLimitMs: limitMs } : {}),
      enable: get('enable') !== false,
      debounceMs: clampNumber(get('debounceMs'), 250, 0, 10_000),
      maxFileSizeKB: clampNumber(get('maxFileSizeKB'), defaultMaxFileSizeKB, 1, 1_000_000),
      severity,
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clampNumber(value: unknown, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
