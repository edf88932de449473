import * as vscode from 'vscode';
import { settingNames, type SettingsInput } from '../core/index';

/** How a kind of finding is shown: a diagnostic severity, or not at all. */
export type SeverityChoice = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The kinds of finding whose severity is a setting (`claimlens.severity.<kind>`). */
export const severityKinds = ['uncited', 'attributed', 'cited', 'ignored', 'brokenSource'] as const;
export type SeverityKind = (typeof severityKinds)[number];

/** Settings of the editor alone (the analysis settings live in the core schema). */
export interface EditorSettings {
  readonly enable: boolean;
  readonly enabledLanguageIds: readonly string[];
  readonly debounceMs: number;
  readonly maxFileSizeKB: number;
  readonly statusBar: boolean;
  readonly severity: Readonly<Record<SeverityKind, SeverityChoice>>;
}

export const defaultLanguageIds = ['markdown', 'mdx', 'html', 'plaintext', 'quarto', 'rmd'] as const;

const defaultSeverity: Record<SeverityKind, SeverityChoice> = {
  uncited: 'warning',
  attributed: 'information',
  cited: 'hint',
  ignored: 'hint',
  brokenSource: 'warning',
};

const severityChoices: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

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
    maxFileSizeKB: clampNumber(config.get<number>('maxFileSizeKB'), 2048, 1, 1_000_000),
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
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function clampNumber(value: number | undefined, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
