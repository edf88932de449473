/**
 * Claim Lens configuration files: `.claimlensrc.json` (JSON with comments and
 * trailing commas, as `tsconfig.json` allows) and `.claimlensrc.yaml` /
 * `.claimlensrc.yml`. Pure: the caller reads the file and passes its text.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from './jsonc';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { jsonTooDeepAt, maxNesting, yamlTooDeepAt } from './nesting';
import { LineIndex } from './lines';
import type { IgnoreEntry } from './ignored-claims';
import { defaultSettings, parseSettings, settingsSchemaModule, type Settings, type SettingsIssue } from './settings';

/** Names of configuration files, in the order they win when a folder holds several. */
export const configFileNames = ['.claimlensrc.json', '.claimlensrc.yaml', '.claimlensrc.yml'] as const;

/** The syntax of a configuration file. */
export type ConfigSyntax = 'json' | 'yaml';

/** One thing wrong in a configuration file. */
export interface ConfigIssue {
  /** The file name as given to `parseConfigText`. */
  readonly file: string;
  /** Dotted path of the field (`report.1`), `(root)` for the whole file, `(syntax)` for a syntax error. */
  readonly field: string;
  /** What was expected, in words. */
  readonly message: string;
  /** 1-based line of the field (its key, or the array item), when it can be found. */
  readonly line?: number;
  /** 1-based column (UTF-16 code units) of the field, when it can be found. */
  readonly column?: number;
}

/** The outcome of `parseConfigText`: usable settings always, and what was wrong. */
export interface ParsedConfig {
  /** Valid fields of the file, defaults for the rest (all defaults after a syntax error). */
  readonly settings: Settings;
  /** The file's valid `ignore` entries: claims ignored in one article each. */
  readonly ignore: readonly IgnoreEntry[];
  readonly issues: readonly ConfigIssue[];
}

/** The syntax of a configuration file by its name: `.json` and `.jsonc` are JSON with comments, anything else YAML. */
export function configSyntaxOf(fileName: string): ConfigSyntax {
  return /\.jsonc?$/i.test(fileName) ? 'json' : 'yaml';
}

/** Finds the 0-based offset of a field, for a path of keys and array indices. */
type Locate = (path: readonly (string | number)[]) => number | undefined;

interface Parsed {
  readonly value: unknown;
  readonly syntaxErrors: readonly { offset: number; message: string }[];
  readonly locate: Locate;
}

/**
 * Parses the text of a configuration file into settings. Never throws. A
 * syntax error gives the defaults and an issue at its (first) position; a field of
 * the wrong type or value falls back to its default and gives an issue naming
 * the field, what was expected and where the field stands; the other fields
 * are kept. A top-level `$schema` key (for editors) is allowed and ignored.
 */
export function parseConfigText(text: string, fileName: string): ParsedConfig {
  const lines = new LineIndex(text);
  const at = (offset: number | undefined): { line?: number; column?: number } =>
    offset === undefined ? {} : lines.lineColumn(offset);
  if (!text.trim()) return { settings: defaultSettings, ignore: [], issues: [] };

  const parsed = configSyntaxOf(fileName) === 'json' ? parseJson(text) : parseYaml(text);
  const syntaxError = parsed.syntaxErrors[0];
  if (syntaxError) {
    // Only the first: later syntax errors are mostly its echoes.
    return { settings: defaultSettings, ignore: [], issues: [{ file: fileName, field: '(syntax)', message: syntaxError.message, ...at(syntaxError.offset) }] };
  }
  const { rest, ignoreValue } = withoutIgnoreList(withoutSchemaKey(parsed.value));
  const { settings, issues: settingsIssues } = parseSettings(rest);
  const ignore = parseIgnoreList(ignoreValue);
  const issues = [...settingsIssues, ...ignore.issues];
  const located = issues.map((issue) => ({
    file: fileName,
    field: issue.field,
    message: issue.message,
    ...at(locateNearest(parsed.locate, issue.path)),
  }));
  return { settings, ignore: ignore.entries, issues: located.sort(byPosition) };
}

/** The value of a top-level `ignore` key, and the object without it. */
function withoutIgnoreList(value: unknown): { rest: unknown; ignoreValue: unknown } {
  if (!value || typeof value !== 'object' || Array.isArray(value) || !('ignore' in value)) return { rest: value, ignoreValue: undefined };
  const { ignore, ...rest } = value as Record<string, unknown>;
  return { rest, ignoreValue: ignore };
}

/** The valid entries of an `ignore` list; each invalid one is an issue at its own path, and the others still count. */
function parseIgnoreList(value: unknown): { entries: IgnoreEntry[]; issues: SettingsIssue[] } {
  if (value === undefined) return { entries: [], issues: [] };
  if (!Array.isArray(value)) return { entries: [], issues: [{ field: 'ignore', message: 'expected an array of {file, claim, sentence} entries', path: ['ignore'] }] };
  const entries: IgnoreEntry[] = [];
  const issues: SettingsIssue[] = [];
  const { validateIgnoreEntry } = settingsSchemaModule();
  value.forEach((item: unknown, index) => {
    const result = validateIgnoreEntry(item);
    if (result.ok) {
      entries.push(result.entry);
      return;
    }
    for (const issue of result.issues) {
      const path = ['ignore', index, ...issue.path];
      const message = issue.unknownKey ? 'unknown field; expected one of file, claim, sentence, occurrence' : issue.message;
      issues.push({ field: path.join('.'), message, path });
    }
  });
  return { entries, issues };
}

