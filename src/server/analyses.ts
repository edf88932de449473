import {
  createAnalyzer,
  formatOfLanguage,
  formatOfPath,
  ignoredClaimsFor,
  isWordPressText,
  parseSettings,
  withBibliographyProblems,
  type Analysis,
  type Bibliography,
  type BibliographySetting,
  type DocumentAnalyzer,
  type Format,
  type Settings,
} from '../core';
import { mergeSettings } from '../shared/merge-settings';
import type { FileSettings, SettingsSource } from '../workspace';
import type { AnalysisThread } from './analysis-thread';
import type { ArticleBibliographies, ServerHost } from './host';
import type { OpenDocuments } from './documents';
import type { ClientSettings, ServerEditorSettings } from './settings';

/** An open document's analysis at one version. */
export interface DocumentAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly format: Format;
  readonly analysis: Analysis;
  readonly settings: Settings;
  readonly editor: ServerEditorSettings;
  /** The bibliography citations were resolved with, when the article names one. */
  readonly bibliography?: Bibliography;
  /** The folder bibliography entries' file names are relative to (undefined for documents that are not files). */
  readonly folder?: string;
  /** The article's own name in bibliography entries (front matter `references:`). */
  readonly articleName: string;
  /** The nearest `.claimlensrc.*` file (a path), when one applies. */
  readonly configPath?: string;
}

/** Why a document has no analysis. */
export type NotAnalysed =
  | { readonly reason: 'closed' | 'disabled' | 'not-an-article' }
  | { readonly reason: 'too-large'; readonly sizeKB: number; readonly limitKB: number }
  | { readonly reason: 'timed-out'; readonly limitMs: number };

/** Language ids the server reads, beside any document whose file name has an extension Claim Lens reads. */
const languageIds = new Set(['markdown', 'mdx', 'html', 'plaintext', 'quarto', 'rmd', 'text']);
/** Languages whose documents are articles only when their content is a WordPress post or export. */
const contentLanguageIds = new Set(['json', 'jsonc', 'xml']);

/** What the analyses need from the server: the client's settings, its workspace folders, and the host's files. */
export interface AnalysisContext {
  readonly host: ServerHost;
  settingsFor(uri: string): Promise<ClientSettings>;
  /** The workspace folder (a path) holding `path`, if any. */
  folderOf(path: string): string | undefined;
  log(message: string): void;
  /** Where analyses run under a time limit (a worker thread), where the host has one. */
  readonly thread?: () => AnalysisThread | undefined;
  /** The time limit of a document whose settings give none (the client's initialization options); undefined: none. */
  readonly timeLimitMs?: () => number | undefined;
}

interface Analyzer {
  readonly signature: string;
  readonly bibliography: Bibliography | undefined;
  readonly analyzer: DocumentAnalyzer;
}

/**
 * The analyses of the open documents, one per version, made on demand and
 * cached. Settings are the client's `claimlens` section merged with the
 * nearest `.claimlensrc.*` (as in VS Code); bibliographies are read through
 * the workspace layer, once until a file changes. Each document keeps an
 * incremental analyser while its settings and bibliography stay the same.
 */
export class DocumentAnalyses {
  private readonly cache = new Map<string, DocumentAnalysis>();
  private readonly analyzers = new Map<string, Analyzer>();
  private readonly inFlight = new Map<string, Promise<DocumentAnalysis | NotAnalysed>>();
  private config: SettingsSource;
  private readonly bibliographies = new Map<string, ArticleBibliographies>();
  private reportedIssues = 0;
  /** Bumped when settings, configuration files or bibliographies change: a run that began before is started over. */
  private epoch = 0;
  /** Bumped per document when it closes: a run that began before it closed is dropped. */
  private readonly closings = new Map<string, number>();
  /** The analysis thread, once a document was analysed in it. */
  private threadIfMade: AnalysisThread | undefined;
  private readonly bibliographyIds = new WeakMap<Bibliography, number>();
  private lastBibliographyId = 0;

  constructor(
    private readonly documents: OpenDocuments,
    private readonly context: AnalysisContext,
  ) {
    this.config = context.host.createConfig((path) => context.folderOf(path));
  }

  /** The cached analysis of the document's current version, if any. */
  current(uri: string): DocumentAnalysis | undefined {
    const open = this.documents.get(uri);
    const cached = this.cache.get(uri);
    return open && cached && cached.version === open.document.version ? cached : undefined;
  }

  /** The last analysis of the document, even of an older version (its bibliography seldom changes with an edit). */
  latest(uri: string): DocumentAnalysis | undefined {
    return this.cache.get(uri);
  }

