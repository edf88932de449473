import type { Problem, Range } from '../types';
import { attribute, fragmentOf, headingLevel, type RawAttributes } from './html-elements';
import { BlockWriter, HtmlText, TextCollector, type TextSink } from './html-text';
import { BLOCK, CLOSE, CODE, DEFINES, DIRECT_TEXT, IN_REGION, MARKER_SUP, NOTE_LINK, SKIP, TEXT, tokenizeHtml, type HtmlTokens } from './html-tokens';
import type { BlockKind, FootnoteDefinition, ProseBlock, ProseDocument } from './prose';
import { findBareUrls } from './urls';

/**
 * Reads HTML into prose blocks.
 *
 * Blocks come from block elements (`p`, `li`, `td`/`th`, `h1`–`h6`,
 * `blockquote`, `dd`/`dt`, `figcaption`, `caption`, `title`) and from runs
 * of loose text between blocks in `div`, `section`, `body`…; `<br>` is a
 * line break. Entities are decoded one by one, so every prose offset maps
 * back onto the raw text (a decoded `&#160;` onto the whole entity).
 * Scripts, styles, code, navigation, hidden elements, comments and
 * attributes are never prose.
 *
 * Marks: `<a href>` links; note markers (`<sup><a href="#cite_note-3">[3]</a></sup>`,
 * `<a href="#fn1" class="footnote-ref">`), taken out of the prose and
 * labelled by the target id; `<cite>`; `<blockquote cite>`; bare `[12]`.
 * Footnote and reference lists (`ol.references`, `section.footnotes`, a
 * list under a "References" heading, any element a marker points at) are
 * not prose: their entries become `footnotes` (by id) and `references` (in
 * order). Never throws, whatever the markup.
 */
export function readHtml(text: string): ProseDocument {
  return new HtmlReader(text, tokenizeHtml(text)).read();
}

/** A list, table or figure whose items share a group number, given on first use. */
interface Group {
  id: number;
  /** The group is a `<figure>`: its caption and contents are one block for a "Source:" line under it. */
  readonly figure: boolean;
}

/** A link, `<cite>` or anchor without a destination, open at a prose offset of the current block. */
interface OpenMark {
  readonly kind: 'link' | 'cite' | 'empty';
  start: number;
  readonly raw: Range;
  readonly url?: string;
  readonly title?: string;
}

interface Frame {
  readonly token: number;
  /** Kind of the blocks inside. */
  readonly kind: BlockKind;
  /** The list or table the blocks inside belong to. */
  readonly group: Group | null;
  /** Text here is not prose (`<head>` outside `<title>`). */
  readonly dropText: boolean;
  mark: OpenMark | null;
}

/** A note or reference entry being collected. */
interface Entry {
  /** Open token of the element, or -1 for loose text in a reference list. */
  readonly token: number;
  readonly labels: string[];
  readonly text: TextCollector;
  readonly urls: string[];
  /** An entry of a reference list (it also goes to `references`). */
  readonly reference: boolean;
  readonly start: number;
  end: number;
}

const entryElements = new Set(['li', 'dd', 'dt', 'p', 'blockquote']);
const groupElements = new Set(['ul', 'ol', 'menu', 'dir', 'table', 'figure']);
/** Elements that change the kind, group or visibility of the text inside, or carry a mark. */
const framedElements = new Set([
  'li', 'td', 'th', 'title', 'blockquote', 'dd', 'dt', 'figcaption', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'menu', 'dir', 'table', 'figure', 'head', 'a', 'cite',
]);

class HtmlReader {
  private readonly writer: BlockWriter;
  private readonly html: HtmlText;
  /** The writer without `[12]` detection, for text inside links. */
  private readonly plain: TextSink;
  private readonly stack: Frame[] = [];
  private readonly openMarks: OpenMark[] = [];
  private openLinks = 0;
  private quoteCite: { readonly url: string; readonly raw: Range; readonly token: number } | null = null;
  private entry: Entry | null = null;
  private nextGroup = 0;
  private readonly blocks: ProseBlock[] = [];
  private readonly footnotes = new Map<string, FootnoteDefinition>();
  private readonly references: FootnoteDefinition[] = [];
  private readonly problems: Problem[];

