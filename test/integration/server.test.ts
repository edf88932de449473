// The language server runs in its own process: when that process dies, the
// client starts it again and open articles are analysed as before.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { claimLens, openFixture, rangeOf, waitFor, waitForDiagnostics, workspaceKind } from './claimlens-helpers';

/** Whether a process with this id runs (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (workspaceKind === 'single') {
  describe('language server', () => {
    it('runs in a process of its own, apart from the extension host', async () => {
      const pid = await (await claimLens()).serverProcessId();
      assert.ok(Number.isInteger(pid) && pid > 0, `pid ${pid}`);
      assert.notEqual(pid, process.pid);
      assert.ok(alive(pid));
    });

    it('is started again when its process is killed, and the open article is analysed by the new one', async function () {
      this.timeout(60_000);
      const api = await claimLens();
      const editor = await openFixture('bakery-openings.md');
      const { document } = editor;
      await waitForDiagnostics(document.uri, (ds) => ds.length === 6, 'the article analysed');
      const before = await api.serverProcessId();
      // What the status bar says while the server is down and coming back.
      const shown = new Set<string>();
      const watch = setInterval(() => shown.add(api.statusBarText() ?? '(hidden)'), 5);
      process.kill(before, 'SIGKILL');
      await waitFor(() => !alive(before), 'the killed server to be gone');
      const after = await waitFor(async () => {
        const pid = await api.serverProcessId().catch(() => undefined);
        return pid !== undefined && pid !== before ? pid : undefined;
      }, 'a new server process', 30_000);
      clearInterval(watch);
      assert.ok(alive(after));
      assert.ok([...shown].includes('$(sync~spin) Claim Lens: restarting'), `the status bar showed ${[...shown].join(' | ')}`);
      // An edit is analysed by the new server: its uncited claim gets a diagnostic and the status bar counts it.
      const original = document.getText();
      const end = document.positionAt(original.length);
      assert.ok(await editor.edit((b) => b.insert(end, '\nProfit rose 7% as well.\n')));
      try {
        const seven = rangeOf(document, '7%');
        await waitForDiagnostics(
          document.uri,
          (ds) => ds.length === 7 && ds.some((d) => d.range.isEqual(new vscode.Range(...seven)) && typeof d.code === 'object' && d.code.value === 'uncited-claim'),
          'the new claim squiggled by the new server',
          30_000,
        );
        await waitFor(() => api.statusBarText()?.endsWith('7 claims · 3 uncited'), 'the status bar to count the new claim');
      } finally {
        await vscode.commands.executeCommand('undo');
        await waitFor(() => document.getText() === original, 'the undo');
      }
    });
  });
}
