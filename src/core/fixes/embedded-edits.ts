import { escapeForField, fieldAt, htmlRangeOf, rawRangeOf, type EmbeddedHtml } from '../formats/embedded';
import { wordPressFields } from '../formats/wordpress';
import type { Claim, Range } from '../types';
import type { TextEdit } from './text-edit';

/** A fix computed on the decoded HTML of the field that holds a claim. */
export type HtmlFix = (html: string, claim: Claim, toHtml: (range: Range) => Range | undefined) => TextEdit[];

/**
 * Runs an HTML fix on the HTML held in a WordPress file (the JSON string
 * or XML element that holds the claim), then writes its edits back where
 * that HTML stands, escaped as the file needs (JSON escapes, CDATA, XML
 * entities). `toHtml` maps a raw range of the same field into the HTML,
 * and gives undefined for a range elsewhere. Throws when no field holds
 * the claim.
 */
export function editEmbeddedHtml(text: string, claim: Claim, fix: HtmlFix): TextEdit[] {
  const field = fieldAt(wordPressFields(text), claim.range.start);
  if (!field) throw new Error(`No post's HTML holds the claim "${claim.text}".`);
  const within = (r: Range): boolean => r.start >= field.raw.start && r.end <= field.raw.end;
  const toHtml = (r: Range): Range | undefined => (within(r) ? htmlRangeOf(field, r) : undefined);
  const sentence = within(claim.sentenceRange) ? claim.sentenceRange : claim.range;
  const inner: Claim = { ...claim, range: htmlRangeOf(field, claim.range), sentenceRange: htmlRangeOf(field, sentence) };
  return fix(field.html, inner, toHtml).map((edit) => toRawEdit(field, edit));
}

function toRawEdit(field: EmbeddedHtml, edit: TextEdit): TextEdit {
  return { range: rawRangeOf(field, edit.range), newText: escapeForField(field, edit.newText) };
}
