import * as vscode from 'vscode';
import { settingNames, type SettingsInput } from '../core/index';
import { defaultSeverity, severityChoices, severityKinds, type SeverityChoice, type SeverityKind } from '../shared/severity';

import { defaultAnalysisTimeLimitSeconds, maxAnalysisTimeLimitSeconds, minAnalysisTimeLimitSeconds } from '../shared/analysis-time-limit';
import { defaultMaxFileSizeKB } from '../shared/max-file-size';

export { severityKinds, type SeverityChoice, type SeverityKind };

/** Settings of the editor alone (the analysis settings live in the core schema). */
export interface EditorSettings {
  readonly enable: boolean;
  readonly enabledLanguageIds: readonly string[];
  readonly debounceMs: number;
  readonly maxFileSizeKB: number;
  /** Seconds an analysis of an open document may run before it is stopped. */
  readonly analysisTimeLimitSeconds: number;
  readonly statusBar: boolean;
  readonly severity: Readonly<Record<SeverityKind, SeverityChoice>>;
}

/** Settings VS Code reads from the user alone in Restricted Mode (`capabilities.untrustedWorkspaces.restrictedConfigurations`). */
const restrictedSettings = new Set<string>(['bibliography']);

/**
 * The `claimlens` section as the language server reads it for a document:
 * the analysis settings written explicitly (so a `.claimlensrc` file fills
 * the rest) and the editor settings.
 */
export function readServerSettings(scope: vscode.ConfigurationScope | undefined): Record<string, unknown> {
  const editor = readEditorSettings(scope);
  return {
    ...readExplicitAnalysisSettings(scope),
    enable: editor.enable,
    enabledLanguageIds: editor.enabledLanguageIds,
    debounceMs: editor.debounceMs,
    maxFileSizeKB: editor.maxFileSizeKB,
    analysisTimeLimitSeconds: editor.analysisTimeLimitSeconds,
    severity: editor.severity,
  };
}

export const defaultLanguageIds = ['markdown', 'mdx', 'html', 'plaintext', 'quarto', 'rmd'] as const;


/** Reads the editor settings that apply to a document (its workspace folder's, in a multi-root workspace). */
export function readEditorSettings(scope: vscode.ConfigurationScope | undefined): EditorSettings {
  const config = vscode.workspace.getConfiguration('claimlens', scope);
  const severity = {} as Record<SeverityKind, SeverityChoice>;
  for (const kind of severityKinds) {
    const value = config.get<string>(`severity.${kind}`, defaultSeverity[kind]);
    severity[kind] = (severityChoices.includes(value) ? value : defaultSeverity[kind]) as SeverityChoice;
  }
  const languages = config.get<unknown>('enabledLanguageIds');
  return {
    enable: config.get<boolean>('enable', true) !== false,
    enabledLanguageIds: Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string') : [...defaultLanguageIds],
    debounceMs: clampNumber(config.get<number>('debounceMs'), 250, 0, 10_000),
    maxFileSizeKB: clampNumber(config.get<number>('maxFileSizeKB'), defaultMaxFileSizeKB, 1, 1_000_000),
    analysisTimeLimitSeconds: clampNumber(config.get<number>('analysisTimeLimitSeconds'), defaultAnalysisTimeLimitSeconds, minAnalysisTimeLimitSeconds, maxAnalysisTimeLimitSeconds),
    statusBar: config.get<boolean>('statusBar.enabled', true) !== false,
    severity,
  };
}

/**
 * The analysis settings written explicitly in VS Code (user, workspace or
 * folder level, the most specific winning). Unset ones are left out so a
 * `.claimlensrc` file and the defaults can fill them.
 */
export function readExplicitAnalysisSettings(scope: vscode.ConfigurationScope | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('claimlens', scope);
  const out: Record<string, unknown> = {};
  for (const key of settingNames as readonly (keyof SettingsInput)[]) {
    const inspected = config.inspect(key);
    // In Restricted Mode the workspace's value of a restricted setting does not count, as VS Code's own reading has it.
    const workspaceCounts = vscode.workspace.isTrusted || !restrictedSettings.has(key);
    const value = (workspaceCounts ? (inspected?.workspaceFolderValue ?? inspected?.workspaceValue) : undefined) ?? inspected?.globalValue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function clampNumber(value: number | undefined, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
