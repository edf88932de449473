import {
  CodeActionKind,
  DiagnosticSeverity,
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
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressReporter,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version as serverVersion } from '../../package.json';
import { formatOfPath, summarize, toJsonReport, type Analysis } from '../core';
import type { FilesAnalysis } from '../workspace';
import { DocumentAnalyses, type DocumentAnalysis, type NotAnalysed } from './analyses';
import { diagnosticSource, toDiagnostics } from './diagnostics';
import { documentationBase } from '../shared/diagnostic-codes';
import { defaultMaxFileSize } from '../shared/max-file-size';
import { OpenDocuments } from './documents';
import { codeActionsFor, completionsAt, definitionAt, hoverAt } from './features';
import type { AnalysisThread } from './analysis-thread';
import type { ServerHost } from './host';
import {
  documentAnalysisRequest,
  documentReportRequest,
  documentStatusNotification,
  serverInfoRequest,
  workspaceReportRequest,
  workspaceTrustNotification,
  type DocumentCounts,
  type DocumentStatusParams,
  type WorkspaceReportResult,
} from './protocol';
import { readClientSettings, type ClientSettings } from './settings';

/** Files larger than this are skipped by workspace-wide requests, as `claimlens check` skips them by default. */
const workspaceMaxSize = defaultMaxFileSize;

/** Options a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** The `claimlens` settings, for clients that do not answer `workspace/configuration`. */
  readonly settings?: unknown;
  /** The same, as clients that send their whole configuration (Helix's `config`) put it. */
  readonly claimlens?: unknown;
  /** Offer `workspace/diagnostic`: every article of the workspace, analysed on request (off by default: it reads every file). */
  readonly workspaceDiagnostics?: boolean;
  /** Push diagnostics (`textDocument/publishDiagnostics`) even to a client that can pull them, and offer no pull. */
  readonly pushDiagnostics?: boolean;
  /** Send `claimlens/documentStatus` with each document's diagnostics. */
  readonly statusNotifications?: boolean;
  /** Quick fixes as VS Code's extension shows them: commands (`claimlens.citeExistingSource`, …) that ask the writer. */
  readonly fixCommands?: boolean;
  /** A command the hover links as *Edit note* beside a footnote's text, run with `[{ uri, label }]`. */
  readonly editNoteCommand?: string;
  /** Push diagnostics for bibliography files too: a malformed entry at its line. */
  readonly fileDiagnostics?: boolean;
  /** The client watches `.claimlensrc.*` and bibliography files itself: the server registers no watchers. */
  readonly clientWatchesFiles?: boolean;
  /** Whether the workspace is trusted (default true); `claimlens/workspaceTrust` tells a change. */
  readonly workspaceTrusted?: boolean;
  /**
   * Analyse each open document in a worker thread and stop an analysis that
   * runs longer than this many milliseconds: the document is reported as not
   * analysed (`claimlens/documentStatus`, the log). A document's
   * `analysisTimeLimitSeconds` setting, when the client gives one, sets its
   * own limit. Without either, analyses run in the server's own thread with
   * no limit.
   */
  readonly analysisTimeLimitMs?: number;
}

