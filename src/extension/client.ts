import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  WorkDoneProgress,
  type CloseHandlerResult,
  type DocumentSelector,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { InitializationOptions } from '../server/server';
import {
  documentAnalysisRequest,
  documentStatusNotification,
  serverInfoRequest,
  workspaceReportRequest,
  workspaceTrustNotification,
  type DocumentAnalysisResponse,
  type DocumentStatusParams,
  type ServerInfoResult,
  type WorkspaceReportResult,
} from '../server/protocol';
import { codeValue } from '../shared/diagnostic-codes';
import { chooseShown, rankOfCode } from '../shared/finding-order';
import { fixCommandIds } from '../shared/quick-fixes';
import { readEditorSettings, readServerSettings } from './editor-settings';
import type { Log } from './log';

/** Languages whose documents are articles only when their content is a WordPress post or export: the server looks. */
export const contentLanguageIds: readonly string[] = ['json', 'jsonc', 'xml'];
/** URI schemes of the documents the server is sent. */
const schemes = ['file', 'untitled'];
/** Restarts allowed within `restartWindowMs` before the client gives up on a server that keeps crashing. */
const maxRestarts = 5;
const restartWindowMs = 3 * 60_000;

/** What the status bar says about the server itself. */
export type ServerState = 'starting' | 'running' | 'restarting' | 'stopped';

/**
 * Claim Lens's language server (`dist/server.js`) in its own process, over
 * node IPC, and the client that talks to it: VS Code's diagnostics, hovers,
 * quick fixes, completion and definitions come from there, and the
 * extension's views ask it for analyses and reports. A crashed server is
 * started again (up to five times in three minutes). The client also keeps
 * what VS Code cannot take: of an article's diagnostics it shows at most
 * 1,000, those that matter most and nearest the view, and counts the rest.
 */
