import type { Suppression } from '../suppression';
import type { Problem, Range } from '../types';

/**
 * What a format reader hands to the claim and source finders: the article's
 * prose, one block (paragraph, list item, table cell, heading…) at a time,
 * with markup taken away, entities decoded, and a map back to raw offsets.
 */

/** What kind of unit of text a block is. Headings and titles are not analysed for claims by default. */
export type BlockKind =
  | 'paragraph'
  | 'heading'
  | 'title'
  | 'list-item'
  | 'table-cell'
  | 'blockquote'
  | 'reference';

/** A link, footnote reference or citation standing in a block. */
export interface InlineMark {
  /**
   * `link`: a hyperlink; `footnote`: a note reference; `citation`: a Pandoc or
   * LaTeX citation; `numbered`: a bare `[12]` reference to a numbered source
   * list; `cite`: an HTML `<cite>` naming a source (a textual source).
   */
  readonly kind: 'link' | 'footnote' | 'citation' | 'numbered' | 'cite';
  /**
   * Prose offsets (into `ProseBlock.text`) the mark covers: a link's text,
   * or an empty range (`start === end`) where a removed marker such as
   * `[^3]`, `[@key]` or `<sup>[4]</sup>` stood.
   */
  readonly start: number;
  readonly end: number;
  /** Raw range of the whole construct (`[text](url)`, `[^3]`, `<a …>…</a>`). */
  readonly raw: Range;
  /** Link text, footnote label (without `^`), citation key or reference number. */
  readonly label: string;
  readonly url?: string;
  readonly title?: string;
  /** Citation key without `@`. */
  readonly key?: string;
  /** Citation locator ("p. 12"). */
  readonly locator?: string;
}

/** A prose block with its map from prose offsets to raw offsets. */
export interface ProseBlock {
  readonly kind: BlockKind;
  readonly text: string;
  readonly map: OffsetMap;
  readonly marks: readonly InlineMark[];
  /**
   * Blocks that belong together share a group: the cells of one table, the
   * items of one list, the caption and text of one figure. A paragraph is a
   * group of its own. A "Source:" line right under a table, list or figure
   * cites the whole group above it.
   */
  readonly group: number;
  /** The block is a caption or text of a figure (HTML `<figure>`), which a "Source:" line under it cites whole. */
  readonly figure?: true;
}

/** A footnote definition (`[^3]: WIPO, 2024. https://…`, or an HTML `<li id="fn3">`). */
export interface FootnoteDefinition {
  readonly label: string;
  /** The definition's text, markup taken away. */
  readonly text: string;
  readonly urls: readonly string[];
  /** Raw range of the whole definition. */
  readonly raw: Range;
}

/** A suppression comment found in the raw text. */
export interface Directive {
  readonly kind: 'ignore' | 'ignore-next-line' | 'ignore-line' | 'disable' | 'enable' | 'ignore-file';
  readonly raw: Range;
}

/** What a format reader returns. */
export interface ProseDocument {
  readonly blocks: readonly ProseBlock[];
  /** By label, first definition wins (later ones are `duplicate-footnote` problems). */
  readonly footnotes: ReadonlyMap<string, FootnoteDefinition>;
  /** Entries of a "References" / "Sources" / "Bibliography" list, in order, for numbered `[12]` references. */
  readonly references: readonly FootnoteDefinition[];
  readonly problems: readonly Problem[];
  /** Raw ranges of front matter (YAML `---` or TOML `+++`), if any. */
  readonly frontMatter?: Range;
  /**
   * Suppression comments, when the reader finds them itself (in HTML held
   * inside JSON or XML); otherwise they are looked for in the raw text.
   */
  readonly suppression?: Suppression;
  /**
   * The text of a raw range as a reader sees it, when the raw text escapes
   * it (a JSON string's `\u20ac`); otherwise the raw text itself.
   */
  readonly textOf?: (range: Range) => string;
}

/**
 * A monotone map from prose offsets to raw offsets, kept as runs: within a
 * run prose and raw advance together; a replaced run (an entity, a `<br>`)
 * maps every prose character onto the whole raw span it came from.
 *
 * Most blocks (a table cell, a plain paragraph) are one verbatim run, so the
 * first run is held in fields and only further runs take an array: a map
 * costs one small object, not a set of arrays, and a 2 MB article with tens
 * of thousands of blocks stays cheap to collect.
 */
export class OffsetMap {
  // The first run: prose [0, next run's start) from raw firstRawStart.
  private firstRawStart = 0;
  private firstRawEnd = 0;
  private firstVerbatim = false;
  private runs = 0;
  // Runs after the first, four numbers each: proseStart, rawStart, rawEnd, verbatim (1 or 0).
  // A growing array while the block is built; an exact-size copy once it is sealed (a typed array
  // of a few runs costs more to make than a copy, and one past 64 bytes is held outside the heap).
  private rest: number[] | null = null;
  private sealed = false;
  private length = 0;

