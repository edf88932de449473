/**
 * Turns the rich text of CSL fields (and of BibTeX fields after LaTeX
 * decoding) into the plain text a hover or a reference line shows.
 */

/** The CSL rich-text tags (and the few HTML tags exporters add); other `<…>` text is kept. */
const markupTag = /<\/?(?:i|b|em|strong|sup|sub|sc|span|a)(?:\s[^<>]*)?>/gi;

/** `{\'\i}` decodes to a dotless i with a combining accent, which never composes. */
const dotlessWithAccent = /[\u0131\u0237](?=[\u0300-\u036f])/g;

/**
 * Plain text of a field value: rich-text markup removed, Unicode in NFC, runs
 * of white space (line breaks, non-breaking spaces from `~`) made one space,
 * trimmed. Returns undefined for an empty result.
 */
export function toPlainText(value: string): string | undefined {
  // Each step runs only when the text needs it: this is called for every field of thousands of entries.
  let text = value;
  if (text.includes('<')) text = text.replace(markupTag, '');
  if (/[^\x00-\x7f]/.test(text)) {
    text = text.replace(dotlessWithAccent, (c) => (c === '\u0131' ? 'i' : 'j')).normalize('NFC');
  }
  if (/^\s|\s$|\s\s|[^\S ]/.test(text)) text = text.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}
