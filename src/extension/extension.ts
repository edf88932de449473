import * as vscode from 'vscode';
import type { Analysis, SourceVerification } from '../core/index';
import { ClaimLensClient } from './client';
import { ConfigFiles } from './config-files';
import { exportReport, type ExportArgs } from './export-report';
import { registerFixCommands } from './fix-commands';
import { Log } from './log';
import { goToUncitedClaim } from './navigation';
import { editorPrompts, type Prompts } from './prompts';
import { ReportPanels } from './report-panel';
import type { ArticleReportModel, WorkspaceReportModel } from './report-model';
import { ServerAnalyses } from './server-analyses';
import { ClaimStatusBar } from './status-bar';
import { SourceVerifications } from './verify-sources';
import { WalkthroughExample, type ExampleStep } from './walkthrough';

/** What the extension offers other extensions and its tests. */
export interface ClaimLensApi {
  /** The analysis of an open document at its current version (analysed now if needed). */
  analysisOf(uri: vscode.Uri): Promise<Analysis | undefined>;
  /** The last article report shown. */
  lastReport(): ArticleReportModel | undefined;
  /** The last workspace report shown. */
  lastWorkspaceReport(): WorkspaceReportModel | undefined;
  /** The status bar text, or undefined when it is hidden. */
  statusBarText(): string | undefined;
  /** Replaces the quick pick and input box prompts (undefined puts the editor's back). */
  setPrompts(prompts: Prompts | undefined): void;
  /** What "Verify Sources" found for an article, until it is edited. */
  sourceResults(uri: vscode.Uri): readonly SourceVerification[] | undefined;
  /** The status bar text of checked sources, or undefined when hidden. */
  sourcesStatusText(): string | undefined;
  /** Cancels the *Verify Sources* run under way, as its Cancel button does. */
  cancelSourceVerification(): void;
  /** The process id of the language server that analyses articles, once it runs. */
  serverProcessId(): Promise<number>;
}

