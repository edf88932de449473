/**
 * BibTeX and BibLaTeX, read with Citation.js's BibTeX plugin
 * (`@citation-js/plugin-bibtex`, with `@citation-js/core`).
 *
 * Why this library: it is the most used BibTeX reader on npm and is kept up
 * to date; it expands `@string` macros and `#` concatenation, decodes LaTeX
 * (accents, `{\ss}`, `\&`, `--`, math sub/superscripts) to Unicode, parses
 * names ("van der Berg, Piet", `{{Corporate Names}}`) and BibLaTeX dates, and
 * applies `crossref` with BibLaTeX's inheritance rules; it reads 5,000 entries
 * in about a third of a second and bundles with esbuild as plain CommonJS.
 * Better BibTeX's `@retorquere/bibtex-parser` decodes LaTeX a little more
 * completely and recovers from errors per entry, but its LaTeX pass takes
 * 2 seconds or more for 5,000 entries and it bundles to twice the size;
 * `bibtex-parse` and `astrocite-bibtex` give up on the whole file at the
 * first error. What Citation.js lacks is added here: it stops at the first
 * malformed entry, so the reader below parses the file again in pieces split
 * at lines that start with `@` (halving only the pieces that fail, `@string`
 * definitions carried along), and it gives no positions, so each entry's
 * `@type{key,` is found by a scan of its own.
 *
 * The modules under `lib/input/` are imported directly (the package has no
 * exports map), which skips the plugin registry. Version 0.8 is used because
 * 0.9 asks for Node 22. `@citation-js/core` brings fetch code along (for
 * loading from URLs); nothing here calls it.
 *
 * The library is loaded on the first `.bib` file read, not when the module
 * is: loading it takes about 30 ms, and most runs of the command line read
 * no bibliography at all.
 */
