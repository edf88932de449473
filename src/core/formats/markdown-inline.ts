import type { SyntaxNode, TreeCursor } from '@lezer/common';
import type { Problem } from '../types';
import { parseBracketCitation, parseLatexCitation, parseNumberList, scanKey, type CitedKey } from './markdown-citations';
import {
  blockTags,
  decodeEntity,
  findClosingTag,
  hiddenContentTags,
  isNoteSup,
  readTag,
  tagAttribute,
  type HtmlTag,
} from './markdown-html';
import { nodeNames } from './markdown-syntax';
import type { ProseWriter } from './markdown-writer';

/** Where a reference link points: a link reference definition's destination and title. */
export interface LinkTarget {
  readonly url: string;
  readonly title?: string;
}

/** What the inline reader needs to know about the whole document. */
export interface InlineEnvironment {
  readonly text: string;
  readonly mdx: boolean;
  /** Link reference definitions by normalised label (`normalizeLabel`). */
  readonly definitions: ReadonlyMap<string, LinkTarget>;
  /** Labels of the footnotes the document defines. */
  readonly footnoteLabels: ReadonlySet<string>;
  /** Problems found while reading are pushed here. */
  readonly problems: Problem[];
}

interface Span {
  readonly from: number;
  readonly to: number;
}

interface OpenSpan {
  readonly start: number;
  readonly rawStart: number;
  readonly contentStart: number;
  readonly url?: string;
  readonly title?: string;
  readonly sup: boolean;
}

/** Per-block state of raw HTML inside Markdown: open `<a>`, `<cite>` and note `<sup>` elements. */
export class InlineState {
  private openAnchors: OpenSpan[] | undefined;
  private openCites: OpenSpan[] | undefined;

  /** Open `<a>` elements, innermost last. */
  get anchors(): OpenSpan[] {
    return (this.openAnchors ??= []);
  }

  /** Open `<cite>` elements, innermost last. */
  get cites(): OpenSpan[] {
    return (this.openCites ??= []);
  }

  /** Whether an `<a>` is open. */
  get inAnchor(): boolean {
    return this.openAnchors !== undefined && this.openAnchors.length > 0;
  }

  /** Inside a `<sup>` holding only a note reference: its text is a marker, not prose. */
  sup = false;
  /** Inside a Markdown link's text: a URL there is the link's text, not a link of its own. */
  inLink = false;
}

/** Normalises a link label the way CommonMark matches them: case-folded, inner white space collapsed. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** Inline nodes nest no deeper than this before their markup is read as text. */
const maxInlineDepth = 500;