  constructor(
    private readonly raw: string,
    private readonly t: HtmlTokens,
  ) {
    this.writer = new BlockWriter(raw);
    this.html = new HtmlText(raw);
    const writer = this.writer;
    this.plain = {
      verbatim: (start, end) => writer.verbatim(start, end),
      replaced: (start, end, text) => writer.replaced(start, end, text),
    };
    this.problems = [...t.problems];
  }

  read(): ProseDocument {
    const t = this.t;
    for (let i = 0; i < t.count; i++) {
      const type = t.type[i];
      if (type === TEXT) this.text(i);
      else if (type === CLOSE) this.close(i);
      else i = this.open(i);
    }
    this.boundary();
    if (this.entry) this.endEntry();
    this.flush();
    for (const d of t.emptyDefinitions) {
      if (!this.footnotes.has(d.label)) this.footnotes.set(d.label, { label: d.label, text: '', urls: [], raw: d.raw });
    }
    this.problems.sort((a, b) => a.range.start - b.range.start);
    return { blocks: this.blocks, footnotes: this.footnotes, references: this.references, problems: this.problems };
  }

  /** Handles an open tag; returns the token to go on after (its close token when the element is passed over). */
  private open(i: number): number {
    const t = this.t;
    const name = t.name(i);
    const flags = t.flags[i];
    if (flags & SKIP) {
      if (flags & BLOCK) this.boundary();
      return t.match[i];
    }
    if (flags & CODE) {
      if (!this.entry && !(flags & IN_REGION) && !this.top().dropText) {
        this.writer.replaced(t.start[i], this.endOf(i), '\uFFFC');
      }
      return t.match[i];
    }
    if (flags & BLOCK) this.boundary();

    if (!this.entry && flags & IN_REGION) {
      if (headingLevel(name)) return t.match[i];
      if (this.isEntryElement(i)) this.startEntry(i, true);
      else if (name === 'a') this.startLooseEntry(t.start[i]);
    } else if (!this.entry && flags & DEFINES) {
      this.startEntry(i, false);
    }
    if (this.entry) return this.openInEntry(i, name, t.attributes(i));

    if (flags & MARKER_SUP) {
      const sup = t.markerSups.get(i) ?? [];
      for (const link of sup) this.note(link, sup.length === 1 ? this.rangeOf(i) : this.rangeOf(link));
      return t.match[i];
    }
    if (flags & NOTE_LINK) {
      this.note(i, this.rangeOf(i));
      return t.match[i];
    }

    if (!framedElements.has(name)) {
      if (name === 'br' && !this.top().dropText) this.writer.replaced(t.start[i], t.end[i], '\n');
      return i;
    }
    const frame = this.push(i, name);
    if (frame.dropText) return i;
    if (name === 'a') this.openLink(frame, i, t.attributes(i));
    else if (name === 'cite') this.openMark(frame, { kind: 'cite', start: this.writer.nextStart, raw: this.rangeOf(i) });
    else if (name === 'blockquote') {
      const cite = attribute(t.attributes(i), 'cite')?.trim();
      if (cite) this.quoteCite = { url: cite, raw: { start: t.start[i], end: t.end[i] }, token: i };
    }
    return i;
  }

  private openInEntry(i: number, name: string, attrs: RawAttributes): number {
    const entry = this.entry as Entry;
    const labels = this.t.flags[i] & DEFINES ? this.t.definitions.get(i) : undefined;
    if (labels && entry.token !== i) for (const label of labels) if (!entry.labels.includes(label)) entry.labels.push(label);
    if (name === 'a') {
      const href = attribute(attrs, 'href')?.trim();
      // A same-page link inside a note is its back-link: neither text nor source.
      if (fragmentOf(href) !== undefined) return this.t.match[i];
      if (href && !entry.urls.includes(href)) entry.urls.push(href);
    } else if (name === 'br') {
      entry.text.separate();
    }
    return i;
  }

