/**
 * Bibliographies: BibTeX/BibLaTeX, CSL-JSON and CSL-YAML files, and the
 * bibliography an article names in its front matter. Pure: the shells read
 * the files and pass their text.
 */
export { createBibliography, type BibliographySource, type LoadedBibliography } from './bibliography';
export { BibliographyCache } from './cache';
export { formatEntry } from './format-entry';
export { readFrontMatterBibliography, type BibliographyPath, type FrontMatterBibliography } from './front-matter';
export { bibliographyFormatOf, parseBibliography, type BibliographyFormat } from './parse';
export type { BibProblem, BibProblemCode, ParsedBibliography } from './types';