const backslashEscape = /\\([!-/:-@[-`{-~])/gu;

/** A link destination or title as written → its value: `<…>` unwrapped, escapes and entities decoded. */
export function cleanLinkValue(value: string, quoted: boolean): string {
  let v = value.trim();
  if (quoted && v.length >= 2) v = v.slice(1, -1);
  else if (v.startsWith('<') && v.endsWith('>')) v = v.slice(1, -1);
  if (v.includes('\\')) v = v.replace(backslashEscape, '$1');
  if (v.includes('&')) v = decodeEntities(v);
  return v;
}

function decodeEntities(v: string): string {
  let out = '';
  let at = 0;
  for (let i = v.indexOf('&'); i >= 0; i = v.indexOf('&', i + 1)) {
    const semi = v.indexOf(';', i);
    if (semi < 0 || semi - i > 33) continue;
    const decoded = decodeEntity(v.slice(i, semi + 1));
    if (decoded === undefined) continue;
    out += v.slice(at, i) + decoded;
    at = semi + 1;
    i = semi;
  }
  return at ? out + v.slice(at) : v;
}

/**
 * Turns the inline content of a Markdown block (a paragraph, heading, table
 * cell) into prose: markup away, text kept, links, footnote references and
 * citations recorded as marks.
 */
export class InlineReader {
  private readonly text: string;

  constructor(private readonly env: InlineEnvironment) {
    this.text = env.text;
  }

  /** Writes the children of `node` that stand within `[from, to)`, and the text between them. */
  read(node: SyntaxNode, from: number, to: number, w: ProseWriter, st: InlineState): void {
    this.depth = 0;
    this.children(node.cursor(), from, to, w, st);
  }

  private depth = 0;

  /**
   * Writes the children of the cursor's node that stand within `[from, to)`.
   * One cursor walks the whole block (a cursor made per node costs time in
   * proportion to its depth); it is back on the node afterwards.
   */
  private children(cur: TreeCursor, from: number, to: number, w: ProseWriter, st: InlineState): void {
    if (++this.depth > maxInlineDepth) {
      // Emphasis nested thousands deep: its markers stay as text rather than overflow the stack.
      this.plain(from, to, w, st);
      this.depth--;
      return;
    }
    let pos = from;
    if (cur.firstChild()) {
      do {
        const start = cur.from;
        if (start >= to) break;
        if (start < pos) continue; // consumed by a look-ahead
        if (start > pos) this.plain(pos, start, w, st);
        pos = this.node(cur, to, w, st);
      } while (cur.nextSibling());
      cur.parent();
    }
    if (pos < to) this.plain(pos, to, w, st);
    this.depth--;
  }

  private plain(from: number, to: number, w: ProseWriter, st: InlineState): void {
    if (!st.sup) w.text(from, to);
  }

  /** Writes one inline node; returns the raw offset reading goes on from (past the node, or further). */
  private node(c: TreeCursor, limit: number, w: ProseWriter, st: InlineState): number {
    switch (c.name) {
      case 'Emphasis':
      case 'StrongEmphasis':
      case 'Strikethrough':
      case 'Superscript':
      case 'Subscript':
        this.children(c, c.from, c.to, w, st);
        return c.to;
      case 'EmphasisMark':
      case 'StrikethroughMark':
      case 'SuperscriptMark':
      case 'SubscriptMark':
      case 'CodeMark':
      case 'QuoteMark':
      case 'HeaderMark':
      case 'TaskMarker':
      case 'LinkMark':
      case 'ListMark':
      case 'TableDelimiter':
      case 'Image':
      case 'Comment':
      case 'ProcessingInstruction':
        return c.to;
      case 'Escape':
        return this.escape(c, limit, w, st);
      case 'Entity': {
        const decoded = decodeEntity(this.text.slice(c.from, c.to));
        if (!st.sup) {
          if (decoded === undefined) w.verbatim(c.from, c.to);
          else w.replaced(c.from, c.to, decoded);
        }
        return c.to;
      }
      case 'HardBreak':
        w.newline(c.from, c.to);
        return c.to;
      case 'InlineCode':
        if (!st.sup) w.replaced(c.from, c.to, '\uFFFC');
        return c.to;
      case 'HTMLTag':
      case nodeNames.jsxTag:
        return this.tag(c.from, c.to, limit, w, st);
      case 'URL':
        this.bareUrl(c.from, c.to, c.from, c.to, w, st);
        return c.to;
      case 'Autolink': {
        const { from, to } = c;
        if (c.firstChild()) {
          do if (c.type.name === 'URL') this.bareUrl(c.from, c.to, from, to, w, st);
          while (c.nextSibling());
          c.parent();
        }
        return to;
      }
      case 'Link':
        this.link(c, w, st);
        return c.to;
      case nodeNames.footnoteReference:
        this.footnoteReference(c.from, c.to, w);
        return c.to;
      case nodeNames.citation: {
        const keys = st.inLink ? null : parseBracketCitation(this.text, c.from + 1, c.to - 1);
        if (keys) this.citations(keys, c.from, c.to, w);
        else if (!st.sup) w.text(c.from, c.to);
        return c.to;
      }
      case nodeNames.inTextCitation:
        // `[see @doe](url)`: in a link's text an `@` is text.
        if (st.inLink) w.text(c.from, c.to);
        else this.inTextCitation(c.from, c.to, w);
        return c.to;
      case nodeNames.latexCitation: {
        const found = parseLatexCitation(this.text, c.from, c.to);
        if (found) this.citations(found.keys, c.from, c.to, w);
        return c.to;
      }
      case nodeNames.templateTag:
        // A shortcode stands for what it renders, as a value or an element: its parameters are no prose.
        if (!st.sup) w.replaced(c.from, c.to, '\uFFFC');
        return c.to;
      case nodeNames.mdxExpression:
        if (!isComment(this.text, c.from, c.to) && !st.sup) w.replaced(c.from, c.to, '\uFFFC');
        return c.to;
      default:
        this.children(c, c.from, c.to, w, st);
        return c.to;
    }
  }

  /** `\[` → `[`; `\[12\]` is a numbered reference. */
  private escape(c: TreeCursor, limit: number, w: ProseWriter, st: InlineState): number {
    if (this.text.charCodeAt(c.from + 1) === 91) {
      const end = this.escapedNumbers(c.to, limit, w);
      if (end > 0) return end;
    }
    if (!st.sup) w.verbatim(c.from + 1, c.to);
    return c.to;
  }

  private escapedNumbers(from: number, limit: number, w: ProseWriter): number {
    const stop = Math.min(limit, from + 40);
    let close = from;
    while (close < stop && this.text.charCodeAt(close) !== 93) close++;
    if (close >= stop) return -1;
    const contentEnd = this.text.charCodeAt(close - 1) === 92 ? close - 1 : close;
    const numbers = parseNumberList(this.text, from, contentEnd);
    if (!numbers) return -1;
    this.numbered(numbers, from - 2, close + 1, w);
    return close + 1;
  }

  private numbered(numbers: readonly string[], rawStart: number, rawEnd: number, w: ProseWriter): void {
    w.dropSpace();
    const at = w.length;
    for (const n of numbers) w.mark({ kind: 'numbered', start: at, end: at, raw: { start: rawStart, end: rawEnd }, label: n });
  }

  private footnoteReference(from: number, to: number, w: ProseWriter): void {
    const label = this.text.slice(from + 2, to - 1);
    w.dropSpace();
    const at = w.length;
    w.mark({ kind: 'footnote', start: at, end: at, raw: { start: from, end: to }, label });
    if (!this.env.footnoteLabels.has(label)) {
      this.env.problems.push({
        code: 'missing-footnote',
        message: `Footnote [^${label}] has no definition.`,
        range: { start: from, end: to },
      });
    }
  }

  private citations(keys: readonly CitedKey[], from: number, to: number, w: ProseWriter): void {
    w.dropSpace();
    const at = w.length;
    for (const k of keys) {
      w.mark({
        kind: 'citation',
        start: at,
        end: at,
        raw: { start: from, end: to },
        label: k.key,
        key: k.key,
        ...(k.locator ? { locator: k.locator } : {}),
      });
    }
  }

  private inTextCitation(from: number, to: number, w: ProseWriter): void {
    const keyEnd = scanKey(this.text, from + 1, to);
    const key = this.text.slice(from + 1, keyEnd);
    const locator = this.text.charCodeAt(to - 1) === 93 ? this.text.slice(this.text.lastIndexOf('[', to) + 1, to - 1).trim() : '';
    // "@doe99 estimate that…" names its author in the sentence: the key stays as the
    // sentence's first word, so "… people. @doe99 estimate" starts a new sentence.
    w.text(from, keyEnd);
    const at = w.length - (keyEnd - from);
    w.mark({ kind: 'citation', start: at, end: at, raw: { start: from, end: to }, label: key, key, ...(locator ? { locator } : {}) });
  }

  /** A bare URL or an autolink: its text stays in the prose under a link mark. E-mail addresses are not links to a source. */
  private bareUrl(from: number, to: number, rawStart: number, rawEnd: number, w: ProseWriter, st: InlineState): void {
    const url = this.text.slice(from, to);
    if ((!url.includes(':') && !url.startsWith('www.')) || st.inLink || st.inAnchor) {
      if (!st.sup) w.verbatim(from, to);
      return;
    }
    if (st.sup) {
      w.dropSpace();
      w.mark({ kind: 'link', start: w.length, end: w.length, raw: { start: rawStart, end: rawEnd }, label: url, url });
      return;
    }
    const start = w.beginSpan();
    w.verbatim(from, to);
    w.mark({ kind: 'link', start, end: w.length, raw: { start: rawStart, end: rawEnd }, label: url, url });
  }

  private link(c: TreeCursor, w: ProseWriter, st: InlineState): void {
    const text = this.text;
    let textFrom = -1;
    let textTo = -1;
    let inline = false;
    let url: Span | null = null;
    let title: Span | null = null;
    let label: Span | null = null;
    const k = c;
    const linkFrom = c.from;
    const linkTo = c.to;
    if (k.firstChild()) {
      do {
        switch (k.name) {
          case 'LinkMark': {
            const ch = text.charCodeAt(k.from);
            if (ch === 91 && textFrom < 0) textFrom = k.to;
            else if (ch === 93 && textTo < 0) textTo = k.from;
            else if (ch === 40) inline = true;
            break;
          }
          case 'URL':
            url = { from: k.from, to: k.to };
            break;
          case 'LinkTitle':
            title = { from: k.from, to: k.to };
            break;
          case 'LinkLabel':
            label = { from: k.from, to: k.to };
            break;
        }
      } while (k.nextSibling());
      k.parent();
    }
    if (textFrom < 0 || textTo < textFrom) {
      w.text(linkFrom, linkTo);
      return;
    }
    const raw = { start: linkFrom, end: linkTo };
    let target: LinkTarget | undefined;
    if (inline) {
      target = {
        url: url ? cleanLinkValue(text.slice(url.from, url.to), false) : '',
        ...(title ? { title: cleanLinkValue(text.slice(title.from, title.to), true) } : {}),
      };
    } else {
      const ref = label && label.to - label.from > 2 ? text.slice(label.from + 1, label.to - 1) : text.slice(textFrom, textTo);
      target = this.env.definitions.get(normalizeLabel(ref));
      if (!target && !label) {
        const numbers = parseNumberList(text, textFrom, textTo);
        if (numbers) {
          this.numbered(numbers, linkFrom, linkTo, w);
          return;
        }
      }
    }
    if (!target) {
      // Not a link after all: CommonMark keeps the brackets as text.
      if (st.sup) return;
      w.verbatim(linkFrom, textFrom);
      this.children(c, textFrom, textTo, w, st);
      w.text(textTo, linkTo);
      return;
    }
    if (!target.url) {
      this.env.problems.push({
        code: 'empty-link',
        message: `The link “${text.slice(textFrom, textTo).trim()}” has no destination.`,
        range: raw,
      });
    }
    // `<sup>[2](#ref-2)</sup>`: a number linked to a place in the page is a numbered reference.
    if (st.sup && target.url.charCodeAt(0) === 35) {
      const numbers = parseNumberList(text, textFrom, textTo);
      if (numbers) {
        this.numbered(numbers, linkFrom, linkTo, w);
        return;
      }
    }
    // A note marker: a link in a note `<sup>`, or a reference link whose text is a number (`[2]` with `[2]: url`).
    if (st.sup || (!inline && parseNumberList(text, textFrom, textTo))) {
      w.dropSpace();
      const at = w.length;
      w.mark({ kind: 'link', start: at, end: at, raw, label: text.slice(textFrom, textTo).trim(), ...target });
      return;
    }
    const start = w.beginSpan();
    st.inLink = true;
    this.children(c, textFrom, textTo, w, st);
    st.inLink = false;
    w.mark({ kind: 'link', start, end: w.length, raw, ...target });
  }

  /**
   * Acts on a raw HTML (or JSX) tag standing in `[from, to)`: the tag itself
   * is never prose; `<a href>` and `<cite>` become marks around their text;
   * `<br>` breaks the line; the content of `<script>`, `<style>` and the like
   * is skipped up to `limit`. Returns where reading goes on.
   */
  tag(from: number, to: number, limit: number, w: ProseWriter, st: InlineState): number {
    const tag = readTag(this.text, from, Math.max(to, limit), this.env.mdx);
    if (!tag) {
      if (!st.sup) w.text(from, to);
      return to;
    }
    return this.tagAction(tag, limit, w, st);
  }

  /** What `tag` does to the prose; returns where reading goes on. */
  tagAction(tag: HtmlTag, limit: number, w: ProseWriter, st: InlineState): number {
    const name = tag.name;
    if (name === 'a' || (this.env.mdx && tag.rawName === 'Link')) {
      if (!tag.closing) {
        const href = tagAttribute(this.text, tag, 'href');
        const title = tagAttribute(this.text, tag, 'title');
        const usable = href && !href.expression;
        st.anchors.push({
          start: st.sup ? w.length : w.beginSpan(),
          rawStart: tag.start,
          contentStart: tag.end,
          sup: st.sup,
          ...(usable ? { url: href.value.trim() } : {}),
          ...(title && !title.expression ? { title: title.value } : {}),
        });
        if (tag.selfClosing) st.anchors.pop();
        return tag.end;
      }
      const open = st.anchors.pop();
      if (open?.url !== undefined) this.closeAnchor(open, tag, w);
      return tag.end;
    }
    if (name === 'cite') {
      if (!tag.closing) st.cites.push({ start: w.beginSpan(), rawStart: tag.start, contentStart: tag.end, sup: st.sup });
      else {
        const open = st.cites.pop();
        if (open && w.length > open.start) {
          w.mark({ kind: 'cite', start: open.start, end: w.length, raw: { start: open.rawStart, end: tag.end } });
        }
      }
      return tag.end;
    }
    if (name === 'br') {
      w.newline(tag.start, tag.end);
      return tag.end;
    }
    if (name === 'sup') {
      if (!tag.closing && !tag.selfClosing && isNoteSup(this.text, tag.end)) {
        st.sup = true;
        w.dropSpace();
      } else if (tag.closing) {
        st.sup = false;
      }
      return tag.end;
    }
    if (hiddenContentTags.has(name) && !tag.closing && !tag.selfClosing) {
      const close = findClosingTag(this.text, name, tag.end, limit);
      return close ? close.end : limit;
    }
    if (blockTags.has(name)) w.space(tag.start, tag.end);
    return tag.end;
  }

  private closeAnchor(open: OpenSpan, tag: HtmlTag, w: ProseWriter): void {
    const raw = { start: open.rawStart, end: tag.end };
    const url = open.url ?? '';
    if (!url) {
      this.env.problems.push({
        code: 'empty-link',
        message: `The link “${visibleText(this.text.slice(open.contentStart, tag.start))}” has no destination.`,
        range: raw,
      });
    }
    const title = open.title !== undefined ? { title: open.title } : {};
    if (open.sup) {
      // A note marker: `<sup><a href="#fn3">3</a></sup>`.
      const label = visibleText(this.text.slice(open.contentStart, tag.start)).replace(/^\[|\]$/gu, '');
      const kind = url.startsWith('#') ? 'footnote' : 'link';
      w.mark({ kind, start: w.length, end: w.length, raw, label, ...(kind === 'link' ? { url } : {}), ...title });
      return;
    }
    w.mark({ kind: 'link', start: open.start, end: w.length, raw, url, ...title });
  }
}

/** Text with tags removed and white space collapsed, for labels and messages. */
function visibleText(html: string): string {
  return html.replace(/<[^<>]{0,300}>/gu, '').replace(/\s+/gu, ' ').trim();
}

function isComment(text: string, from: number, to: number): boolean {
  const inner = text.slice(from + 1, to - 1).trim();
  return inner.startsWith('/*') && inner.endsWith('*/');
}
