/**
 * Which bibliography an article uses, found as Pandoc and Quarto find it,
 * and how what was read from the files becomes the article's bibliography
 * and problems. The CLI and the editor share this: they only resolve the
 * paths against their folders, expand the globs and read the files.
 *
 * Where entries come from, in the order a key is looked up (the first
 * definition wins): the front matter's inline `references:`, the files its
 * `bibliography:` names (one path or a list, relative to the article), then
 * the `bibliography` setting (paths or globs, relative to the workspace
 * folder or the `.claimlensrc` file that sets them).
 */
import { LineIndex } from '../lines';
import type { Analysis, BibEntry, Format, Problem, Range } from '../types';
import { createBibliography, type BibliographySource, type LoadedBibliography } from './bibliography';
import { readFrontMatterBibliography } from './front-matter';
import type { BibProblem, ParsedBibliography } from './types';

/** One entry of the `bibliography` setting, with the folder it is relative to (a path or URI, as the shell has it). */
export interface BibliographySetting<Base> {
  readonly path: string;
  readonly base: Base;
}

/** Where a bibliography file is named: the article's front matter, or the `bibliography` setting. */
export type BibliographyOrigin<Base> =
  | {
      readonly kind: 'front-matter';
      /** The path as it stands in the front matter (quotes included), 0-based offsets into the article. */
      readonly range: Range;
      /** 1-based line of the path. */
      readonly line: number;
    }
  | { readonly kind: 'setting'; readonly base: Base };

/** A bibliography file (or, for a setting, a glob) an article uses. */
export interface BibliographyFileRef<Base> {
  /** As written: relative to the article's folder (front matter) or to `origin.base` (setting). */
  readonly path: string;
  /** Whether `path` is a glob (`refs/*.bib`); only settings are read as globs. */
  readonly isGlob: boolean;
  readonly origin: BibliographyOrigin<Base>;
}

/** What an article asks for: the files to read and the entries its front matter holds. */
export interface BibliographyPlan<Base> {
  /** Front matter files first, in the order written, then the setting's entries. */
  readonly files: readonly BibliographyFileRef<Base>[];
  /** Entries of the front matter's `references:`, placed in the article. */
  readonly inline: readonly BibEntry[];
  /** `bibliography-error` problems in the front matter: a value of the wrong shape, an unusable inline reference. */
  readonly problems: readonly Problem[];
}

const globCharacters = /[*?[\]{}]/u;

/** Whether a `bibliography` setting entry is a glob pattern rather than a path. */
export function isBibliographyGlob(path: string): boolean {
  return globCharacters.test(path);
}

/** The range of the YAML scalar that starts at `offset`: to its closing quote, or the length of the plain path. */
function scalarRange(text: string, offset: number, path: string): Range {
  const quote = text[offset];
  if (quote === '"' || quote === "'") {
    const lineEnd = text.indexOf('\n', offset);
    const close = text.lastIndexOf(quote, lineEnd < 0 ? text.length : lineEnd);
    if (close > offset) return { start: offset, end: close + 1 };
  }
  return { start: offset, end: offset + path.length };
}

/** The range of a 1-based line of `text`, without its line break. */
function lineRange(text: string, lines: LineIndex, line: number): Range {
  const start = lines.lineStart(line);
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end };
}

/**
 * Reads what an article says about its bibliography and joins it with the
 * `bibliography` setting. Front matter is read in Markdown and MDX only.
 * `articleName` is put on the inline entries (as their `file`), for Go to
 * Definition. Setting entries are kept in order, each once.
 */
