import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectDiagnostics, openFixture, rangeOf, waitFor, workspaceKind } from './claimlens-helpers';

if (workspaceKind === 'single') {
  describe('bibliographies', () => {
    it('checks citation keys against the front matter bibliography', async () => {
      const { document } = await openFixture('cited-study.md');
      await expectDiagnostics(
        document.uri,
        [{ code: 'unknown-citation-key', severity: 'warning', range: rangeOf(document, '[@nosuchkey]'), message: 'No bibliography holds the citation key "nosuchkey".' }],
        true,
      );
    });

    it('shows the bibliography entry of a citation in the hover', async () => {
      const { document } = await openFixture('cited-study.md');
      const [line, character] = rangeOf(document, '2,000 tonnes');
      const markdown = await waitFor(async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character + 1));
        const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
        return text.includes('Citation @') ? text : undefined;
      }, 'a hover with the citation');
      const sourceLine = markdown.split('\n').find((l) => l.startsWith('- Citation'));
      assert.equal(
        sourceLine?.replace(/\\(.)/gu, '$1'),
        '- Citation @millstudy2024: Valley Grain Board (2024). Milling in the Valley. Valley Grain Board [https://example.org/milling](https://example.org/milling)',
      );
    });
  });
}
