import { z } from 'zod';
import { ignorePatternError } from './ignore-patterns';
import { languageCodes, languageOf } from './lang';

/** Claim statuses a user can choose to report. */
export const reportableStatuses = ['uncited', 'attributed', 'cited', 'ignored'] as const;

/**
 * The one schema for Claim Lens settings. `.claimlensrc.json`/`.yaml` files,
 * VS Code's `claimlens.*` settings and the CLI all read through it; the
 * extension manifest's `contributes.configuration` is checked against it.
 */
export const settingsSchema = z.strictObject({
  /** Where a claim's sources are looked for: its sentence, or its whole paragraph. */
  scope: z.enum(['sentence', 'paragraph']).default('sentence')
    .describe('Where sources count for a claim: the sentence it stands in, or its whole paragraph.'),
  /** Which claim statuses are reported as findings (diagnostics, CLI lines, SARIF results). */
  report: z.array(z.enum(reportableStatuses)).default(['uncited', 'attributed'])
    .describe('Which claim statuses are reported as findings.'),
  /** Extra attributing phrases, beside the built-in ones ("as reported by", "数据来源"). */
  attributionPhrases: z.array(z.string().min(1)).default([])
    .describe('Extra phrases that attribute a claim to the source named after them, beside the built-in ones.'),
  /** Regular expressions; a claim whose anchor text matches one is ignored. */
  ignorePatterns: z.array(ignorePatternSchema()).default([])
    .describe('Regular expressions (RE2 syntax, matched in linear time): a claim whose text matches one is ignored.'),
  /** Languages whose number words and attribution phrases are recognised. */
  languages: z.array(languageCodeSchema()).min(1).default(['en', 'zh'])
    .describe('Languages whose number words, scale words and attribution phrases are recognised.'),
  /** Whether headings are analysed for claims (the spec says no by default). */
  /** Whether the editor's hover shows which named rules decided a claim (as `claimlens check --explain` does). */
  explainInHover: z.boolean().default(false)
    .describe('Show in the hover which named rules decided the claim: its span, kind, value and sources, as `claimlens check --explain` prints them.'),
  includeHeadings: z.boolean().default(false)
    .describe('Analyse headings for claims too.'),
  /** Bibliography files (paths or globs, relative to the workspace folder or config file). */
  bibliography: z.array(z.string().min(1)).default([])
    .describe('Bibliography files (BibTeX, CSL-JSON, CSL-YAML): paths or globs relative to the workspace folder.'),
  /**
   * Whether a link on a name (its text only a name, its target a topic or
   * profile page) cites a claim: `any` counts every link; `strong` counts
   * such a link as naming the source only, so the claim is attributed.
   */
  linkSources: z.enum(['any', 'strong']).default('any')
    .describe('Whether a link whose text is only a name and whose target is a topic or profile page ("Yahoo" linking to /topic/yahoo) cites a claim: "any" counts every link, "strong" counts such a link as naming the source only.'),
});

/** Settings after defaults are filled in. */
export type Settings = z.output<typeof settingsSchema>;
/** Settings as written in a file: every field optional. */
export type SettingsInput = z.input<typeof settingsSchema>;

/** The defaults, as `settingsSchema.parse({})` gives them. */
export const defaultSettings: Settings = settingsSchema.parse({});

/**
 * One `languages` entry: the code of a registered language pack ("en" and
 * "zh" ship; `registerLanguage` adds more), checked when settings are read,
 * so the message names the packs there are.
 */
function languageCodeSchema() {
  return z.string().min(1).superRefine((code, ctx) => {
    if (!languageOf(code)) ctx.addIssue({ code: 'custom', message: `no language pack "${code}"; the packs are ${languageCodes().join(', ')}` });
  });
}

/** One `ignorePatterns` entry: a pattern the linear-time engine compiles. */
function ignorePatternSchema() {
  return z.string().min(1).superRefine((source, ctx) => {
    const error = ignorePatternError(source);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });
}

/** One thing wrong with a settings object, with the dotted path of the field. */
export interface SettingsIssue {
  readonly field: string;
  readonly message: string;
  /** The field's path as keys and array indices (`['report', 1]`); empty for the whole object. */
  readonly path: readonly (string | number)[];
}

/** The outcome of `parseSettings`: usable settings always, and what was wrong. */
export interface ParsedSettings {
  readonly settings: Settings;
  readonly issues: readonly SettingsIssue[];
}

/**
 * Validates raw settings. Never throws: fields that are wrong are reported
 * and replaced by their defaults, so one bad field loses nothing else.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  if (raw === undefined || raw === null) return { settings: defaultSettings, issues: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: defaultSettings, issues: [{ field: '(root)', message: `expected an object, got ${describe(raw)}`, path: [] }] };
  }
  const result = settingsSchema.safeParse(raw);
  if (result.success) return { settings: result.data, issues: [] };
  const shape = settingsSchema.shape as Record<string, z.ZodType>;
  const issueAt = (path: readonly PropertyKey[], message: string): SettingsIssue => {
    const at = path.map((p) => (typeof p === 'number' ? p : String(p)));
    return { field: at.length ? at.join('.') : '(root)', message, path: at };
  };
  const issues: SettingsIssue[] = result.error.issues.flatMap((issue) =>
    // One issue per unknown key, so each can point at its own field.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => issueAt([...issue.path, key], `unknown setting; expected one of ${Object.keys(shape).join(', ')}`))
      : [issueAt(issue.path, issue.message)],
  );
  // Keep every field that is valid on its own; drop the rest to defaults.
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = shape[key];
    if (!field) continue;
    if (field.safeParse(value).success) kept[key] = value;
    else if (Array.isArray(value) && arrayFields.has(key)) {
      // A list keeps its good items: one bad pattern does not drop the others.
      const good = value.filter((item) => field.safeParse([item]).success);
      if (good.length) kept[key] = good;
    }
  }
  return { settings: settingsSchema.parse(kept), issues };
}

/** Settings that are lists of independent items. */
const arrayFields = new Set(['attributionPhrases', 'ignorePatterns', 'bibliography']);

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string "${value}"` : `${typeof value} ${String(value)}`;
}