  private close(i: number): void {
    const o = this.t.match[i];
    const top = this.stack[this.stack.length - 1];
    // Only some elements have a frame (see `framedElements`); tokens are properly nested.
    const framed = top !== undefined && top.token === o;
    if (framed && top.mark) this.closeMark(top.mark);
    if (this.t.flags[o] & BLOCK) this.boundary();
    if (this.entry && this.entry.token === o) this.endEntry();
    if (this.quoteCite && this.quoteCite.token === o) this.quoteCite = null;
    if (framed) this.stack.pop();
  }

  private text(i: number): void {
    const t = this.t;
    const start = t.start[i];
    const end = t.end[i];
    if (!this.entry && t.flags[i] & IN_REGION) {
      if (!hasNonSpace(this.raw, start, end)) return;
      this.startLooseEntry(start);
    }
    const entry = this.entry;
    if (entry) {
      this.html.write(start, end, entry.text);
      if (entry.token < 0) entry.end = end;
      return;
    }
    if (this.top().dropText) return;
    this.html.write(start, end, this.openLinks > 0 ? this.plain : this.writer);
  }

  private push(i: number, name: string): Frame {
    const parent = this.top();
    const frame: Frame = {
      token: i,
      kind: kindOf(name, parent.kind),
      // A table or list inside a figure is part of the figure's group, with its caption.
      group: groupElements.has(name) && !parent.group?.figure ? { id: -1, figure: name === 'figure' } : parent.group,
      dropText: name === 'head' ? true : name === 'title' ? false : parent.dropText,
      mark: null,
    };
    this.stack.push(frame);
    return frame;
  }

  private top(): Frame {
    return this.stack.length ? this.stack[this.stack.length - 1] : root;
  }

  private openLink(frame: Frame, i: number, attrs: RawAttributes): void {
    const href = attribute(attrs, 'href')?.trim();
    const raw = this.rangeOf(i);
    if (href === undefined && (attrs.id !== undefined || attrs.name !== undefined)) return; // an anchor, not a link
    this.openLinks++;
    if (!href || href === '#') {
      this.openMark(frame, { kind: 'empty', start: this.writer.nextStart, raw });
      return;
    }
    const title = attribute(attrs, 'title');
    this.openMark(frame, { kind: 'link', start: this.writer.nextStart, raw, url: href, ...(title ? { title } : {}) });
  }

  private openMark(frame: Frame, mark: OpenMark): void {
    frame.mark = mark;
    this.openMarks.push(mark);
  }

  private closeMark(mark: OpenMark): void {
    const k = this.openMarks.lastIndexOf(mark);
    if (k >= 0) this.openMarks.splice(k, 1);
    if (mark.kind !== 'cite') this.openLinks--;
    const end = this.writer.length;
    const start = Math.min(mark.start, end);
    if (end <= start) return;
    if (mark.kind === 'empty') {
      this.problems.push({ code: 'empty-link', message: 'This link has no destination.', range: mark.raw });
      return;
    }
    this.writer.span(mark.kind, start, end, mark.raw, mark.url, mark.title);
  }

  /** A note marker: a zero-width footnote mark where it stood. */
  private note(link: number, raw: Range): void {
    const label = this.t.noteLinks.get(link) as string;
    const at = this.writer.length;
    this.writer.mark({ kind: 'footnote', start: at, end: at, raw, label });
    if (this.t.missing.has(link)) {
      this.problems.push({ code: 'missing-footnote', message: `No note with the id "${label}" stands in the page.`, range: raw });
    }
  }

