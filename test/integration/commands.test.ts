import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ArticleReportModel, WorkspaceReportModel } from '../../src/extension/report-model';
import { claimLens, extensionId, fixture, openFixture, rangeOf, waitFor, waitForDiagnostics, workspaceKind } from './claimlens-helpers';

if (workspaceKind === 'single') {
  describe('commands', () => {
    it('claimlens.showReport renders the article report and returns its model', async () => {
      const editor = await openFixture('bakery-openings.md');
      await waitForDiagnostics(editor.document.uri, (ds) => ds.length === 6, 'the article analysed');
      const model = await vscode.commands.executeCommand<ArticleReportModel>('claimlens.showReport');
      assert.ok(model, 'the command returns the model');
      assert.deepEqual(
        { name: model.name, totals: model.totals, coverage: model.coverage },
        {
          name: 'bakery-openings.md',
          totals: { files: 1, claims: 6, cited: 3, attributed: 1, uncited: 2, ignored: 0, coverage: 4 / 6 },
          coverage: 67,
        },
      );
      assert.deepEqual(
        model.claims.map((c) => [c.line, c.column, c.text, c.status, c.value, c.sources.map((s) => s.kind)]),
        [
          [3, 14, '12%', 'uncited', '12%', []],
          [3, 21, '$4 billion', 'uncited', '$4 billion', []],
          [5, 18, 'about 3,000', 'attributed', 'about 3,000', ['textual']],
          [7, 22, '8%', 'cited', '8%', ['footnote']],
          [9, 12, '5%', 'cited', '5%', ['link']],
          [11, 17, '20%', 'cited', '20%', ['footnote']],
        ],
      );
      assert.deepEqual(
        model.claims.flatMap((c) => c.sources.map((s) => [c.text, s.kindLabel, s.url ?? null])),
        [
          ['about 3,000', 'named', null],
          ['8%', 'footnote', 'https://example.org/flour'],
          ['5%', 'link', 'https://example.org/rents'],
          ['20%', 'footnote', null],
        ],
      );
      assert.equal(model.language, 'en');
      assert.deepEqual(model.problems.map((p) => [p.code, p.line]), [['missing-footnote', 11], ['empty-link', 13], ['duplicate-footnote', 16]]);
      assert.deepEqual((await claimLens()).lastReport(), model);
    });

    it('claimlens.showWorkspaceReport reads every article, sorted by uncited claims, with totals', async () => {
      const model = await vscode.commands.executeCommand<WorkspaceReportModel>('claimlens.showWorkspaceReport');
      assert.ok(model);
      assert.equal(model.cancelled, false);
      const paths = model.files.map((f) => f.path);
      for (const expected of ['bakery-openings.md', 'harvest-notes.txt', 'market-page.html', 'pandoc-citations.md', 'desk-config/bridge-repairs.md']) {
        assert.ok(paths.includes(expected), `${expected} in ${paths.join(', ')}`);
      }
      const uncited = model.files.map((f) => f.totals.uncited);
      assert.deepEqual(uncited, [...uncited].sort((a, b) => b - a), 'sorted by uncited, most first');
      const sum = (key: 'claims' | 'uncited' | 'cited' | 'attributed' | 'ignored'): number => model.files.reduce((n, f) => n + f.totals[key], 0);
      assert.deepEqual(
        [model.totals.files, model.totals.claims, model.totals.uncited, model.totals.cited, model.totals.attributed, model.totals.ignored],
        [model.files.length, sum('claims'), sum('uncited'), sum('cited'), sum('attributed'), sum('ignored')],
      );
      assert.equal(model.found, model.files.length + model.skipped.length);
      // Per-folder totals: each folder counts its own files.
      const desk = model.folders.find((f) => f.path === 'desk-config');
      assert.deepEqual(desk && [desk.totals.files, desk.totals.claims], [
        model.files.filter((f) => f.path.startsWith('desk-config/') && !f.path.slice('desk-config/'.length).includes('/')).length,
        model.files.filter((f) => f.path.startsWith('desk-config/') && !f.path.slice('desk-config/'.length).includes('/')).reduce((n, f) => n + f.totals.claims, 0),
      ]);
      assert.equal(model.folders.reduce((n, f) => n + f.totals.claims, 0), model.totals.claims, 'folder totals add up');
      const bakery = model.files.find((f) => f.path === 'bakery-openings.md');
      assert.deepEqual(bakery && [bakery.totals.claims, bakery.totals.uncited, bakery.problems], [6, 2, 3]);
      // The folder's .claimlensrc.json applies in the workspace report too: "$9 million" is ignored there.
      const bridge = model.files.find((f) => f.path === 'desk-config/bridge-repairs.md');
      assert.deepEqual(bridge && [bridge.totals.claims, bridge.totals.ignored, bridge.totals.uncited], [3, 1, 1]);
      assert.deepEqual((await claimLens()).lastWorkspaceReport(), model);
    });

    it('claimlens.showWorkspaceReport skips and reads files as `claimlens check` does: binary, Latin-1, UTF-16, .gitignore', async () => {
      const folder = vscode.Uri.joinPath(await fixture('bakery-openings.md'), '..', 'scan-check');
      const write = (name: string, bytes: Uint8Array) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), bytes);
      const figures = new TextEncoder().encode('Sales rose by 12% to $4 billion last year.\n');
      const utf16 = new Uint8Array(2 + figures.length * 2);
      utf16.set([0xff, 0xfe]);
      figures.forEach((b, i) => utf16.set([b, 0], 2 + i * 2));
      try {
        await write('.gitignore', new TextEncoder().encode('_site/\n'));
        await write('_site/copy.md', figures);
        await write('picture.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
        await write('binary.md', new Uint8Array([0x52, 0x65, 0x76, 0x00, 0x01, 0x02]));
        await write('latin1.md', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x32, 0x25, 0x0a]));
        await write('utf16.md', utf16);
        const model = await vscode.commands.executeCommand<WorkspaceReportModel>('claimlens.showWorkspaceReport');
        assert.deepEqual(model.skipped.filter((s) => s.path.startsWith('scan-check/')), [
          { path: 'scan-check/binary.md', reason: 'looks binary (it holds NUL bytes); UTF-16 text needs a byte order mark' },
          { path: 'scan-check/latin1.md', reason: 'is not valid UTF-8 text' },
          { path: 'scan-check/picture.html', reason: 'looks binary (a PNG image)' },
        ]);
        const read = model.files.filter((f) => f.path.startsWith('scan-check/'));
        assert.deepEqual(read.map((f) => [f.path, f.totals.claims, f.totals.uncited]), [['scan-check/utf16.md', 2, 2]]);
      } finally {
        await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
      }
    });

    it('the workspace report and its JSON export give the answer of `claimlens check --format json`: the same files, claims and statuses, the same skipped files and reasons', async function () {
      this.timeout(60_000);
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const odd = vscode.Uri.joinPath(folder, 'one-answer');
      const target = vscode.Uri.joinPath(folder, 'one-answer.claims.json');
      const write = (name: string, bytes: Uint8Array) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(odd, name), bytes);
      const figures = new TextEncoder().encode('Sales rose by 12% to $4 billion last year, [says the board](https://example.org/board).\n');
      const utf16 = new Uint8Array(2 + figures.length * 2);
      utf16.set([0xff, 0xfe]);
      figures.forEach((b, i) => utf16.set([b, 0], 2 + i * 2));
      // About 3 MB of prose: read by both, as it is under the shared 10 MB limit.
      const paragraph = 'Exports rose 4.2% to £31.5 billion in the quarter, the agency said. Nearly 1,200 firms replied, [up 15%](https://example.org/survey) on last year. About two-thirds expect higher prices.\n\n';
      const big = new TextEncoder().encode(paragraph.repeat(Math.ceil((3 * 1024 * 1024) / paragraph.length)));
      await write('binary.md', new Uint8Array([0x52, 0x65, 0x76, 0x00, 0x01, 0x02]));
      await write('picture.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      await write('latin1.md', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x32, 0x25, 0x0a]));
      await write('utf16.md', utf16);
      await write('.gitignore', new TextEncoder().encode('_site/\n'));
      await write('_site/copy.md', figures);
      await write('big.md', big);
      try {
        await vscode.commands.executeCommand('claimlens.exportReport', { format: 'json', scope: 'workspace', target: target.toString() });
        const editor = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as unknown;
        const model = await vscode.commands.executeCommand<WorkspaceReportModel>('claimlens.showWorkspaceReport');
        const cliPath = join(vscode.extensions.getExtension(extensionId)!.extensionPath, 'dist', 'cli.js');
        const cli = spawnSync(process.execPath, [cliPath, 'check', '--format', 'json', '.'], { cwd: folder.fsPath, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
        assert.deepEqual(editor, JSON.parse(cli.stdout));
        // The command line names each file it could not read on stderr, with the reason the report gives.
        const unread = [...cli.stderr.matchAll(/^(.+):1:1 error read-error (.+); file skipped$/gmu)].map((m) => ({ path: m[1], reason: m[2] }));
        assert.ok(unread.length >= 3, cli.stderr);
        assert.deepEqual(model?.skipped, unread);
        // The six kinds of file, one answer: three skipped with their reasons, the UTF-16 and the 3 MB article read, the gitignored copy left out.
        assert.deepEqual(unread.filter((u) => u.path.startsWith('one-answer/')).map((u) => u.path), ['one-answer/binary.md', 'one-answer/latin1.md', 'one-answer/picture.html']);
        const paths = (editor as { files: { path: string; claims: unknown[] }[] }).files.map((f) => f.path);
        assert.ok(paths.includes('one-answer/utf16.md') && paths.includes('one-answer/big.md'), paths.join(', '));
        assert.ok(!paths.some((p) => p.startsWith('one-answer/_site/')), paths.join(', '));
        const bigFile = (editor as { files: { path: string; claims: unknown[] }[] }).files.find((f) => f.path === 'one-answer/big.md');
        assert.ok(bigFile && bigFile.claims.length > 50_000, `big.md: ${bigFile?.claims.length} claims`);
      } finally {
        await vscode.workspace.fs.delete(odd, { recursive: true }).then(undefined, () => undefined);
        await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      }
    });

    it('claimlens.exportReport writes the JSON report of the spec', async () => {
      const uri = await fixture('bakery-openings.md');
      const target = vscode.Uri.joinPath(uri, '..', 'exported.claims.json');
      try {
        const written = await vscode.commands.executeCommand<string>('claimlens.exportReport', { format: 'json', scope: 'article', uri: uri.toString(), target: target.toString() });
        assert.equal(written, target.toString());
        const report = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as {
          files: { path: string; claims: { text: string; line: number; column: number; endLine: number; endColumn: number; status: string }[]; problems: { code: string }[] }[];
          summary: Record<string, number>;
        };
        assert.deepEqual(report.summary, { files: 1, claims: 6, cited: 3, attributed: 1, uncited: 2, ignored: 0 });
        assert.equal(report.files[0].path, 'bakery-openings.md');
        assert.deepEqual(
          report.files[0].claims.slice(0, 2).map((c) => [c.text, c.line, c.column, c.endLine, c.endColumn, c.status]),
          [['12%', 3, 14, 3, 17, 'uncited'], ['$4 billion', 3, 21, 3, 31, 'uncited']],
        );
      } finally {
        await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      }
    });

    it('claimlens.exportReport writes CSV, Markdown and SARIF too', async () => {
      const uri = await fixture('bakery-openings.md');
      for (const [format, check] of [
        ['csv', (text: string) => text.split('\n').filter(Boolean).length === 7],
        ['markdown', (text: string) => text.includes('bakery-openings.md') && text.includes('12%')],
        ['sarif', (text: string) => (JSON.parse(text) as { version: string; runs: { results: unknown[] }[] }).version === '2.1.0'],
      ] as const) {
        const target = vscode.Uri.joinPath(uri, '..', `exported.${format}`);
        try {
          await vscode.commands.executeCommand('claimlens.exportReport', { format, scope: 'article', uri: uri.toString(), target: target.toString() });
          const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
          assert.ok(check(text), `${format} export:\n${text}`);
        } finally {
          await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
        }
      }
    });

    it('claimlens.nextUncitedClaim and previousUncitedClaim move between uncited claims, wrapping', async () => {
      const editor = await openFixture('bakery-openings.md');
      await waitForDiagnostics(editor.document.uri, (ds) => ds.length === 6, 'the article analysed');
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const selected = (): number[] => [editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character];
      await vscode.commands.executeCommand('claimlens.nextUncitedClaim');
      assert.deepEqual(selected(), rangeOf(editor.document, '12%'));
      await vscode.commands.executeCommand('claimlens.nextUncitedClaim');
      assert.deepEqual(selected(), rangeOf(editor.document, '$4 billion'));
      await vscode.commands.executeCommand('claimlens.nextUncitedClaim');
      assert.deepEqual(selected(), rangeOf(editor.document, '12%'), 'wraps to the first');
      await vscode.commands.executeCommand('claimlens.previousUncitedClaim');
      assert.deepEqual(selected(), rangeOf(editor.document, '$4 billion'), 'wraps to the last');
    });

    it('the status bar counts claims of the active article and hides for other files', async () => {
      const api = await claimLens();
      await openFixture('bakery-openings.md');
      await waitFor(() => api.statusBarText()?.endsWith('6 claims · 2 uncited'), 'the status bar for bakery-openings.md');
      await openFixture('desk-config/.claimlensrc.json');
      await waitFor(() => api.statusBarText() === undefined, 'the status bar to hide for a JSON file');
      await openFixture('harvest-notes.txt');
      await waitFor(() => api.statusBarText()?.endsWith('2 claims · 2 uncited'), 'the status bar for harvest-notes.txt');
    });

    it('claimlens.openExample opens the walkthrough\'s example and puts the cursor on its first uncited claim for the hover', async () => {
      const uri = await vscode.commands.executeCommand<string>('claimlens.openExample', 'hover');
      assert.ok(uri?.startsWith('untitled:'), `an untitled example: ${uri}`);
      const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri), 'the example in an editor');
      assert.equal(editor.document.languageId, 'markdown');
      const analysis = await (await claimLens()).analysisOf(editor.document.uri);
      assert.deepEqual(
        analysis?.claims.map((c) => [c.text, c.status]),
        [['38%', 'cited'], ['12%', 'uncited'], ['About 2,300', 'cited'], ['One in five', 'attributed'], ['an estimated £6.2 million', 'uncited'], ['two-thirds', 'uncited']],
      );
      const at = editor.selection.active;
      assert.deepEqual([at.line, at.character], [rangeOf(editor.document, '12%')[0], rangeOf(editor.document, '12%')[1]]);
      // Once open, the same example is reused.
      assert.equal(await vscode.commands.executeCommand<string>('claimlens.openExample'), uri);
      // An untitled document with text would ask to be saved on close: revert it first.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
}
