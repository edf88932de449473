import { ProseBuilder, type BlockKind, type InlineMark, type ProseBlock } from './prose';

/**
 * Finds line breaks in one text, remembering the last answer, so that a
 * walk forward through the text looks at each character once.
 */
export class LineBreaks {
  private from = -1;
  private at = -1;

  constructor(private readonly text: string) {}

  /** The index of the first `\n` at or after `pos`, or the text's length. */
  next(pos: number): number {
    if (pos >= this.from && pos <= this.at) return this.at;
    let at = this.text.indexOf('\n', pos);
    if (at < 0) at = this.text.length;
    this.from = pos;
    this.at = at;
    return at;
  }
}

/** A mark whose label, when left out, is the prose it covers (a link's text). */
export type PendingMark = Omit<InlineMark, 'label'> & { label?: string };


function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Writes one block's prose over a `ProseBuilder`, tidying white space as it
 * goes: white space at the start and end of the block is dropped, a line
 * break with the indentation around it becomes one `\n`, and the space
 * before a removed marker (`word [^3].` → `word.`) goes with the marker.
 * White space is held back until text follows it, so nothing written needs
 * taking back.
 */
export class ProseWriter {
  private readonly builder: ProseBuilder;
  private marks: PendingMark[] | null = null;
  // White space held back. Of all that is held, only the first line break
  // (or, with none, the first space) is ever written, so two slots suffice.
  private spaceStart = -1;
  private spaceEnd = -1;
  /** The held space is raw white space to copy; otherwise markup standing for a space. */
  private spaceVerbatim = false;
  private breakStart = -1;
  private breakEnd = -1;
  private breakVerbatim = false;

  constructor(
    private readonly raw: string,
    private readonly breaks: LineBreaks = new LineBreaks(raw),
  ) {
    this.builder = new ProseBuilder(raw);
  }

  /** Prose length written so far, not counting white space held back. */
  get length(): number {
    return this.builder.length;
  }

  /** Whether marks have been recorded. */
  get hasMarks(): boolean {
    return this.marks !== null;
  }

  /**
   * Copies raw text `[from, to)` that holds no markup: a line break with the
   * white space around it becomes one `\n`; white space at either end is
   * held back.
   */
  text(from: number, to: number): void {
    const raw = this.raw;
    let pos = from;
    while (pos < to && isSpace(raw.charCodeAt(pos))) pos++;
    if (pos > from) this.hold(from, pos, hasLineBreak(raw, from, pos), true);
    for (;;) {
      const nl = this.breaks.next(pos);
      if (nl >= to) break;
      let end = nl;
      while (end > pos && isSpace(raw.charCodeAt(end - 1))) end--;
      let next = nl + 1;
      while (next < to && isSpace(raw.charCodeAt(next))) next++;
      this.verbatim(pos, end);
      this.hold(end, next, true, true);
      pos = next;
    }
    let end = to;
    while (end > pos && isSpace(raw.charCodeAt(end - 1))) end--;
    this.verbatim(pos, end);
    if (end < to) this.hold(end, to, false, true);
  }

  /** Copies raw `[from, to)` unchanged. */
  verbatim(from: number, to: number): void {
    if (to <= from) return;
    this.flush();
    this.builder.verbatim(from, to);
  }

  /** Puts `text` in place of raw `[from, to)`. */
  replaced(from: number, to: number, text: string): void {
    if (!text) return;
    this.flush();
    this.builder.replaced(from, to, text);
  }

  /** A line break standing for raw `[from, to)` (`<br>`, a hard break, the gap between two paragraphs). */
  newline(from: number, to: number): void {
    this.hold(from, to, true, false);
  }

  /** A word break standing for raw `[from, to)` (a block-level HTML tag inside a paragraph). */
  space(from: number, to: number): void {
    this.hold(from, to, false, false);
  }

  /** Forgets white space held back: the space before a marker that is taken away. */
  dropSpace(): void {
    this.spaceStart = this.breakStart = -1;
  }

  /**
   * Commits held-back white space and returns the prose offset where the
   * next text will start: the start of a link's text.
   */
  beginSpan(): number {
    this.flush();
    return this.builder.length;
  }

  /** Records a mark; a mark without a label gets the prose it covers. */
  mark(mark: PendingMark): void {
    (this.marks ??= []).push(mark);
  }

  /**
   * Finishes the block, or returns null when it holds neither text nor
   * marks (nothing but white space, or an MDX expression alone).
   */
  build(kind: BlockKind, group: number): ProseBlock | null {
    const block = this.builder.build(kind, group);
    const marks = this.marks;
    if (!marks) return hasContent(block.text) ? block : null;
    let sorted = true;
    for (let i = 0; i < marks.length; i++) {
      const m = marks[i];
      if (m.label === undefined) m.label = labelOf(block.text, m.start, m.end);
      if (i > 0 && marks[i - 1].start > m.start) sorted = false;
    }
    if (!sorted) marks.sort((a, b) => a.start - b.start || a.end - b.end);
    return { kind: block.kind, text: block.text, map: block.map, marks: marks as InlineMark[], group: block.group };
  }

  private hold(start: number, end: number, newline: boolean, verbatim: boolean): void {
    if (newline) {
      if (this.breakStart >= 0) return;
      this.breakStart = start;
      this.breakEnd = end;
      this.breakVerbatim = verbatim;
    } else if (this.spaceStart < 0) {
      this.spaceStart = start;
      this.spaceEnd = end;
      this.spaceVerbatim = verbatim;
    }
  }

  private flush(): void {
    if (this.spaceStart < 0 && this.breakStart < 0) return;
    const builder = this.builder;
    if (builder.length === 0) {
      // White space before the block's first character is dropped.
    } else if (this.breakStart >= 0) {
      const { breakStart: start, breakEnd: end } = this;
      if (this.breakVerbatim && end - start === 1 && this.raw.charCodeAt(start) === 10) builder.verbatim(start, end);
      else builder.replaced(start, end, '\n');
    } else if (this.spaceVerbatim) {
      builder.verbatim(this.spaceStart, this.spaceEnd);
    } else {
      builder.replaced(this.spaceStart, this.spaceEnd, ' ');
    }
    this.spaceStart = this.breakStart = -1;
  }
}

/**
 * The block a `ProseWriter` would write for raw `[from, to)` holding no
 * markup and no line break, made without one: the text, trimmed.
 */
export function plainBlock(raw: string, from: number, to: number, kind: BlockKind, group: number): ProseBlock | null {
  let start = from;
  let end = to;
  while (start < end && isSpace(raw.charCodeAt(start))) start++;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  for (let i = start; i < end; i++) {
    if (raw.charCodeAt(i) === 10) {
      const w = new ProseWriter(raw);
      w.text(from, to);
      return w.build(kind, group);
    }
  }
  const builder = new ProseBuilder(raw);
  builder.verbatim(start, end);
  const block = builder.build(kind, group);
  return hasContent(block.text) ? block : null;
}

/** The prose a mark covers, white space collapsed: a link's label. */
function labelOf(text: string, start: number, end: number): string {
  const label = text.slice(start, end);
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c === 10 || c === 13 || c === 9 || (c === 32 && label.charCodeAt(i + 1) === 32)) return label.replace(/\s+/gu, ' ').trim();
  }
  return label.trim();
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function hasContent(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && c !== 0xfffc) return true;
  }
  return false;
}
