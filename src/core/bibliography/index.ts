/**
 * Bibliographies: BibTeX/BibLaTeX, CSL-JSON and CSL-YAML files, and the
 * bibliography an article names in its front matter. Pure: the shells read
 * the files and pass their text.
 */
export { createBibliography, type BibliographySource, type LoadedBibliography } from './bibliography';
export { BibliographyCache } from './cache';
export {
  assembleBibliography,
  isBibliographyGlob,
  planBibliography,
  withBibliographyProblems,
  type ArticleBibliography,
  type BibliographyFileRef,
  type BibliographyFileResult,
  type BibliographyOrigin,
  type BibliographyPlan,
  type BibliographySetting,
  type ResolvedBibliographyRef,
  type UnreadBibliography,
} from './article';
export { citedKeyAt, keyCompletionAt, type CitedKeyAt, type KeyCompletion } from './citation-keys';
export { closePart, entryParts, formatEntry, type EntryParts } from './format-entry';
export { readFrontMatterBibliography, type BibliographyPath, type FrontMatterBibliography } from './front-matter';
export { bibliographyFormatOf, parseBibliography, type BibliographyFormat } from './parse';
export type { BibProblem, BibProblemCode, ParsedBibliography } from './types';
