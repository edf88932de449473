/**
 * CSL items (CSL-JSON, CSL-YAML, and BibTeX after Citation.js has mapped it)
 * to `BibEntry`, and the CSL-JSON and CSL-YAML readers.
 *
 * CSL-JSON is read with `JSON.parse` (the fast path, a few milliseconds for
 * thousands of items); only when that fails is the text read again with
 * `jsonc-parser`, whose tolerant parser keeps the items around a syntax error
 * and gives each one's offset. CSL-YAML is read with `yaml`, whose document
 * model gives node ranges for positions and reports errors with offsets.
 */
import { getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from '../jsonc';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLSeq } from 'yaml';
import { LineIndex } from '../lines';
import { jsonTooDeepAt, maxNesting, yamlTooDeepAt } from '../nesting';
import type { BibEntry } from '../types';
import { toPlainText } from './plain-text';
import type { BibProblem, EntryPosition, ParsedBibliography } from './types';

/** A CSL item as read from JSON or YAML: only the fields Claim Lens shows are looked at. */
export type CslItem = Readonly<Record<string, unknown>>;

/** A position in a file, leaving `file` out when it is not known. */
export function positionAt(fileName: string | undefined, offset: number, lines: LineIndex): EntryPosition {
  const line = lines.lineColumn(offset).line;
  return fileName === undefined ? { offset, line } : { file: fileName, offset, line };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Plain text of a scalar field; a list gives its first item. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return toPlainText(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  return undefined;
}

function joinWords(...words: (string | undefined)[]): string | undefined {
  const joined = words.filter((w) => w !== undefined).join(' ');
  return joined === '' ? undefined : joined;
}

/** "Family, Given" for a person, the name itself for a literal or corporate name. */
function nameOf(name: unknown): string | undefined {
  if (typeof name === 'string') return toPlainText(name);
  if (!isRecord(name)) return undefined;
  const literal = textOf(name.literal);
  if (literal !== undefined) return literal;
  const family = joinWords(textOf(name['non-dropping-particle']), textOf(name.family));
  const given = joinWords(textOf(name.given), textOf(name['dropping-particle']));
  if (family === undefined) return given;
  return [family, given, textOf(name.suffix)].filter((part) => part !== undefined).join(', ');
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map(nameOf).filter((name): name is string => name !== undefined);
}

/** The year of a CSL date (`date-parts`, `raw`, `literal`), an EDTF string or a bare number. */
function yearOf(date: unknown): string | undefined {
  if (typeof date === 'number') return Number.isInteger(date) ? String(date) : undefined;
  if (typeof date === 'string') return /\d{4}/.exec(date)?.[0] ?? toPlainText(date);
  if (Array.isArray(date)) return yearOf(date[0]);
  if (!isRecord(date)) return undefined;
  const parts = date['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const year: unknown = parts[0][0];
    if (typeof year === 'number' && Number.isInteger(year)) return String(year);
    if (typeof year === 'string' && /^\s*-?\d+\s*$/.test(year)) return year.trim();
  }
  // `year` is the old citeproc-js form; `raw` and `literal` hold free text.
  return yearOf(date.year ?? date.raw ?? date.literal);
}

function doiOf(value: unknown): string | undefined {
  const doi = textOf(value)?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  return doi === '' ? undefined : doi;
}

function publisherOf(value: unknown): string | undefined {
  if (!Array.isArray(value)) return textOf(value);
  const names = value.map(textOf).filter((name): name is string => name !== undefined);
  return names.length > 0 ? names.join(' and ') : undefined;
}

/** The citation key of a CSL item: `id`, else `citation-key`. */
export function keyOfCsl(item: CslItem): string | undefined {
  for (const field of ['id', 'citation-key']) {
    const value = item[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/**
 * Maps a CSL item to a `BibEntry`. Authors fall back to editors when an item
 * has none; `type` replaces the item's CSL type (BibTeX keeps its own type).
 * Returns undefined when the item has no key.
 */
export function entryFromCsl(item: CslItem, position: EntryPosition, type?: string): BibEntry | undefined {
  const key = keyOfCsl(item);
  if (key === undefined) return undefined;
  const authors = namesOf(item.author);
  const fields: Record<string, unknown> = {
    key,
    type: type ?? textOf(item.type),
    authors: authors.length > 0 ? authors : namesOf(item.editor),
    year: yearOf(item.issued ?? item.year),
    title: textOf(item.title),
    container: textOf(item['container-title']),
    publisher: publisherOf(item.publisher),
    doi: doiOf(item.DOI ?? item.doi),
    url: textOf(item.URL ?? item.url),
    ...position,
  };
  // Leave absent fields out, so results compare and serialise cleanly.
  for (const name in fields) if (fields[name] === undefined) delete fields[name];
  return fields as unknown as BibEntry;
}

/** Reads one item; returns the problem instead when it is unusable. */
function readItem(value: unknown, position: EntryPosition): BibEntry | BibProblem {
  if (!isRecord(value)) {
    return { code: 'invalid-entry', message: 'A reference must be a mapping with an "id".', ...position };
  }
  const entry = entryFromCsl(value, position);
  return entry ?? { code: 'invalid-entry', message: 'This reference has no "id", so no citation can name it.', ...position };
}

/** Adds what `readItem` returned to the entries or the problems. */
function collect(read: BibEntry | BibProblem, entries: BibEntry[], problems: BibProblem[]): void {
  if ('code' in read) problems.push(read);
  else entries.push(read);
}

/** A file refused for nesting too deep to parse safely. */
export function tooDeepProblem(fileName: string | undefined, offset: number, lines: LineIndex): BibProblem {
  return { code: 'syntax-error', message: `Nested more than ${maxNesting} levels deep; the file is not read.`, ...positionAt(fileName, offset, lines) };
}

// ---------------------------------------------------------------- CSL-JSON

const jsonId = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/g;

/** Offsets of every `"id": …` in the text, by the id's value, in text order. */
function findJsonIds(text: string): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const match of text.matchAll(jsonId)) {
    let id: unknown;
    try {
      id = JSON.parse(match[1]);
    } catch {
      continue;
    }
    const key = String(id).trim();
    const list = found.get(key);
    if (list) list.push(match.index);
    else found.set(key, [match.index]);
  }
  return found;
}

function sentence(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Reads CSL-JSON: an array of items, or an object whose `items` is one.
 * Each entry's position is its `"id"` property.
 */
export function readCslJson(text: string, fileName: string): ParsedBibliography {
  const deep = jsonTooDeepAt(text);
  if (deep !== undefined) return { entries: [], problems: [tooDeepProblem(fileName, deep, new LineIndex(text))] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return readBrokenCslJson(text, fileName);
  }
  const items = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.items) ? data.items : undefined;
  if (items === undefined) {
    return {
      entries: [],
      problems: [
        { code: 'syntax-error', message: 'CSL-JSON must be an array of items (or an object with "items").', file: fileName, line: 1, offset: 0 },
      ],
    };
  }
  const lines = new LineIndex(text);
  const ids = findJsonIds(text);
  const entries: BibEntry[] = [];
  const problems: BibProblem[] = [];
  for (const item of items) {
    const key = isRecord(item) ? keyOfCsl(item) : undefined;
    const offset = key === undefined ? undefined : ids.get(key)?.shift();
    // An item whose "id" the scan cannot find is placed by the tolerant reader.
    if (offset === undefined) return readBrokenCslJson(text, fileName);
    collect(readItem(item, positionAt(fileName, offset, lines)), entries, problems);
  }
  return { entries, problems };
}

/** The tolerant reading of CSL-JSON that `JSON.parse` rejected, or whose items' positions the scan missed. */
function readBrokenCslJson(text: string, fileName: string): ParsedBibliography {
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const list = root?.type === 'object' ? root.children?.find((p) => p.children?.[0]?.value === 'items')?.children?.[1] : root;
  const entries: BibEntry[] = [];
  const problems: BibProblem[] = [];
  const reported = new Set<ParseError>();
  const at = (offset: number) => positionAt(fileName, offset, lines);
  const sorted = [...errors].sort((a, b) => a.offset - b.offset);

  for (const node of list?.type === 'array' ? (list.children ?? []) : []) {
    const idNode = node.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === 'id') : undefined;
    const position = at(idNode?.offset ?? node.offset);
    const inside = errorsWithin(sorted, node.offset, node.offset + node.length);
    if (inside.length > 0) {
      inside.forEach((e) => reported.add(e));
      const value: unknown = getNodeValue(node);
      const key = isRecord(value) ? keyOfCsl(value) : undefined;
      const error = inside[0];
      problems.push({
        code: 'syntax-error',
        message: `${sentence(printParseErrorCode(error.error))} in ${key === undefined ? 'a reference' : `reference "${key}"`}.`,
        ...at(error.offset),
        ...(key === undefined ? {} : { key }),
      });
      continue;
    }
    collect(readItem(getNodeValue(node as JsonNode), position), entries, problems);
  }
  for (const error of errors) {
    if (reported.has(error)) continue;
    problems.push({ code: 'syntax-error', message: `${sentence(printParseErrorCode(error.error))}.`, ...at(error.offset) });
  }
  if (list?.type !== 'array' && errors.length === 0) {
    problems.push({ code: 'syntax-error', message: 'CSL-JSON must be an array of items (or an object with "items").', ...at(0) });
  }
  return { entries, problems: problems.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0)) };
}

