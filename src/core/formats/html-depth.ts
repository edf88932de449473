/**
 * `htmlparser2` keeps its open elements in an array it `unshift`s, so each
 * start tag costs as much as the elements already open: 300,000 nested
 * `<b>` take minutes. Browsers cap the depth of the tree they build (about
 * 512 in Chromium); so does this reader, before the parser sees the text:
 * start tags (and their end tags) deeper than the cap are blanked to spaces
 * of the same length, so every offset stays where it was and the text
 * inside them is still read.
 */

/** Elements open at once beyond which tags are blanked: real pages nest a few dozen deep. */
export const maxHtmlDepth = 512;

/** Void elements and elements whose end tag may be left out: they do not deepen the count. */
const flat = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rt', 'rp', 'colgroup', 'caption', 'html', 'head', 'body',
]);
/** Elements whose content is raw text, skipped to their end tag. */
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const tagName = /<(\/?)([A-Za-z][^\s/>]*)/y;

/** `text` with the tags nested deeper than `max` blanked; `text` itself when there are none. */
export function flattenDeepNesting(text: string, max = maxHtmlDepth): string {
  let depth = 0;
  const blanked = new Map<string, number>();
  let out: string[] | undefined;
  let copied = 0;
  const blank = (from: number, to: number): void => {
    out ??= [];
    out.push(text.slice(copied, from), text.slice(from, to).replace(/[^\n\r]/gu, ' '));
    copied = to;
  };
  for (let i = text.indexOf('<'); i >= 0 && i < text.length; i = text.indexOf('<', i + 1)) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 2;
      continue;
    }
    tagName.lastIndex = i;
    const m = tagName.exec(text);
    if (!m) continue;
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    const end = tagEnd(text, i + m[0].length);
    if (end < 0) break;
    if (closing) {
      const pending = blanked.get(name) ?? 0;
      if (pending > 0) {
        blanked.set(name, pending - 1);
        blank(i, end + 1);
      } else if (!flat.has(name) && depth > 0) {
        depth--;
      }
    } else if (rawText.has(name)) {
      const close = new RegExp(`</${name}`, 'giu');
      close.lastIndex = end + 1;
      const found = close.exec(text);
      const closeEnd = found ? tagEnd(text, found.index + found[0].length) : -1;
      if (closeEnd < 0) break;
      i = closeEnd;
      continue;
    } else if (!flat.has(name) && text.charCodeAt(end - 1) !== 0x2f) {
      if (depth >= max) {
        blanked.set(name, (blanked.get(name) ?? 0) + 1);
        blank(i, end + 1);
      } else {
        depth++;
      }
    }
    i = end;
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}

/** The offset of the `>` that ends a tag whose attributes start at `from` (quotes respected), or -1. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return i;
    }
  }
  return -1;
}