  /** A block element starts or ends: the current block (or loose reference entry) is finished. */
  private boundary(): void {
    const entry = this.entry;
    if (entry) {
      if (entry.token < 0) this.endEntry();
      else entry.text.separate();
      return;
    }
    this.flush();
  }

  private flush(): void {
    const w = this.writer;
    if (w.isEmpty) return;
    if (w.hasText) {
      const length = w.length;
      for (const mark of this.openMarks) {
        // A link or <cite> running over a block boundary marks its part in each block.
        if (mark.kind !== 'empty' && mark.start < length) {
          w.span(mark.kind, mark.start, length, mark.raw, mark.url, mark.title);
        }
      }
      const quote = this.quoteCite;
      if (quote) {
        w.mark({ kind: 'link', start: 0, end: length, raw: quote.raw, label: quote.url, url: quote.url });
        this.quoteCite = null;
      }
    }
    const top = this.top();
    const block = w.finish(top.kind, () => {
      if ((top.kind === 'list-item' || top.kind === 'table-cell' || top.group?.figure) && top.group) {
        if (top.group.id < 0) top.group.id = this.nextGroup++;
        return top.group.id;
      }
      return this.nextGroup++;
    });
    if (block) this.blocks.push(top.group?.figure ? { ...block, figure: true } : block);
    for (const mark of this.openMarks) mark.start = 0;
  }

  private isEntryElement(i: number): boolean {
    const name = this.t.name(i);
    if (entryElements.has(name)) return true;
    return (this.t.flags[i] & BLOCK) !== 0 && (this.t.flags[i] & (DEFINES | DIRECT_TEXT)) !== 0;
  }

  private startEntry(i: number, reference: boolean): void {
    const labels = [...(this.t.definitions.get(i) ?? [])];
    if (reference) {
      const id = attribute(this.t.attributes(i), 'id');
      if (id && !labels.includes(id)) labels.push(id);
    }
    const range = this.rangeOf(i);
    this.entry = { token: i, labels, text: new TextCollector(this.raw), urls: [], reference, start: range.start, end: range.end };
  }

  private startLooseEntry(start: number): void {
    this.entry = { token: -1, labels: [], text: new TextCollector(this.raw), urls: [], reference: true, start, end: start };
  }

  private endEntry(): void {
    const entry = this.entry as Entry;
    this.entry = null;
    const text = entry.text.text();
    const urls = [...entry.urls];
    for (const u of findBareUrls(text)) if (!urls.includes(u.url)) urls.push(u.url);
    if (!text && !urls.length && !entry.labels.length) return;
    const raw = { start: entry.start, end: entry.end };
    for (const label of entry.labels) {
      if (this.footnotes.has(label)) {
        this.problems.push({
          code: 'duplicate-footnote',
          message: `The note "${label}" is defined more than once; the first definition is used.`,
          range: raw,
        });
      } else {
        this.footnotes.set(label, { label, text, urls, raw });
      }
    }
    if (entry.reference && (text || urls.length)) {
      this.references.push({ label: entry.labels[0] ?? String(this.references.length + 1), text, urls, raw });
    }
  }

  private rangeOf(o: number): Range {
    return { start: this.t.start[o], end: this.endOf(o) };
  }

  private endOf(o: number): number {
    const close = this.t.match[o];
    return close >= 0 ? Math.max(this.t.end[close], this.t.end[o]) : this.t.end[o];
  }
}

const root: Frame = { token: -1, kind: 'paragraph', group: null, dropText: false, mark: null };

function kindOf(name: string, inherited: BlockKind): BlockKind {
  switch (name) {
    case 'li':
      return 'list-item';
    case 'td':
    case 'th':
      return 'table-cell';
    case 'title':
      return 'title';
    case 'blockquote':
      return 'blockquote';
    case 'dd':
    case 'dt':
    case 'figcaption':
    case 'caption':
      return 'paragraph';
    default:
      return headingLevel(name) ? 'heading' : inherited;
  }
}

function hasNonSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) return true;
  }
  return false;
}

