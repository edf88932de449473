// The workspace report beside `claimlens check` on a folder of generated
// articles (the benchmark's generator, bench/workspace.ts): both must count
// the same claims in every file. Both are timed and the times printed, with
// their ratio (the editor's report should take at most 1.5× the CLI's); the
// times are not asserted, since they depend on the machine and its load.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { generateArticle } from '../../bench/generate';
import type { WorkspaceReportModel } from '../../src/extension/report-model';
import { claimLens, extensionId, waitFor, workspaceKind } from './claimlens-helpers';

/** As many articles as the benchmark uses; CLAIMLENS_SPEED_ARTICLES sets another count. */
const articles = Number(process.env.CLAIMLENS_SPEED_ARTICLES ?? 1000);
const folderName = 'speed-articles';

/** Claims of one file by status: [claims, uncited, cited, attributed, ignored]. */
type Counts = [number, number, number, number, number];

interface CliReport {
  readonly files: readonly { readonly path: string; readonly claims: readonly { readonly status: string }[] }[];
}

/** Runs `claimlens check --format json` as a user would, with Node (VS Code's own runtime as Node when it is Electron). */
function runCli(cli: string, cwd: string, args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (status) => resolvePromise({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

if (workspaceKind === 'single') {
  describe('the workspace report beside claimlens check, on many articles', function () {
    this.timeout(180_000);
    let folder: string;

    before(() => {
      const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      assert.ok(root, 'a workspace folder on disk');
      folder = join(root, folderName);
      for (let i = 0; i < articles; i++) {
        const sub = join(folder, `section-${Math.floor(i / 100)}`);
        mkdirSync(sub, { recursive: true });
        writeFileSync(join(sub, `article-${i}.md`), generateArticle(10 * 1024, 1000 + i).markdown);
      }
    });

    after(() => rmSync(folder, { recursive: true, force: true }));

    it(`counts the same claims in each of ${articles} articles as the CLI, and prints both times`, async () => {
      const api = await claimLens();
      const before = api.lastWorkspaceReport();
      const editorStarted = performance.now();
      await vscode.commands.executeCommand('claimlens.showWorkspaceReport');
      const model = await waitFor<WorkspaceReportModel>(() => {
        const last = api.lastWorkspaceReport();
        return last !== before ? last : undefined;
      }, 'the workspace report', 150_000);
      const editorMs = performance.now() - editorStarted;

      const extension = vscode.extensions.getExtension(extensionId);
      assert.ok(extension);
      const cliStarted = performance.now();
      const cli = await runCli(join(extension.extensionPath, 'dist', 'cli.js'), join(folder, '..'), ['check', '--format', 'json', folderName]);
      const cliMs = performance.now() - cliStarted;
      assert.equal(cli.status, 1, `the CLI finds uncited claims and exits 1: ${cli.stderr}`);
      const report = JSON.parse(cli.stdout) as CliReport;

      const count = (statuses: readonly string[]): Counts => [
        statuses.length,
        ...(['uncited', 'cited', 'attributed', 'ignored'] as const).map((status) => statuses.filter((s) => s === status).length),
      ] as Counts;
      const fromCli = new Map(report.files.map((f) => [f.path, count(f.claims.map((c) => c.status))]));
      const fromEditor = new Map(
        model.files
          .filter((f) => f.path.startsWith(`${folderName}/`))
          .map((f) => [f.path, [f.totals.claims, f.totals.uncited, f.totals.cited, f.totals.attributed, f.totals.ignored] as Counts]),
      );
      assert.equal(model.cancelled, false);
      assert.equal(fromCli.size, articles);
      assert.deepEqual([...fromEditor.keys()].sort(), [...fromCli.keys()].sort());
      for (const [path, counts] of fromCli) assert.deepEqual(fromEditor.get(path), counts, path);
      const claims = [...fromCli.values()].reduce((n, c) => n + c[0], 0);
      assert.ok(claims > articles * 10, `${claims} claims in ${articles} articles`);

      const ratio = editorMs / cliMs;
      console.log(
        `      ${articles} articles, ${claims} claims: workspace report ${(editorMs / 1000).toFixed(2)} s, ` +
          `claimlens check --format json ${(cliMs / 1000).toFixed(2)} s, ratio ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'missed'})`,
      );
    });
  });
}