/** Where the field stands, or its nearest enclosing field that does (a missing `claim` is shown at its entry). */
function locateNearest(locate: Locate, path: readonly (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const found = locate(path.slice(0, n));
    if (found !== undefined) return found;
  }
  return undefined;
}

function byPosition(a: ConfigIssue, b: ConfigIssue): number {
  return (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0);
}

function withoutSchemaKey(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value) || !('$schema' in value)) return value;
  const { $schema: _schema, ...rest } = value as Record<string, unknown>;
  return rest;
}

const jsonErrorMessages: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon after the property name',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a closing brace "}"',
  CloseBracketExpected: 'expected a closing bracket "]"',
  EndOfFileExpected: 'expected the end of the file after the object',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'comment not closed',
  UnexpectedEndOfString: 'string not closed',
  UnexpectedEndOfNumber: 'number not finished',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

function parseJson(text: string): Parsed {
  const deep = jsonTooDeepAt(text);
  if (deep !== undefined) return tooDeep(deep, 'JSON');
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  // Top-level members by key, so that locating each of many issues does not scan them all.
  const members = new Map<string, JsonNode>();
  if (root?.type === 'object') {
    for (const property of root.children ?? []) {
      const key = property.children?.[0];
      if (key && typeof key.value === 'string' && !members.has(key.value)) members.set(key.value, property);
    }
  }
  const locate: Locate = (path) => {
    if (!root) return undefined;
    if (!path.length) return root.offset;
    const member = typeof path[0] === 'string' ? members.get(path[0]) : undefined;
    const top = member?.children?.[1];
    if (!top) return undefined;
    if (path.length === 1) return member.children![0].offset;
    const node = findNodeAtLocation(top, path.slice(1));
    if (!node) return undefined;
    // An object member is shown at its key; an array item at the item.
    const parent: JsonNode | undefined = node.parent;
    return parent?.type === 'property' && parent.children?.[0] ? parent.children[0].offset : node.offset;
  };
  return {
    value: root ? getNodeValue(root) : undefined,
    syntaxErrors: errors.map((e) => ({ offset: e.offset, message: `invalid JSON: ${jsonErrorMessages[printParseErrorCode(e.error)] ?? 'syntax error'}` })),
    locate,
  };
}

function tooDeep(offset: number, syntax: string): Parsed {
  return { value: undefined, syntaxErrors: [{ offset, message: `invalid ${syntax}: nested more than ${maxNesting} levels deep` }], locate: () => undefined };
}

function parseYaml(text: string): Parsed {
  const deep = yamlTooDeepAt(text);
  if (deep !== undefined) return tooDeep(deep, 'YAML');
  // `yaml` checks unique keys by comparing each key with every other: the top level's are checked here, by key.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  // Top-level pairs by key, so that locating each of many issues does not scan them all.
  const pairs = new Map<unknown, Pair>();
  const duplicates: { offset: number; message: string }[] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (!pairs.has(key)) pairs.set(key, pair);
      else duplicates.push({ offset: rangeStart(pair.key) ?? 0, message: 'invalid YAML: map keys must be unique' });
    }
  }
  const locate: Locate = (path) => {
    let node: unknown = doc.contents;
    let offset = rangeStart(node);
    for (const [depth, key] of path.entries()) {
      if (isMap(node)) {
        const pair = depth === 0 ? pairs.get(key) : node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
        if (!pair) return undefined;
        offset = rangeStart(pair.key) ?? rangeStart(pair.value);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        offset = rangeStart(node);
      } else {
        return undefined;
      }
    }
    return offset;
  };
  const syntaxErrors = [...doc.errors.map((e) => ({ offset: e.pos[0], message: `invalid YAML: ${firstLine(e.message)}` })), ...duplicates];
  let value: unknown;
  if (!syntaxErrors.length) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (cause) {
      syntaxErrors.push({ offset: 0, message: `invalid YAML: ${cause instanceof Error ? cause.message : String(cause)}` });
    }
  }
  return { value, syntaxErrors, locate };
}

function rangeStart(node: unknown): number | undefined {
  return (node as YamlNode | null | undefined)?.range?.[0];
}

function firstLine(message: string): string {
  const line = message.split('\n')[0];
  return line.charAt(0).toLowerCase() + line.slice(1);
}

/**
 * The JSON Schema (draft-07) of a `.claimlensrc.json` file, generated from
 * the settings schema (see settings-schema.ts).
 */
export function settingsJsonSchema(): Record<string, unknown> {
  return settingsSchemaModule().settingsJsonSchema();
}

/**
 * The one-line notice for a configuration file with issues, named by its
 * first: a syntax error means the defaults apply; an unknown setting is
 * ignored; a known setting with a wrong value falls back to its default.
 * The other settings of the file apply either way.
 */
export function configNotice(fileName: string, issues: readonly ConfigIssue[]): string {
  const first = issues[0];
  if (!first) return `Claim Lens: ${fileName} is valid.`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  if (first.field === '(syntax)') return `Claim Lens: ${fileName} could not be read: ${first.message}. Using the default settings.`;
  const unknown = first.message.startsWith('unknown setting');
  const outcome = first.field === '(root)'
    ? 'Using the default settings.'
    : unknown
      ? 'It is ignored; the other settings still apply.'
      : 'Using the default for it; the other settings still apply.';
  return `Claim Lens: ${fileName}: "${first.field}" ${first.message}${more}. ${outcome}`;
}

