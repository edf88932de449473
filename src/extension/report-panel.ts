import * as vscode from 'vscode';
import type { Analysis, SourceVerification } from '../core/index';
import { decodeText } from '../workspace/decode';
import type { ClaimLensClient } from './client';
import type { Log } from './log';
import type { AnalysedDocument, ServerAnalyses } from './server-analyses';
import { renderArticleReport, renderWorkspaceReport } from './report-html';
import { buildArticleReport, buildWorkspaceReportFromJson, sourceSaysCountsOf, type ArticleReportModel, type SourceSaysCounts, type WorkspaceReportModel } from './report-model';
import { scanWorkspace, scanWorkspaceAnalyses, type AnalysedScanFile, type ReportScan, type WorkspaceScan } from './workspace-scan';

/** What checking an article's sources found, for the text it was checked at. */
export interface CheckedSources {
  readonly text: string;
  readonly analysis: Analysis;
  readonly verifications: readonly SourceVerification[];
}

type Message =
  | { type: 'reveal'; claimId: string }
  | { type: 'revealPosition'; line: number; column: number }
  | { type: 'open'; uri: string }
  | { type: 'export' };

function nonce(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The report webviews, each in an editor tab of its own: one for the article
 * (beside it, kept up to date as it is analysed again), one for the whole
 * workspace. The pages are rendered from the report models alone. The last model
 * shown is kept, and returned by the commands, so it can be read back.
 */
export class ReportPanels implements vscode.Disposable {
  private articlePanel: vscode.WebviewPanel | undefined;
  private articleUri: vscode.Uri | undefined;
  private workspacePanel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last article report rendered. */
  lastArticle: ArticleReportModel | undefined;
  /** The last workspace report rendered. */
  lastWorkspace: WorkspaceReportModel | undefined;
  /** The files of the last workspace report, for exports. */
  lastScan: ReportScan | undefined;
  /** What *Verify Sources* found for an article as it stands (with `text`, as it reads in `text`), for the "Source says" column. */
  sourceResults: (uri: vscode.Uri, text?: string) => readonly SourceVerification[] | undefined = () => undefined;
  /** What *Verify Sources* found for an article, with the text and analysis it checked. */
  checkedSources: (uri: vscode.Uri) => CheckedSources | undefined = () => undefined;

  constructor(
    private readonly analyses: ServerAnalyses,
    private readonly client: ClaimLensClient,
    private readonly log: Log,
  ) {
    this.disposables.push(
      // The article's report follows the article as the server analyses it again.
      analyses.onDidChange((uri) => {
        if (this.articlePanel && this.articleUri?.toString() === uri.toString()) void this.refreshFromServer(uri);
      }),
    );
  }

  private async refreshFromServer(uri: vscode.Uri): Promise<void> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const entry = document ? await this.analyses.ensure(document).catch(() => undefined) : undefined;
    if (entry && this.articlePanel && this.articleUri?.toString() === uri.toString()) this.renderArticle(entry);
  }

  /** Shows the report of `uri` (default: the active editor's article); resolves to the model shown. */
  async showArticle(uri?: vscode.Uri): Promise<ArticleReportModel | undefined> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Claim Lens: open an article to see its report.');
      return undefined;
    }
    const entry = await this.analyses.ensure(document);
    if (!entry) {
      const skip = this.analyses.notAnalysedOf(document);
      void vscode.window.showInformationMessage(
        skip?.reason === 'too-large'
          ? `Claim Lens: ${this.nameOf(document.uri)} is larger than claimlens.maxFileSizeKB (${skip.limitKB} KB) and was not analysed.`
          : skip?.reason === 'timed-out'
            ? `Claim Lens: the analysis of ${this.nameOf(document.uri)} took longer than ${skip.limitMs / 1000} s (claimlens.analysisTimeLimitSeconds) and was stopped.`
            : `Claim Lens does not read ${this.nameOf(document.uri)} (language "${document.languageId}"; see claimlens.enabledLanguageIds).`,
      );
      return undefined;
    }
    if (!this.articlePanel) {
      this.articlePanel = vscode.window.createWebviewPanel('claimlens.report', 'Claim Lens', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.articlePanel.onDidDispose(() => (this.articlePanel = undefined), undefined, this.disposables);
      this.articlePanel.webview.onDidReceiveMessage((m: Message) => this.onMessage(m, 'article'), undefined, this.disposables);
    } else {
      this.articlePanel.reveal(undefined, true);
    }
    this.articleUri = document.uri;
    return this.renderArticle(entry);
  }

  /** Scans the workspace (cancellable, with progress) and shows the workspace report; resolves to the model shown. */
  async showWorkspace(): Promise<WorkspaceReportModel | undefined> {
    const scan = await this.scan();
    if (!scan) return undefined;
    const model = await this.workspaceModel(scan);
    if (!this.workspacePanel) {
      this.workspacePanel = vscode.window.createWebviewPanel('claimlens.workspaceReport', 'Claim Lens: workspace', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.workspacePanel.onDidDispose(() => (this.workspacePanel = undefined), undefined, this.disposables);
      this.workspacePanel.webview.onDidReceiveMessage((m: Message) => this.onMessage(m, 'workspace'), undefined, this.disposables);
    } else {
      this.workspacePanel.reveal();
    }
    this.workspacePanel.webview.html = renderWorkspaceReport(model, { nonce: nonce(), cspSource: this.workspacePanel.webview.cspSource });
    return model;
  }

  /** Renders the open workspace report again from its scan, with what *Verify Sources* found since. */
  async refreshWorkspace(): Promise<void> {
    if (!this.workspacePanel || !this.lastScan) return;
    const model = await this.workspaceModel(this.lastScan);
    if (!this.workspacePanel) return;
    this.workspacePanel.webview.html = renderWorkspaceReport(model, { nonce: nonce(), cspSource: this.workspacePanel.webview.cspSource });
  }

  /** The scan's files with what *Verify Sources* found for each, where it checked the text the scan read. */
  withSourceResults(scan: WorkspaceScan<AnalysedScanFile>): (AnalysedScanFile & { verifications?: readonly SourceVerification[] })[] {
    return scan.files.map((file) => {
      const verifications = this.sourceResults(vscode.Uri.parse(file.uri), file.text);
      return verifications ? { ...file, verifications } : file;
    });
  }

  /**
   * The workspace report of a scan, with the "Source says" counts of the
   * files whose sources were checked at the text they hold now: the report
   * carries no texts, so such a file is read again (as the command line
   * reads it) to tell.
   */
  private async workspaceModel(scan: ReportScan): Promise<WorkspaceReportModel> {
    const current = new Map<string, Promise<CheckedSources | undefined>>();
    const checkedNow = (uri: string): Promise<CheckedSources | undefined> => {
      let found = current.get(uri);
      if (!found) {
        const checked = this.checkedSources(vscode.Uri.parse(uri));
        found = checked ? readsAsChecked(vscode.Uri.parse(uri), checked) : Promise.resolve(undefined);
        current.set(uri, found);
      }
      return found;
    };
    const files = await Promise.all(scan.files.map(async (file): Promise<ReportScan['files'][number] & { sourceSays?: SourceSaysCounts }> => {
      const checked = await checkedNow(file.uri);
      return checked ? { ...file, sourceSays: sourceSaysCountsOf(file.report, checked) } : file;
    }));
    const model = buildWorkspaceReportFromJson(files, scan.skipped, scan.cancelled, scan.found);
    this.lastWorkspace = model;
    return model;
  }

  /** Whether *Verify Sources* holds results for any article. */
  anySourceResults: () => boolean = () => false;

  /** Reads every article of the workspace with its text and whole analysis, under a cancellable progress notification. */
  async scanAnalyses(): Promise<WorkspaceScan<AnalysedScanFile> | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Claim Lens: open a folder to report on its articles.');
      return undefined;
    }
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Claim Lens: reading articles', cancellable: true },
      (progress, token) => scanWorkspaceAnalyses(this.client, progress, token),
    );
  }

  /** Reads the report of every article of the workspace under a cancellable progress notification. */
  async scan(): Promise<ReportScan | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Claim Lens: open a folder to report on its articles.');
      return undefined;
    }
    const scan = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Claim Lens: reading articles', cancellable: true },
      (progress, token) => scanWorkspace(this.client, progress, token),
    );
    this.lastScan = scan;
    return scan;
  }

  /** Renders the article report again when it shows `uri` (its sources were just checked). */
  refreshArticle(uri: vscode.Uri): void {
    if (!this.articlePanel || this.articleUri?.toString() !== uri.toString()) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const entry = document ? this.analyses.current(document) : undefined;
    if (entry) this.renderArticle(entry);
  }

  private renderArticle(entry: AnalysedDocument): ArticleReportModel {
    const model = buildArticleReport(
      entry.document.uri.toString(),
      this.nameOf(entry.document.uri),
      entry.document.getText(),
      entry.analysis,
      this.sourceResults(entry.document.uri) ?? [],
    );
    this.lastArticle = model;
    if (this.articlePanel) {
      this.articlePanel.title = `Claim Lens: ${model.name.slice(model.name.lastIndexOf('/') + 1)}`;
      this.articlePanel.webview.html = renderArticleReport(model, { nonce: nonce(), cspSource: this.articlePanel.webview.cspSource });
    }
    return model;
  }

  private nameOf(uri: vscode.Uri): string {
    return uri.scheme === 'untitled' ? uri.path : vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  private async onMessage(message: Message, from: 'article' | 'workspace'): Promise<void> {
    try {
      if (message.type === 'export') {
        const args = from === 'article' && this.articleUri ? { scope: 'article', uri: this.articleUri.toString() } : { scope: 'workspace' };
        await vscode.commands.executeCommand('claimlens.exportReport', args);
        return;
      }
      if (message.type === 'open') {
        // The file in the first column, its report beside it.
        const uri = vscode.Uri.parse(message.uri);
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, preview: false });
        await this.showArticle(uri);
        return;
      }
      if (!this.articleUri) return;
      const document = await vscode.workspace.openTextDocument(this.articleUri);
      let range: vscode.Range | undefined;
      if (message.type === 'reveal') {
        const claim = (await this.analyses.ensure(document))?.analysis.claims.find((c) => c.id === message.claimId);
        if (claim) range = new vscode.Range(document.positionAt(claim.range.start), document.positionAt(claim.range.end));
      } else {
        const at = new vscode.Position(Math.max(0, message.line - 1), Math.max(0, message.column - 1));
        range = new vscode.Range(at, at);
      }
      if (!range) return;
      const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
      const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (cause) {
      this.log.error('Could not follow a click in the report.', cause);
    }
  }

  dispose(): void {
    this.articlePanel?.dispose();
    this.workspacePanel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** `checked` when the file still reads as the text that was checked (decoded as the command line decodes it), else undefined. */
async function readsAsChecked(uri: vscode.Uri, checked: CheckedSources): Promise<CheckedSources | undefined> {
  try {
    const read = decodeText(await vscode.workspace.fs.readFile(uri));
    return read.ok && read.text === checked.text ? checked : undefined;
  } catch {
    return undefined;
  }
}
