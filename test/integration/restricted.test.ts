// A folder from a stranger, opened in Restricted Mode: its .claimlensrc.json
// and .vscode/settings.json hold an ignore pattern that backtracks without
// bound, and one article names /dev/zero as its bibliography. Claim Lens
// declares itself safe in untrusted workspaces, so the folder's other
// articles must still be analysed in the usual time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectDiagnostics, openFixture, rangeOf, waitForDiagnostics, workspaceKind } from './claimlens-helpers';

if (workspaceKind === 'restricted') {
  describe('Restricted Mode: a hostile folder', () => {
    it('is open untrusted, with the hostile settings in place', async () => {
      assert.equal(vscode.workspace.isTrusted, false);
      const [config] = await vscode.workspace.findFiles('.claimlensrc.json');
      assert.ok(config, 'the folder has its .claimlensrc.json');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
      assert.deepEqual(JSON.parse(text), { ignorePatterns: ['^(?:.|.|.|.|.|.|.|.)*x$'] });
    });

    it('reports the claims of a normal article in the usual time, beside a ReDoS ignore pattern and a /dev/zero bibliography', async () => {
      // The hostile article first, so that its bibliography is being read while the normal one is analysed.
      const hostile = await openFixture('zero-bibliography.md');
      const normal = await openFixture('normal.md');
      // Native regular expressions take seconds on 9 characters with this pattern, and for ever on "over $40 billion".
      await expectDiagnostics(normal.document.uri, [
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(normal.document, 'over $40 billion') },
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(normal.document, '20,000') },
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(normal.document, '4%') },
      ]);
      // The hostile article is analysed too: its uncited claim is reported.
      const workers = rangeOf(hostile.document, '3,200');
      await waitForDiagnostics(
        hostile.document.uri,
        (ds) => ds.some((d) => d.range.isEqual(new vscode.Range(...workers)) && typeof d.code === 'object' && d.code.value === 'uncited-claim'),
        'the uncited claim of the article that names /dev/zero',
      );
    });

    it('keeps analysing as the normal article is edited', async () => {
      const editor = await openFixture('normal.md');
      const end = editor.document.positionAt(editor.document.getText().length);
      assert.ok(await editor.edit((edit) => edit.insert(end, '\nWages rose 7% too.\n')));
      try {
        await expectDiagnostics(editor.document.uri, [
          { code: 'uncited-claim', severity: 'warning', range: rangeOf(editor.document, 'over $40 billion') },
          { code: 'uncited-claim', severity: 'warning', range: rangeOf(editor.document, '20,000') },
          { code: 'uncited-claim', severity: 'warning', range: rangeOf(editor.document, '4%') },
          { code: 'uncited-claim', severity: 'warning', range: rangeOf(editor.document, '7%') },
        ]);
      } finally {
        await vscode.commands.executeCommand('undo');
      }
    });
  });
}
