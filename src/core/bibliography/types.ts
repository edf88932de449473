import type { BibEntry } from '../types';

/**
 * What went wrong in a bibliography:
 * - `syntax-error`: the file or one entry cannot be read (unclosed brace, bad JSON or YAML);
 * - `invalid-entry`: an entry reads but is unusable (no key, not an object);
 * - `duplicate-key`: a key already defined earlier (in the same file or an earlier one);
 * - `crossref-error`: a `crossref` that loops back on itself;
 * - `unknown-format`: a file name whose extension is not a bibliography format;
 * - `invalid-front-matter`: a `bibliography:` or `references:` value of the wrong shape.
 */
export type BibProblemCode =
  | 'syntax-error'
  | 'invalid-entry'
  | 'duplicate-key'
  | 'crossref-error'
  | 'unknown-format'
  | 'invalid-front-matter';

/** A problem in a bibliography file or in an article's front matter. */
export interface BibProblem {
  readonly code: BibProblemCode;
  readonly message: string;
  /** The file name as the caller gave it; absent for front matter read without one. */
  readonly file?: string;
  /** 1-based line of the entry (or of the error when no entry is known). */
  readonly line?: number;
  /** 0-based UTF-16 offset matching `line`. */
  readonly offset?: number;
  /** The citation key, when known. */
  readonly key?: string;
}

/** Entries read from one file, in file order, and the problems met on the way. */
export interface ParsedBibliography {
  readonly entries: readonly BibEntry[];
  readonly problems: readonly BibProblem[];
}

/** Where an entry stands in its file. */
export interface EntryPosition {
  readonly file?: string;
  readonly offset?: number;
  readonly line?: number;
}
