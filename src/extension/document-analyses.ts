import * as vscode from 'vscode';
import {
  formatOfLanguage,
  formatOfPath,
  ignoredClaimsFor,
  isWordPressText,
  parseSettings,
  withBibliographyProblems,
  withIgnoredClaims,
  type Analysis,
  type Bibliography,
  type BibliographySetting,
  type Format,
  type IgnoredClaim,
  type Settings,
  type TextChange,
} from '../core/index';
import type { Analyser } from './analyser';
import type { Bibliographies, DocumentBibliography } from './bibliographies';
import type { ConfigFiles } from './config-files';
import { readEditorSettings, readExplicitAnalysisSettings, type EditorSettings } from './editor-settings';
import type { Log } from './log';
import { mergeSettings } from '../shared/merge-settings';

/** The settings that apply to one document. */
export interface ResolvedSettings {
  readonly settings: Settings;
  readonly editor: EditorSettings;
  /** The `.claimlensrc.*` file that contributed, if any. */
  readonly configFile?: vscode.Uri;
  /**
   * The `bibliography` entries with the folder each is relative to: the
   * workspace folder for VS Code's setting, the configuration file's folder
   * for its own.
   */
  readonly bibliography: readonly BibliographySetting<vscode.Uri>[];
  /** The claims the configuration file's `ignore` list names in this document. */
  readonly ignoredClaims: readonly IgnoredClaim[];
}

/** A document's analysis at one version. */
export interface AnalysedDocument {
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly format: Format;
  readonly analysis: Analysis;
  readonly resolved: ResolvedSettings;
  /** The bibliography citations were resolved with, when the article uses one. */
  readonly bibliography?: Bibliography;
  /** Milliseconds the analysis took. */
  readonly elapsedMs: number;
}

/** A document left alone because it is larger than `claimlens.maxFileSizeKB`. */
export interface SkippedDocument {
  readonly document: vscode.TextDocument;
  readonly sizeKB: number;
  readonly limitKB: number;
}

/** Languages whose documents are articles only when their content is a WordPress post or export. */
export const contentLanguageIds: readonly string[] = ['json', 'jsonc', 'xml'];

const ignoredSchemes = new Set(['output', 'git', 'vscode-scm', 'debug', 'vscode-userdata', 'vscode-settings', 'comment', 'walkThroughSnippet']);

/**
 * Keeps the analysis of every open article, one per document version.
 * Documents are analysed when opened, after typing stops for
 * `claimlens.debounceMs` (a timer per document), and when settings or a
 * `.claimlensrc` file change. A result whose document moved on while its
 * settings were being read is dropped. Providers read `current()`, or
 * `ensure()` to analyse on the spot when the cache is behind.
 */
export class DocumentAnalyses implements vscode.Disposable {
  private readonly entries = new Map<string, AnalysedDocument>();
  private readonly skipped = new Map<string, SkippedDocument>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly runs = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<AnalysedDocument | undefined>>();
  private readonly resolved = new Map<string, Promise<ResolvedSettings>>();
  /** Edits since each document was last analysed, for an incremental analyser. */
  private readonly pendingChanges = new Map<string, TextChange[]>();
  private readonly analysed = new vscode.EventEmitter<AnalysedDocument>();
  private readonly skippedEmitter = new vscode.EventEmitter<SkippedDocument>();
  private readonly forgotten = new vscode.EventEmitter<vscode.Uri>();
  /** Whether each JSON or XML document is a WordPress post, by version: the content is parsed once per version. */
  private readonly wordPress = new Map<string, { version: number; is: boolean }>();
  private readonly wordPressChanged = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private runCounter = 0;

  /** Fires after a document was analysed (the result is current for its version). */
  readonly onDidAnalyse = this.analysed.event;
  /** Fires when a document is too large to analyse. */
  readonly onDidSkip = this.skippedEmitter.event;
  /** Fires when a document's analysis is dropped: closed, or no longer an article Claim Lens reads. */
  readonly onDidForget = this.forgotten.event;
  /** Fires when a JSON or XML document becomes, or stops being, a WordPress post Claim Lens reads. */
  readonly onDidChangeWordPressDocuments = this.wordPressChanged.event;

