import { decodeHTML } from './entities';
import type { Range } from '../types';
import { ProseBuilder, type BlockKind, type InlineMark, type ProseBlock } from './prose';
import { parseNumberList } from './markdown-citations';

/**
 * Text of the HTML reader: raw text runs with their entities decoded one by
 * one, so that every decoded character maps onto its raw entity, written
 * into a block (with its offset map) or into a note's plain text.
 */

/** Where decoded text goes. Offsets are raw UTF-16 offsets into the HTML. */
export interface TextSink {
  /** Raw `[start, end)` copied unchanged. */
  verbatim(start: number, end: number): void;
  /** `text` standing for raw `[start, end)` (a decoded entity, a line break). */
  replaced(start: number, end: number, text: string): void;
  /** A bare `[12]` or `[3, 5–7]` at raw `[start, end)`, taken out of the text; `numbers` are its reference numbers. */
  numbered?(start: number, end: number, numbers: readonly string[]): void;
}

const entity = /&(?:#[xX][0-9a-fA-F]{1,32};?|#[0-9]{1,32};?|[A-Za-z][A-Za-z0-9]{0,40};?)/y;
const numberedMarker = /\[(\d{1,4}(?:[ \t]{0,3}[,–-][ \t]{0,3}\d{1,4}){0,20})\]/y;

/**
 * Writes raw text runs into sinks: entities decoded one at a time, and
 * (when the sink takes them) bare `[12]` markers taken out. Runs come in
 * document order, so the next `&` and `[` are looked up once for the whole
 * text: linear overall; the regular expressions are anchored and bounded.
 */
export class HtmlText {
  private amp = -1;
  private bracket = -1;
  private last = 0;
  /** Entities seen so far: pages repeat the same few (`&amp;`, `&#160;`, `&rsquo;`) many times. */
  private readonly entities = new Map<string, DecodedEntity | null>();

  constructor(private readonly raw: string) {}

  /** Writes raw `[start, end)` into `sink`. */
  write(start: number, end: number, sink: TextSink): void {
    const raw = this.raw;
    if (start < this.last) this.amp = this.bracket = -1; // out of order: forget the look-ahead
    this.last = end;
    let run = start;
    let i = start;
    while (i < end) {
      if (this.amp < i) this.amp = indexOrEnd(raw, '&', i);
      let next = this.amp;
      if (sink.numbered) {
        if (this.bracket < i) this.bracket = indexOrEnd(raw, '[', i);
        if (this.bracket < next) next = this.bracket;
      }
      if (next >= end) break;
      i = next;
      if (raw.charCodeAt(i) === 38 /* & */) {
        entity.lastIndex = i;
        const m = entity.exec(raw);
        const decoded = m && i + m[0].length <= end ? this.decode(m[0]) : null;
        if (decoded) {
          sink.verbatim(run, i);
          sink.replaced(i, i + decoded.length, decoded.text);
          i += decoded.length;
          run = i;
          continue;
        }
      } else if (sink.numbered) {
        numberedMarker.lastIndex = i;
        const m = numberedMarker.exec(raw);
        const numbers = m && i + m[0].length <= end ? parseNumberList(m[1], 0, m[1].length) : null;
        if (m && numbers) {
          sink.verbatim(run, i);
          sink.numbered(i, i + m[0].length, numbers);
          i += m[0].length;
          run = i;
          continue;
        }
      }
      i++;
    }
    sink.verbatim(run, end);
  }

  private decode(source: string): DecodedEntity | null {
    let decoded = this.entities.get(source);
    if (decoded === undefined) {
      decoded = decodeEntity(source);
      if (this.entities.size < 4096) this.entities.set(source, decoded);
    }
    return decoded;
  }
}

interface DecodedEntity {
  readonly text: string;
  /** Raw characters the entity takes (a legacy entity without `;` may take fewer than matched). */
  readonly length: number;
}

function indexOrEnd(raw: string, c: string, from: number): number {
  const k = raw.indexOf(c, from);
  return k < 0 ? raw.length : k;
}

/** Decodes an entity found at the start of `source`: its decoded text and how many raw characters it takes. */
function decodeEntity(source: string): DecodedEntity | null {
  const decoded = decodeHTML(source);
  if (decoded === source) return null;
  // A legacy entity without ';' ("&ampfoo" → "&foo") takes only its own characters.
  let length = source.length;
  let text = decoded;
  while (text.length > 1 && length > 1 && text.charCodeAt(text.length - 1) === source.charCodeAt(length - 1)) {
    text = text.slice(0, -1);
    length--;
  }
  return { text, length };
}

/** True for white space, the no-break and ideographic spaces included. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0xfeff || c === 0x1680;
}

function isAllSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** A mark whose label is the block text it covers, filled in when the block is finished. */
/** A mark still being written: its label may be filled in from the block text when the block is done. */
type PendingMark = { -readonly [K in keyof InlineMark]: InlineMark[K] };

/**
 * Writes one block at a time through a `ProseBuilder`, leaving out white
 * space at the block's start and end (white space inside stays as it is).
 */
export class BlockWriter implements TextSink {
  private builder: ProseBuilder | null = null;
  private marks: PendingMark[] = [];
  /** For each mark: its label is the text it covers. */
  private labelFromText: boolean[] = [];
  // White space held back until more text follows: raw ranges, with their text when replaced (null: as is).
  private readonly pendingStart: number[] = [];
  private readonly pendingEnd: number[] = [];
  private readonly pendingText: (string | null)[] = [];
  private pendingCount = 0;
  private pendingLength = 0;
  private content = false;

  constructor(private readonly raw: string) {}

  /** Prose length written so far (trailing white space not counted). */
  get length(): number {
    return this.builder ? this.builder.length : 0;
  }

  /** Prose offset where the next non-space character will stand. */
  get nextStart(): number {
    return this.length + this.pendingLength;
  }

  verbatim(start: number, end: number): void {
    if (end <= start) return;
    const raw = this.raw;
    let first = start;
    while (first < end && isSpace(raw.charCodeAt(first))) first++;
    if (first === end) {
      this.space(start, end, null);
      return;
    }
    let last = end;
    while (isSpace(raw.charCodeAt(last - 1))) last--;
    const b = this.open();
    b.verbatim(b.length === 0 ? first : start, last);
    this.content = true;
    if (last < end) this.space(last, end, null);
  }

  replaced(start: number, end: number, text: string): void {
    if (!text) return;
    if (isAllSpace(text)) {
      this.space(start, end, text);
      return;
    }
    this.open().replaced(start, end, text);
    if (!this.content) for (let i = 0; i < text.length && !this.content; i++) this.content = text.charCodeAt(i) !== 0xfffc;
  }

  numbered(start: number, end: number, numbers: readonly string[]): void {
    for (const label of numbers) this.mark({ kind: 'numbered', start: this.length, end: this.length, raw: { start, end }, label });
  }

  /** Records a mark (prose offsets into the current block). */
  mark(mark: InlineMark): void {
    this.marks.push(mark as PendingMark); // never changed: only marks from `span` get a label later
    this.labelFromText.push(false);
  }

  /** Records a link or `<cite>` over prose `[start, end)` of the current block, labelled by the text it covers. */
  span(kind: 'link' | 'cite', start: number, end: number, raw: Range, url?: string, title?: string): void {
    const mark: PendingMark = { kind, start, end, raw, label: '' };
    if (url !== undefined) mark.url = url;
    if (title !== undefined) mark.title = title;
    this.marks.push(mark);
    this.labelFromText.push(true);
  }

  /** True when nothing at all (no text, no mark) has been written since the last block. */
  get isEmpty(): boolean {
    return this.builder === null && this.marks.length === 0;
  }

  /** True when the block holds text other than white space and U+FFFC. */
  get hasText(): boolean {
    return this.content;
  }

  /** Finishes the current block: the block, or null when it holds no text. Starts a new one. */
  finish(kind: BlockKind, group: () => number): ProseBlock | null {
    let block: ProseBlock | null = null;
    if (this.content && this.builder) {
      const built = this.builder.build(kind, group());
      const text = built.text;
      const marks = this.marks;
      for (let k = 0; k < marks.length; k++) {
        if (this.labelFromText[k]) marks[k].label = collapse(text.slice(marks[k].start, marks[k].end));
      }
      block = { kind: built.kind, text, map: built.map, marks, group: built.group };
    }
    this.builder = null;
    // The block keeps the marks array: the next block needs its own.
    if (block || this.marks.length) {
      this.marks = [];
      this.labelFromText = [];
    }
    this.content = false;
    this.dropPending();
    return block;
  }

  private open(): ProseBuilder {
    if (!this.builder) this.builder = new ProseBuilder(this.raw);
    else if (this.pendingCount) {
      const b = this.builder;
      for (let k = 0; k < this.pendingCount; k++) {
        const text = this.pendingText[k];
        if (text === null) b.verbatim(this.pendingStart[k], this.pendingEnd[k]);
        else b.replaced(this.pendingStart[k], this.pendingEnd[k], text);
      }
      this.dropPending();
    }
    return this.builder;
  }

  private space(start: number, end: number, text: string | null): void {
    if (!this.builder || this.builder.length === 0) return; // leading white space
    const k = this.pendingCount++;
    this.pendingStart[k] = start;
    this.pendingEnd[k] = end;
    this.pendingText[k] = text;
    this.pendingLength += text === null ? end - start : text.length;
  }

  private dropPending(): void {
    this.pendingCount = 0;
    this.pendingLength = 0;
  }
}

/** White space runs as one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Collects a note's or reference entry's plain text (white space collapsed) and its raw extent. */
export class TextCollector implements TextSink {
  private parts: string[] = [];

  constructor(private readonly raw: string) {}

  verbatim(start: number, end: number): void {
    if (end > start) this.parts.push(this.raw.slice(start, end));
  }

  replaced(_start: number, _end: number, text: string): void {
    this.parts.push(text);
  }

  /** A space between blocks inside the note. */
  separate(): void {
    this.parts.push(' ');
  }

  /** The text, white space collapsed, without a leading back-link caret or a trailing return arrow. */
  text(): string {
    return this.parts
      .join('')
      .replace(/\s+/gu, ' ')
      .trim()
      .replace(/^(?:\^\s*)+/u, '')
      .replace(/(?:\s*↩\uFE0E?\uFE0F?)+$/u, '')
      .trim();
  }
}
