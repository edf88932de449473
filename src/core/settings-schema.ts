/**
 * The zod schemas of Claim Lens settings and of a configuration file's
 * `ignore` entries, and what is read through them. zod is the largest
 * library in the bundles and building its schemas takes time: the CLI and
 * the language server load this module (the bundles of dist/, from its own
 * file) only when there are settings to check, a configuration file or the
 * editor's settings, never for a run on defaults.
 */
import * as z from 'zod';
import { ignorePatternError } from './ignore-patterns';
import { reportableStatuses, type ParsedSettings, type SettingsIssue } from './settings';

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

/** The defaults, as the schema gives them; `defaultSettings` (in settings.ts) writes them out, and a test checks the two agree. */
export function schemaDefaults(): z.output<typeof settingsSchema> {
  return settingsSchema.parse({});
}

/**
 * What is wrong with a `languages` entry, or undefined when a language pack
 * has that code. The registry of packs lives in the core's bundle, not in
 * this file's, so `validateSettings` is handed the check by its caller.
 */
export type LanguageCheck = (code: string) => string | undefined;

let languageCheck: LanguageCheck = () => undefined;

/**
 * One `languages` entry: the code of a registered language pack ("en" and
 * "zh" ship; `registerLanguage` adds more), checked when settings are read,
 * so the message names the packs there are.
 */
function languageCodeSchema() {
  return z.string().min(1).superRefine((code, ctx) => {
    const error = languageCheck(code);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });
}

/** One `ignorePatterns` entry: a pattern the linear-time engine compiles. */
function ignorePatternSchema() {
  return z.string().min(1).superRefine((source, ctx) => {
    const error = ignorePatternError(source);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });
}

/**
 * Validates a settings object with the schema (see `parseSettings`). Never throws: fields that are wrong are reported
 * and replaced by their defaults, so one bad field loses nothing else.
 */
export function validateSettings(raw: object, checkLanguage: LanguageCheck = () => undefined): ParsedSettings {
  languageCheck = checkLanguage;
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

export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string "${value}"` : `${typeof value} ${String(value)}`;
}

/**
 * One entry of a configuration file's `ignore` list: a claim ignored in one
 * article. It belongs to the file, not to the settings: VS Code settings
 * have no such field.
 */
export const ignoreEntrySchema = z.strictObject({
  file: z.string().min(1)
    .describe('The article, relative to the folder of this configuration file.'),
  claim: z.string().min(1)
    .describe('The claim\'s text, exactly as it stands in the article.'),
  sentence: z.string().min(1).optional()
    .describe('The sentence the claim stands in (white space is not compared); without it, every claim with this text in the article is ignored.'),
  occurrence: z.number().int().min(1).optional()
    .describe('Which of the claims with this text and sentence, counting from 1; without it, all of them.'),
});

const ignoreListSchema = z.array(z.unknown())
  .describe('Claims ignored in one article each: the file, the claim\'s text and its sentence. The "Ignore this claim" quick fix adds entries for plain-text articles.');

/** One `ignore` entry, checked: the entry, or its issues with their paths inside the entry. */
export function validateIgnoreEntry(item: unknown):
  | { readonly ok: true; readonly entry: z.output<typeof ignoreEntrySchema> }
  | { readonly ok: false; readonly issues: readonly { readonly path: readonly (string | number)[]; readonly message: string; readonly unknownKey: boolean }[] } {
  const result = ignoreEntrySchema.safeParse(item);
  if (result.success) return { ok: true, entry: result.data };
  return {
    ok: false,
    issues: result.error.issues.flatMap((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
      return keys.map((key) => ({ path: key.map((p) => (typeof p === 'number' ? p : String(p))), message: issue.message, unknownKey: issue.code === 'unrecognized_keys' }));
    }),
  };
}

/**
 * The JSON Schema (draft-07) of a `.claimlensrc.json` file, generated from
 * the settings schema. VS Code reads `allowComments`/`allowTrailingCommas`,
 * matching what `parseConfigText` accepts.
 */
export function settingsJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(settingsSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  const { $schema, properties, ...rest } = generated;
  return {
    $schema,
    title: 'Claim Lens configuration',
    description: 'Settings for Claim Lens: which numeric claims are reported and where their sources are looked for.',
    allowComments: true,
    allowTrailingCommas: true,
    ...rest,
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema this file follows (for editors).' },
      ...(properties as Record<string, unknown>),
      ignore: {
        ...withoutSchemaUri(z.toJSONSchema(ignoreListSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>),
        items: withoutSchemaUri(z.toJSONSchema(ignoreEntrySchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>),
      },
    },
  };
}

function withoutSchemaUri(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _uri, ...rest } = schema;
  return rest;
}
