import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectDiagnostics, fixture, openFixture, rangeOf, waitForDiagnostics, workspaceKind } from './claimlens-helpers';

if (workspaceKind === 'single') {
  describe('.claimlensrc.json', () => {
    it('a field of the wrong type is a diagnostic at the field, and the valid fields still apply', async () => {
      const rc = await fixture('desk-config/.claimlensrc.json');
      const diagnostics = await waitForDiagnostics(rc, (ds) => ds.length > 0, 'a diagnostic in the configuration file');
      assert.deepEqual(
        diagnostics.map((d) => [typeof d.code === 'object' ? d.code.value : d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message.startsWith('"report": ')]),
        [['config-error', vscode.DiagnosticSeverity.Error, 2, 2, 10, true]],
      );
      // ignorePatterns ["^\\$"] holds, so "$9 million" is ignored; "report" falls back to uncited + attributed.
      const { document } = await openFixture('desk-config/bridge-repairs.md');
      await expectDiagnostics(document.uri, [
        { code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '14%') },
        { code: 'attributed-claim', severity: 'information', range: rangeOf(document, 'About 2,500') },
      ]);
    });

    it('an edited configuration file takes effect, and a fixed one loses its diagnostic', async () => {
      const rc = await fixture('desk-config/.claimlensrc.json');
      const original = await vscode.workspace.fs.readFile(rc);
      const { document } = await openFixture('desk-config/bridge-repairs.md');
      await waitForDiagnostics(document.uri, (ds) => ds.length === 2, 'the diagnostics under the broken file');
      try {
        await vscode.workspace.fs.writeFile(rc, new TextEncoder().encode('{ "report": ["uncited"] }\n'));
        await expectDiagnostics(document.uri, [
          { code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '$9 million') },
          { code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '14%') },
        ]);
        await waitForDiagnostics(rc, (ds) => ds.length === 0, 'no diagnostic in the fixed file');
      } finally {
        await vscode.workspace.fs.writeFile(rc, original);
      }
      await waitForDiagnostics(document.uri, (ds) => ds.length === 2, 'the diagnostics under the restored file');
    });
  });
}
