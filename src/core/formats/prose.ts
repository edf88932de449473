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
   * items of one list. A paragraph is a group of its own. A "Source:" line
   * right under a table or list cites the whole group above it.
   */
  readonly group: number;
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
  readonly kind: 'ignore-next-line' | 'ignore-line' | 'disable' | 'enable' | 'ignore-file';
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
}

/**
 * A monotone map from prose offsets to raw offsets, kept as runs: within a
 * run prose and raw advance together; a replaced run (an entity, a `<br>`)
 * maps every prose character onto the whole raw span it came from.
 */
export class OffsetMap {
  // Run i covers prose [proseStart[i], proseStart[i+1]) and starts at raw rawStart[i].
  // Growing arrays while a block is built; exact-size typed arrays once it is finished.
  private proseStart: number[] | Int32Array = [];
  private rawStart: number[] | Int32Array = [];
  private rawEnd: number[] | Int32Array = [];
  private verbatim: boolean[] | Uint8Array = [];
  private length = 0;

  /** Drops the spare capacity of the growing arrays; the map can no longer be appended to. */
  seal(): void {
    if (!Array.isArray(this.proseStart)) return;
    const n = this.proseStart.length;
    const proseStart = new Int32Array(n);
    const rawStart = new Int32Array(n);
    const rawEnd = new Int32Array(n);
    const verbatim = new Uint8Array(n);
    // Plain loops: several times faster than the typed arrays' from().
    for (let i = 0; i < n; i++) {
      proseStart[i] = this.proseStart[i];
      rawStart[i] = this.rawStart[i];
      rawEnd[i] = this.rawEnd[i];
      verbatim[i] = this.verbatim[i] ? 1 : 0;
    }
    this.proseStart = proseStart;
    this.rawStart = rawStart;
    this.rawEnd = rawEnd;
    this.verbatim = verbatim;
  }

  private growing(): { proseStart: number[]; rawStart: number[]; rawEnd: number[]; verbatim: boolean[] } {
    if (!Array.isArray(this.proseStart)) throw new Error('OffsetMap: appended to after seal()');
    return this as unknown as { proseStart: number[]; rawStart: number[]; rawEnd: number[]; verbatim: boolean[] };
  }

  /** Appends prose copied unchanged from raw `[rawStart, rawStart + length)`. */
  appendVerbatim(rawStart: number, length: number): void {
    if (length <= 0) return;
    const g = this.growing();
    const n = g.proseStart.length - 1;
    if (n >= 0 && g.verbatim[n] && g.rawEnd[n] === rawStart) {
      g.rawEnd[n] = rawStart + length;
    } else {
      g.proseStart.push(this.length);
      g.rawStart.push(rawStart);
      g.rawEnd.push(rawStart + length);
      g.verbatim.push(true);
    }
    this.length += length;
  }

  /** Appends `length` prose characters that all stand for raw `[rawStart, rawEnd)` (a decoded entity, a line break). */
  appendReplaced(rawStart: number, rawEnd: number, length: number): void {
    if (length <= 0) return;
    const g = this.growing();
    g.proseStart.push(this.length);
    g.rawStart.push(rawStart);
    g.rawEnd.push(rawEnd);
    g.verbatim.push(false);
    this.length += length;
  }

  /** Prose length mapped so far. */
  get size(): number {
    return this.length;
  }

  /** Raw offset where prose character `i` starts. `i === size` gives the raw end of the last character. */
  toRawStart(i: number): number {
    if (this.proseStart.length === 0) return 0;
    if (i >= this.length) return this.rawEnd[this.rawEnd.length - 1];
    const r = this.run(i);
    return this.verbatim[r] ? this.rawStart[r] + (i - this.proseStart[r]) : this.rawStart[r];
  }

  /** Raw offset where prose character `i - 1` ends: the raw end of a prose range ending at `i`. */
  toRawEnd(i: number): number {
    if (this.proseStart.length === 0) return 0;
    if (i <= 0) return this.rawStart[0];
    const r = this.run(i - 1);
    return this.verbatim[r] ? this.rawStart[r] + (i - this.proseStart[r]) : this.rawEnd[r];
  }

  /** Raw range of the prose range `[start, end)`. */
  toRaw(start: number, end: number): Range {
    if (end <= start) {
      const at = this.toRawStart(start);
      return { start: at, end: at };
    }
    return { start: this.toRawStart(start), end: this.toRawEnd(end) };
  }

  private run(i: number): number {
    let lo = 0;
    let hi = this.proseStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.proseStart[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * Builds one block's prose and map together, so the two cannot drift apart.
 * Format readers call `verbatim` for text copied as is, `replaced` for
 * decoded entities and collapsed markup, and `mark` for links and notes.
 */
export class ProseBuilder {
  private parts: string[] = [];
  private readonly map = new OffsetMap();
  private readonly marks: InlineMark[] = [];

  constructor(private readonly raw: string) {}

  /** Prose length so far: the prose offset the next character will get. */
  get length(): number {
    return this.map.size;
  }

  /** Copies raw `[start, end)` into the prose unchanged. */
  verbatim(start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(this.raw.slice(start, end));
    this.map.appendVerbatim(start, end - start);
  }

  /** Puts `text` into the prose in place of raw `[start, end)`. */
  replaced(start: number, end: number, text: string): void {
    if (!text) return;
    this.parts.push(text);
    this.map.appendReplaced(start, end, text.length);
  }

  /** Records a link, footnote reference or citation. */
  mark(mark: InlineMark): void {
    this.marks.push(mark);
  }

  /** Finishes the block. */
  build(kind: BlockKind, group: number): ProseBlock {
    const text = this.parts.join('');
    this.map.seal();
    return { kind, text, map: this.map, marks: this.marks, group };
  }
}
