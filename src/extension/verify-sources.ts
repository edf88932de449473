import { isAbsolute } from 'node:path';
import * as vscode from 'vscode';
import { homepage, version } from '../../package.json';
import { findingsOf, LineIndex, mergeAnalyses, type Analysis, type Claim, type SourceVerification } from '../core/index';
import { defaultPruneLimits, DiskCache, SourceFetcher, targetsOf, userAgentOf, Verifier, type PruneResult, type VerifyTarget } from '../verify/index';
import { documentationBase } from '../shared/diagnostic-codes';
import type { ClaimLensClient } from './client';
import type { ServerAnalyses } from './server-analyses';
import type { Log } from './log';
import { scanWorkspaceAnalyses } from './workspace-scan';

/** Diagnostic codes of checked sources. */
const verificationCodes = new Set(['figure-not-in-source', 'dead-source', 'source-not-checked']);

/** What checking one article's sources found, for the text it was checked at. */
interface ArticleResults {
  readonly text: string;
  readonly analysis: Analysis;
  readonly verifications: readonly SourceVerification[];
}

/**
 * "Verify Sources in This Article" and "…in the Workspace": fetches what each
 * cited claim cites and looks for its figure (see `src/verify`). Runs only
 * when asked, never in an untrusted workspace. Results show as diagnostics
 * of their own collection, in a hover beside the claim's, and as a count in
 * the status bar; they hold until the article is edited.
 */
