import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyze } from '../../src/core';
import { claimHoverMarkdown } from '../../src/shared/hover-card';

const article = [
  '# Wind',
  '',
  'Offshore wind supplied 38% of the power, says the [grid operator](https://example.org/grid).',
  '',
  'Sales rose by 12% to $4 billion last year.',
  '',
].join('\n');

interface NeovimRun {
  errors: string[];
  published: { diagnostics: { range: { start: { line: number; character: number } }; code: string; message: string }[] }[];
  buffer_diagnostics: { lnum: number; col: number; end_col: number; severity: number; message: string; source: string }[];
  hover: { contents: { kind: string; value: string } };
  action_titles: string[];
  applied: string;
  lines_after: string[];
  diagnostics_after: { code: string; message: string }[];
}

const hasNeovim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

describe('language server in headless Neovim (its built-in LSP client)', function () {
  this.timeout(60_000);
  let folder: string;
  let run: NeovimRun;

  before(function () {
    if (!hasNeovim) {
      // CI installs Neovim (.ci/run); elsewhere the suite says why it did not run.
      if (process.env.CI) throw new Error('nvim is not installed; .ci/run installs Debian\'s neovim package');
      this.skip();
    }
    folder = mkdtempSync(join(tmpdir(), 'claimlens-nvim-'));
    writeFileSync(join(folder, 'article.md'), article);
    const out = join(folder, 'result.json');
    const nvim = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${resolve('test/fixtures/nvim/lsp-check.lua')}`], {
      encoding: 'utf8',
      timeout: 50_000,
      env: {
        ...process.env,
        CLAIMLENS_ARTICLE: join(folder, 'article.md'),
        CLAIMLENS_OUT: out,
        CLAIMLENS_CLI: resolve('dist/cli.js'),
        CLAIMLENS_NODE: process.execPath,
        CLAIMLENS_HOVER_LINE: '4',
        CLAIMLENS_HOVER_CHARACTER: '15',
      },
    });
    assert.equal(nvim.error, undefined, `nvim did not finish: ${String(nvim.error)}`);
    run = JSON.parse(readFileSync(out, 'utf8')) as NeovimRun;
  });

  after(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('runs the script to its end', () => {
    assert.deepEqual(run.errors, []);
  });

  it('receives the diagnostics and shows them in the buffer', () => {
    assert.deepEqual(run.buffer_diagnostics, [
      { lnum: 4, col: 14, end_col: 17, severity: 2, message: 'Uncited claim "12%": no link, footnote or citation', source: 'Claim Lens' },
      { lnum: 4, col: 21, end_col: 31, severity: 2, message: 'Uncited claim "$4 billion": no link, footnote or citation', source: 'Claim Lens' },
    ]);
  });

  it('gets the claim\'s hover card', () => {
    const claim = analyze(article, { format: 'markdown' }).claims.find((c) => c.text === '12%')!;
    assert.deepEqual(run.hover.contents, { kind: 'markdown', value: claimHoverMarkdown(claim, { statusShown: true }) }); // uncited: its diagnostic says the status
  });

  it('gets quick fixes, applies the preferred one, and receives the diagnostics of the edited text', () => {
    assert.deepEqual(run.action_titles, ['Cite grid operator — https://example.org/grid', 'Ignore this claim']);
    assert.equal(run.applied, 'Cite grid operator — https://example.org/grid');
    assert.equal(run.lines_after[4], 'Sales rose by 12% to $4 billion last year ([grid operator](https://example.org/grid)).');
    assert.deepEqual(run.diagnostics_after, []);
  });
});
