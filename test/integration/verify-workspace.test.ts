import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { claimLens, waitFor, workspaceKind } from './claimlens-helpers';

const filler = 'The statistics office reviews wages, prices and rents each quarter, region by region, and sets out its method in the notes at the end of the release.';
const verificationCodes = new Set(['figure-not-in-source', 'dead-source', 'source-not-checked']);

if (workspaceKind === 'single') {
  describe('verify sources in the workspace', () => {
    let server: Server;
    let base = '';
    const asked: string[] = [];
    /** Responses to /slow, held until the suite ends. */
    const held: ServerResponse[] = [];
    const written: vscode.Uri[] = [];
    const exportDir = mkdtempSync(join(tmpdir(), 'claimlens-export-'));

    before(async () => {
      server = createServer((req, res) => {
        const path = (req.url ?? '').split('?')[0];
        asked.push(path);
        if (path === '/solar') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(`<html><body><p>${filler}</p><p>Spain saw its solar output climb 67 per cent last year.</p><p>${filler}</p></body></html>`);
        } else if (path === '/wages') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(`<html><body><p>${filler}</p><p>Wages rose 3.1 per cent in the year to March, the office said.</p><p>${filler}</p></body></html>`);
        } else if (path === '/slow') {
          held.push(res);
        } else {
          res.writeHead(404);
          res.end();
        }
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // No archive to ask: a dead source stays dead.
      await vscode.workspace.getConfiguration('claimlens').update('verify.archiveApi', '', vscode.ConfigurationTarget.Global);
    });

    after(async () => {
      for (const res of held) res.end();
      server.closeAllConnections();
      server.close();
      await vscode.workspace.getConfiguration('claimlens').update('verify.archiveApi', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of written) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
      rmSync(exportDir, { recursive: true, force: true });
    });

    /** Writes articles into a new folder of the workspace; returns the folder and the articles' URIs by name. */
    async function desk(name: string, articles: Record<string, string>): Promise<{ folder: vscode.Uri; uris: Record<string, vscode.Uri> }> {
      const root = vscode.workspace.workspaceFolders?.[0];
      assert.ok(root, 'a workspace folder');
      const folder = vscode.Uri.joinPath(root.uri, name);
      written.push(folder);
      const uris: Record<string, vscode.Uri> = {};
      for (const [file, text] of Object.entries(articles)) {
        uris[file] = vscode.Uri.joinPath(folder, file);
        await vscode.workspace.fs.writeFile(uris[file], new TextEncoder().encode(text));
      }
      return { folder, uris };
    }

    const statuses = (results: readonly { status: string }[] | undefined) => results?.map((r) => r.status);

    it('verifies every article of a folder: results per article, the status bar count, the workspace report and the export', async () => {
      const api = await claimLens();
      const { folder, uris } = await desk('verify-desk', {
        'energy.md': `Solar output rose [67%](${base}/solar) in Spain last year.\n\nHydro output fell [8%](${base}/gone) after the drought.\n`,
        'wages.md': `Wages rose [4.5%](${base}/wages) in the year to March.\n`,
        'rents.md': 'Rents rose 9% in the city centre.\n',
        // Two REST API posts in one file: checked together, reported post by post.
        'posts.json': JSON.stringify([
          { slug: 'solar', content: { rendered: `<p>Solar output rose <a href="${base}/solar">67%</a> in Spain last year.</p>` } },
          { slug: 'wages', content: { rendered: `<p>Wages rose <a href="${base}/wages">4.5%</a> in the year to March.</p>` } },
        ], null, 2),
      });

      await vscode.commands.executeCommand('claimlens.verifyWorkspaceSources', folder);
      assert.deepEqual(statuses(api.sourceResults(uris['energy.md'])), ['supported', 'unreachable']);
      assert.deepEqual(statuses(api.sourceResults(uris['wages.md'])), ['not-found']);
      // Checked, with nothing to fetch.
      assert.deepEqual(api.sourceResults(uris['rents.md']), []);
      // Both posts of the file, their sources numbered as in the editor's analysis of the whole file.
      const posts = api.sourceResults(uris['posts.json']);
      assert.deepEqual(statuses(posts), ['supported', 'not-found']);
      const whole = await api.analysisOf(uris['posts.json']);
      assert.deepEqual(posts?.map((r) => whole?.sources.find((s) => s.id === r.sourceId)?.url), [`${base}/solar`, `${base}/wages`]);
      // Only the folder's articles were checked: nothing else of the workspace was fetched.
      assert.deepEqual([...new Set(asked)].sort(), ['/gone', '/solar', '/wages']);

      await vscode.window.showTextDocument(uris['wages.md'], { preview: false });
      await waitFor(() => api.sourcesStatusText() === '$(search-stop) 1 not in source' || undefined, `the status bar count (now "${api.sourcesStatusText()}")`);
      const notFound = vscode.languages.getDiagnostics(uris['wages.md']).filter((d) => typeof d.code === 'object' && d.code.value === 'figure-not-in-source');
      assert.equal(notFound.length, 1);

      const model = await vscode.commands.executeCommand<{ verified: number; files: { path: string; sourceSays?: Record<string, number> }[] }>('claimlens.showWorkspaceReport');
      assert.ok(model, 'the workspace report');
      assert.equal(model.verified, 5);
      const says = Object.fromEntries(model.files.filter((f) => f.sourceSays).map((f) => [f.path, f.sourceSays]));
      assert.deepEqual(says, {
        'verify-desk/energy.md': { supported: 1, 'not-found': 0, unreachable: 1, 'not-checked': 0, unverified: 0 },
        'verify-desk/wages.md': { supported: 0, 'not-found': 1, unreachable: 0, 'not-checked': 0, unverified: 0 },
        'verify-desk/rents.md': { supported: 0, 'not-found': 0, unreachable: 0, 'not-checked': 0, unverified: 1 },
        'verify-desk/posts.json#solar': { supported: 1, 'not-found': 0, unreachable: 0, 'not-checked': 0, unverified: 0 },
        'verify-desk/posts.json#wages': { supported: 0, 'not-found': 1, unreachable: 0, 'not-checked': 0, unverified: 0 },
      });

      const target = vscode.Uri.file(join(exportDir, 'workspace.csv'));
      await vscode.commands.executeCommand('claimlens.exportReport', { format: 'csv', scope: 'workspace', target });
      const rows = readFileSync(target.fsPath, 'utf8').split('\r\n');
      const header = rows[0].split(',');
      assert.equal(header[header.indexOf('sources') + 1], 'sourceSays');
      const sayOf = (path: string) => rows.filter((r) => r.startsWith(`${path},`)).map((r) => r.split(',')[header.indexOf('sourceSays')]);
      assert.deepEqual(sayOf('verify-desk/energy.md'), ['supported', 'unreachable']);
      assert.deepEqual(sayOf('verify-desk/wages.md'), ['not-found']);
      assert.deepEqual(sayOf('verify-desk/rents.md'), ['']);
    });

    it('keeps the results of the articles done when cancelled, and reports nothing for the one cut short', async () => {
      const api = await claimLens();
      const { folder, uris } = await desk('verify-slow', {
        'a-solar.md': `Solar output rose [67%](${base}/solar) in Spain last year.\n`,
        'b-slow.md': `Coal output fell [12%](${base}/slow) over the year.\n\nWages rose [4.5%](${base}/wages) in the year to March.\n`,
        'c-wages.md': `Wages rose [4.5%](${base}/wages) in the year to March.\n`,
      });
      const running = vscode.commands.executeCommand('claimlens.verifyWorkspaceSources', folder);
      // The slow page is asked for and the other two articles are done; the middle one waits for it.
      await waitFor(() => asked.includes('/slow') && api.sourceResults(uris['a-solar.md']) && api.sourceResults(uris['c-wages.md']), 'the slow page asked for and two articles done');
      assert.equal(api.sourceResults(uris['b-slow.md']), undefined);
      api.cancelSourceVerification();
      await running;

      assert.deepEqual(statuses(api.sourceResults(uris['a-solar.md'])), ['supported']);
      assert.deepEqual(statuses(api.sourceResults(uris['c-wages.md'])), ['not-found']);
      // Its wages figure was read and is not there, but its other source was cut short: the article is left unchecked.
      assert.equal(api.sourceResults(uris['b-slow.md']), undefined);
      const reported = vscode.languages.getDiagnostics(uris['b-slow.md']).filter((d) => typeof d.code === 'object' && verificationCodes.has(String(d.code.value)));
      assert.deepEqual(reported.map((d) => d.message), []);
      assert.equal(held.length, 1, 'the slow page was asked for once');
    });

    it('Clear Source Cache empties the cache the runs filled, so the next run fetches again', async () => {
      const api = await claimLens();
      const result = await vscode.commands.executeCommand<{ removed: number; entries: number; bytes: number }>('claimlens.clearSourceCache');
      // At least /solar, /wages and the 404 of /gone of these tests (the slow page never answered), and what earlier tests cached.
      assert.ok(result && result.removed >= 3, `removed ${result?.removed}`);
      assert.deepEqual([result.entries, result.bytes], [0, 0]);
      const again = await vscode.commands.executeCommand<{ removed: number }>('claimlens.clearSourceCache');
      assert.equal(again?.removed, 0);
      const { folder, uris } = await desk('verify-again', { 'wages.md': `Wages rose [4.5%](${base}/wages) in the year to March.\n` });
      const before = asked.filter((p) => p === '/wages').length;
      await vscode.commands.executeCommand('claimlens.verifyWorkspaceSources', folder);
      assert.deepEqual(statuses(api.sourceResults(uris['wages.md'])), ['not-found']);
      assert.equal(asked.filter((p) => p === '/wages').length, before + 1);
    });
  });
}