/** The sorted `errors` from `from` up to `to` (exclusive), found by bisection. */
function errorsWithin(errors: readonly ParseError[], from: number, to: number): ParseError[] {
  let lo = 0;
  let hi = errors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (errors[mid].offset < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < errors.length && errors[end].offset < to) end++;
  return errors.slice(lo, end);
}

// ---------------------------------------------------------------- CSL-YAML

/**
 * Reads the items of a YAML sequence (a CSL-YAML file, or `references:` in
 * front matter). `base` is the offset of the YAML text within `lines`' text,
 * so positions count in the whole file.
 */
export function readYamlItems(
  seq: YAMLSeq,
  doc: Document,
  lines: LineIndex,
  base: number,
  fileName: string | undefined,
): ParsedBibliography {
  const entries: BibEntry[] = [];
  const problems: BibProblem[] = [];
  // One conversion for the whole list (a conversion per item walks every anchor of the document each time),
  // with YAML's limit on aliases, so that an alias bomb is refused instead of expanded.
  let values: unknown[];
  try {
    values = seq.toJS(doc, { maxAliasCount: maxYamlAliases }) as unknown[];
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    problems.push({ code: 'syntax-error', message: `The references cannot be read: ${message.replace(/[^.]$/, '$&.')}`, ...positionAt(fileName, base + (seq.range?.[0] ?? 0), lines) });
    return { entries, problems };
  }
  const errors = sortedErrors(doc);
  seq.items.forEach((node, index) => {
    const range = (node as { range?: [number, number, number] } | null)?.range ?? seq.range ?? [0, 0, 0];
    const idPair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === 'id') : undefined;
    const start = base + ((isScalar(idPair?.key) ? idPair.key.range?.[0] : undefined) ?? range[0]);
    const position = positionAt(fileName, start, lines);
    const value: unknown = isMap(node) || isScalar(node) ? values[index] : undefined;
    const error = errorWithin(errors, range[0], range[2]);
    if (error !== undefined) {
      const key = isRecord(value) ? keyOfCsl(value) : undefined;
      problems.push({
        code: 'syntax-error',
        message: `${key === undefined ? 'A reference' : `Reference "${key}"`} cannot be read: ${error.message.replace(/[^.]$/, '$&.')}`,
        ...positionAt(fileName, base + error.pos[0], lines),
        ...(key === undefined ? {} : { key }),
      });
      return;
    }
    collect(readItem(value, position), entries, problems);
  });
  return { entries, problems };
}

