import type { z } from 'zod';
import type { settingsSchema } from './settings-schema';
import { languageCodes, languageOf } from './lang';

/** Claim statuses a user can choose to report. */
export const reportableStatuses = ['uncited', 'attributed', 'cited', 'ignored'] as const;

/** Settings after defaults are filled in. */
export type Settings = z.output<typeof settingsSchema>;
/** Settings as written in a file: every field optional. */
export type SettingsInput = z.input<typeof settingsSchema>;

/**
 * The defaults, written out so that a run on defaults needs no schema (see
 * settings-schema.ts, where the one schema of the settings lives); a test
 * checks they are what `settingsSchema.parse({})` gives.
 */
export const defaultSettings: Settings = {
  scope: 'sentence',
  report: ['uncited', 'attributed'],
  attributionPhrases: [],
  ignorePatterns: [],
  languages: ['en', 'zh'],
  explainInHover: false,
  includeHeadings: false,
  bibliography: [],
  linkSources: 'any',
};

/** The names of the settings, in the schema's order. */
export const settingNames = Object.keys(defaultSettings) as readonly (keyof Settings)[];

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
 * Nothing, or an empty object, gives the defaults without loading the schema.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  if (raw === undefined || raw === null) return { settings: defaultSettings, issues: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: defaultSettings, issues: [{ field: '(root)', message: `expected an object, got ${describe(raw)}`, path: [] }] };
  }
  if (Object.keys(raw).length === 0 && Object.getPrototypeOf(raw) === Object.prototype) return { settings: defaultSettings, issues: [] };
  return settingsSchemaModule().validateSettings(raw, checkLanguage);
}

let schemaModule: typeof import('./settings-schema') | undefined;

/** The schema module, loaded on first use: `require` inside a function, so that bundles load it (from its own file) only then. */
export function settingsSchemaModule(): typeof import('./settings-schema') {
  schemaModule ??= require('./settings-schema') as typeof import('./settings-schema');
  return schemaModule;
}

/** A `languages` entry's problem: no registered pack has that code. */
function checkLanguage(code: string): string | undefined {
  return languageOf(code) ? undefined : `no language pack "${code}"; the packs are ${languageCodes().join(', ')}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string "${value}"` : `${typeof value} ${String(value)}`;
}
