/** How a kind of finding is shown: a diagnostic severity, or not at all. */
export type SeverityChoice = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The kinds of finding whose severity is a setting (`claimlens.severity.<kind>`). */
export const severityKinds = ['uncited', 'attributed', 'cited', 'ignored', 'brokenSource'] as const;
export type SeverityKind = (typeof severityKinds)[number];

/** Each kind's severity when the setting is not given. */
export const defaultSeverity: Readonly<Record<SeverityKind, SeverityChoice>> = {
  uncited: 'warning',
  attributed: 'information',
  cited: 'hint',
  ignored: 'hint',
  brokenSource: 'warning',
};

/** The severities a setting may name. */
export const severityChoices: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];
