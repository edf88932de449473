import * as vscode from 'vscode';
import type { ClaimLensClient } from './client';
import { readEditorSettings } from './editor-settings';

/**
 * "12 claims · 3 uncited" for the active article, from the counts the
 * language server sends with its diagnostics; hidden for other files.
 * Clicking opens the report. While the server is being started again after
 * a crash, it says so.
 */
export class ClaimStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('claimlens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private visible = false;

  constructor(private readonly client: ClaimLensClient) {
    this.item.name = 'Claim Lens';
    this.item.command = 'claimlens.showReport';
    const refreshIfActive = (uri: vscode.Uri | string): void => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.refresh();
    };
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      client.onDidChangeStatus((status) => refreshIfActive(status.uri)),
      client.onDidChangeHidden((uri) => refreshIfActive(uri)),
      client.onDidChangeState(() => this.refresh()),
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

  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.client.reads(document) || !readEditorSettings(document.uri).statusBar) return this.hide();
    if (this.client.state === 'restarting' || this.client.state === 'stopped') {
      const restarting = this.client.state === 'restarting';
      this.item.text = restarting ? '$(sync~spin) Claim Lens: restarting' : '$(error) Claim Lens: stopped';
      this.item.tooltip = restarting
        ? 'The Claim Lens language server stopped and is being started again; the figures come back once it has read the article.'
        : 'The Claim Lens language server stopped too often and was not started again. Reload the window to try again.';
      return this.show();
    }
    const status = this.client.statusOf(document.uri);
    if (!status) {
      // An article whose status the server has not sent: keep the last figures until it does; anything else hides.
      if (!this.visible || this.item.text.startsWith('$(sync') || this.item.text.startsWith('$(error)')) this.hide();
      return;
    }
    if (status.notAnalysed?.reason === 'too-large') {
      this.item.text = '$(warning) Claim Lens: file too large';
      this.item.tooltip = `Not analysed: ${Math.round(status.notAnalysed.sizeKB)} KB is over claimlens.maxFileSizeKB (${status.notAnalysed.limitKB} KB).`;
      return this.show();
    }
    if (status.notAnalysed?.reason === 'timed-out') {
      this.item.text = '$(warning) Claim Lens: analysis took too long';
      this.item.tooltip = `The analysis of this article was stopped after ${(status.notAnalysed.limitMs / 1000).toLocaleString('en-US')} s (claimlens.analysisTimeLimitSeconds). See the output for more.`;
      return this.show();
    }
    if (status.notAnalysed?.reason === 'failed') {
      this.item.text = '$(warning) Claim Lens: analysis failed';
      this.item.tooltip = status.notAnalysed.message;
      return this.show();
    }
    const counts = status.counts;
    if (!counts) return this.hide();
    const hidden = this.client.hiddenCount(document.uri);
    const notShown = hidden ? ` · ${hidden.toLocaleString('en-US')} not shown` : '';
    this.item.text = `$(${counts.uncited ? 'warning' : 'pass'}) ${counts.claims} claim${counts.claims === 1 ? '' : 's'} · ${counts.uncited} uncited${notShown}`;
    const tooltip = new vscode.MarkdownString(
      `**Claim Lens**\n\n${counts.cited} cited · ${counts.attributed} attributed · ${counts.uncited} uncited · ${counts.ignored} ignored` +
        `${counts.problems ? `\n\n${counts.problems} broken source(s)` : ''}` +
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
