import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { claimLens, expectDiagnostics, rangeOf, workspaceKind } from './claimlens-helpers';

if (workspaceKind === 'multi') {
  describe('multi-root workspace', () => {
    async function openIn(folderName: string): Promise<vscode.TextDocument> {
      await claimLens();
      const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === folderName);
      assert.ok(folder, `no folder ${folderName}`);
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'wage-survey.md'));
      await vscode.window.showTextDocument(document, { preview: false });
      return document;
    }

    it('each folder uses its own .claimlensrc.json and its own VS Code settings', async () => {
      // desk-a: report uncited only, and its folder settings make uncited claims errors.
      const a = await openIn('desk-a');
      await expectDiagnostics(a.uri, [{ code: 'uncited-claim', severity: 'error', range: rangeOf(a, '6%') }]);
      // desk-b: the same article, reporting uncited, attributed and cited claims at default severities.
      const b = await openIn('desk-b');
      await expectDiagnostics(b.uri, [
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(b, '6%') },
        { code: 'attributed-claim', severity: 'information', range: rangeOf(b, 'about 3,000') },
        { code: 'cited-claim', severity: 'hint', range: rangeOf(b, '5%') },
      ]);
    });

    it('the workspace report covers every folder', async () => {
      const model = await vscode.commands.executeCommand<{ files: { path: string }[] }>('claimlens.showWorkspaceReport');
      const paths = model.files.map((f) => f.path).sort();
      assert.ok(paths.includes('desk-a/wage-survey.md') && paths.includes('desk-b/wage-survey.md'), paths.join(', '));
    });
  });
}
