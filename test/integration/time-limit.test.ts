// claimlens.analysisTimeLimitSeconds as a writer sets it: an article whose
// analysis runs longer is stopped and the status bar says so, while the
// other articles are still analysed and hovered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { generateArticle } from '../../bench/generate';
import { claimLens, claimLensDiagnostics, openFixture, rangeOf, setSetting, waitFor, workspaceKind } from './claimlens-helpers';

if (workspaceKind === 'single') {
  describe('the analysis time limit', function () {
    this.timeout(90_000);
    let big: vscode.Uri;

    before(async () => {
      const root = vscode.workspace.workspaceFolders?.[0]?.uri;
      assert.ok(root, 'a workspace folder');
      big = vscode.Uri.joinPath(root, 'time-limit', 'long-read.txt');
      // About 6 MB of news prose, as plain text (which no other extension here parses): seconds of analysis on any machine, far over a one-second limit.
      await vscode.workspace.fs.writeFile(big, new TextEncoder().encode(generateArticle(6 * 1024 * 1024, 5).text));
      await setSetting('analysisTimeLimitSeconds', 1);
    });

    after(async () => {
      // Emptied first: with the limit back at 20 s, the server would otherwise analyse the open 6 MB article again while the next tests run.
      await vscode.workspace.fs.writeFile(big, new Uint8Array());
      const emptied = (): boolean => !vscode.workspace.textDocuments.some((d) => d.uri.toString() === big.toString() && d.getText().length > 0);
      await waitFor(emptied, 'the long article to be emptied', 15_000).catch(() => undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await setSetting('analysisTimeLimitSeconds', undefined);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(big, '..'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    });

    it('stops an article over claimlens.analysisTimeLimitSeconds and says so in the status bar; other articles are still hovered', async () => {
      const api = await claimLens();
      const opened = Date.now();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(big), { preview: false });
      await waitFor(() => api.statusBarText() === '$(warning) Claim Lens: analysis took too long', `the status bar to say the analysis was stopped (now "${api.statusBarText()}")`, 60_000);
      // Stopped at the setting's limit, not at the default 20 s.
      assert.ok(Date.now() - opened < 15_000, `stopped after ${Date.now() - opened} ms`);
      assert.deepEqual(claimLensDiagnostics(big), []);

      const { document } = await openFixture('bakery-openings.md');
      const [line, character] = rangeOf(document, '$4 billion');
      const markdown = await waitFor(async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character + 1));
        const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
        return text.includes('**Claim Lens**') ? text : undefined;
      }, 'a Claim Lens hover on "$4 billion"', 30_000);
      // The card as a reader sees it, Markdown's backslash escapes taken away.
      assert.ok(markdown.replace(/\\(.)/gu, '$1').includes('**$4 billion** — money · US$ 4,000,000,000'), markdown);
      await waitFor(() => api.statusBarText()?.endsWith('6 claims · 2 uncited'), `the status bar for bakery-openings.md (now "${api.statusBarText()}")`, 30_000);
    });
  });
}
