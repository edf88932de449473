import { defaultSettings, parseSettings, type Settings } from '../core/index';

type Field = keyof Settings;

/** List settings whose entries add up across VS Code and a `.claimlensrc` file instead of replacing each other. */
const additive: readonly Field[] = ['ignorePatterns', 'attributionPhrases', 'bibliography'];

/**
 * Puts together the analysis settings of a document: the defaults, then
 * what VS Code sets explicitly, then the nearest `.claimlensrc` file for
 * every field it sets to something other than the default. Lists of
 * patterns, phrases and bibliography files are joined, so an ignore pattern
 * added in VS Code still counts when the project has a configuration file.
 */
export function mergeSettings(fromEditor: Record<string, unknown>, fromFile: Settings | undefined): { settings: Settings; issues: readonly string[] } {
  const editor = parseSettings(fromEditor);
  const issues = editor.issues.map((i) => `claimlens.${i.field}: ${i.message}`);
  if (!fromFile) return { settings: editor.settings, issues };
  const merged: Record<string, unknown> = { ...editor.settings };
  for (const field of Object.keys(defaultSettings) as Field[]) {
    const fileValue = fromFile[field];
    if (additive.includes(field)) {
      merged[field] = [...new Set([...(editor.settings[field] as readonly string[]), ...(fileValue as readonly string[])])];
    } else if (JSON.stringify(fileValue) !== JSON.stringify(defaultSettings[field])) {
      merged[field] = fileValue;
    }
  }
  return { settings: merged as Settings, issues };
}
