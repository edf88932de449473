import { readProse } from '../index';
import type { Format, Range } from '../types';
import type { TextEdit } from './text-edit';

/**
 * The raw range of a footnote definition's text, as written: after
 * `[^label]:` in Markdown, inside the note's element in HTML (`<li
 * id="fn-1">…</li>`). Undefined when the article defines no such note, or
 * in formats without notes of their own (plain text, WordPress posts).
 */
export function footnoteBodyRange(text: string, format: Format, label: string): Range | undefined {
  if (format !== 'markdown' && format !== 'mdx' && format !== 'html') return undefined;
  const definition = readProse(text, format).footnotes.get(label);
  if (!definition) return undefined;
  const raw = text.slice(definition.raw.start, definition.raw.end);
  let start: number;
  let end: number;
  if (format === 'html') {
    const open = raw.indexOf('>');
    const close = raw.lastIndexOf('</');
    if (open < 0 || close <= open) return undefined;
    start = open + 1;
    end = close;
  } else {
    const head = /^\s*\[\^[^\]]+\]:[ \t]*/u.exec(raw);
    if (!head) return undefined;
    start = head[0].length;
    end = raw.length;
  }
  while (end > start && /\s/u.test(raw[end - 1])) end--;
  return { start: definition.raw.start + start, end: definition.raw.start + end };
}

/**
 * The edit that replaces the text of footnote `label`'s definition with
 * `body` (written as the article's own syntax: Markdown or HTML). Line
 * breaks become spaces, so the definition stays one entry. Throws when the
 * article defines no such note.
 */
export function editFootnoteDefinition(text: string, format: Format, label: string, body: string): TextEdit[] {
  const range = footnoteBodyRange(text, format, label);
  if (!range) throw new Error(`This article has no definition of the note "${label}" to edit.`);
  return [{ range, newText: body.replace(/\s*[\r\n]+\s*/gu, ' ').trim() }];
}
