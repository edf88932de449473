import type { Analysis, Claim, Format } from '../types';
import { linkText } from './cite';
import { escapeHtml, escapeLinkText, hostOf, isHttpUrl, linkDestination } from './escape';
import { editEmbeddedHtml } from './embedded-edits';
import { isInHtmlBlock, placeCitation } from './placement';
import { insertAt, lineBreakOf, type TextEdit } from './text-edit';

/**
 * A new source a writer gives for a claim: a URL, a DOI, or words naming a
 * source that has no URL (an interview, a print report, a court filing).
 * Exactly one of `url`, `doi` and `text` is given.
 */
export interface NewSource {
  /** An absolute http(s) URL. */
  readonly url?: string;
  /** A DOI ("10.1000/182"), cited by its `https://doi.org/` link. */
  readonly doi?: string;
  /** Words that name the source: "Treasury briefing, 4 March 2025". */
  readonly text?: string;
  /** Optional title shown as the link text or at the head of the note (URLs and DOIs). */
  readonly title?: string;
}

const doiPattern = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/iu;
/** One word with a scheme ("ftp://…", "mailto:…", "javascript:…"): a link Claim Lens does not write. */
const otherScheme = /^[a-z][a-z0-9+.-]*:\S*$/iu;

/**
 * Reads what a writer typed as a new source: an http(s) URL, a DOI (bare,
 * `doi:…` or a doi.org link), or else words naming the source. Undefined
 * for empty input and for a link of another scheme (`mailto:`, `ftp:`,
 * `javascript:`).
 */
export function parseSourceInput(input: string): NewSource | undefined {
  const value = input.replace(/\s+/gu, ' ').trim();
  if (!value) return undefined;
  const doi = doiPattern.exec(value);
  if (doi) return { doi: doi[1] };
  if (isHttpUrl(value)) return { url: value };
  if (otherScheme.test(value)) return undefined;
  return { text: value };
}

const definitionLine = /^[ \t]{0,3}\[\^([^\]\s]+)\]:/gmu;

/**
 * The edits that cite a new source for `claim`. Markdown and MDX get a
 * footnote: a reference after the claim's sentence, numbered after the
 * article's numeric notes, and its definition at the end of the article
 * (after the notes already there); inside a block of raw HTML, where a
 * footnote reference would show as text, a link as in HTML (for words, a
 * `<cite>`). HTML gets a link for a URL or DOI, and for words a note: a
 * numbered marker after the sentence and an entry in the article's notes
 * list (`<ol class="footnotes">`, made at the end when there is none).
 * Plain text gets "(Source: …)". A WordPress post gets what HTML gets,
 * written inside the post. Throws when the URL is not http(s), or no
 * source is given.
 */
export function addNewSource(text: string, analysis: Analysis, claim: Claim, format: Format, source: NewSource): TextEdit[] {
  if (format === 'wordpress') return editEmbeddedHtml(text, claim, (html, inner) => addNewSource(html, analysis, inner, 'html', source));
  const title = source.title?.trim() ?? '';
  const words = source.text?.replace(/\s+/gu, ' ').trim();
  const url = source.doi ? `https://doi.org/${source.doi.trim()}` : source.url?.trim();
  if (url === undefined && !words) throw new Error('No source given: a URL, a DOI or words naming the source.');
  if (url !== undefined && !isHttpUrl(url)) throw new Error(`Not an http(s) URL: "${source.url}"`);
  const place = placeCitation(text, claim);
  // Inside raw HTML in Markdown a footnote reference would show as "[^1]": an HTML link (or <cite>) instead.
  if (format === 'markdown' && isInHtmlBlock(text, claim.range.start)) {
    if (url === undefined) return [insertAt(place.beforePunctuation, ` (<cite>${escapeHtml(words ?? '')}</cite>)`)];
    return [insertAt(place.beforePunctuation, linkText('html', url, title || (source.doi ? `doi:${source.doi.trim()}` : hostOf(url))))];
  }
  if (url === undefined) {
    if (format === 'text') return [insertAt(place.beforePunctuation, ` (Source: ${words})`)];
    if (format === 'html') return addHtmlNote(text, place.afterSentence, words ?? '');
  } else if (format === 'html' || format === 'text') {
    const label = title || (source.doi ? `doi:${source.doi.trim()}` : format === 'html' ? hostOf(url) : '');
    return [insertAt(place.beforePunctuation, linkText(format, url, label))];
  }
  const label = String(nextFootnoteNumber(text, analysis));
  const body = url === undefined
    ? escapeNoteText(words ?? '')
    : title ? `[${escapeLinkText(title)}](${linkDestination(url)})` : source.doi ? `doi:${escapeNoteText(source.doi.trim())} <${url}>` : `<${url}>`;
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

/** Words for a Markdown footnote: backslashes, brackets and angle brackets kept literal. */
function escapeNoteText(words: string): string {
  return words.replace(/[\\[\]<]/gu, (c) => `\\${c}`);
}

const notesList = /<ol\b[^>]*\bclass\s*=\s*["'][^"']*\bfootnotes\b[^"']*["'][^>]*>/iu;
const noteId = /\bid\s*=\s*["']fn-(\d{1,9})["']/giu;

/**
 * An HTML note: `<sup><a href="#fn-N">N</a></sup>` after the sentence, and
 * `<li id="fn-N">words</li>` at the end of the article's notes list, or in
 * a new one at the end of the article (before `</body>` when it has one).
 */
function addHtmlNote(text: string, at: number, words: string): TextEdit[] {
  let max = 0;
  noteId.lastIndex = 0;
  for (let m = noteId.exec(text); m; m = noteId.exec(text)) max = Math.max(max, Number(m[1]));
  const n = max + 1;
  const marker = insertAt(at, `<sup><a href="#fn-${n}">${n}</a></sup>`);
  const item = `<li id="fn-${n}">${escapeHtml(words)}</li>`;
  const eol = lineBreakOf(text);
  const list = notesList.exec(text);
  if (list) {
    const close = text.toLowerCase().indexOf('</ol>', list.index);
    if (close >= 0) return [marker, insertAt(close, `${item}${eol}`)];
  }
  const body = text.toLowerCase().lastIndexOf('</body>');
  let end = body >= 0 ? body : text.length;
  while (end > 0 && /\s/u.test(text[end - 1])) end--;
  const notes = `<ol class="footnotes">${eol}${item}${eol}</ol>`;
  return mergeEdits([marker, insertAt(end, `${end > 0 ? eol : ''}${notes}${body >= 0 || end < text.length ? '' : eol}`)]);
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
