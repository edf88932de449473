/**
 * Citation insertion and claim suppression as plain text edits on the raw
 * text, written in each format's own syntax. Pure: callers apply the edits.
 */
export { applyTextEdits, insertAt, lineBreakOf, type TextEdit } from './text-edit';
export { placeCitation, type Placement } from './placement';
export { citableSources, citeExistingSource, linkText, type CitableSource } from './cite';
export { citeBibliographyKey } from './cite-key';
export { addNewSource, nextFootnoteNumber, parseSourceInput, type NewSource } from './add-source';
export { editFootnoteDefinition, footnoteBodyRange } from './edit-note';
export { addIgnoreEntry, ignoreClaim, ignoreComment, ignoreNextLineComment, newConfigText, withIgnoreEntry, type IgnoreFix } from './ignore';
export { escapeHtml, escapeRegExp, hostOf, isHttpUrl } from './escape';
