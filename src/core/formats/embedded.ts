import { findDirectives, type Suppression } from '../suppression';
import type { Problem, Range } from '../types';
import { OffsetMap, type BlockKind, type FootnoteDefinition, type InlineMark, type ProseBlock, type ProseDocument } from './prose';

/**
 * HTML held inside another file's syntax: a JSON string (a WordPress REST
 * API post's `content.rendered`) or an XML element's text and CDATA (a
 * WordPress export's `<content:encoded>`). The HTML is decoded once, and
 * every one of its UTF-16 code units keeps the raw offset it came from, so
 * whatever is found in the HTML maps back onto the file exactly.
 */
export interface EmbeddedHtml {
  /** What the HTML is: an article's title or its body. */
  readonly role: 'title' | 'content';
  /** Raw range of the value: inside the JSON string's quotes, or the XML element's contents. */
  readonly raw: Range;
  /** The decoded HTML. */
  readonly html: string;
  /**
   * `starts[i]`: the raw offset where HTML code unit `i` starts; `starts[html.length]`
   * is `raw.end`. Length `html.length + 1`.
   */
  readonly starts: Int32Array;
  /** How text written into the value is escaped. */
  readonly syntax: 'json' | 'cdata' | 'xml';
  /** JSON strings that escape `/` as `\/` (as WordPress does) get the same in new text. */
  readonly escapesSlash?: boolean;
  /** JSON strings that escape every non-ASCII character as `\uXXXX` (as PHP's `json_encode` does). */
  readonly escapesNonAscii?: boolean;
}

const jsonEscapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decodes the JSON string whose contents (between the quotes) are raw
 * `[start, end)`. Every escape gives one UTF-16 code unit (`\uD83D\uDE00`
 * gives two, one per escape), so the map is one raw span per code unit.
 */
export function decodeJsonString(text: string, start: number, end: number, role: EmbeddedHtml['role']): EmbeddedHtml {
  const out: string[] = [];
  const starts: number[] = [];
  let escapesSlash = false;
  let escapesNonAscii = false;
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c !== '\\') {
      out.push(c);
      starts.push(i);
      i++;
      continue;
    }
    const e = text[i + 1];
    if (e === 'u') {
      const code = parseInt(text.slice(i + 2, i + 6), 16);
      out.push(Number.isNaN(code) ? '\ufffd' : String.fromCharCode(code));
      if (code >= 0x80) escapesNonAscii = true;
      starts.push(i);
      i = Math.min(i + 6, end);
    } else {
      if (e === '/') escapesSlash = true;
      out.push(jsonEscapes[e] ?? e ?? '');
      starts.push(i);
      i = Math.min(i + 2, end);
    }
  }
  starts.push(end);
  return {
    role,
    raw: { start, end },
    html: out.join(''),
    starts: Int32Array.from(starts),
    syntax: 'json',
    ...(escapesSlash ? { escapesSlash } : {}),
    ...(escapesNonAscii ? { escapesNonAscii } : {}),
  };
}

const xmlEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: '\'' };
const cdataOpen = '<![CDATA[';

/**
 * Decodes the contents of an XML element, raw `[start, end)`: CDATA
 * sections as they stand, text between them with XML's entities decoded
 * (so HTML escaped as `&lt;p&gt;` reads as markup).
 */
export function decodeXmlContent(text: string, start: number, end: number, role: EmbeddedHtml['role']): EmbeddedHtml {
  const out: string[] = [];
  const starts: number[] = [];
  let i = start;
  let cdata = false;
  while (i < end) {
    if (text.startsWith(cdataOpen, i)) {
      cdata = true;
      const close = text.indexOf(']]>', i + cdataOpen.length);
      const stop = close < 0 || close > end ? end : close;
      for (let k = i + cdataOpen.length; k < stop; k++) {
        out.push(text[k]);
        starts.push(k);
      }
      i = stop + 3;
      continue;
    }
    const c = text[i];
    if (c === '&') {
      const semi = text.indexOf(';', i);
      const name = semi > i && semi - i <= 10 ? text.slice(i + 1, semi) : '';
      const decoded = name.startsWith('#x') || name.startsWith('#X')
        ? String.fromCodePoint(parseInt(name.slice(2), 16) || 0xfffd)
        : name.startsWith('#')
          ? String.fromCodePoint(parseInt(name.slice(1), 10) || 0xfffd)
          : xmlEntities[name];
      if (decoded !== undefined) {
        for (let k = 0; k < decoded.length; k++) {
          out.push(decoded[k]);
          starts.push(i);
        }
        i = semi + 1;
        continue;
      }
    }
    out.push(c);
    starts.push(i);
    i++;
  }
  starts.push(end);
  // A code unit decoded from a multi-unit entity starts where the entity does; the map stays monotone.
  return { role, raw: { start, end }, html: out.join(''), starts: Int32Array.from(starts), syntax: cdata ? 'cdata' : 'xml' };
}