export class ClaimLensClient implements vscode.Disposable {
  readonly client: LanguageClient;
  private readonly statusEmitter = new vscode.EventEmitter<DocumentStatusParams>();
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly hiddenEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly statuses = new Map<string, DocumentStatusParams>();
  private readonly diagnostics = new Map<string, { all: vscode.Diagnostic[]; set: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void }>();
  private readonly hidden = new Map<string, number>();
  private readonly restarts: number[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private languages: readonly string[];
  private stateNow: ServerState = 'starting';

  /** Fires when the server says how a document stands: its counts, or why it was not analysed. */
  readonly onDidChangeStatus = this.statusEmitter.event;
  /** Fires when the server starts, stops or is being restarted. */
  readonly onDidChangeState = this.stateEmitter.event;
  /** Fires when the number of diagnostics not shown for a document changes. */
  readonly onDidChangeHidden = this.hiddenEmitter.event;

  constructor(context: vscode.ExtensionContext, private readonly log: Log) {
    const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    this.languages = enabledLanguages();
    const clientOptions: LanguageClientOptions = {
      documentSelector: selectorOf(this.languages),
      diagnosticCollectionName: 'claimlens',
      outputChannel: log.channel,
      // Errors are told in notifications of their own.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      synchronize: {
        configurationSection: 'claimlens',
        fileEvents: [
          vscode.workspace.createFileSystemWatcher('**/.claimlensrc{,.json,.yaml,.yml}'),
          vscode.workspace.createFileSystemWatcher('**/*.{bib,bibtex,json,yaml,yml}'),
        ],
      },
      initializationOptions: (): InitializationOptions => ({
        pushDiagnostics: true,
        statusNotifications: true,
        fixCommands: true,
        editNoteCommand: fixCommandIds.editNote,
        fileDiagnostics: true,
        clientWatchesFiles: true,
        workspaceTrusted: vscode.workspace.isTrusted,
        // Analyses run under a time limit: each document's comes with its settings (`claimlens.analysisTimeLimitSeconds`).
        analysisTimeLimitMs: readEditorSettings(undefined).analysisTimeLimitSeconds * 1000,
      }),
      // Only the note editor may run from a hover's link; every article string in a card is escaped.
      markdown: { isTrusted: { enabledCommands: [fixCommandIds.editNote] }, supportHtml: false },
      textSynchronization: { delayOpenNotifications: false },
      errorHandler: {
        error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
        closed: (): CloseHandlerResult => this.onClosed(),
      },
      middleware: {
        workspace: {
          // The section as Claim Lens reads it: explicit analysis settings only, so `.claimlensrc` files fill the rest.
          configuration: (params) =>
            params.items.map((item) => (item.section === 'claimlens' ? readServerSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : null)),
        },
        handleDiagnostics: (uri, diagnostics, next) => {
          this.diagnostics.set(uri.toString(), { all: diagnostics, set: next });
          this.showDiagnostics(uri);
        },
        provideDefinition: async (document, position, token, next) => widenToLines(await next(document, position, token)),
      },
    };
    this.client = new LanguageClient('claimlens', 'Claim Lens', serverOptions, clientOptions);
    this.disposables.push(
      this.statusEmitter,
      this.stateEmitter,
      this.hiddenEmitter,
      this.client.onNotification(documentStatusNotification, (params) => {
        this.statuses.set(params.uri, params);
        this.statusEmitter.fire(params);
      }),
      this.client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.setState('running');
        else if (event.newState === State.Starting) this.setState(this.stateNow === 'running' || this.stateNow === 'restarting' ? 'restarting' : 'starting');
        else if (event.newState === State.Stopped && this.stateNow !== 'restarting') this.setState('stopped');
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.client.isRunning()) void this.client.sendNotification(workspaceTrustNotification, { trusted: true });
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('claimlens.enabledLanguageIds')) void this.updateSelector();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.updateSelector()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const key = document.uri.toString();
        this.statuses.delete(key);
        this.diagnostics.delete(key);
        this.setHidden(document.uri, 0);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        const uri = event.textEditor.document.uri;
        if (!this.hidden.get(uri.toString())) return;
        clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => this.showDiagnostics(uri), 150);
      }),
    );
  }

  /** Starts the server; resolves once it answered `initialize`. */
  async start(): Promise<void> {
    await this.client.start();
  }

  /** Whether the server is up. */
  get state(): ServerState {
    return this.stateNow;
  }

  /** What the server said last about an open document, if anything. */
  statusOf(uri: vscode.Uri): DocumentStatusParams | undefined {
    return this.statuses.get(uri.toString());
  }

  /** How many of a document's diagnostics are not shown (0 when all are). */
  hiddenCount(uri: vscode.Uri): number {
    return this.hidden.get(uri.toString()) ?? 0;
  }

  /** Whether documents of this language are sent to the server. */
  reads(document: vscode.TextDocument): boolean {
    return schemes.includes(document.uri.scheme) && (this.languages.includes(document.languageId) || contentLanguageIds.includes(document.languageId));
  }

  /** A document's analysis at its current version, from the server. */
  async analysisOf(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<DocumentAnalysisResponse> {
    await this.ready();
    return this.client.sendRequest(documentAnalysisRequest, { textDocument: { uri: uri.toString() } }, token);
  }

  /**
   * The report of every article of a workspace folder, as `claimlens check`
   * reads them, with progress; rejects when cancelled. `withAnalyses` asks
   * for each file's text and whole analysis too (`files`).
   */
  async workspaceReport(
    folder: vscode.Uri,
    withAnalyses: boolean,
    token: vscode.CancellationToken,
    onProgress: (message: string, percentage: number | undefined) => void,
  ): Promise<WorkspaceReportResult> {
    await this.ready();
    const workDoneToken = `claimlens-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const listener = this.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind !== 'end') onProgress(value.message ?? '', value.percentage);
    });
    try {
      return await this.client.sendRequest(workspaceReportRequest, { folder: folder.toString(), withAnalyses, workDoneToken }, token);
    } finally {
      listener.dispose();
    }
  }

  /** The server's process id and version. */
  async serverInfo(): Promise<ServerInfoResult> {
    await this.ready();
    return this.client.sendRequest(serverInfoRequest);
  }

  /** Resolves once the server runs (at once when it does). */
  private async ready(): Promise<void> {
    if (this.client.isRunning()) return;
    await new Promise<void>((resolve) => {
      const listener = this.client.onDidChangeState((event) => {
        if (event.newState !== State.Running) return;
        listener.dispose();
        resolve();
      });
    });
  }

  private onClosed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length && this.restarts[0] < now - restartWindowMs) this.restarts.shift();
    this.statuses.clear();
    if (this.restarts.length > maxRestarts) {
      this.setState('stopped');
      const message = `Claim Lens: the language server stopped ${maxRestarts + 1} times in three minutes and was not started again. Reload the window to try again.`;
      this.log.error(message);
      void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => (choice ? this.log.show() : undefined));
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.log.warn('The language server stopped; starting it again.');
    this.setState('restarting');
    return { action: CloseAction.Restart, handled: true };
  }

  private setState(state: ServerState): void {
    if (state === this.stateNow) return;
    this.stateNow = state;
    this.stateEmitter.fire(state);
  }

  /** Hands VS Code at most 1,000 of a document's diagnostics: by rank, nearest the view first. */
  private showDiagnostics(uri: vscode.Uri): void {
    const entry = this.diagnostics.get(uri.toString());
    if (!entry) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document) {
      entry.set(uri, entry.all);
      this.setHidden(uri, 0);
      return;
    }
    const visible = vscode.window.visibleTextEditors
      .filter((editor) => editor.document === document)
      .flatMap((editor) => editor.visibleRanges.map((r) => ({ start: document.offsetAt(r.start), end: document.offsetAt(r.end) })));
    const { shown, hidden } = chooseShown(
      entry.all,
      (d) => ({ start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end), rank: rankOfCode(codeValue(d.code) ?? '') }),
      visible,
    );
    entry.set(uri, [...shown]);
    this.setHidden(uri, hidden);
  }

  private setHidden(uri: vscode.Uri, count: number): void {
    const key = uri.toString();
    if ((this.hidden.get(key) ?? 0) === count) return;
    if (count) this.hidden.set(key, count);
    else this.hidden.delete(key);
    this.hiddenEmitter.fire(uri);
  }

  /** Starts the server again with a new document selector when a language was added to `claimlens.enabledLanguageIds`. */
  private async updateSelector(): Promise<void> {
    const languages = enabledLanguages();
    // A language dropped needs no restart: the server reads the setting and leaves its documents alone.
    if (languages.every((l) => this.languages.includes(l))) return;
    this.languages = [...new Set([...this.languages, ...languages])];
    this.client.clientOptions.documentSelector = selectorOf(this.languages);
    if (this.client.isRunning()) await this.client.restart();
  }

  async dispose(): Promise<void> {
    clearTimeout(this.scrollTimer);
    for (const d of this.disposables) d.dispose();
    if (this.client.isRunning()) await this.client.stop(2_000).catch(() => undefined);
  }
}

/** The languages of `claimlens.enabledLanguageIds`, over the window and every workspace folder. */
function enabledLanguages(): string[] {
  const scopes: (vscode.Uri | undefined)[] = [undefined, ...(vscode.workspace.workspaceFolders?.map((f) => f.uri) ?? [])];
  const languages = new Set<string>();
  for (const scope of scopes) for (const id of readEditorSettings(scope).enabledLanguageIds) languages.add(id);
  return [...languages].sort();
}

function selectorOf(languages: readonly string[]): DocumentSelector {
  return [...languages, ...contentLanguageIds].flatMap((language) => schemes.map((scheme) => ({ language, scheme })));
}

/**
 * A definition's target is an entry's line: the server names its start;
 * the whole line is selected, as for an entry in the front matter.
 */
async function widenToLines(
  found: vscode.Definition | vscode.DefinitionLink[] | null | undefined,
): Promise<vscode.Definition | vscode.DefinitionLink[] | null | undefined> {
  if (!Array.isArray(found)) return found;
  const out: (vscode.Location | vscode.DefinitionLink)[] = [];
  for (const item of found) {
    const range = 'targetRange' in item ? item.targetRange : item.range;
    const uri = 'targetUri' in item ? item.targetUri : item.uri;
    if (!range.isEmpty || range.start.character !== 0) {
      out.push(item);
      continue;
    }
    let widened = range;
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      widened = document.lineAt(range.start.line).range;
    } catch {
      // Not readable: the line's start will do.
    }
    out.push('targetUri' in item ? { ...item, targetRange: widened, targetSelectionRange: widened } : new vscode.Location(uri, widened));
  }
  return out as vscode.Definition | vscode.DefinitionLink[];
}
