import * as vscode from 'vscode';
import type { ClaimDiagnostics } from './diagnostics';
import type { DocumentAnalyses } from './document-analyses';
import { readEditorSettings } from './editor-settings';

/** "12 claims · 3 uncited" for the active article; hidden for other files. Clicking opens the report. */
export class ClaimStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('claimlens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly diagnostics: ClaimDiagnostics,
  ) {
    this.item.name = 'Claim Lens';
    this.item.command = 'claimlens.showReport';
    const refreshIfActive = (uri: vscode.Uri): void => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.refresh();
    };
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      analyses.onDidAnalyse((entry) => refreshIfActive(entry.document.uri)),
      analyses.onDidSkip((skip) => refreshIfActive(skip.document.uri)),
      analyses.onDidForget((uri) => refreshIfActive(uri)),
      diagnostics.onDidChangeHidden((uri) => refreshIfActive(uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('claimlens')) this.refresh();
      }),
    );
    this.refresh();
  }

  /** The text shown, or undefined when hidden. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.analyses.isArticle(document) || !readEditorSettings(document.uri).statusBar) return this.hide();
    const skip = this.analyses.skipOf(document);
    if (skip) {
      this.item.text = '$(warning) Claim Lens: file too large';
      this.item.tooltip = `Not analysed: ${Math.round(skip.sizeKB)} KB is over claimlens.maxFileSizeKB (${skip.limitKB} KB).`;
      return this.show();
    }
    const entry = this.analyses.current(document);
    if (!entry) return; // keep the last figures until the new analysis lands
    const claims = entry.analysis.claims;
    const count = (status: string): number => claims.filter((c) => c.status === status).length;
    const uncited = count('uncited');
    const hidden = this.diagnostics.hiddenCount(document.uri);
    const notShown = hidden ? ` · ${hidden.toLocaleString('en-US')} not shown` : '';
    this.item.text = `$(${uncited ? 'warning' : 'pass'}) ${claims.length} claim${claims.length === 1 ? '' : 's'} · ${uncited} uncited${notShown}`;
    const tooltip = new vscode.MarkdownString(
      `**Claim Lens**\n\n${count('cited')} cited · ${count('attributed')} attributed · ${uncited} uncited · ${count('ignored')} ignored` +
        `${entry.analysis.problems.length ? `\n\n${entry.analysis.problems.length} broken source(s)` : ''}` +
        `${hidden ? `\n\n${hidden.toLocaleString('en-US')} findings not shown: the editor shows 1,000 per file, uncited claims and those nearest the view first. The report lists them all.` : ''}` +
        '\n\nClick to open the report.',
    );
    tooltip.isTrusted = false;
    this.item.tooltip = tooltip;
    this.show();
  }

  private show(): void {
    this.visible = true;
    this.item.show();
  }

  private hide(): void {
    this.visible = false;
    this.item.hide();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