  constructor(
    private readonly analyser: Analyser,
    private readonly configFiles: ConfigFiles,
    private readonly bibliographies: Bibliographies,
    private readonly log: Log,
  ) {
    this.disposables.push(
      this.analysed,
      this.skippedEmitter,
      this.forgotten,
      this.wordPressChanged,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length) return;
        this.recordChanges(e);
        this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('claimlens')) this.refreshAll();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refreshAll()),
      configFiles.onDidChange(() => this.refreshAll()),
      bibliographies.onDidChange(() => this.refreshAll()),
    );
  }

  /** Analyses every open document Claim Lens reads. */
  start(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The analysis of `document` at its current version, if there is one. */
  current(document: vscode.TextDocument): AnalysedDocument | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry && entry.version === document.version ? entry : undefined;
  }

  /** The last analysis of `document`, even of an older version (for what seldom changes with an edit: its bibliography). */
  latest(document: vscode.TextDocument): AnalysedDocument | undefined {
    return this.entries.get(document.uri.toString());
  }

  /** The analysis of `document` at its current version, analysing it now if needed; undefined when it is not an article or too large. */
  async ensure(document: vscode.TextDocument): Promise<AnalysedDocument | undefined> {
    const existing = this.current(document);
    if (existing) return existing;
    if (!this.isCandidate(document)) return undefined;
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.timers.delete(key);
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await this.run(document);
      if (result && result.version === document.version) return result;
      if (document.isClosed || this.skipped.has(key)) return undefined;
    }
    return this.current(document);
  }

  /** The too-large notice for a document, if it was skipped. */
  skipOf(document: vscode.TextDocument): SkippedDocument | undefined {
    return this.skipped.get(document.uri.toString());
  }

  /** The bibliography of an article at `uri` whose text is `text`, read for a report (not an open editor). */
  bibliographyFor(uri: vscode.Uri, text: string, format: Format, resolved: ResolvedSettings): Promise<DocumentBibliography> {
    return this.bibliographies.forDocument(uri, text, format, resolved.bibliography, true);
  }

  /** The settings that apply to a document or file (cached until settings change). */
  settingsFor(uri: vscode.Uri): Promise<ResolvedSettings> {
    const key = uri.toString();
    let pending = this.resolved.get(key);
    if (!pending) {
      pending = this.resolve(uri);
      this.resolved.set(key, pending);
      pending.catch(() => this.resolved.delete(key));
    }
    return pending;
  }

  /** Whether Claim Lens reads this document: its scheme, language and the enable settings. */
  isArticle(document: vscode.TextDocument): boolean {
    return this.isCandidate(document);
  }

  /** The open JSON and XML documents that are WordPress posts or exports. */
  wordPressDocuments(): vscode.TextDocument[] {
    return vscode.workspace.textDocuments.filter((d) => this.wordPress.get(d.uri.toString())?.is === true && !d.isClosed);
  }

  /** The format a document is read in. */
  formatOf(document: vscode.TextDocument): Format {
    if (contentLanguageIds.includes(document.languageId)) return 'wordpress';
    // Plain text by language but .md/.mdx/.html by name (no extension for that language installed): read by the name.
    if (document.languageId === 'plaintext') return formatOfPath(document.uri.path) ?? 'text';
    return formatOfLanguage(document.languageId) ?? formatOfPath(document.uri.path) ?? 'text';
  }

  private isCandidate(document: vscode.TextDocument): boolean {
    if (ignoredSchemes.has(document.uri.scheme)) return false;
    const editor = readEditorSettings(document.uri);
    if (!editor.enable) return false;
    if (contentLanguageIds.includes(document.languageId)) return this.isWordPress(document);
    return editor.enabledLanguageIds.includes(document.languageId);
  }

  /** Whether a JSON or XML document is a WordPress post or export, looked at once per version. */
  private isWordPress(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    const known = this.wordPress.get(key);
    if (known && known.version === document.version) return known.is;
    const is = isWordPressText(document.getText());
    this.wordPress.set(key, { version: document.version, is });
    if (is !== (known?.is ?? false)) this.wordPressChanged.fire();
    return is;
  }

  private schedule(document: vscode.TextDocument, delay?: number): void {
    const key = document.uri.toString();
    if (!this.isCandidate(document)) {
      if (this.entries.has(key) || this.skipped.has(key)) this.forget(document.uri);
      return;
    }
    const previous = this.timers.get(key);
    if (previous !== undefined) clearTimeout(previous);
    const wait = delay ?? readEditorSettings(document.uri).debounceMs;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(document);
      }, wait),
    );
  }

  private run(document: vscode.TextDocument): Promise<AnalysedDocument | undefined> {
    const key = document.uri.toString();
    const pending = this.inFlight.get(key);
    if (pending) {
      // One analysis per document at a time; when the one under way is for an older version, go again after it.
      return pending.then((result) => (result && result.version === document.version ? result : this.run(document)));
    }
    const run = ++this.runCounter;
    this.runs.set(key, run);
    const promise = this.analyse(document, run).finally(() => {
      if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
    });
    this.inFlight.set(key, promise);
    return promise;
  }

  private async analyse(document: vscode.TextDocument, run: number): Promise<AnalysedDocument | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    let resolved: ResolvedSettings;
    try {
      resolved = await this.settingsFor(document.uri);
    } catch (cause) {
      this.log.error(`Could not read the settings for ${document.uri.toString(true)}.`, cause);
      return undefined;
    }
    // Dropped: closed, edited again, or superseded while the settings were read.
    if (document.isClosed || document.version !== version || this.runs.get(key) !== run) return undefined;
    const text = document.getText();
    const sizeKB = text.length / 1024;
    if (sizeKB > resolved.editor.maxFileSizeKB) {
      this.entries.delete(key);
      this.analyser.forget(key);
      this.pendingChanges.delete(key);
      const skip = { document, sizeKB, limitKB: resolved.editor.maxFileSizeKB };
      const first = !this.skipped.has(key);
      this.skipped.set(key, skip);
      if (first) this.skippedEmitter.fire(skip);
      return undefined;
    }
    this.skipped.delete(key);
    const format = this.formatOf(document);
    let bibliography: DocumentBibliography;
    try {
      bibliography = await this.bibliographies.forDocument(document.uri, text, format, resolved.bibliography);
    } catch (cause) {
      this.log.error(`Could not load the bibliography of ${document.uri.toString(true)}.`, cause);
      bibliography = { problems: [] };
    }
    if (document.isClosed || document.version !== version || this.runs.get(key) !== run) return undefined;
    const started = Date.now();
    const changes = this.pendingChanges.get(key);
    this.pendingChanges.delete(key);
    let analysis: Analysis;
    try {
      analysis = this.analyser.analyse({
        key,
        text,
        format,
        settings: resolved.settings,
        ...(bibliography.bibliography ? { bibliography: bibliography.bibliography } : {}),
        ...(changes ? { changes } : {}),
      });
    } catch (cause) {
      this.log.error(`Analysis of ${document.uri.toString(true)} failed.`, cause);
      this.analyser.forget(key);
      return undefined;
    }
    analysis = withBibliographyProblems(withConfiguredIgnores(analysis, resolved.ignoredClaims), bibliography.problems);
    const entry: AnalysedDocument = {
      document,
      version,
      format,
      analysis,
      resolved,
      ...(bibliography.bibliography ? { bibliography: bibliography.bibliography } : {}),
      elapsedMs: Date.now() - started,
    };
    this.entries.set(key, entry);
    this.analysed.fire(entry);
    return entry;
  }

  private recordChanges(event: vscode.TextDocumentChangeEvent): void {
    const key = event.document.uri.toString();
    if (!this.entries.has(key)) return; // nothing analysed yet: the next analysis starts afresh
    let list = this.pendingChanges.get(key);
    if (!list) this.pendingChanges.set(key, (list = []));
    // Changes of one event all refer to the text before it, latest offset first, so they apply in order.
    for (const change of event.contentChanges) {
      list.push({ start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text });
    }
  }

  private async resolve(uri: vscode.Uri): Promise<ResolvedSettings> {
    const editor = readEditorSettings(uri);
    const file = await this.configFiles.nearest(uri);
    const explicit = readExplicitAnalysisSettings(uri);
    const { settings, issues } = mergeSettings(explicit, file?.parsed.settings);
    for (const issue of issues) this.log.warn(`${uri.toString(true)}: ${issue}`);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const bibliography: BibliographySetting<vscode.Uri>[] = [];
    if (folder) for (const path of parseSettings(explicit).settings.bibliography) bibliography.push({ path, base: folder.uri });
    if (file) for (const path of file.parsed.settings.bibliography) bibliography.push({ path, base: vscode.Uri.joinPath(file.uri, '..') });
    const ignoredClaims = file ? ignoredClaimsFor(file.parsed.ignore, relativeTo(vscode.Uri.joinPath(file.uri, '..'), uri) ?? '') : [];
    return { settings, editor, bibliography, ignoredClaims, ...(file ? { configFile: file.uri } : {}) };
  }

  private refreshAll(): void {
    this.resolved.clear();
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
    this.runs.delete(key);
    this.entries.delete(key);
    this.skipped.delete(key);
    this.resolved.delete(key);
    this.pendingChanges.delete(key);
    if (this.wordPress.get(key)?.is) this.wordPressChanged.fire();
    this.wordPress.delete(key);
    this.analyser.forget(key);
    this.bibliographies.forget(uri);
    this.forgotten.fire(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/** The analysis with the claims a configuration file ignores given the status `ignored`. */
export function withConfiguredIgnores(analysis: Analysis, ignored: readonly IgnoredClaim[]): Analysis {
  const claims = withIgnoredClaims(analysis.claims, ignored);
  return claims === analysis.claims ? analysis : { ...analysis, claims };
}

/** The path of `uri` below the folder `dir`, with `/` between folders; undefined when it is not below it. */
export function relativeTo(dir: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (dir.scheme !== uri.scheme || dir.authority !== uri.authority) return undefined;
  const base = dir.path.replace(/\/+$/u, '');
  return uri.path.startsWith(`${base}/`) ? uri.path.slice(base.length + 1) : undefined;
}
