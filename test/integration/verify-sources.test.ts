import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { claimLens, rangeOf, waitFor, workspaceKind } from './claimlens-helpers';

const filler = 'The grid operator reviews the whole electricity system each year, region by region, and sets out its method in the notes at the end.';

if (workspaceKind === 'single') {
  describe('verify sources', () => {
    let server: Server;
    let base = '';
    let requests = 0;

    before(async () => {
      server = createServer((req, res) => {
        requests++;
        const path = (req.url ?? '').split('?')[0];
        if (path === '/solar') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(`<html><body><p>${filler}</p><p>Spain saw its solar output climb 67 per cent last year.</p><p>${filler}</p></body></html>`);
        } else if (path === '/wayback/available') {
          const asked = new URL(req.url ?? '', 'http://x').searchParams.get('url');
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ archived_snapshots: { closest: { status: '200', available: true, url: `http://archive.test/web/2024/${asked}` } } }));
        } else {
          res.writeHead(404);
          res.end();
        }
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await vscode.workspace.getConfiguration('claimlens').update('verify.archiveApi', `${base}/wayback/available`, vscode.ConfigurationTarget.Global);
    });

    after(async () => {
      await vscode.workspace.getConfiguration('claimlens').update('verify.archiveApi', undefined, vscode.ConfigurationTarget.Global);
      server.close();
    });

    it('checks an article against the local server: the hover and the report show what the sources say, and the dead link\'s quick fix uses the archived copy', async () => {
      const api = await claimLens();
      const content = [
        `Solar output rose [67%](${base}/solar) in Spain last year.`,
        '',
        `Hydro output fell [8%](${base}/gone) after the drought.`,
        '',
      ].join('\n');
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
      await vscode.window.showTextDocument(document, { preview: false });
      await waitFor(async () => (await api.analysisOf(document.uri))?.claims.length === 2, 'the article analysed');

      // Opening and analysing an article fetches nothing: only the command does.
      assert.equal(requests, 0);
      await vscode.commands.executeCommand('claimlens.verifySources');
      const results = await waitFor(() => api.sourceResults(document.uri), 'the sources verified');
      assert.deepEqual(results.map((r) => r.status), ['supported', 'unreachable']);
      assert.equal(api.sourcesStatusText(), '$(search-stop) 0 not in source · 1 dead');

      const [line, character] = rangeOf(document, '67%');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character + 1));
      const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.ok(text.includes('**Source says** · supported'), text);
      assert.ok(text.includes('**67 per cent**'), text);
      assert.ok(text.includes(`[Open the passage](${base}/solar#:~:text=`), text);

      const report = await vscode.commands.executeCommand<{ claims: { text: string; sourceSays?: { label: string } }[] }>('claimlens.showReport', document.uri);
      assert.deepEqual(report?.claims.map((c) => c.sourceSays?.label), ['Supported', 'Dead source']);
      await vscode.window.showTextDocument(document, { preview: false });

      const dead = vscode.languages.getDiagnostics(document.uri).find((d) => typeof d.code === 'object' && d.code.value === 'dead-source');
      assert.ok(dead, 'a dead-source diagnostic');
      assert.equal(dead.severity, vscode.DiagnosticSeverity.Warning);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, dead.range);
      const fix = actions?.find((a) => a.title === 'Use the archived copy of this source');
      assert.ok(fix?.edit, `actions: ${actions?.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(document.getText().includes(`[8%](http://archive.test/web/2024/${base}/gone)`), document.getText());
      // The edit drops the results: they held for the text that was checked.
      await waitFor(() => api.sourceResults(document.uri) === undefined, 'the results dropped after the edit');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
}
