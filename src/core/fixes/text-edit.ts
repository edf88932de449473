import type { Range } from '../types';

/** A plain text edit: replace the raw range `[start, end)` (0-based UTF-16 offsets) with `newText`. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/**
 * Applies non-overlapping edits to `text` and returns the result. Edits at
 * the same offset are applied in the order given.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end || a.index - b.index);
  const parts: string[] = [];
  let at = 0;
  for (const { edit } of ordered) {
    if (edit.range.start < at) throw new Error(`Overlapping edits at offset ${edit.range.start}`);
    parts.push(text.slice(at, edit.range.start), edit.newText);
    at = edit.range.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** An insertion of `newText` at the 0-based offset `at`. */
export function insertAt(at: number, newText: string): TextEdit {
  return { range: { start: at, end: at }, newText };
}

/** The line break the text already uses: `\r\n` when its first line break is one, else `\n`. */
export function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}
