import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { claimLens, claimLensDiagnostics, expectDiagnostics, fixture, openFixture, rangeOf, setSetting, waitFor, waitForDiagnostics, workspaceKind } from './claimlens-helpers';

if (workspaceKind === 'single') {
  describe('settings', () => {
    afterEach(async () => {
      for (const key of ['severity.uncited', 'report', 'enabledLanguageIds', 'maxFileSizeKB']) await setSetting(key, undefined);
    });

    it('claimlens.severity.uncited changes the severity at once, and "off" hides them', async () => {
      const { document } = await openFixture('harvest-notes.txt');
      await expectDiagnostics(document.uri, [
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '12%') },
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '$4 billion') },
      ]);
      await setSetting('severity.uncited', 'error');
      await expectDiagnostics(document.uri, [
        { code: 'uncited-claim', severity: 'error', range: rangeOf(document, '12%') },
        { code: 'uncited-claim', severity: 'error', range: rangeOf(document, '$4 billion') },
      ]);
      await setSetting('severity.uncited', 'off');
      await expectDiagnostics(document.uri, []);
    });

    it('claimlens.report picks the statuses reported', async () => {
      const { document } = await openFixture('bakery-openings.md');
      await waitForDiagnostics(document.uri, (ds) => ds.length === 6, 'the default diagnostics');
      await setSetting('report', ['attributed', 'cited']);
      await expectDiagnostics(document.uri, [
        { code: 'attributed-claim', severity: 'information', range: rangeOf(document, 'about 3,000') },
        { code: 'cited-claim', severity: 'hint', range: rangeOf(document, '8%') },
        { code: 'cited-claim', severity: 'hint', range: rangeOf(document, '5%') },
        { code: 'cited-claim', severity: 'hint', range: rangeOf(document, '20%') },
        { code: 'missing-footnote', severity: 'warning', range: rangeOf(document, '[^9]') },
        { code: 'empty-link', severity: 'warning', range: rangeOf(document, '[guide]()') },
        { code: 'duplicate-footnote', severity: 'warning', range: rangeOf(document, '[^1]:', 2) },
      ]);
    });

    it('claimlens.enabledLanguageIds without plaintext drops text files', async () => {
      const { document } = await openFixture('harvest-notes.txt');
      await waitForDiagnostics(document.uri, (ds) => ds.length === 2, 'the text file analysed');
      await setSetting('enabledLanguageIds', ['markdown', 'html']);
      await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'no diagnostics for plain text');
      await waitFor(async () => (await claimLens()).statusBarText() === undefined, 'the status bar to hide');
    });

    it('a document over claimlens.maxFileSizeKB is skipped with a status bar notice', async () => {
      const bakery = await fixture('bakery-openings.md');
      const large = vscode.Uri.joinPath(bakery, '..', 'large-article.md');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(bakery));
      await vscode.workspace.fs.writeFile(large, new TextEncoder().encode(text.repeat(3)));
      try {
        await setSetting('maxFileSizeKB', 1);
        const { document } = await openFixture('large-article.md');
        assert.ok(document.getText().length > 1024);
        const api = await claimLens();
        await waitFor(() => api.statusBarText() === '$(warning) Claim Lens: file too large', 'the too-large notice');
        assert.equal(await api.analysisOf(document.uri), undefined);
        assert.deepEqual(claimLensDiagnostics(document.uri), []);
        await setSetting('maxFileSizeKB', undefined);
        await waitForDiagnostics(document.uri, (ds) => ds.length === 20, 'the article analysed once the limit is back to its default: 9 claims and 11 broken sources');
        await waitFor(() => api.statusBarText()?.endsWith('18 claims · 6 uncited'), 'the figures in the status bar');
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(large);
      }
    });
  });
}