/** Aliases allowed per YAML document, as the `yaml` library counts them (its default). */
const maxYamlAliases = 100;

type YamlError = Document['errors'][number];

/** The document's errors by position. */
function sortedErrors(doc: Document): YamlError[] {
  return [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
}

/** The first of the sorted `errors` at `from` or after and before `to`, found by bisection. */
function errorWithin(errors: readonly YamlError[], from: number, to: number): YamlError | undefined {
  let lo = 0;
  let hi = errors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (errors[mid].pos[0] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < errors.length && errors[lo].pos[0] < to ? errors[lo] : undefined;
}

/** Problems for YAML errors that fall outside every item of `seq`. */
export function yamlErrorProblems(
  doc: Document,
  seq: YAMLSeq | undefined,
  lines: LineIndex,
  base: number,
  fileName: string | undefined,
): BibProblem[] {
  // The items' ranges are in order: an error is within one when the last item starting at or before it has not ended.
  const ranges = (seq?.items ?? [])
    .map((node) => (node as { range?: [number, number, number] } | null)?.range)
    .filter((range): range is [number, number, number] => range !== undefined);
  const within = (offset: number): boolean => {
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid][0] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && offset < ranges[lo - 1][2];
  };
  return doc.errors
    .filter((e) => !within(e.pos[0]))
    .map((e) => {
      const offset = base + e.pos[0];
      return { code: 'syntax-error', message: e.message, ...positionAt(fileName, offset, lines) } as BibProblem;
    });
}

/** Reads CSL-YAML: a list of items, or a mapping whose `references` is one. */
export function readCslYaml(text: string, fileName: string): ParsedBibliography {
  const lines = new LineIndex(text);
  const deep = yamlTooDeepAt(text);
  if (deep !== undefined) return { entries: [], problems: [tooDeepProblem(fileName, deep, lines)] };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const contents = doc.contents;
  const seq = isSeq(contents) ? contents : isMap(contents) ? contents.get('references', true) : undefined;
  const problems = yamlErrorProblems(doc, isSeq(seq) ? seq : undefined, lines, 0, fileName);
  if (!isSeq(seq)) {
    if (problems.length === 0) {
      problems.push({
        code: 'syntax-error',
        message: 'CSL-YAML must be a list of references, or have a "references:" list.',
        file: fileName,
        offset: 0,
        line: 1,
      });
    }
    return { entries: [], problems };
  }
  const read = readYamlItems(seq, doc, lines, 0, fileName);
  return {
    entries: read.entries,
    problems: [...problems, ...read.problems].sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0)),
  };
}
