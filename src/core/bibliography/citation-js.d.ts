// Types for the parts of Citation.js the BibTeX reader uses. The packages ship
// no declarations for these modules; the shapes below are what version 0.8
// returns (see lib/input/file.js and lib/input/entries.js).

declare module '@citation-js/plugin-bibtex/lib/input/file.js' {
  /** One entry as the file grammar reads it: field values still in LaTeX, `@string` macros expanded. */
  export interface RawBibtexEntry {
    type: string;
    label: string;
    properties: Record<string, string | number>;
    annotations?: Record<string, Record<string, string>>;
  }
  /** Reads a whole `.bib` text; throws a `SyntaxError` (or a lexer `Error`) on the first malformed entry. */
  export function parse(text: string): RawBibtexEntry[];
}

declare module '@citation-js/plugin-bibtex/lib/input/entries.js' {
  import type { RawBibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
  /** Decodes LaTeX in field values and maps BibLaTeX entries (crossref included) to CSL-JSON items. */
  export function parse(entries: RawBibtexEntry[]): Record<string, unknown>[];
}

declare module '@citation-js/plugin-bibtex/lib/input/constants.js' {
  /** Text commands (`\ss`, `\o`, …) and their Unicode text; the plugin reads it on every parse. */
  export const commands: Record<string, string>;
}

declare module '@citation-js/core' {
  /** Citation.js's logger: it keeps every message in `_log` even when silent. */
  export const logger: { _log: unknown[] };
}
