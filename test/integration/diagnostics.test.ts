import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { claimLens, claimLensDiagnostics, expectDiagnostics, openFixture, rangeOf, undoTo, waitFor, waitForDiagnostics, workspaceKind } from './claimlens-helpers';

if (workspaceKind === 'single') {
  describe('diagnostics', () => {
    it('flags uncited and attributed claims and broken sources in Markdown, with exact ranges, codes and severities', async () => {
      const editor = await openFixture('bakery-openings.md');
      const d = editor.document;
      const lastNote = rangeOf(d, '[^1]:', 2);
      await expectDiagnostics(
        d.uri,
        [
          { code: 'uncited-claim', severity: 'warning', range: rangeOf(d, '12%'), message: 'Uncited claim "12%": no link, footnote or citation' },
          { code: 'uncited-claim', severity: 'warning', range: rangeOf(d, '$4 billion'), message: 'Uncited claim "$4 billion": no link, footnote or citation' },
          { code: 'attributed-claim', severity: 'information', range: rangeOf(d, 'about 3,000'), message: 'Attributed to Census Bureau, but no link, footnote or citation' },
          { code: 'missing-footnote', severity: 'warning', range: rangeOf(d, '[^9]'), message: 'Footnote [^9] has no definition.' },
          { code: 'empty-link', severity: 'warning', range: rangeOf(d, '[guide]()'), message: 'The link “guide” has no destination.' },
          { code: 'duplicate-footnote', severity: 'warning', range: lastNote, message: 'Footnote [^1] is defined more than once; the first definition is used.' },
        ],
        true,
      );
    });

    it('gives every diagnostic the source "Claim Lens" and a code linking to its README section', async () => {
      const editor = await openFixture('bakery-openings.md');
      const diagnostics = await waitForDiagnostics(editor.document.uri, (ds) => ds.length === 6, 'six diagnostics');
      assert.deepEqual(
        diagnostics.map((d) => {
          assert.ok(typeof d.code === 'object');
          return [d.source, String(d.code.value), d.code.target.toString(true)];
        }),
        diagnostics.map((d) => {
          const value = typeof d.code === 'object' ? String(d.code.value) : '';
          return ['Claim Lens', value, `https://github.com/claimlens/claimlens#${value}`];
        }),
      );
      const attributed = diagnostics.find((d) => typeof d.code === 'object' && d.code.value === 'attributed-claim');
      assert.deepEqual(
        attributed?.relatedInformation?.map((r) => [r.message, r.location.range.start.line]),
        [['Named here: Census Bureau', 4]],
      );
    });

    it('reads plain text and HTML articles', async () => {
      const text = (await openFixture('harvest-notes.txt')).document;
      await expectDiagnostics(text.uri, [
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(text, '12%') },
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(text, '$4 billion') },
      ]);
      const html = (await openFixture('market-page.html')).document;
      await expectDiagnostics(html.uri, [
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(html, '12%') },
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(html, '$4 billion') },
      ]);
    });

    it('follows typing: a new uncited claim appears after the debounce, and goes when undone', async () => {
      const editor = await openFixture('bakery-openings.md');
      const original = editor.document.getText();
      await waitForDiagnostics(editor.document.uri, (ds) => ds.length === 6, 'six diagnostics');
      const end = editor.document.lineAt(2).range.end;
      assert.ok(await editor.edit((b) => b.insert(end, ' Profit rose 7% as well.')));
      await expectDiagnostics(editor.document.uri, [
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(editor.document, '12%') },
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(editor.document, '$4 billion') },
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(editor.document, '7%') },
        { code: 'attributed-claim', severity: 'information', range: rangeOf(editor.document, 'about 3,000') },
        { code: 'missing-footnote', severity: 'warning', range: rangeOf(editor.document, '[^9]') },
        { code: 'empty-link', severity: 'warning', range: rangeOf(editor.document, '[guide]()') },
        { code: 'duplicate-footnote', severity: 'warning', range: rangeOf(editor.document, '[^1]:', 2) },
      ]);
      await undoTo(editor, original);
      await waitForDiagnostics(editor.document.uri, (ds) => ds.length === 6, 'the diagnostics before the edit');
    });

    it('clears the diagnostics of a document when it closes', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Revenue rose 12% to $4 billion last year.\n' });
      await vscode.window.showTextDocument(document);
      await expectDiagnostics(document.uri, [
        { code: 'uncited-claim', severity: 'warning', range: [0, 13, 0, 16] },
        { code: 'uncited-claim', severity: 'warning', range: [0, 20, 0, 30] },
      ]);
      const closed = new Promise<void>((resolve) => {
        const listener = vscode.workspace.onDidCloseTextDocument((d) => {
          if (d.uri.toString() === document.uri.toString()) {
            listener.dispose();
            resolve();
          }
        });
      });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await closed;
      await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'no diagnostics after closing');
      assert.deepEqual(claimLensDiagnostics(document.uri), []);
    });

    it('keeps the claims near the view when an article has more than 1,000 findings, and says how many are not shown', async function () {
      this.timeout(90_000);
      const lines = Array.from({ length: 1200 }, (_, i) => `Sales rose ${(i % 90) + 5}% in the quarter.`);
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${lines.join('\n\n')}\n` });
      const editor = await vscode.window.showTextDocument(document);
      const end = new vscode.Position(document.lineCount - 1, 0);
      editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenter);
      editor.selection = new vscode.Selection(end, end);
      await editor.edit((edit) => edit.insert(end, 'Costs fell 7% last week.\n'));
      const diagnostics = await waitForDiagnostics(
        document.uri,
        // The whole list, not a first partial one: VS Code's 1,000, the typed claim among them.
        (ds) => ds.length >= 1000 && ds.some((d) => d.range.start.line === end.line && d.message === 'Uncited claim "7%": no link, footnote or citation'),
        'the squiggle of the claim typed at the end',
        60_000,
      );
      assert.equal(diagnostics.length, 1000);
      assert.ok(!diagnostics.some((d) => d.range.start.line === 0), 'the first line, far from the view, kept its diagnostic');
      const api = await claimLens();
      await waitFor(() => api.statusBarText()?.endsWith('1201 claims · 1201 uncited · 201 not shown'), 'the status bar to say how many are not shown', 30_000);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
}