/** What the server may use where it runs, beside its host. */
export interface ServerOptions {
  /** Makes a worker thread that analyses documents under a time limit (Node), for clients that set one. */
  readonly createAnalysisThread?: (log: (message: string) => void) => AnalysisThread;
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
export function startServer(connection: Connection, host: ServerHost, options: ServerOptions = {}): void {
  const pathOf = (uri: string): string | undefined => host.pathOf(uri);
  const documents = new OpenDocuments();
  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  let initOptions: InitializationOptions = {};
  let pushedSettings: unknown;
  const settingsCache = new Map<string, Promise<ClientSettings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const log = (message: string): void => connection.console.log(message);
  let trusted = true;
  /** Bibliography files that have diagnostics now, by URI. */
  const fileProblems = new Map<string, string>();

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

  let thread: AnalysisThread | undefined;
  const analysisThread = (): AnalysisThread | undefined => {
    if (!thread && options.createAnalysisThread) thread = options.createAnalysisThread(log);
    return thread;
  };
  const initialLimitMs = (): number | undefined => {
    const limit = initOptions.analysisTimeLimitMs;
    return typeof limit === 'number' && limit > 0 ? limit : undefined;
  };
  const analyses = new DocumentAnalyses(documents, { host, settingsFor, folderOf, log, thread: analysisThread, timeLimitMs: initialLimitMs });
  const pulls = (): boolean => capabilities.textDocument?.diagnostic !== undefined && !initOptions.pushDiagnostics;

  const sendStatus = (params: DocumentStatusParams): void => {
    if (initOptions.statusNotifications) void connection.sendNotification(documentStatusNotification, params);
  };

  /** Publishes what is wrong in the bibliography files of `folder`, and clears what no longer is. */
  const publishFileProblems = (folder: string): void => {
    if (!initOptions.fileDiagnostics) return;
    const now = new Map<string, Diagnostic[]>();
    for (const [path, problems] of analyses.bibliographyFileProblems(folder)) {
      now.set(host.uriOf(path), problems.map((p) => ({
        range: { start: { line: p.line - 1, character: 0 }, end: { line: p.line - 1, character: 10_000 } },
        severity: DiagnosticSeverity.Warning,
        source: diagnosticSource,
        code: 'bibliography-error',
        codeDescription: { href: `${documentationBase}#bibliography-error` },
        message: p.message,
      })));
    }
    for (const [uri, diagnostics] of now) {
      const key = JSON.stringify(diagnostics);
      if (fileProblems.get(uri) === key) continue;
      fileProblems.set(uri, key);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of [...fileProblems.keys()]) {
      const path = pathOf(uri);
      if (now.has(uri) || path === undefined || !host.isInside(folder, path)) continue;
      fileProblems.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  };

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
      if (result.reason === 'timed-out') {
        connection.console.warn(`The analysis of ${uri} took longer than ${result.limitMs} ms and was stopped: not analysed.`);
      }
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      sendStatus({
        uri,
        version: open.document.version,
        counts: null,
        ...(result.reason === 'too-large' ? { notAnalysed: { reason: 'too-large', sizeKB: result.sizeKB, limitKB: result.limitKB } } : {}),
        ...(result.reason === 'timed-out' ? { notAnalysed: { reason: 'timed-out', limitMs: result.limitMs } } : {}),
      });
      return;
    }
    if (result.version !== open.document.version) return; // a newer version is on its way
    void connection.sendDiagnostics({ uri, version: result.version, diagnostics: toDiagnostics(result, open.document) });
    sendStatus({ uri, version: result.version, counts: countsOf(result.analysis) });
    if (result.folder) publishFileProblems(result.folder);
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
    trusted = initOptions.workspaceTrusted !== false;
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
        ...(initOptions.pushDiagnostics
          ? {}
          : { diagnosticProvider: { identifier: 'claimlens', interFileDependencies: true, workspaceDiagnostics: initOptions.workspaceDiagnostics === true && host.analyseFolder !== undefined } }),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'claimlens', version: serverVersion },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'claimlens' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration && !initOptions.clientWatchesFiles) {
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
    sendStatus({ uri, version: 0, counts: null });
  });

  connection.onNotification(workspaceTrustNotification, (params) => {
    if (params.trusted === trusted) return;
    trusted = params.trusted;
    log(`The workspace is ${trusted ? 'trusted' : 'no longer trusted'}: settings are read again.`);
    refreshAll();
  });

  connection.onRequest(serverInfoRequest, () => ({ pid: process.pid, version: serverVersion, trusted }));

  connection.onRequest(documentAnalysisRequest, async (params, token) => {
    const { uri } = params.textDocument;
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await analyses.analyse(uri);
      const document = documents.get(uri)?.document;
      if (!document || token.isCancellationRequested) return null;
      if (!('analysis' in result)) {
        if (result.reason === 'too-large') return { uri, version: document.version, notAnalysed: { reason: 'too-large' as const, sizeKB: result.sizeKB, limitKB: result.limitKB } };
        if (result.reason === 'timed-out') return { uri, version: document.version, notAnalysed: { reason: 'timed-out' as const, limitMs: result.limitMs } };
        return null;
      }
      if (result.version !== document.version) continue;
      return {
        uri,
        version: result.version,
        format: result.format,
        analysis: result.analysis,
        settings: result.settings,
        ...(result.bibliography ? { bibliography: [...result.bibliography.entries()] } : {}),
        ...(result.configPath ? { configFile: host.uriOf(result.configPath) } : {}),
      };
    }
    return null;
  });

  connection.onHover(async (params, token) => {
    const found = await analysed(params.textDocument.uri);
    if (!found || token.isCancellationRequested) return null;
    return hoverAt(found.entry, found.document, params.position, initOptions.editNoteCommand);
  });

  connection.onCodeAction(async (params, token) => {
    const found = await analysed(params.textDocument.uri);
    if (!found || token.isCancellationRequested) return [];
    return codeActionsFor(found.entry, found.document, params, initOptions.fixCommands === true);
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
    const files = params.withAnalyses
      ? run.files.map((file) => ({
        path: file.path,
        uri: host.uriOf(host.join(folder, file.path.replace(/#.*$/u, ''))),
        text: file.text,
        analysis: file.analysis,
        ...(file.settings ? { settings: file.settings } : {}),
      }))
      : undefined;
    // The analyses come back from the worker threads as they are (structured clone, cheaper than rendering the
    // report there and parsing it here); the report is made of them here and, unless asked, sent without them.
    return { folder: host.uriOf(folder), report: toJsonReport(run.files), skipped: run.skipped, warnings, elapsedMs: Date.now() - started, ...(files ? { files } : {}) };
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
    thread?.dispose();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  connection.listen();
}

/** How many claims of each status an analysis holds, and its broken sources. */
function countsOf(analysis: Analysis): DocumentCounts {
  const totals = summarize([{ analysis }]);
  return { claims: totals.claims, cited: totals.cited, attributed: totals.attributed, uncited: totals.uncited, ignored: totals.ignored, problems: analysis.problems.length };
}