/** The raw offset of HTML offset `i` of `field` (an insertion point, or a range's start or end). */
export function rawOffsetOf(field: EmbeddedHtml, i: number): number {
  return field.starts[Math.max(0, Math.min(i, field.html.length))];
}

/** The raw range of the HTML range `[start, end)` of `field`. */
export function rawRangeOf(field: EmbeddedHtml, range: Range): Range {
  return { start: rawOffsetOf(field, range.start), end: rawOffsetOf(field, range.end) };
}

/** The HTML offset of raw offset `offset`: the code unit whose raw span holds it (or `html.length` past the end). */
export function htmlOffsetOf(field: EmbeddedHtml, offset: number): number {
  const starts = field.starts;
  let lo = 0;
  let hi = field.html.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The HTML range of raw `range`, for a range inside `field`. */
export function htmlRangeOf(field: EmbeddedHtml, range: Range): Range {
  const start = htmlOffsetOf(field, range.start);
  const endAt = htmlOffsetOf(field, range.end);
  // A raw end inside a code unit's span (the middle of an escape) takes the whole unit.
  const end = endAt < field.html.length && field.starts[endAt] < range.end ? endAt + 1 : endAt;
  return { start, end: Math.max(start, end) };
}

/** The field of `fields` whose raw range holds `offset` (its end included). */
export function fieldAt(fields: readonly EmbeddedHtml[], offset: number): EmbeddedHtml | undefined {
  return fields.find((f) => f.raw.start <= offset && offset <= f.raw.end);
}

/** `html` escaped for writing into `field`: a JSON string's escapes, or CDATA's and XML's. */
export function escapeForField(field: EmbeddedHtml, html: string): string {
  switch (field.syntax) {
    case 'json': {
      let s = JSON.stringify(html).slice(1, -1);
      if (field.escapesSlash) s = s.replace(/\//gu, '\\/');
      if (field.escapesNonAscii) s = s.replace(/[^\x00-\x7f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      return s;
    }
    case 'cdata':
      return html.replace(/\]\]>/gu, ']]]]><![CDATA[>');
    case 'xml':
      return html.replace(/[&<>]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
  }
}

/**
 * Moves a prose document read from `field.html` onto the raw text: every
 * block's offset map, every mark, note and problem. Group numbers are
 * shifted by `groupBase` so that documents read from several fields can be
 * put together; blocks of a title become `title` blocks.
 */
export function remapProse(doc: ProseDocument, field: EmbeddedHtml, groupBase: number): ProseDocument {
  const range = (r: Range): Range => rawRangeOf(field, r);
  const blocks: ProseBlock[] = doc.blocks.map((block) => {
    const map = new OffsetMap();
    const m = block.map;
    for (let i = 0; i < block.text.length; i++) {
      const hs = m.toRawStart(i);
      const he = m.toRawEnd(i + 1);
      const rs = rawOffsetOf(field, hs);
      const re = rawOffsetOf(field, he);
      if (he - hs === 1 && re - rs === 1) map.appendVerbatim(rs, 1);
      else map.appendReplaced(rs, re, 1);
    }
    map.seal();
    const kind: BlockKind = field.role === 'title' ? 'title' : block.kind;
    const marks: InlineMark[] = block.marks.map((mark) => ({ ...mark, raw: range(mark.raw) }));
    return { ...block, kind, map, marks, group: block.group + groupBase };
  });
  const note = (d: FootnoteDefinition): FootnoteDefinition => ({ ...d, raw: range(d.raw) });
  const footnotes = new Map<string, FootnoteDefinition>();
  for (const [label, d] of doc.footnotes) footnotes.set(label, note(d));
  const problems: Problem[] = doc.problems.map((p) => ({ ...p, range: range(p.range) }));
  return { blocks, footnotes, references: doc.references.map(note), problems };
}

/** The largest group number of a prose document's blocks, or -1. */
export function lastGroupOf(doc: ProseDocument): number {
  let max = -1;
  for (const b of doc.blocks) if (b.group > max) max = b.group;
  return max;
}

/**
 * Suppression comments (`<!-- claimlens-ignore-next-line -->`…) read in
 * each field's decoded HTML, where its lines are, and asked by raw offset.
 */
export function embeddedSuppression(fields: readonly EmbeddedHtml[]): Suppression {
  const each = fields.map((field) => ({ field, suppression: field.html.includes('claimlens-') ? findDirectives(field.html) : undefined }));
  // `<!-- claimlens-ignore -->` comments, where they end in the raw text, in order.
  const nextClaim = each.flatMap(({ field, suppression }) => (suppression?.nextClaim ?? []).map((at) => rawOffsetOf(field, at))).sort((a, b) => a - b);
  return {
    nextClaim,
    isIgnored(offset: number): boolean {
      for (const { field, suppression } of each) {
        if (suppression && field.raw.start <= offset && offset <= field.raw.end) return suppression.isIgnored(htmlOffsetOf(field, offset));
      }
      return false;
    },
  };
}
