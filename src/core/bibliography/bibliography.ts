import type { Bibliography } from '../index';
import type { BibEntry } from '../types';
import type { BibProblem } from './types';

/** The entries read from one file (or from an article's `references:`). */
export interface BibliographySource {
  readonly fileName: string;
  readonly entries: readonly BibEntry[];
}

/** A `Bibliography` over several files, with the keys that more than one file defines. */
export interface LoadedBibliography extends Bibliography {
  /** `duplicate-key` problems: a key met again in a later file (the first one wins). */
  readonly problems: readonly BibProblem[];
}

/**
 * Puts the entries of several files together, in the order given. A key is
 * looked up exactly as written (Pandoc keys are case-sensitive). When two
 * files define the same key the first wins and the later one is a problem at
 * the later entry's position.
 */
export function createBibliography(sources: readonly BibliographySource[]): LoadedBibliography {
  const byKey = new Map<string, BibEntry>();
  const sourceOf = new Map<string, BibliographySource>();
  const problems: BibProblem[] = [];
  for (const source of sources) {
    for (const entry of source.entries) {
      const first = sourceOf.get(entry.key);
      if (first === undefined) {
        byKey.set(entry.key, entry);
        sourceOf.set(entry.key, source);
        continue;
      }
      // Duplicates within one file are reported when that file is parsed.
      if (first === source) continue;
      problems.push({
        code: 'duplicate-key',
        message: `Key "${entry.key}" is already defined in ${first.fileName}; that entry is used.`,
        file: entry.file ?? source.fileName,
        key: entry.key,
        ...(entry.line === undefined ? {} : { line: entry.line }),
        ...(entry.offset === undefined ? {} : { offset: entry.offset }),
      });
    }
  }
  const entries = [...byKey.values()];
  return {
    problems,
    lookup: (key) => byKey.get(key),
    entries: () => entries,
  };
}
