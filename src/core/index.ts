/**
 * Claim Lens core: the only module the CLI and the extension import.
 * Pure: no `vscode`, no Node built-ins, no process state.
 */
import { analyzeProse, BlockCache } from './analyze';
import { readHtml } from './formats/html';
import { TreeFragment, type Tree } from '@lezer/common';
import { parseMarkdownTree, readMarkdown, readMarkdownTree } from './formats/markdown';
import type { ProseDocument } from './formats/prose';
import { readText } from './formats/text';
import { withIgnoredClaims, type IgnoredClaim } from './ignored-claims';
import { defaultSettings, type Settings } from './settings';
import type { Analysis, BibEntry, Format } from './types';

export * from './types';
export { LineIndex } from './lines';
export {
  defaultSettings,
  parseSettings,
  settingsSchema,
  reportableStatuses,
  type ParsedSettings,
  type Settings,
  type SettingsInput,
  type SettingsIssue,
} from './settings';
export {
  configFileNames,
  configSyntaxOf,
  parseConfigText,
  settingsJsonSchema,
  type ConfigIssue,
  type ConfigSyntax,
  type ParsedConfig,
} from './config';
export {
  ignoredClaimOf,
  ignoredClaimsFor,
  normalizeEntryPath,
  normalizeSentence,
  withIgnoredClaims,
  type IgnoredClaim,
  type IgnoreEntry,
} from './ignored-claims';
export * from './report';
export { namedRules, ruleById, type RuleExamples, type RuleInfo, type RuleStage } from './rules';
export * from './bibliography';
export { findFigures, type Figure } from './figures';

/** Looks up bibliography entries by citation key. */
export interface Bibliography {
  /** The entry for a key, or undefined when no loaded bibliography holds it. */
  lookup(key: string): BibEntry | undefined;
  /** Every entry, for completion and quick picks. */
  entries(): Iterable<BibEntry>;
}

/** Options of `analyze()`. */
export interface AnalyzeOptions {
  readonly format: Format;
  /** Settings after validation (see `parseSettings`); defaults when omitted. */
  readonly settings?: Settings;
  /**
   * Bibliography entries for `[@key]` citations. When given, a key it does
   * not hold is an `unknown-citation-key` problem; when omitted, keys are
   * not checked.
   */
  readonly bibliography?: Bibliography;
  /** Record every named rule that fires in `Analysis.firings` (slower: nothing is cached). */
  readonly explain?: boolean;
  /**
   * Claims the article's configuration file ignores (its `ignore` entries
   * for this article, see `ignoredClaimsFor`): each gets the status `ignored`.
   */
  readonly ignoredClaims?: readonly IgnoredClaim[];
}

/**
 * Finds every numeric claim in `text`, the sources attached to each, and
 * broken sources. Offsets in the result are 0-based UTF-16 indices into
 * `text`. Never throws on any input.
 */
export function analyze(text: string, options: AnalyzeOptions): Analysis {
  const settings = options.settings ?? defaultSettings;
  const prose = readProse(text, options.format);
  return withConfiguredIgnores(analyzeProse(text, prose, options.format, settings, options.bibliography, undefined, options.explain), options.ignoredClaims);
}

function withConfiguredIgnores(analysis: Analysis, ignored: readonly IgnoredClaim[] | undefined): Analysis {
  if (!ignored?.length) return analysis;
  const claims = withIgnoredClaims(analysis.claims, ignored);
  return claims === analysis.claims ? analysis : { ...analysis, claims };
}

/** One edit to a text: the range `[start, end)` of the old text was replaced by `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Analyses successive versions of one document, re-using what did not change. */
export interface DocumentAnalyzer {
  /**
   * Analyses `text`, the document's new content. `changes` are the edits
   * since the previous call, in the order they were made; they let the
   * Markdown parser re-use the unchanged parts of its tree. Gives the same
   * result as `analyze(text, options)`.
   */
  update(text: string, changes?: readonly TextChange[]): Analysis;
}

/**
 * Creates an analyser for one document that keeps what each block of prose
 * yielded, so an edit re-analyses only the blocks it touched.
 */
export function createAnalyzer(options: AnalyzeOptions): DocumentAnalyzer {
  const cache = new BlockCache();
  const settings = options.settings ?? defaultSettings;
  const reader = createProseReader(options.format);
  return {
    update(text: string, changes?: readonly TextChange[]): Analysis {
      const prose = reader(text, changes);
      return withConfiguredIgnores(analyzeProse(text, prose, options.format, settings, options.bibliography, cache, options.explain), options.ignoredClaims);
    },
  };
}

/** A reader that may keep state between versions of one document. */
function createProseReader(format: Format): (text: string, changes?: readonly TextChange[]) => ProseDocument {
  if (format !== 'markdown' && format !== 'mdx') return (text) => readProse(text, format);
  const options = { mdx: format === 'mdx' };
  let tree: Tree | undefined;
  return (text, changes) => {
    // Re-use the parts of the previous tree that the edits left alone; without edits, parse afresh.
    let fragments: readonly TreeFragment[] | undefined;
    if (tree && changes?.length) {
      fragments = TreeFragment.addTree(tree);
      for (const c of changes) {
        fragments = TreeFragment.applyChanges(fragments, [{ fromA: c.start, toA: c.end, fromB: c.start, toB: c.start + c.text.length }]);
      }
    }
    tree = parseMarkdownTree(text, options, fragments);
    return readMarkdownTree(text, tree, options);
  };
}

/** Reads `text` in the given format into prose blocks. */
export function readProse(text: string, format: Format): ProseDocument {
  switch (format) {
    case 'markdown':
      return readMarkdown(text, { mdx: false });
    case 'mdx':
      return readMarkdown(text, { mdx: true });
    case 'html':
      return readHtml(text);
    case 'text':
      return readText(text);
  }
}

const extensionFormats: Record<string, Format> = {
  md: 'markdown',
  markdown: 'markdown',
  qmd: 'markdown',
  rmd: 'markdown',
  mdx: 'mdx',
  html: 'html',
  htm: 'html',
  txt: 'text',
  text: 'text',
};

/** The format of a file by its name's extension, or undefined when Claim Lens does not read it. */
export function formatOfPath(path: string): Format | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
  return extensionFormats[path.slice(dot + 1).toLowerCase()];
}

/** The format for a VS Code language id, or undefined. */
export function formatOfLanguage(languageId: string): Format | undefined {
  switch (languageId) {
    case 'markdown':
    case 'quarto':
    case 'rmd':
      return 'markdown';
    case 'mdx':
      return 'mdx';
    case 'html':
      return 'html';
    case 'plaintext':
      return 'text';
    default:
      return undefined;
  }
}
export * from './fixes/index';