  /** The analysis of the document's current version, made now when the cache is behind. */
  async analyse(uri: string): Promise<DocumentAnalysis | NotAnalysed> {
    const cached = this.current(uri);
    if (cached) return cached;
    const pending = this.inFlight.get(uri);
    if (pending) {
      const result = await pending;
      const open = this.documents.get(uri);
      // Behind the document, or begun for one that closed before this one opened under the same URI: go again.
      const stale = open !== undefined && ('analysis' in result ? result.version !== open.document.version : result.reason === 'closed');
      return stale ? this.analyse(uri) : result;
    }
    const run = this.run(uri).finally(() => this.inFlight.delete(uri));
    this.inFlight.set(uri, run);
    return run;
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.analyzers.delete(uri);
    this.threadIfMade?.forget(uri);
    this.closings.set(uri, (this.closings.get(uri) ?? 0) + 1);
  }

  /** Drops cached settings, configuration files and bibliographies (they changed); open documents are analysed afresh. */
  reset(): void {
    this.epoch++;
    this.cache.clear();
    this.analyzers.clear();
    this.config = this.context.host.createConfig((path) => this.context.folderOf(path));
    this.reportedIssues = 0;
    this.bibliographies.clear();
    // A document may now be analysed in this thread, or in the other: neither keeps what it knew of it.
    this.threadIfMade?.forgetAll();
  }

  private async run(uri: string): Promise<DocumentAnalysis | NotAnalysed> {
    // A document closed and opened again under the same URI (an untitled one) must not meet the state of the one before.
    const epoch = this.epoch;
    const closings = this.closings.get(uri) ?? 0;
    const open = this.documents.get(uri);
    if (!open) return { reason: 'closed' };
    const host = this.context.host;
    const path = host.pathOf(uri);
    // A JSON or XML document is an article when it is a WordPress post or export.
    const format = formatOf(open.document.languageId, path ?? uri) ?? (contentLanguageIds.has(open.document.languageId) && isWordPressText(open.document.getText()) ? 'wordpress' : undefined);
    if (!format) return { reason: 'not-an-article' };
    const client = await this.context.settingsFor(uri);
    if (!client.editor.enable) return { reason: 'disabled' };
    // WordPress posts are read whatever the language setting says, as their language is JSON or XML.
    const languages = client.editor.enabledLanguageIds;
    if (languages && !contentLanguageIds.has(open.document.languageId) && !languages.includes(open.document.languageId)) return { reason: 'disabled' };
    const folder = path ? (this.context.folderOf(path) ?? host.dirname(path)) : undefined;
    const fileSettings: FileSettings = path ? await this.config.settingsFor(path) : { settings: parseSettings({}).settings };
    this.reportConfigIssues();
    const { settings, issues } = mergeSettings(client.analysis, path ? fileSettings.settings : undefined);
    for (const issue of issues) this.context.log(`${uri}: ${issue}`);

    let document = this.documents.get(uri)?.document;
    if (!document) return { reason: 'closed' };
    const sizeKB = document.getText().length / 1024;
    if (sizeKB > client.editor.maxFileSizeKB) return { reason: 'too-large', sizeKB, limitKB: client.editor.maxFileSizeKB };

    const articleName = path && folder ? display(host, folder, path) : uri;
    let bibliography: Bibliography | undefined;
    let problems: Awaited<ReturnType<ArticleBibliographies['forArticle']>>['problems'] = [];
    if (path && folder) {
      const editorBibliography: BibliographySetting<string>[] = parseSettings(client.analysis).settings.bibliography.map((p) => ({ path: p, base: folder }));
      // The file's own entries are resolved from its configuration file; the client's from the workspace folder.
      const own: FileSettings = { settings: { ...fileSettings.settings }, ...(fileSettings.configPath ? { configPath: fileSettings.configPath } : {}) };
      try {
        const loaded = await this.bibliographiesOf(folder).forArticle(path, document.getText(), format, own, editorBibliography);
        bibliography = loaded.bibliography;
        problems = loaded.problems;
      } catch (cause) {
        this.context.log(`Could not load the bibliography of ${uri}: ${cause instanceof Error ? cause.message : String(cause)}`);
      }
    }

    // The document may have moved on while settings and files were read: analyse what it is now.
    if ((this.closings.get(uri) ?? 0) !== closings) return { reason: 'closed' };
    if (this.epoch !== epoch) return this.run(uri);
    document = this.documents.get(uri)?.document;
    if (!document) return { reason: 'closed' };
    const text = document.getText();
    // The configuration file's `ignore` entries for this article, by its path from the file's folder.
    const ignoredClaims = path && fileSettings.configPath && fileSettings.ignore?.length
      ? ignoredClaimsFor(fileSettings.ignore, host.relative(host.dirname(fileSettings.configPath), path))
      : [];
    const signature = `${format}\u0000${JSON.stringify(settings)}\u0000${JSON.stringify(ignoredClaims)}`;
    const version = document.version;
    const resultOf = (analysis: Analysis): DocumentAnalysis => ({
      uri,
      version,
      text,
      format,
      analysis: withBibliographyProblems(analysis, problems),
      settings,
      editor: client.editor,
      ...(bibliography ? { bibliography } : {}),
      ...(folder ? { folder } : {}),
      articleName,
      ...(fileSettings.configPath ? { configPath: fileSettings.configPath } : {}),
    });
    const limitMs = client.editor.analysisTimeLimitMs ?? this.context.timeLimitMs?.();
    const thread = limitMs !== undefined ? this.context.thread?.() : undefined;
    if (thread && limitMs !== undefined) {
      this.threadIfMade = thread;
      const changes = this.documents.takeChanges(uri);
      const outcome = await thread.analyse({
        uri,
        text,
        ...(changes ? { changes } : {}),
        format,
        settings,
        ignoredClaims,
        ...(bibliography ? { bibliography: { id: this.bibliographyId(bibliography), entries: [...bibliography.entries()] } } : {}),
      }, limitMs);
      if ((this.closings.get(uri) ?? 0) !== closings) return { reason: 'closed' };
      if ('timedOut' in outcome) return { reason: 'timed-out', limitMs: outcome.limitMs };
      if ('failed' in outcome) throw new Error(`Analysis of ${uri} failed`, { cause: outcome.failed });
      // Settings changed while it ran: its result is of the old ones.
      if (this.epoch !== epoch) return this.run(uri);
      const result = resultOf(outcome.analysis);
      const cached = this.cache.get(uri);
      if (!cached || cached.version <= version) this.cache.set(uri, result);
      return result;
    }
    let analyzer = this.analyzers.get(uri);
    let changes = this.documents.takeChanges(uri);
    if (!analyzer || analyzer.signature !== signature || analyzer.bibliography !== bibliography) {
      analyzer = { signature, bibliography, analyzer: createAnalyzer({ format, settings, ignoredClaims, ...(bibliography ? { bibliography } : {}) }) };
      this.analyzers.set(uri, analyzer);
      changes = undefined;
    }
    let analysis: Analysis;
    try {
      analysis = analyzer.analyzer.update(text, changes);
    } catch (cause) {
      this.analyzers.delete(uri);
      throw new Error(`Analysis of ${uri} failed`, { cause });
    }
    const result = resultOf(analysis);
    this.cache.set(uri, result);
    return result;
  }