  /** Drops the spare capacity of the growing array; the map can no longer be appended to. */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    const rest = this.rest;
    if (!rest) return;
    this.rest = rest.slice();
  }

  /** Appends prose copied unchanged from raw `[rawStart, rawStart + length)`. */
  appendVerbatim(rawStart: number, length: number): void {
    if (length <= 0) return;
    if (this.sealed) throw new Error('OffsetMap: appended to after seal()');
    const rest = this.rest;
    if (this.runs === 1 && this.firstVerbatim && this.firstRawEnd === rawStart) {
      this.firstRawEnd = rawStart + length;
    } else if (rest && rest[rest.length - 1] === 1 && rest[rest.length - 2] === rawStart) {
      rest[rest.length - 2] = rawStart + length;
    } else {
      this.add(rawStart, rawStart + length, true);
    }
    this.length += length;
  }

  /** Appends `length` prose characters that all stand for raw `[rawStart, rawEnd)` (a decoded entity, a line break). */
  appendReplaced(rawStart: number, rawEnd: number, length: number): void {
    if (length <= 0) return;
    if (this.sealed) throw new Error('OffsetMap: appended to after seal()');
    this.add(rawStart, rawEnd, false);
    this.length += length;
  }

  private add(rawStart: number, rawEnd: number, verbatim: boolean): void {
    if (this.runs++ === 0) {
      this.firstRawStart = rawStart;
      this.firstRawEnd = rawEnd;
      this.firstVerbatim = verbatim;
      return;
    }
    const rest = (this.rest ??= []);
    rest.push(this.length, rawStart, rawEnd, verbatim ? 1 : 0);
  }

  /** Prose length mapped so far. */
  get size(): number {
    return this.length;
  }

  /** Raw offset where prose character `i` starts. `i === size` gives the raw end of the last character. */
  toRawStart(i: number): number {
    if (this.runs === 0) return 0;
    if (i >= this.length) return this.lastRawEnd();
    const rest = this.rest;
    const r = rest ? this.run(rest, i) : -1;
    if (r < 0) return this.firstVerbatim ? this.firstRawStart + i : this.firstRawStart;
    return rest![r + 3] ? rest![r + 1] + (i - rest![r]) : rest![r + 1];
  }

  /** Raw offset where prose character `i - 1` ends: the raw end of a prose range ending at `i`. */
  toRawEnd(i: number): number {
    if (this.runs === 0) return 0;
    if (i <= 0) return this.firstRawStart;
    const rest = this.rest;
    const r = rest ? this.run(rest, i - 1) : -1;
    if (r < 0) return this.firstVerbatim ? this.firstRawStart + i : this.firstRawEnd;
    return rest![r + 3] ? rest![r + 1] + (i - rest![r]) : rest![r + 2];
  }

  /** Raw range of the prose range `[start, end)`. */
  toRaw(start: number, end: number): Range {
    if (end <= start) {
      const at = this.toRawStart(start);
      return { start: at, end: at };
    }
    return { start: this.toRawStart(start), end: this.toRawEnd(end) };
  }

  private lastRawEnd(): number {
    const rest = this.rest;
    return rest && rest.length ? rest[rest.length - 2] : this.firstRawEnd;
  }

  /** The index in `rest` of the run holding prose offset `i`, or -1 for the first run. */
  private run(rest: readonly number[], i: number): number {
    let lo = -1;
    let hi = (rest.length >> 2) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (rest[mid << 2] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo < 0 ? -1 : lo << 2;
  }
}

/**
 * Builds one block's prose and map together, so the two cannot drift apart.
 * Format readers call `verbatim` for text copied as is, `replaced` for
 * decoded entities and collapsed markup, and `mark` for links and notes.
 */
export class ProseBuilder {
  // The prose so far: one string while the block is one piece, parts once it is more.
  private first = '';
  private parts: string[] | null = null;
  private readonly map = new OffsetMap();
  private marks: InlineMark[] | null = null;

  constructor(private readonly raw: string) {}

  /** Prose length so far: the prose offset the next character will get. */
  get length(): number {
    return this.map.size;
  }

  /** Copies raw `[start, end)` into the prose unchanged. */
  verbatim(start: number, end: number): void {
    if (end <= start) return;
    this.append(this.raw.slice(start, end));
    this.map.appendVerbatim(start, end - start);
  }

  /** Puts `text` into the prose in place of raw `[start, end)`. */
  replaced(start: number, end: number, text: string): void {
    if (!text) return;
    this.append(text);
    this.map.appendReplaced(start, end, text.length);
  }

  /** Records a link, footnote reference or citation. */
  mark(mark: InlineMark): void {
    (this.marks ??= []).push(mark);
  }

  /** Finishes the block. */
  build(kind: BlockKind, group: number): ProseBlock {
    const text = this.parts ? this.parts.join('') : this.first;
    this.map.seal();
    return { kind, text, map: this.map, marks: this.marks ?? noMarks, group };
  }

  private append(piece: string): void {
    if (this.parts) this.parts.push(piece);
    else if (this.map.size === 0) this.first = piece;
    else this.parts = [this.first, piece];
  }
}

const noMarks: readonly InlineMark[] = Object.freeze([]);