import type { RawBibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
import { LineIndex } from '../lines';
import type { BibEntry } from '../types';
import { entryFromCsl, positionAt } from './csl';
import type { BibProblem, EntryPosition, ParsedBibliography } from './types';

/** Text commands common in `.bib` files that the plugin's table lacks. */
const extraCommands: Record<string, string> = {
  AA: '\u00c5',
  aa: '\u00e5',
  relax: '',
  ',': '\u2009',
  ';': ' ',
  ':': ' ',
  '': ' ', // `\ `, a control space: the plugin trims the command name to nothing
  '/': '',
  '-': '',
  '@': '',
  ldots: '\u2026',
  dots: '\u2026',
  S: '\u00a7',
  P: '\u00b6',
  pounds: '\u00a3',
  euro: '\u20ac',
  TeX: 'TeX',
  LaTeX: 'LaTeX',
  BibTeX: 'BibTeX',
  times: '\u00d7',
  pm: '\u00b1',
  leq: '\u2264',
  geq: '\u2265',
  approx: '\u2248',
  infty: '\u221e',
  cdot: '\u00b7',
};
/** The parts of Citation.js the reader uses. */
interface CitationJs {
  readonly logger: { _log: unknown[] };
  readonly readBibtexText: (text: string) => RawBibtexEntry[];
  readonly convertToCsl: (entries: RawBibtexEntry[]) => Record<string, unknown>[];
}

let citationJsModules: CitationJs | undefined;

/** Citation.js, loaded (and its command table completed) on first use. */
function citationJs(): CitationJs {
  if (citationJsModules) return citationJsModules;
  // `require` inside a function: the module is loaded (by bundles, from its own file) only when called.
  const modules = require('./citation-js-modules') as typeof import('./citation-js-modules');
  for (const [name, text] of Object.entries(extraCommands)) {
    if (!(name in modules.commands)) modules.commands[name] = text;
  }
  citationJsModules = { logger: modules.logger, readBibtexText: modules.readBibtexText, convertToCsl: modules.convertToCsl };
  return citationJsModules;
}

/**
 * The fields that feed a `BibEntry` (through Citation.js's BibLaTeX mapping).
 * Only these are decoded: abstracts, keywords and file lists would cost most
 * of the time and show nowhere.
 */
const usedFields = new Set([
  'author',
  'editor',
  'title',
  'subtitle',
  'titleaddon',
  'journal',
  'journaltitle',
  'journalsubtitle',
  'journaltitleaddon',
  'booktitle',
  'booksubtitle',
  'booktitleaddon',
  'maintitle',
  'mainsubtitle',
  'maintitleaddon',
  'publisher',
  'institution',
  'school',
  'organization',
  'year',
  'date',
  'doi',
  'url',
  'howpublished',
  'eprint',
  'eprinttype',
  'archiveprefix',
  'primaryclass',
  'crossref',
]);

/** The entry with only the fields in `usedFields`. */
function withUsedFields(raw: RawBibtexEntry): RawBibtexEntry {
  const properties: Record<string, string | number> = {};
  for (const [field, value] of Object.entries(raw.properties)) {
    if (usedFields.has(field)) properties[field] = value;
  }
  return { type: raw.type, label: raw.label, properties };
}

/** Entry types that hold no reference. */
const directives = new Set(['string', 'preamble', 'comment']);

/**
 * `@type{key,` or `@type(key,`: type as the plugin's lexer reads it; the key
 * runs to the comma (the lookahead and back-reference keep the match from
 * backtracking, and a key stops at a brace, parenthesis, quote or `@`, so
 * that `@a{@a{@a{…` is not scanned to its end from every `@`).
 */
const entryHeader = /@[ \t]*([A-Za-z_][\w:+-]*)\s*[{(]\s*(?=([^,\s{}()"@]+))\2\s*,/g;

/** Where each entry's header stands, by key, in text order. */
function findHeaders(text: string): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const match of text.matchAll(entryHeader)) {
    if (directives.has(match[1].toLowerCase())) continue;
    const list = found.get(match[2]);
    if (list) list.push(match.index);
    else found.set(match[2], [match.index]);
  }
  return found;
}

/** A piece of the file that starts at a line beginning with `@`. */
interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly isString: boolean;
}

function splitAtEntries(text: string): Chunk[] {
  const starts = [0];
  for (const match of text.matchAll(/^[ \t]*@/gm)) {
    const at = match.index + match[0].length - 1;
    if (at > 0) starts.push(at);
  }
  return starts.map((start, i) => ({
    start,
    end: starts[i + 1] ?? text.length,
    isString: /^@[ \t]*string\s*[{(]/i.test(text.slice(start, start + 40)),
  }));
}

/** The grammar's token names, as a person reading the `.bib` file sees them. */
const tokenNames: Record<string, string> = {
  rbrace: '"}"',
  lbrace: '"{"',
  comma: '","',
  equals: '"="',
  hash: '"#"',
  quote: "'\"'",
  at: '"@"',
  identifier: 'a field name',
  label: 'more text',
  number: 'a number',
  text: 'text',
  whitespace: 'a space',
};

/** The parser's message without its position and code frame, in the file's own terms. */
function shortMessage(cause: unknown): string {
  const first = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
  return first
    .replace(/\s*at line \d+ col \d+:?\s*$/, '')
    .replace(/"(\w+)"/g, (quoted, name: string) => tokenNames[name] ?? quoted)
    .trim();
}

const identifier = /[A-Za-z_][\w:+-]*/g;
const stringName = /^@[ \t]*string\s*[{(]\s*([A-Za-z_][\w:+-]*)/i;

/**
 * The `@string` definitions read so far, for the pieces read after them: a
 * piece gets only the definitions its text names (and those they name in
 * turn), so that a file of many macros and many broken entries is not read
 * again whole for each broken entry.
 */
class StringDefinitions {
  private readonly texts: string[] = [];
  private readonly uses: Set<string>[] = [];
  private readonly byName = new Map<string, number>();

  add(definition: string): void {
    const name = stringName.exec(definition)?.[1]?.toLowerCase();
    if (name === undefined) return;
    const index = this.texts.length;
    this.texts.push(definition);
    this.uses.push(this.namesIn(definition.slice(definition.search(/[=]/u) + 1)));
    this.byName.set(name, index);
  }

  /** The definitions `body` needs, in the order they were read, as one text; empty when none. */
  neededBy(body: string): string {
    if (!this.texts.length) return '';
    const needed = new Set<number>();
    const pending = [...this.namesIn(body)];
    while (pending.length) {
      const index = this.byName.get(pending.pop()!);
      if (index === undefined || needed.has(index)) continue;
      needed.add(index);
      for (const name of this.uses[index]) pending.push(name);
    }
    return [...needed].sort((a, b) => a - b).map((i) => this.texts[i]).join('\n');
  }

  /** Names in `text` that some definition defines, lower-cased. */
  private namesIn(text: string): Set<string> {
    const names = new Set<string>();
    if (!this.byName.size && !this.texts.length) return names;
    for (const match of text.matchAll(identifier)) {
      const name = match[0].toLowerCase();
      if (this.byName.has(name)) names.add(name);
    }
    return names;
  }
}

/**
 * Reads the entries' structure. The whole text is tried first; when it has a
 * syntax error, it is read again in pieces so that only the broken entry is
 * lost, each piece preceded by the `@string` definitions read before it.
 */
function readStructure(
  text: string,
  fileName: string,
  lines: LineIndex,
): { raws: RawBibtexEntry[]; problems: BibProblem[] } {
  try {
    return { raws: citationJs().readBibtexText(text), problems: [] };
  } catch {
    // Located and reported piece by piece below.
  }
  const chunks = splitAtEntries(text);
  const raws: RawBibtexEntry[] = [];
  const problems: BibProblem[] = [];
  const strings = new StringDefinitions();
  const readRange = (lo: number, hi: number): void => {
    const body = text.slice(chunks[lo].start, chunks[hi - 1].end);
    try {
      const needed = strings.neededBy(body);
      raws.push(...citationJs().readBibtexText(needed ? `${needed}\n${body}` : body));
      for (const chunk of chunks.slice(lo, hi)) {
        if (chunk.isString) strings.add(text.slice(chunk.start, chunk.end));
      }
    } catch (cause) {
      if (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        readRange(lo, mid);
        readRange(mid, hi);
        return;
      }
      const chunk = chunks[lo];
      // A header that lost its comma still names its key.
      const header = /@[ \t]*[A-Za-z_][\w:+-]*\s*[{(]\s*([^,\s{}()"=#%]+)/y;
      header.lastIndex = chunk.start;
      const key = chunk.isString ? undefined : header.exec(text)?.[1];
      const what = chunk.isString ? 'This @string' : key === undefined ? 'This entry' : `Entry "${key}"`;
      const detail = shortMessage(cause);
      problems.push({
        code: 'syntax-error',
        message: /got EOF$/.test(detail)
          ? `${what} never ends: a "{" or '"' is not closed before the next entry.`
          : `${what} cannot be read: ${detail}.`,
        ...positionAt(fileName, chunk.start, lines),
        ...(key === undefined ? {} : { key }),
      });
    }
  };
  if (chunks.length > 0) readRange(0, chunks.length);
  return { raws, problems };
}

/**
 * The entry followed by its `crossref` parents, with each `crossref` spelled
 * as the parent's key (BibTeX matches keys without regard to case), so that
 * Citation.js finds them. A missing parent or a loop is a problem.
 */
function withParents(
  raw: RawBibtexEntry,
  byKey: Map<string, RawBibtexEntry>,
  byLowerKey: Map<string, RawBibtexEntry>,
): { chain: RawBibtexEntry[]; problem?: string } {
  const chain: RawBibtexEntry[] = [];
  const seen = new Set<RawBibtexEntry>();
  let current: RawBibtexEntry | undefined = raw;
  let problem: string | undefined;
  while (current !== undefined) {
    seen.add(current);
    const ref: string | number | undefined = current.properties.crossref;
    if (ref === undefined) {
      chain.push(current);
      break;
    }
    const rest = { ...current.properties };
    delete rest.crossref;
    const name: string = String(ref).trim();
    const parent: RawBibtexEntry | undefined = byKey.get(name) ?? byLowerKey.get(name.toLowerCase());
    if (parent === undefined || seen.has(parent)) {
      problem =
        parent === undefined
          ? `crossref "${name}" names no entry in this file.`
          : `its crossref chain loops: ${[...chain, current, parent].map((e) => e.label).join(' → ')}.`;
      chain.push({ ...current, properties: rest });
      break;
    }
    chain.push({ ...current, properties: { ...rest, crossref: parent.label } });
    current = parent;
  }
  return problem === undefined ? { chain } : { chain, problem };
}

/** Book types read as collection types when Citation.js cannot convert the book form. */
const collectionTypes: Record<string, string> = {
  mvbook: 'mvcollection',
  book: 'collection',
  inbook: 'incollection',
  bookinbook: 'incollection',
  suppbook: 'incollection',
};

/**
 * The CSL item of the first entry of a crossref chain. Citation.js fails on
 * an @inbook whose @book parent has no author (it copies the missing author
 * to `bookauthor`); such a chain is read again as @incollection in
 * @collection, which inherit title, publisher and date the same way.
 */
function convertChain(chain: RawBibtexEntry[]): Record<string, unknown> {
  try {
    return citationJs().convertToCsl(chain)[0];
  } catch (cause) {
    if (chain.length < 2) throw cause;
    return citationJs().convertToCsl(chain.map((e) => ({ ...e, type: collectionTypes[e.type] ?? e.type })))[0];
  }
}

/**
 * Reads a BibTeX or BibLaTeX text into entries, in file order. Each entry's
 * position is its `@type{key,` header. A malformed entry becomes a problem
 * with its line and key, and the entries around it still load.
 */
export function readBibtex(text: string, fileName: string): ParsedBibliography {
  const lines = new LineIndex(text);
  const read = readStructure(text, fileName, lines);
  const raws = read.raws.map(withUsedFields);
  const problems = read.problems;
  const headers = findHeaders(text);
  const byKey = new Map<string, RawBibtexEntry>();
  const byLowerKey = new Map<string, RawBibtexEntry>();
  for (const raw of raws) {
    if (!byKey.has(raw.label)) byKey.set(raw.label, raw);
    if (!byLowerKey.has(raw.label.toLowerCase())) byLowerKey.set(raw.label.toLowerCase(), raw);
  }

  const entries: BibEntry[] = [];
  for (const raw of raws) {
    const offset = headers.get(raw.label)?.shift();
    const position: EntryPosition = offset === undefined ? { file: fileName } : positionAt(fileName, offset, lines);
    const where = { ...position, key: raw.label };
    const { chain, problem } = withParents(raw, byKey, byLowerKey);
    if (problem !== undefined) problems.push({ code: 'crossref-error', message: `Entry "${raw.label}": ${problem}`, ...where });
    let entry: BibEntry | undefined;
    try {
      entry = entryFromCsl(convertChain(chain), position, raw.type);
    } catch (cause) {
      problems.push({ code: 'syntax-error', message: `Entry "${raw.label}" cannot be read: ${shortMessage(cause)}.`, ...where });
      continue;
    }
    if (entry === undefined) {
      problems.push({ code: 'invalid-entry', message: 'This entry has no key.', ...where });
      continue;
    }
    entries.push(entry);
  }
  // Citation.js keeps every warning in memory even when silent; a long-lived
  // editor session re-reads bibliographies, so let them go.
  citationJs().logger._log.length = 0;
  problems.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  return { entries, problems };
}