/** The language client of the active extension, stopped by `deactivate`. */
let running: ClaimLensClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ClaimLensApi> {
  const log = new Log();
  const configFiles = new ConfigFiles(log);
  const client = new ClaimLensClient(context, log);
  running = client;
  const analyses = new ServerAnalyses(client);
  const panels = new ReportPanels(analyses, client, log);
  const statusBar = new ClaimStatusBar(client);
  // Results hover and fix only where a check ran, so one selector for every file will do.
  const sources = new SourceVerifications(context, analyses, client, log, [{ scheme: 'file' }, { scheme: 'untitled' }]);
  panels.sourceResults = (uri, text) => sources.resultsOf(uri, text);
  panels.checkedSources = (uri) => sources.checkedOf(uri);
  panels.anySourceResults = () => sources.anyResults;
  const example = new WalkthroughExample(context.extensionUri, analyses);
  let prompts: Prompts = editorPrompts;

  context.subscriptions.push(
    log,
    configFiles,
    client,
    analyses,
    panels,
    statusBar,
    sources,
    sources.onDidChange((uri) => panels.refreshArticle(uri)),
    sources.onDidFinishRun(() => void panels.refreshWorkspace().catch((cause: unknown) => log.error('Could not refresh the workspace report.', cause))),
    registerFixCommands(analyses, configFiles, () => prompts, log),
    client.onDidChangeStatus((status) => {
      const skip = status.notAnalysed;
      if (!skip || skip.reason === 'failed') return;
      const uri = vscode.Uri.parse(status.uri);
      const name = vscode.workspace.asRelativePath(uri);
      if (skip.reason === 'too-large') {
        log.warn(`Skipped ${name}: ${Math.round(skip.sizeKB)} KB is over claimlens.maxFileSizeKB (${skip.limitKB} KB).`);
        if (!warnedOnce(uri, 'too-large')) return;
        void vscode.window
          .showWarningMessage(`Claim Lens skipped ${name}: at ${Math.round(skip.sizeKB)} KB it is larger than claimlens.maxFileSizeKB (${skip.limitKB} KB).`, 'Open Settings')
          .then((choice) => (choice ? vscode.commands.executeCommand('workbench.action.openSettings', 'claimlens.maxFileSizeKB') : undefined));
      }
      if (skip.reason === 'timed-out') {
        log.warn(`The analysis of ${name} took longer than ${skip.limitMs / 1000} s and was stopped.`);
        if (!warnedOnce(uri, 'timed-out')) return;
        void vscode.window
          .showWarningMessage(
            `Claim Lens stopped analysing ${name}: it took longer than ${skip.limitMs / 1000} s (claimlens.analysisTimeLimitSeconds). Its claims are not shown.`,
            'Open Settings',
            'Show Output',
          )
          .then((choice) => {
            if (choice === 'Open Settings') return vscode.commands.executeCommand('workbench.action.openSettings', 'claimlens.analysisTimeLimitSeconds');
            if (choice === 'Show Output') log.show();
            return undefined;
          });
      }
    }),
    command('claimlens.showReport', log, (uri?: vscode.Uri) => panels.showArticle(uri instanceof vscode.Uri ? uri : undefined)),
    command('claimlens.showWorkspaceReport', log, () => panels.showWorkspace()),
    command('claimlens.exportReport', log, (args?: ExportArgs) =>
      exportReport(analyses, client, panels, args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : {})),
    command('claimlens.nextUncitedClaim', log, () => goToUncitedClaim(analyses, 1)),
    command('claimlens.previousUncitedClaim', log, () => goToUncitedClaim(analyses, -1)),
    command('claimlens.showOutput', log, async () => log.show()),
    command('claimlens.openExample', log, (step?: ExampleStep) => example.open(step === 'hover' || step === 'fix' ? step : 'open')),
  );

  /** Whether to warn about a document: once per document and reason, until it is closed. */
  const warned = new Set<string>();
  const warnedOnce = (uri: vscode.Uri, reason: string): boolean => {
    const key = `${reason}\u0000${uri.toString()}`;
    if (warned.has(key)) return false;
    warned.add(key);
    return true;
  };
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => {
    for (const key of [...warned]) if (key.endsWith(`\u0000${d.uri.toString()}`)) warned.delete(key);
  }));

  try {
    await client.start();
  } catch (cause) {
    log.error('The Claim Lens language server could not start.', cause);
    void vscode.window.showErrorMessage('Claim Lens: the language server could not start; see the output for why.', 'Show Output').then((choice) => (choice ? log.show() : undefined));
  }
  void configFiles.checkAll();

  return {
    analysisOf: async (uri) => (await analyses.ensure(await vscode.workspace.openTextDocument(uri)))?.analysis,
    lastReport: () => panels.lastArticle,
    lastWorkspaceReport: () => panels.lastWorkspace,
    statusBarText: () => statusBar.text,
    sourceResults: (uri) => sources.resultsOf(uri),
    sourcesStatusText: () => sources.statusText,
    cancelSourceVerification: () => sources.cancel(),
    setPrompts: (p) => {
      prompts = p ?? editorPrompts;
    },
    serverProcessId: async () => (await client.serverInfo()).pid,
  };
}

/** Stops the language server, so it does not outlive the extension host. */
export async function deactivate(): Promise<void> {
  await running?.dispose();
  running = undefined;
}

/** Registers a command whose failures go to the output channel with their cause. */
function command<A extends unknown[], R>(id: string, log: Log, run: (...args: A) => Promise<R>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: A) => {
    try {
      return await run(...args);
    } catch (cause) {
      log.error(`${id} failed.`, cause);
      void vscode.window.showErrorMessage(`Claim Lens: ${cause instanceof Error ? cause.message : String(cause)}`);
      return undefined;
    }
  });
}
