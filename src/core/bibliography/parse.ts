import type { BibEntry } from '../types';
import { readBibtex } from './bibtex';
import { readCslJson, readCslYaml } from './csl';
import type { BibProblem, ParsedBibliography } from './types';

/** The bibliography formats Claim Lens reads. */
export type BibliographyFormat = 'bibtex' | 'csl-json' | 'csl-yaml';

const formats: Record<string, BibliographyFormat> = {
  bib: 'bibtex',
  bibtex: 'bibtex',
  json: 'csl-json',
  yaml: 'csl-yaml',
  yml: 'csl-yaml',
};

/** The bibliography format of a file name by its extension (any case), or undefined. */
export function bibliographyFormatOf(fileName: string): BibliographyFormat | undefined {
  const name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : formats[name.slice(dot + 1).toLowerCase()];
}

/** Keeps the first entry of each key; each later one is a `duplicate-key` problem. */
function dropDuplicates(entries: readonly BibEntry[], fileName: string): { entries: BibEntry[]; problems: BibProblem[] } {
  const first = new Map<string, BibEntry>();
  const problems: BibProblem[] = [];
  for (const entry of entries) {
    const earlier = first.get(entry.key);
    if (earlier === undefined) {
      first.set(entry.key, entry);
      continue;
    }
    problems.push({
      code: 'duplicate-key',
      message: `Key "${entry.key}" is defined twice in this file${earlier.line === undefined ? '' : ` (first on line ${earlier.line})`}; the first one is used.`,
      file: fileName,
      key: entry.key,
      ...(entry.line === undefined ? {} : { line: entry.line }),
      ...(entry.offset === undefined ? {} : { offset: entry.offset }),
    });
  }
  return { entries: [...first.values()], problems };
}

/**
 * Reads a bibliography file's text, by the extension of `fileName`: `.bib`
 * and `.bibtex` as BibTeX/BibLaTeX, `.json` as CSL-JSON (an array, or an
 * object with `items`), `.yaml`/`.yml` as CSL-YAML (a list, or a
 * `references:` key). Entries come in file order, each with `file` set to
 * `fileName` and, when known, the 0-based `offset` and 1-based `line` of its
 * header (`@type{key,`, or the `id` of a CSL item). Malformed entries and
 * duplicate keys are problems; every other entry still loads. Never throws.
 */
export function parseBibliography(text: string, fileName: string): ParsedBibliography {
  const format = bibliographyFormatOf(fileName);
  // A byte order mark becomes a space, so offsets still count in the file.
  const source = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
  let read: ParsedBibliography;
  switch (format) {
    case 'bibtex':
      read = readBibtex(source, fileName);
      break;
    case 'csl-json':
      read = readCslJson(source, fileName);
      break;
    case 'csl-yaml':
      read = readCslYaml(source, fileName);
      break;
    default:
      return {
        entries: [],
        problems: [
          {
            code: 'unknown-format',
            message: `${fileName} is not a bibliography file Claim Lens reads (.bib, .bibtex, .json, .yaml, .yml).`,
            file: fileName,
          },
        ],
      };
  }
  const unique = dropDuplicates(read.entries, fileName);
  const problems = [...read.problems, ...unique.problems].sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  return { entries: unique.entries, problems };
}