export function planBibliography<Base>(
  text: string,
  format: Format,
  settings: readonly BibliographySetting<Base>[],
  articleName?: string,
): BibliographyPlan<Base> {
  const files: BibliographyFileRef<Base>[] = [];
  const problems: Problem[] = [];
  let inline: readonly BibEntry[] = [];
  if (format === 'markdown' || format === 'mdx') {
    const front = readFrontMatterBibliography(text, articleName);
    const lines = new LineIndex(text);
    for (const path of front.paths) {
      files.push({ path: path.path, isGlob: false, origin: { kind: 'front-matter', range: scalarRange(text, path.offset, path.path), line: path.line } });
    }
    inline = front.inline;
    for (const problem of front.problems) {
      const range = problem.line !== undefined ? lineRange(text, lines, problem.line) : { start: 0, end: 0 };
      problems.push({ code: 'bibliography-error', message: `Front matter: ${problem.message}`, range });
    }
  }
  const seen = new Set<string>();
  for (const setting of settings) {
    const identity = `${String(setting.base)}\u0000${setting.path}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    files.push({ path: setting.path, isGlob: isBibliographyGlob(setting.path), origin: { kind: 'setting', base: setting.base } });
  }
  return { files, inline, problems };
}

/** A bibliography file the shell tried to read: its parse, or why it could not be had. */
export type BibliographyFileResult =
  | { readonly ok: true; readonly fileName: string; readonly parsed: ParsedBibliography }
  | {
      readonly ok: false;
      readonly fileName: string;
      /** True when the file does not exist (or a glob matched nothing). */
      readonly missing: boolean;
      /** Why, in a few words: "no such file", "permission denied (EACCES)". */
      readonly reason: string;
    };

/** A planned file (or glob) with the files it gave: one for a path, any number for a glob. */
export interface ResolvedBibliographyRef<Base> {
  readonly ref: BibliographyFileRef<Base>;
  readonly files: readonly BibliographyFileResult[];
}

/** A `bibliography` setting entry that gave nothing to read; it has no place in the article to report it at. */
export interface UnreadBibliography<Base> {
  readonly ref: BibliographyFileRef<Base>;
  /** The file that failed, or undefined for a glob that matched nothing. */
  readonly fileName?: string;
  readonly missing: boolean;
  readonly message: string;
}

/** An article's bibliography, put together from what was read. */
export interface ArticleBibliography<Base> {
  /**
   * The entries to resolve citations with; undefined when the article uses
   * no bibliography or none of its files could be read (keys are then not
   * checked, rather than all reported unknown).
   */
  readonly bibliography?: LoadedBibliography;
  /** Problems in the article: `missing-bibliography` and `bibliography-error` at the front matter path. */
  readonly problems: readonly Problem[];
  /**
   * Problems inside the bibliography files, each with its `file`, `line`
   * and `key`: malformed entries, duplicate keys within a file and across
   * the article's files.
   */
  readonly fileProblems: readonly BibProblem[];
  /** Setting entries that gave nothing to read. */
  readonly unread: readonly UnreadBibliography<Base>[];
  /** Every file read, in lookup order (the article's name first when it has inline references). */
  readonly fileNames: readonly string[];
}

/**
 * Puts an article's bibliography together from its plan and the files the
 * shell read for it. A file named twice (in the front matter and a setting)
 * counts once, where it was first named. `articleName` names the inline
 * references' source in duplicate-key messages.
 */
export function assembleBibliography<Base>(
  plan: BibliographyPlan<Base>,
  resolved: readonly ResolvedBibliographyRef<Base>[],
  articleName: string,
): ArticleBibliography<Base> {
  const sources: BibliographySource[] = [];
  const problems: Problem[] = [...plan.problems];
  const fileProblems: BibProblem[] = [];
  const unread: UnreadBibliography<Base>[] = [];
  const taken = new Set<string>();
  if (plan.inline.length) {
    sources.push({ fileName: articleName, entries: plan.inline });
    taken.add(articleName);
  }
  for (const { ref, files } of resolved) {
    const origin = ref.origin;
    if (files.length === 0) {
      unread.push({ ref, missing: true, message: `No bibliography file matches ${ref.path}.` });
      continue;
    }
    for (const file of files) {
      if (taken.has(file.fileName)) continue;
      taken.add(file.fileName);
      if (!file.ok) {
        const message = file.missing
          ? `Bibliography file not found: ${ref.path}.`
          : `Bibliography file ${ref.path} could not be read: ${file.reason}.`;
        if (origin.kind === 'front-matter') {
          problems.push({ code: file.missing ? 'missing-bibliography' : 'bibliography-error', message, range: origin.range });
        } else {
          unread.push({ ref, fileName: file.fileName, missing: file.missing, message });
        }
        continue;
      }
      fileProblems.push(...file.parsed.problems);
      const unknownFormat = file.parsed.problems.find((p) => p.code === 'unknown-format');
      if (unknownFormat && origin.kind === 'front-matter') {
        problems.push({ code: 'bibliography-error', message: `${ref.path} is not a bibliography file Claim Lens reads (.bib, .bibtex, .json, .yaml, .yml).`, range: origin.range });
      }
      sources.push({ fileName: file.fileName, entries: file.parsed.entries });
    }
  }
  const loadedFiles = resolved.some((r) => r.files.some((f) => f.ok));
  if (!loadedFiles && !plan.inline.length) {
    return { problems: sortProblems(problems), fileProblems, unread, fileNames: sources.map((s) => s.fileName) };
  }
  const bibliography = createBibliography(sources);
  fileProblems.push(...bibliography.problems);
  return { bibliography, problems: sortProblems(problems), fileProblems, unread, fileNames: sources.map((s) => s.fileName) };
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.range.start - b.range.start);
}

/** The analysis with the bibliography's problems in the article added, in text order. */
export function withBibliographyProblems(analysis: Analysis, problems: readonly Problem[]): Analysis {
  if (!problems.length) return analysis;
  return { ...analysis, problems: [...analysis.problems, ...problems].sort((a, b) => a.range.start - b.range.start) };
}