export class SourceVerifications implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('claimlens-sources');
  private readonly results = new Map<string, ArticleResults>();
  private readonly item = vscode.window.createStatusBarItem('claimlens.sources', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when an article's results arrive or are dropped. */
  readonly onDidChange = this.changed.event;
  private readonly finished = new vscode.EventEmitter<'article' | 'workspace'>();
  /** Fires when a run ends, finished or cancelled, once its results are published. */
  readonly onDidFinishRun = this.finished.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly analyses: ServerAnalyses,
    private readonly client: ClaimLensClient,
    private readonly log: Log,
    selector: vscode.DocumentSelector,
  ) {
    this.item.name = 'Claim Lens: sources';
    this.item.command = 'claimlens.verifySources';
    this.disposables.push(
      this.diagnostics,
      this.item,
      this.changed,
      this.finished,
      vscode.commands.registerCommand('claimlens.verifySources', () => this.run('article')),
      vscode.commands.registerCommand('claimlens.verifyWorkspaceSources', (folder?: vscode.Uri | string) => this.run('workspace', folderOf(folder))),
      vscode.commands.registerCommand('claimlens.clearSourceCache', () => this.clearCache()),
      vscode.languages.registerHoverProvider(selector, { provideHover: (document, position) => this.hover(document, position) }),
      vscode.languages.registerCodeActionsProvider(selector, { provideCodeActions: (document, _range, context) => this.codeActions(document, context) }, {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
      // A result holds for the text it was checked at: an edit drops it.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.results.delete(e.document.uri.toString())) {
          this.diagnostics.delete(e.document.uri);
          this.refreshStatus();
          this.changed.fire(e.document.uri);
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshStatus()),
    );
  }

  /** The results of an article, for tests and other extensions; with `text`, only when they were found for that text. */
  resultsOf(uri: vscode.Uri, text?: string): readonly SourceVerification[] | undefined {
    const results = this.results.get(uri.toString());
    return results && (text === undefined || results.text === text) ? results.verifications : undefined;
  }

  /** Whether any article has results. */
  get anyResults(): boolean {
    return this.results.size > 0;
  }

  /** What checking an article's sources found, with the text and analysis it checked. */
  checkedOf(uri: vscode.Uri): ArticleResults | undefined {
    return this.results.get(uri.toString());
  }

  /** The status bar text, or undefined when hidden. */
  get statusText(): string | undefined {
    return this.results.has(vscode.window.activeTextEditor?.document.uri.toString() ?? '') ? this.item.text : undefined;
  }

  /** Cancels the runs under way, as their notification's Cancel button does: files already done keep their results. */
  cancel(): void {
    for (const run of this.running) run.cancel();
  }

  private readonly running = new Set<vscode.CancellationTokenSource>();

  /**
   * Verifies the active article, or every article of the workspace (under
   * `folder` only, when given: a folder's URI or path). The articles are
   * checked at once, within the fetcher's limits, and each article's results
   * are published as soon as all its sources are checked; after a cancel,
   * an article not yet done is left as it was, so that no source cut short
   * counts against it.
   */
  private async run(scope: 'article' | 'workspace', folder?: vscode.Uri): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Claim Lens verifies sources only in a trusted workspace: it fetches the addresses articles cite.');
      return;
    }
    const config = vscode.workspace.getConfiguration('claimlens.verify');
    const cache = new DiskCache(this.cacheDir);
    const fetcher = new SourceFetcher({
      userAgent: userAgentOf(version, homepage.replace(/#.*$/u, '')),
      cache,
      maxAgeMs: Math.max(0, config.get<number>('cacheMaxAgeHours', 24)) * 3600_000,
      timeoutMs: Math.max(1, config.get<number>('timeoutSeconds', 15)) * 1000,
    });
    const archiveApi = config.get<string>('archiveApi', 'https://archive.org/wayback/available') || null;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Claim Lens: verifying sources', cancellable: true },
      async (progress, progressToken) => {
        const cancellation = new vscode.CancellationTokenSource();
        this.running.add(cancellation);
        const token = cancellation.token;
        const abort = new AbortController();
        const listeners = [progressToken.onCancellationRequested(() => cancellation.cancel()), token.onCancellationRequested(() => abort.abort())];
        try {
          const articles = (await this.articles(scope, progress, token)).filter((a) => !folder || isUnder(a.uri, folder));
          if (token.isCancellationRequested) return;
          const verifier = new Verifier({ fetcher, archiveApi, signal: abort.signal });
          const total = articles.reduce((n, a) => n + a.targets.length, 0);
          if (!total) {
            void vscode.window.showInformationMessage('Claim Lens: no cited claim with a web address to verify.');
            return;
          }
          let done = 0;
          await Promise.all(articles.map(async (article) => {
            const verifications = await Promise.all(article.targets.map(async (target: VerifyTarget) => {
              const result = await verifier.verify(target);
              progress.report({ message: `${++done}/${total} sources`, increment: 100 / total });
              return result;
            }));
            if (token.isCancellationRequested) return;
            this.publish(article.uri, { text: article.text, analysis: article.analysis, verifications });
            this.refreshStatus();
          }));
          this.finished.fire(scope);
        } catch (cause) {
          this.log.error('Verifying sources failed.', cause);
          void vscode.window.showErrorMessage('Claim Lens could not verify sources; see the output for why.');
        } finally {
          for (const listener of listeners) listener.dispose();
          this.running.delete(cancellation);
          cancellation.dispose();
        }
      },
    );
    // The cache shrinks once no run needs it: what this run used stays, whatever its age or size.
    if (!this.running.size) {
      const maxBytes = Math.max(1, config.get<number>('cacheMaxSizeMB', 200)) * 1024 * 1024;
      await cache.prune({ ...defaultPruneLimits, maxBytes }).catch((cause: unknown) => this.log.error(`Could not prune the source cache in ${this.cacheDir}.`, cause));
    }
  }

  /** Where fetched sources are cached: the extension's global storage. */
  private get cacheDir(): string {
    return vscode.Uri.joinPath(this.context.globalStorageUri, 'sources').fsPath;
  }

  /** "Claim Lens: Clear Source Cache": empties the cache, unless a run is using it. Resolves to what was removed. */
  private async clearCache(): Promise<PruneResult | undefined> {
    if (this.running.size) {
      void vscode.window.showInformationMessage('Claim Lens: sources are being verified; clear the cache once that is done or cancelled.');
      return undefined;
    }
    try {
      const result = await new DiskCache(this.cacheDir).clear();
      const mb = (result.freed / 1024 / 1024).toFixed(1);
      void vscode.window.showInformationMessage(`Claim Lens: removed ${result.removed} cached source${result.removed === 1 ? '' : 's'} (${mb} MB).`);
      return result;
    } catch (cause) {
      this.log.error(`Could not clear the source cache in ${this.cacheDir}.`, cause);
      void vscode.window.showErrorMessage('Claim Lens could not clear the source cache; see the output for why.');
      return undefined;
    }
  }

  private async articles(
    scope: 'article' | 'workspace',
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<{ uri: vscode.Uri; text: string; analysis: Analysis; targets: VerifyTarget[] }[]> {
    if (scope === 'article') {
      const document = vscode.window.activeTextEditor?.document;
      const entry = document ? await this.analyses.ensure(document) : undefined;
      if (!document || !entry) {
        void vscode.window.showInformationMessage('Claim Lens: open an article to verify its sources.');
        return [];
      }
      return [{ uri: document.uri, text: document.getText(), analysis: entry.analysis, targets: targetsOf(entry.analysis) }];
    }
    // Every source of every article is checked: this needs each file's text and whole analysis.
    const scan = await scanWorkspaceAnalyses(this.client, progress, token);
    // The posts of a WordPress export are checked and shown as one file, with the sources numbered as the editor numbers them.
    const byUri = new Map<string, { text: string; parts: Analysis[] }>();
    for (const file of scan.files) {
      const entry = byUri.get(file.uri);
      if (entry) entry.parts.push(file.analysis);
      else byUri.set(file.uri, { text: file.text, parts: [file.analysis] });
    }
    return [...byUri].map(([uri, { text, parts }]) => {
      const analysis = parts.length === 1 ? parts[0] : mergeAnalyses('wordpress', parts);
      return { uri: vscode.Uri.parse(uri), text, analysis, targets: targetsOf(analysis) };
    });
  }

  private publish(uri: vscode.Uri, results: ArticleResults): void {
    this.results.set(uri.toString(), results);
    const lines = new LineIndex(results.text);
    const diagnostics: vscode.Diagnostic[] = [];
    for (const finding of findingsOf({ path: uri.fsPath, text: results.text, analysis: results.analysis, settings: { report: [], scope: 'sentence' }, verifications: results.verifications }, lines)) {
      if (!verificationCodes.has(finding.code)) continue;
      const range = new vscode.Range(finding.start.line - 1, finding.start.column - 1, finding.end.line - 1, finding.end.column - 1);
      const severity = finding.severity === 'info' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning;
      const diagnostic = new vscode.Diagnostic(range, finding.message, severity);
      diagnostic.source = 'Claim Lens';
      diagnostic.code = { value: finding.code, target: vscode.Uri.parse(`${documentationBase}#${finding.code}`) };
      diagnostics.push(diagnostic);
    }
    this.diagnostics.set(uri, diagnostics);
    this.changed.fire(uri);
  }

  private refreshStatus(): void {
    const results = this.results.get(vscode.window.activeTextEditor?.document.uri.toString() ?? '');
    if (!results) {
      this.item.hide();
      return;
    }
    const claimsWith = (status: SourceVerification['status']) => new Set(results.verifications.filter((v) => v.status === status).map((v) => v.claimId)).size;
    const notFound = claimsWith('not-found');
    const dead = claimsWith('unreachable');
    this.item.text = `$(${notFound || dead ? 'search-stop' : 'search'}) ${notFound} not in source${dead ? ` · ${dead} dead` : ''}`;
    this.item.tooltip = `Claim Lens: sources checked — ${claimsWith('supported')} supported, ${notFound} not found, ${dead} unreachable, ${claimsWith('not-checked')} not checked. Click to check again.`;
    this.item.show();
  }

  private hover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const results = this.results.get(document.uri.toString());
    if (!results || results.text !== document.getText()) return undefined;
    const offset = document.offsetAt(position);
    const claim = results.analysis.claims.find((c) => c.range.start <= offset && offset <= c.range.end);
    if (!claim) return undefined;
    const mine = results.verifications.filter((v) => v.claimId === claim.id);
    if (!mine.length) return undefined;
    const markdown = new vscode.MarkdownString(`**Source says** · ${mine.map((v) => sourceSays(claim, v)).join('\n\n---\n\n')}`);
    markdown.isTrusted = false;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(claim.range.start), document.positionAt(claim.range.end)));
  }

  private codeActions(document: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const results = this.results.get(document.uri.toString());
    if (!results) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      if (code !== 'dead-source') continue;
      const start = document.offsetAt(diagnostic.range.start);
      const verification = results.verifications.find((v) => v.archived && results.analysis.sources.find((s) => s.id === v.sourceId)?.range.start === start);
      if (!verification?.archived) continue;
      const source = results.analysis.sources.find((s) => s.id === verification.sourceId);
      const raw = source ? results.text.slice(source.range.start, source.range.end) : '';
      const at = raw.indexOf(verification.url);
      if (!source || at < 0) continue;
      const action = new vscode.CodeAction('Use the archived copy of this source', vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.edit = new vscode.WorkspaceEdit();
      const urlStart = source.range.start + at;
      action.edit.replace(document.uri, new vscode.Range(document.positionAt(urlStart), document.positionAt(urlStart + verification.url.length)), verification.archived);
      actions.push(action);
    }
    return actions;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** A folder given to the workspace command: a URI (from another extension, a test) or a path (from a keybinding's `args`). */
function folderOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg !== 'string' || !arg) return undefined;
  if (/^[a-z][\w+.-]+:\/\//iu.test(arg)) return vscode.Uri.parse(arg);
  // A relative path is taken from the first workspace folder.
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return isAbsolute(arg) || !root ? vscode.Uri.file(arg) : vscode.Uri.joinPath(root, arg);
}

function isUnder(uri: vscode.Uri, folder: vscode.Uri): boolean {
  const base = folder.toString().replace(/\/$/u, '');
  return uri.toString().startsWith(`${base}/`);
}

/** One source's result in words, with the passage (figure in bold) and the link to it. */
function sourceSays(claim: Claim, v: SourceVerification): string {
  const escape = (text: string) => text.replace(/[\\`*_{}[\]()#+!<>|~-]/gu, '\\$&');
  switch (v.status) {
    case 'supported': {
      const quote = v.quote && v.figure ? escape(v.quote).replace(escape(v.figure), `**${escape(v.figure)}**`) : escape(v.quote ?? '');
      return `supported${v.page ? ` (page ${v.page})` : ''}\n\n> ${quote}\n\n[Open the passage](${v.link ?? v.url})`;
    }
    case 'not-found':
      return `"${escape(claim.text)}" not found in [the source](${v.url}): ${escape(v.reason ?? '')}`;
    case 'unreachable':
      return `[the source](${v.url}) cannot be reached: ${escape(v.reason ?? '')}${v.archived ? ` — [archived copy](${v.archived})` : ''}`;
    case 'not-checked':
      return `[the source](${v.url}) was not checked: ${escape(v.reason ?? '')}`;
  }
}
