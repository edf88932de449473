import { decodeHTML, decodeHTMLAttribute } from './entities';

/**
 * A small scanner for the raw HTML (and MDX JSX) that stands inside
 * Markdown: tags with their attributes, entities, and the ends of elements
 * whose content is not prose. Each function scans forward a bounded
 * distance and never backtracks.
 */

/** An HTML or JSX tag: `<a href="…">`, `</a>`, `<br/>`, `<Chart data={x} />`. */
export interface HtmlTag {
  readonly start: number;
  readonly end: number;
  /** Lower-cased tag name; empty for a JSX fragment `<>`. */
  readonly name: string;
  /** The name as written (`Note`, `Link`). */
  readonly rawName: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  readonly attrStart: number;
  readonly attrEnd: number;
}

/** Elements whose content is never prose. */
export const hiddenContentTags: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'textarea', 'iframe', 'object']);

/** Elements that break a line of text: a tag of one of these inside a paragraph stands for a space. */
export const blockTags: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption',
]);

const maxTag = 2000;

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 46 || c === 95;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/**
 * Reads the tag starting at the `<` at `text[pos]`, looking no further
 * than `limit`. In MDX, attribute values may be `{expressions}` and `<>`
 * is a fragment. Returns null when no tag stands there.
 */
export function readTag(text: string, pos: number, limit: number, mdx: boolean): HtmlTag | null {
  const stop = Math.min(limit, pos + maxTag);
  let i = pos + 1;
  const closing = text.charCodeAt(i) === 47;
  if (closing) i++;
  const nameStart = i;
  if (mdx && text.charCodeAt(i) === 62) {
    return { start: pos, end: i + 1, name: '', rawName: '', closing, selfClosing: false, attrStart: i, attrEnd: i };
  }
  if (!isLetter(text.charCodeAt(i))) return null;
  while (i < stop && isNameChar(text.charCodeAt(i))) i++;
  const rawName = text.slice(nameStart, i);
  const attrStart = i;
  let depth = 0;
  for (; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (depth > 0) {
      if (c === 123) depth++;
      else if (c === 125) depth--;
      continue;
    }
    if (c === 62) {
      const selfClosing = text.charCodeAt(i - 1) === 47;
      return {
        start: pos,
        end: i + 1,
        name: rawName.toLowerCase(),
        rawName,
        closing,
        selfClosing,
        attrStart,
        attrEnd: selfClosing ? i - 1 : i,
      };
    }
    if (c === 34 || c === 39) {
      let close = i + 1;
      while (close < stop && text.charCodeAt(close) !== c) close++;
      if (close >= stop) return null;
      i = close;
    } else if (c === 123 && mdx) {
      depth = 1;
    } else if (c === 60 && !mdx) {
      return null;
    }
  }
  return null;
}

/** An attribute's value: decoded text, or `expression` for an MDX `{…}` value. */
export interface AttributeValue {
  readonly value: string;
  readonly expression: boolean;
}

/** The value of attribute `name` (lower case) of `tag`, or undefined when it has none. */
export function tagAttribute(text: string, tag: HtmlTag, name: string): AttributeValue | undefined {
  let i = tag.attrStart;
  const end = tag.attrEnd;
  while (i < end) {
    while (i < end && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 47)) i++;
    const nameStart = i;
    while (i < end && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 61 && text.charCodeAt(i) !== 47) i++;
    const attr = text.slice(nameStart, i).toLowerCase();
    if (i === nameStart) {
      i++;
      continue;
    }
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    let value: AttributeValue = { value: '', expression: false };
    if (text.charCodeAt(i) === 61) {
      i++;
      while (i < end && isSpace(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if (c === 34 || c === 39) {
        let close = text.indexOf(c === 34 ? '"' : "'", i + 1);
        if (close < 0 || close > end) close = end;
        value = { value: decodeAttribute(text.slice(i + 1, close)), expression: false };
        i = close + 1;
      } else if (c === 123) {
        let depth = 0;
        const valueStart = i;
        for (; i < end; i++) {
          const d = text.charCodeAt(i);
          if (d === 123) depth++;
          else if (d === 125 && --depth === 0) break;
        }
        i++;
        value = { value: text.slice(valueStart, i), expression: true };
      } else {
        const valueStart = i;
        while (i < end && !isSpace(text.charCodeAt(i))) i++;
        value = { value: decodeAttribute(text.slice(valueStart, i)), expression: false };
      }
    }
    if (attr === name) return value;
  }
  return undefined;
}

function decodeAttribute(value: string): string {
  return value.includes('&') ? decodeHTMLAttribute(value) : value;
}

/** The end of a character reference (`&amp;`, `&#160;`, `&#x2014;`) starting at `text[pos]`, or -1. */
export function entityEnd(text: string, pos: number, limit: number): number {
  const stop = Math.min(limit, pos + 34);
  let i = pos + 1;
  if (text.charCodeAt(i) === 35) i++;
  const start = i;
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (c === 59) return i > start ? i + 1 : -1;
    if (!(isLetter(c) || (c >= 48 && c <= 57))) return -1;
    i++;
  }
  return -1;
}

/** Decodes one character reference (`&amp;` → `&`); undefined when it names nothing. */
export function decodeEntity(entity: string): string | undefined {
  const decoded = decodeHTML(entity);
  return decoded === entity ? undefined : decoded;
}

/** The index of `needle` in `text[from, limit)`, or -1; never looks past `limit`. */
export function indexWithin(text: string, needle: string, from: number, limit: number): number {
  if (needle.length === 1) {
    const code = needle.charCodeAt(0);
    for (let i = from; i < limit; i++) if (text.charCodeAt(i) === code) return i;
    return -1;
  }
  const at = text.slice(from, limit).indexOf(needle);
  return at < 0 ? -1 : from + at;
}

/**
 * The range of the closing tag `</name …>` at or after `from`, or null when
 * there is none before `limit`. Matches the name in any case.
 */
export function findClosingTag(text: string, name: string, from: number, limit: number): { start: number; end: number } | null {
  // One bounded, lower-cased window: the caller skips past whatever it covers, so a document is scanned once.
  const hay = text.slice(from, limit).toLowerCase();
  const needle = '</' + name;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 2)) {
    if (isNameChar(hay.charCodeAt(i + needle.length))) continue;
    const close = hay.indexOf('>', i);
    return { start: from + i, end: close < 0 ? limit : from + close + 1 };
  }
  return null;
}

const supLookahead = 300;
const noteText = /^[\s\d,[\]\-–†‡*^]+$/u;

/**
 * Whether the `<sup>` that ends at `from` holds only a note reference —
 * `<sup><a href="#fn3">3</a></sup>`, `<sup>[1][ref]</sup>`, `<sup>[2]</sup>` —
 * so that its text is a marker, not prose (`m<sup>2</sup>` stays prose).
 */
export function isNoteSup(text: string, from: number): boolean {
  const window = text.slice(from, from + supLookahead);
  const end = window.toLowerCase().indexOf('</sup');
  if (end < 0) return false;
  const inner = window.slice(0, end);
  if (!inner.includes('<a') && !inner.includes('<A') && !inner.includes('[')) return false;
  const visible = inner
    .replace(/<[^<>]{0,300}>/gu, '')
    .replace(/\]\([^()]{0,300}\)/gu, ']')
    .replace(/\]\[[^[\]]{0,100}\]/gu, ']');
  return noteText.test(visible);
}