  /**
   * What is wrong in the bibliography files read for the articles of
   * `folder` so far (a malformed entry, a key defined twice), by file: its
   * path and the 1-based lines.
   */
  bibliographyFileProblems(folder: string): Map<string, { line: number; message: string }[]> {
    const byFile = new Map<string, { line: number; message: string }[]>();
    for (const warning of this.bibliographies.get(folder)?.warnings?.() ?? []) {
      if (warning.code !== 'bibliography-error' || !/\.(?:bib|bibtex|json|ya?ml)$/iu.test(warning.path) || /(?:^|\/)\.claimlensrc/u.test(warning.path)) continue;
      const path = this.context.host.join(folder, warning.path);
      byFile.set(path, [...(byFile.get(path) ?? []), { line: warning.line, message: warning.message }]);
    }
    return byFile;
  }

  /** A number per bibliography object: the analysis thread keeps its analyser while it stays the same. */
  private bibliographyId(bibliography: Bibliography): number {
    let id = this.bibliographyIds.get(bibliography);
    if (id === undefined) this.bibliographyIds.set(bibliography, (id = ++this.lastBibliographyId));
    return id;
  }

  private bibliographiesOf(folder: string): ArticleBibliographies {
    let found = this.bibliographies.get(folder);
    if (!found) {
      // Bibliographies are read inside the workspace folder only, as the command line keeps them inside its root.
      const host = this.context.host;
      found = host.createBibliographies(folder, (path) => display(host, folder, path));
      this.bibliographies.set(folder, found);
    }
    return found;
  }

  private reportConfigIssues(): void {
    for (const { path, issue } of this.config.issues.slice(this.reportedIssues)) {
      this.context.log(`${path}:${issue.line ?? 1}:${issue.column ?? 1} ${issue.field}: ${issue.message}`);
    }
    this.reportedIssues = this.config.issues.length;
  }
}

/** A path relative to `folder`, with `/`, as entries and messages name files. */
export function display(host: Pick<ServerHost, 'relative'>, folder: string, path: string): string {
  return host.relative(folder, path) || '.';
}

/** The format of a document, by its language id, else by its file name; undefined when Claim Lens does not read it. */
export function formatOf(languageId: string, name: string): Format | undefined {
  const byName = formatOfPath(name.replace(/[?#].*$/u, ''));
  if (languageId === 'plaintext' || languageId === 'text') return byName ?? 'text';
  if (languageIds.has(languageId)) return formatOfLanguage(languageId) ?? byName;
  return byName;
}
