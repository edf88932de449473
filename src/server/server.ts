import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressReporter,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version as serverVersion } from '../../package.json';
import { formatOfPath, toJsonReport } from '../core';
import type { FilesAnalysis } from '../workspace';
import { DocumentAnalyses, type DocumentAnalysis, type NotAnalysed } from './analyses';
import { toDiagnostics } from './diagnostics';
import { OpenDocuments } from './documents';
import { codeActionsFor, completionsAt, definitionAt, hoverAt } from './features';
import type { ServerHost } from './host';
import { documentReportRequest, workspaceReportRequest, type WorkspaceReportResult } from './protocol';
import { readClientSettings, type ClientSettings } from './settings';

/** Files larger than this are skipped by workspace-wide requests, as `claimlens check` skips them by default. */
const workspaceMaxSize = 10 * 1024 * 1024;

/** Options a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** The `claimlens` settings, for clients that do not answer `workspace/configuration`. */
  readonly settings?: unknown;
  /** The same, as clients that send their whole configuration (Helix's `config`) put it. */
  readonly claimlens?: unknown;
  /** Offer `workspace/diagnostic`: every article of the workspace, analysed on request (off by default: it reads every file). */
  readonly workspaceDiagnostics?: boolean;
}

/**
 * Claim Lens's language server on a connection: diagnostics (pushed, or
 * pulled by clients that ask), hovers, quick fixes, citation key completion
 * and definitions, and the report requests. Settings come from the
 * client's `claimlens` section (`workspace/configuration` when the client
 * answers it) and the nearest `.claimlensrc.*`. Files beside the
 * documents are read through `host`: the disk on Node, the client in a
 * browser.
 */
