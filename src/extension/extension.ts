import * as vscode from 'vscode';
import type { Analysis, SourceVerification } from '../core/index';
import { createIncrementalAnalyser } from './analyser';
import { Bibliographies } from './bibliographies';
import { ClaimCodeActionProvider } from './code-actions';
import { ConfigFiles } from './config-files';
import { ClaimDiagnostics } from './diagnostics';
import { DocumentAnalyses } from './document-analyses';
import { readEditorSettings } from './editor-settings';
import { exportReport, type ExportArgs } from './export-report';
import { registerFixCommands } from './fix-commands';
import { ClaimHoverProvider } from './hover';
import { CitationCompletionProvider } from './key-completion';
import { CitationDefinitionProvider } from './key-definition';
import { Log } from './log';
import { goToUncitedClaim } from './navigation';
import { editorPrompts, type Prompts } from './prompts';
import { ReportPanels } from './report-panel';
import type { ArticleReportModel, WorkspaceReportModel } from './report-model';
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
}

export function activate(context: vscode.ExtensionContext): ClaimLensApi {
  const log = new Log();
  const configFiles = new ConfigFiles(log);
  const bibliographies = new Bibliographies(log);
  const analyses = new DocumentAnalyses(createIncrementalAnalyser(), configFiles, bibliographies, log);
  const panels = new ReportPanels(analyses, log);
  const diagnostics = new ClaimDiagnostics(analyses);
  const statusBar = new ClaimStatusBar(analyses, diagnostics);
  // Results hover and fix only where a check ran, so one selector for every file will do.
  const sources = new SourceVerifications(context, analyses, log, [{ scheme: 'file' }, { scheme: 'untitled' }]);
  panels.sourceResults = (uri, text) => sources.resultsOf(uri, text);
  const example = new WalkthroughExample(context.extensionUri, analyses);
  let prompts: Prompts = editorPrompts;

  context.subscriptions.push(
    log,
    configFiles,
    bibliographies,
    analyses,
    panels,
    statusBar,
    sources,
    sources.onDidChange((uri) => panels.refreshArticle(uri)),
    sources.onDidFinishRun(() => panels.refreshWorkspace()),
    diagnostics,
    registerProviders(analyses, bibliographies),
    registerFixCommands(analyses, configFiles, () => prompts, log),
    analyses.onDidSkip((skip) => {
      const name = vscode.workspace.asRelativePath(skip.document.uri);
      log.warn(`Skipped ${name}: ${Math.round(skip.sizeKB)} KB is over claimlens.maxFileSizeKB (${skip.limitKB} KB).`);
      void vscode.window
        .showWarningMessage(
          `Claim Lens skipped ${name}: at ${Math.round(skip.sizeKB)} KB it is larger than claimlens.maxFileSizeKB (${skip.limitKB} KB).`,
          'Open Settings',
        )
        .then((choice) => (choice ? vscode.commands.executeCommand('workbench.action.openSettings', 'claimlens.maxFileSizeKB') : undefined));
    }),
    command('claimlens.showReport', log, (uri?: vscode.Uri) => panels.showArticle(uri instanceof vscode.Uri ? uri : undefined)),
    command('claimlens.showWorkspaceReport', log, () => panels.showWorkspace()),
    command('claimlens.exportReport', log, (args?: ExportArgs) => exportReport(analyses, panels, args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : {})),
    command('claimlens.nextUncitedClaim', log, () => goToUncitedClaim(analyses, 1)),
    command('claimlens.previousUncitedClaim', log, () => goToUncitedClaim(analyses, -1)),
    command('claimlens.showOutput', log, async () => log.show()),
    command('claimlens.openExample', log, (step?: ExampleStep) => example.open(step === 'hover' || step === 'fix' ? step : 'open')),
  );

  analyses.start();
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
  };
}

export function deactivate(): void {}

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

/**
 * Registers the hover, quick-fix, citation key completion and definition
 * providers for the languages in `claimlens.enabledLanguageIds` (of every
 * folder) and for the open JSON and XML documents that are WordPress posts,
 * again when either changes.
 */
function registerProviders(analyses: DocumentAnalyses, bibliographies: Bibliographies): vscode.Disposable {
  let registered: vscode.Disposable | undefined;
  let key = '';
  const register = (): void => {
    const scopes: (vscode.Uri | undefined)[] = vscode.workspace.workspaceFolders?.map((f) => f.uri) ?? [];
    const languages = new Set<string>();
    for (const scope of [undefined, ...scopes]) for (const id of readEditorSettings(scope).enabledLanguageIds) languages.add(id);
    // JSON and XML documents only where they are WordPress posts: each by its own path.
    const posts = analyses.wordPressDocuments().filter((d) => !/[*?[\]{}]/u.test(d.uri.path));
    const next = [...languages].sort().join(',') + '|' + posts.map((d) => d.uri.toString()).sort().join(',');
    if (next === key && registered) return;
    key = next;
    registered?.dispose();
    const selector: vscode.DocumentSelector = [
      ...[...languages].map((language) => ({ language })),
      ...posts.map((d) => ({ language: d.languageId, pattern: new vscode.RelativePattern(vscode.Uri.joinPath(d.uri, '..'), d.uri.path.slice(d.uri.path.lastIndexOf('/') + 1)) })),
    ];
    registered = vscode.Disposable.from(
      vscode.languages.registerHoverProvider(selector, new ClaimHoverProvider(analyses)),
      vscode.languages.registerCodeActionsProvider(selector, new ClaimCodeActionProvider(analyses), ClaimCodeActionProvider.metadata),
      vscode.languages.registerCompletionItemProvider(selector, new CitationCompletionProvider(analyses), ...CitationCompletionProvider.triggerCharacters),
      vscode.languages.registerDefinitionProvider(selector, new CitationDefinitionProvider(analyses, bibliographies)),
    );
  };
  register();
  const listeners = vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('claimlens.enabledLanguageIds')) register();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => register()),
    analyses.onDidChangeWordPressDocuments(() => register()),
  );
  return new vscode.Disposable(() => {
    listeners.dispose();
    registered?.dispose();
  });
}
