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
import { mayBeWordPress, readPostProse, readWordPressFile, readWordPressProse } from './formats/wordpress';
import { withIgnoredClaims, type IgnoredClaim } from './ignored-claims';
import { configFileNames } from './config';
import { defaultSettings, type Settings } from './settings';
import type { Analysis, BibEntry, Claim, Format, Range, Source } from './types';

export * from './types';
export { LineIndex } from './lines';
export { languageCodes, registerLanguage, type Language } from './lang';
export {
  defaultSettings,
  parseSettings,
  settingNames,
  reportableStatuses,
  type ParsedSettings,
  type Settings,
  type SettingsInput,
  type SettingsIssue,
} from './settings';
export {
  configFileNames,
  configNotice,
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
  if (options.format === 'wordpress') return mergeAnalyses('wordpress', analyzeArticles(text, options).map((a) => a.analysis));
  const settings = options.settings ?? defaultSettings;
  const prose = readProse(text, options.format);
  return withConfiguredIgnores(analyzeProse(text, prose, options.format, settings, options.bibliography, undefined, options.explain), options.ignoredClaims);
}

function withConfiguredIgnores(analysis: Analysis, ignored: readonly IgnoredClaim[] | undefined): Analysis {
  if (!ignored?.length) return analysis;
  const claims = withIgnoredClaims(analysis.claims, ignored);
  return claims === analysis.claims ? analysis : { ...analysis, claims };
}

/** One article of a file: the whole file, or one post of a WordPress file that holds several. */
export interface ArticleAnalysis {
  /** The post's slug or id, for a file of several posts (`export.xml#slug`); undefined for a file that is one article. */
  readonly name?: string;
  /** Raw range of the article in the file. */
  readonly range: Range;
  /** Its analysis, with offsets into the whole file's text. */
  readonly analysis: Analysis;
}

/**
 * Analyses each article of a file on its own: a WordPress export or an
 * array of REST API posts post by post (each with its own notes), any
 * other file as one article. Offsets are into the whole `text`. A
 * `wordpress` file that holds no post gives no article.
 */
export function analyzeArticles(text: string, options: AnalyzeOptions): ArticleAnalysis[] {
  if (options.format !== 'wordpress') return [{ range: { start: 0, end: text.length }, analysis: analyze(text, options) }];
  const file = readWordPressFile(text);
  if (!file) return [];
  const settings = options.settings ?? defaultSettings;
  return file.posts.map((post) => ({
    ...(file.many ? { name: post.name } : {}),
    range: post.range,
    analysis: withConfiguredIgnores(analyzeProse(text, readPostProse(post), 'wordpress', settings, options.bibliography, undefined, options.explain), options.ignoredClaims),
  }));
}

/**
 * Puts the analyses of a file's articles (`analyzeArticles`) together, as
 * `analyze` gives a WordPress file: sources renumbered in order, claims
 * keeping their ids.
 */
export function mergeAnalyses(format: Format, parts: readonly Analysis[]): Analysis {
  if (parts.length === 1) return parts[0];
  const sources: Source[] = [];
  const claims: Claim[] = [];
  const problems: Analysis['problems'][number][] = [];
  for (const part of parts) {
    // By id, not by object: an analysis that came through JSON (the language server's) shares no objects.
    const renumbered = new Map<number, Source>();
    for (const source of part.sources) {
      const moved = { ...source, id: sources.length };
      renumbered.set(source.id, moved);
      sources.push(moved);
    }
    for (const claim of part.claims) claims.push({ ...claim, sources: claim.sources.map((s) => renumbered.get(s.id) ?? s) });
    problems.push(...part.problems);
  }
  return { format, claims, sources, problems };
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
      // Posts are analysed one by one, each with notes of its own.
      if (options.format === 'wordpress') return analyze(text, options);
      const prose = reader(text, changes);
      return withConfiguredIgnores(analyzeProse(text, prose, options.format, settings, options.bibliography, cache, options.explain), options.ignoredClaims);
    },
  };
}

/** A reader that may keep state between versions of one document. */
function createProseReader(format: Format): (text: string, changes?: readonly TextChange[]) => ProseDocument {
  if (format === 'wordpress') return (text) => readWordPressProse(text);
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
    case 'wordpress':
      return readWordPressProse(text);
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

/** File extensions of files that hold articles only when their content says so (WordPress posts and exports). */
const contentFormatExtensions = new Set(['json', 'xml']);

/**
 * Whether a file with this name may be an article: a format Claim Lens reads
 * by its extension, or a `.json` or `.xml` file (a WordPress post or export,
 * when its content says so; see `formatOfContent`).
 */
export function mayBeArticlePath(path: string): boolean {
  if (formatOfPath(path)) return true;
  const dot = path.lastIndexOf('.');
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  // Claim Lens's own configuration files are never articles.
  if ((configFileNames as readonly string[]).includes(name)) return false;
  return dot >= 0 && dot > path.lastIndexOf('/') && contentFormatExtensions.has(path.slice(dot + 1).toLowerCase());
}

/**
 * The format of a file by its name and content: by the extension, and for
 * `.json` and `.xml` files, `wordpress` when the content is a WordPress REST
 * API post or page (an object with `content.rendered`, or an array of them)
 * or a WordPress export; otherwise undefined.
 */
export function formatOfContent(path: string, text: string): Format | undefined {
  const byName = formatOfPath(path);
  if (byName) return byName;
  return mayBeArticlePath(path) && isWordPressText(text) ? 'wordpress' : undefined;
}

/** Whether `text` is a WordPress REST API post or page, an array of them, or a WordPress export. */
export function isWordPressText(text: string): boolean {
  return mayBeWordPress(text) && readWordPressFile(text) !== undefined;
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