export function startServer(connection: Connection, host: ServerHost): void {
  const pathOf = (uri: string): string | undefined => host.pathOf(uri);
  const documents = new OpenDocuments();
  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  let initOptions: InitializationOptions = {};
  let pushedSettings: unknown;
  const settingsCache = new Map<string, Promise<ClientSettings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const log = (message: string): void => connection.console.log(message);

  const settingsFor = (uri: string): Promise<ClientSettings> => {
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = (async () => {
        if (capabilities.workspace?.configuration) {
          try {
            const [section] = (await connection.sendRequest('workspace/configuration', { items: [{ scopeUri: uri, section: 'claimlens' }] })) as unknown[];
            if (section !== null && section !== undefined) return readClientSettings(section);
          } catch (cause) {
            log(`workspace/configuration failed: ${cause instanceof Error ? cause.message : String(cause)}`);
          }
        }
        return readClientSettings(pushedSettings ?? initOptions.settings ?? initOptions.claimlens);
      })();
      settingsCache.set(uri, pending);
    }
    return pending;
  };

  const folderOf = (path: string): string | undefined => {
    let best: string | undefined;
    for (const folder of folders) {
      if (host.isInside(folder, path) && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  };

  const analyses = new DocumentAnalyses(documents, { host, settingsFor, folderOf, log });
  const pulls = (): boolean => capabilities.textDocument?.diagnostic !== undefined;

  /** The analysis of the document's current version, with that version's text; undefined when there is none. */
  const analysed = async (uri: string): Promise<{ entry: DocumentAnalysis; document: TextDocument } | undefined> => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await analyses.analyse(uri);
      const document = documents.get(uri)?.document;
      if (!('analysis' in result) || !document) return undefined;
      if (result.version === document.version) return { entry: result, document };
    }
    return undefined;
  };

  const publish = async (uri: string): Promise<void> => {
    const result = await analyses.analyse(uri).catch((cause: unknown) => {
      log(cause instanceof Error ? `${cause.message}: ${String(cause.cause)}` : String(cause));
      return { reason: 'not-an-article' } as NotAnalysed;
    });
    const open = documents.get(uri);
    if (!open) return;
    if (!('analysis' in result)) {
      if (result.reason === 'too-large') {
        log(`${uri} is ${Math.round(result.sizeKB)} KB, larger than claimlens.maxFileSizeKB (${result.limitKB} KB): not analysed.`);
      }
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if (result.version !== open.document.version) return; // a newer version is on its way
    void connection.sendDiagnostics({ uri, version: result.version, diagnostics: toDiagnostics(result, open.document) });
  };

  const schedule = (uri: string, delay?: number): void => {
    if (pulls()) return;
    clearTimeout(timers.get(uri));
    const run = (wait: number): void => {
      timers.set(
        uri,
        setTimeout(() => {
          timers.delete(uri);
          void publish(uri);
        }, wait),
      );
    };
    if (delay !== undefined) run(delay);
    else void settingsFor(uri).then((s) => run(s.editor.debounceMs));
  };

  const refreshAll = (): void => {
    settingsCache.clear();
    analyses.reset();
    if (pulls()) {
      if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const open of documents.all()) schedule(open.document.uri, 0);
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.flatMap((uri) => pathOf(uri) ?? []);
    if (!folders.length && params.rootPath) folders = [params.rootPath];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        completionProvider: { triggerCharacters: ['@'] },
        definitionProvider: true,
        diagnosticProvider: { identifier: 'claimlens', interFileDependencies: true, workspaceDiagnostics: initOptions.workspaceDiagnostics === true && host.analyseFolder !== undefined },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'claimlens', version: serverVersion },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'claimlens' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.claimlensrc{,.json,.yaml,.yml}' }, { globPattern: '**/*.{bib,bibtex,json,yaml,yml}' }],
      });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.flatMap((f) => pathOf(f.uri) ?? []));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.flatMap((f) => pathOf(f.uri) ?? [])];
        refreshAll();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as { claimlens?: unknown } | null | undefined)?.claimlens;
    if (settings !== undefined) pushedSettings = settings;
    refreshAll();
  });
  connection.onDidChangeWatchedFiles(() => refreshAll());

  connection.onDidOpenTextDocument((params) => {
    documents.didOpen(params);
    schedule(params.textDocument.uri, 0);
  });
  connection.onDidChangeTextDocument((params) => {
    documents.didChange(params);
    schedule(params.textDocument.uri);
  });
  connection.onDidCloseTextDocument((params) => {
    const { uri } = params.textDocument;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    documents.didClose(uri);
    analyses.forget(uri);
    settingsCache.delete(uri);
    if (!pulls()) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover(async (params, token) => {
    const found = await analysed(params.textDocument.uri);
    if (!found || token.isCancellationRequested) return null;
    return hoverAt(found.entry, found.document, params.position);
  });

  connection.onCodeAction(async (params, token) => {
    const found = await analysed(params.textDocument.uri);
    if (!found || token.isCancellationRequested) return [];
    return codeActionsFor(found.entry, found.document, params);
  });

  connection.onCompletion(async (params, token) => {
    const { uri } = params.textDocument;
    const document = documents.get(uri)?.document;
    // The bibliography seldom changes with a keystroke: the last analysis will do when the current one is not ready.
    const entry = analyses.latest(uri) ?? (await analysed(uri))?.entry;
    if (!document || !entry || token.isCancellationRequested) return [];
    const insertReplace = capabilities.textDocument?.completion?.completionItem?.insertReplaceSupport === true;
    return completionsAt(entry, document, params.position, insertReplace);
  });

  connection.onDefinition(async (params, token) => {
    const found = await analysed(params.textDocument.uri);
    if (!found || token.isCancellationRequested) return [];
    return definitionAt(found.entry, found.document, params.position, (folder, file) => host.uriOf(host.join(folder, file)));
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const found = await analysed(params.textDocument.uri);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return { kind: DocumentDiagnosticReportKind.Full, items: found ? toDiagnostics(found.entry, found.document) : [] };
  });

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    if (!initOptions.workspaceDiagnostics || !host.analyseFolder) return { items: [] };
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const folder of folders) {
      const run = await analyseFolder(folder, progress, token);
      for (const file of run.files) {
        const uri = host.uriOf(host.join(folder, file.path));
        if (documents.get(uri)) continue; // open documents are pulled one by one, at their version
        const client = await settingsFor(uri);
        const diagnostics = toDiagnostics({ uri, analysis: file.analysis, settings: file.settings ?? { report: [] }, editor: client.editor }, TextDocument.create(uri, formatOfPath(file.path) ?? 'text', 0, file.text));
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: diagnostics });
      }
    }
    return { items };
  });

  /** Every article of a folder, as `claimlens check` would read them; cancelled with the request. */
  const analyseFolder = async (folder: string, progress: WorkDoneProgressReporter, token: CancellationToken): Promise<FilesAnalysis> => {
    if (!host.analyseFolder) throw new Error('This host cannot read a whole folder.');
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    progress.begin('Claim Lens', 0, 'Finding articles…', true);
    let shown = 0;
    try {
      return await host.analyseFolder({
        paths: ['.'],
        cwd: folder,
        maxSize: workspaceMaxSize,
        signal: controller.signal,
        onProgress: (done, total) => {
          const percentage = Math.floor((done / total) * 100);
          if (percentage === shown && done < total) return;
          shown = percentage;
          progress.report(percentage, `${done}/${total} files`);
        },
      });
    } finally {
      cancel.dispose();
      progress.done();
    }
  };

  connection.onRequest(documentReportRequest, async (params, token) => {
    const found = await analysed(params.textDocument.uri);
    if (!found || token.isCancellationRequested) return null;
    const path = found.entry.folder && pathOf(found.entry.uri) ? found.entry.articleName : found.entry.uri;
    return toJsonReport([{ path, text: found.entry.text, analysis: found.entry.analysis, settings: found.entry.settings }]);
  });

  connection.onRequest(workspaceReportRequest, async (params, token): Promise<WorkspaceReportResult | ResponseError<void>> => {
    if (!host.analyseFolder) return new ResponseError(ErrorCodes.InvalidRequest, 'The workspace report reads every file of the folder, which this server cannot do here (VS Code for the Web).');
    const folder = params.folder ? pathOf(params.folder) : folders[0];
    if (!folder) return new ResponseError(ErrorCodes.InvalidParams, params.folder ? `not a file: folder: ${params.folder}` : 'no workspace folder is open');
    const started = Date.now();
    const progress = params.workDoneToken !== undefined ? connection.window.attachWorkDoneProgress(params.workDoneToken) : await createProgress();
    const run = await analyseFolder(folder, progress, token);
    if (run.cancelled || token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The workspace report was cancelled.');
    const warnings = [
      ...run.usageErrors,
      ...run.configIssues.map(({ path, issue }) => `${host.relative(folder, path)}:${issue.line ?? 1}:${issue.column ?? 1} ${issue.field}: ${issue.message}`),
      ...run.bibliographyWarnings.map((w) => `${w.path}:${w.line}:1 ${w.code} ${w.message}`),
    ];
    return { folder: host.uriOf(folder), report: toJsonReport(run.files), skipped: run.skipped, warnings, elapsedMs: Date.now() - started };
  });

  const createProgress = async (): Promise<WorkDoneProgressReporter> => {
    if (capabilities.window?.workDoneProgress) {
      try {
        return await connection.window.createWorkDoneProgress();
      } catch {
        // The client refused the token: go on without progress.
      }
    }
    return connection.window.attachWorkDoneProgress(undefined);
  };

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  connection.listen();
}
