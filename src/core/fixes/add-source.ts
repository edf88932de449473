import type { Analysis, Claim, Format } from '../types';
import { linkText } from './cite';
import { escapeLinkText, hostOf, isHttpUrl, linkDestination } from './escape';
import { isInHtmlBlock, placeCitation } from './placement';
import { insertAt, lineBreakOf, type TextEdit } from './text-edit';

/** A new source a writer gives for a claim. */
export interface NewSource {
  /** An absolute http(s) URL. */
  readonly url: string;
  /** Optional title shown as the link text or at the head of the note. */
  readonly title?: string;
}

const definitionLine = /^[ \t]{0,3}\[\^([^\]\s]+)\]:/gmu;

/**
 * The edits that cite a new source for `claim`. Markdown and MDX get a
 * footnote: a reference after the claim's sentence, numbered after the
 * article's numeric notes, and its definition at the end of the article
 * (after the notes already there); inside a block of raw HTML, where a
 * footnote reference would show as text, a link as in HTML. HTML gets a
 * link, plain text a "(Source: …)". Throws when the URL is not http(s).
 */
export function addNewSource(text: string, analysis: Analysis, claim: Claim, format: Format, source: NewSource): TextEdit[] {
  const url = source.url.trim();
  if (!isHttpUrl(url)) throw new Error(`Not an http(s) URL: "${source.url}"`);
  const title = source.title?.trim() ?? '';
  const place = placeCitation(text, claim);
  // Inside raw HTML in Markdown a footnote reference would show as "[^1]": an HTML link instead.
  if (format === 'markdown' && isInHtmlBlock(text, claim.range.start)) {
    return [insertAt(place.beforePunctuation, linkText('html', url, title || hostOf(url)))];
  }
  if (format === 'html' || format === 'text') {
    return [insertAt(place.beforePunctuation, linkText(format, url, title || (format === 'html' ? hostOf(url) : '')))];
  }
  const label = String(nextFootnoteNumber(text, analysis));
  const body = title ? `[${escapeLinkText(title)}](${linkDestination(url)})` : `<${url}>`;
  const definition = `[^${label}]: ${body}`;
  const eol = lineBreakOf(text);
  let end = text.length;
  while (end > 0 && /\s/u.test(text[end - 1])) end--;
  const lastLine = text.slice(text.lastIndexOf('\n', end - 1) + 1, end);
  const afterNotes = /^[ \t]{0,3}\[\^[^\]\s]+\]:/u.test(lastLine);
  const tail = end === 0 ? definition : `${afterNotes ? eol : eol + eol}${definition}`;
  const endsWithBreak = end < text.length;
  return mergeEdits([
    insertAt(place.afterSentence, `[^${label}]`),
    insertAt(end, endsWithBreak ? tail : tail + eol),
  ]);
}

/** One more than the largest numeric footnote label the article uses (in references or definitions), or 1. */
export function nextFootnoteNumber(text: string, analysis: Analysis): number {
  let max = 0;
  const consider = (label: string): void => {
    if (/^\d{1,9}$/u.test(label)) max = Math.max(max, Number(label));
  };
  for (const source of analysis.sources) if (source.kind === 'footnote') consider(source.label);
  definitionLine.lastIndex = 0;
  for (let m = definitionLine.exec(text); m; m = definitionLine.exec(text)) consider(m[1]);
  return max + 1;
}

/** Joins insertions at the same offset into one edit, keeping their order. */
function mergeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const last = out[out.length - 1];
    const isInsertion = edit.range.start === edit.range.end;
    if (last && isInsertion && last.range.start === last.range.end && last.range.start === edit.range.start) {
      out[out.length - 1] = { range: last.range, newText: last.newText + edit.newText };
    } else {
      out.push(edit);
    }
  }
  return out;
}
