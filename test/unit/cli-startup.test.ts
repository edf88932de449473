import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const cli = resolve('dist/cli.js');

/**
 * Runs `claimlens check ARGS` in a fresh Node and returns its report and the
 * files of dist/ it loaded (the bundles loaded apart: the language server,
 * pdf.js, Citation.js, the worker script).
 */
function checkAndList(cwd: string, args: readonly string[]): { loaded: string[]; builtins: string[]; report: { files: { claims: { text: string; status: string }[] }[] } } {
  const script = `
    const { main } = require(${JSON.stringify(cli)});
    const out = [];
    const io = { stdout: { write: (s) => out.push(s) }, stderr: { write: () => undefined }, cwd: process.cwd(), env: {} };
    main(${JSON.stringify(['check', '--format', 'json', ...args])}, io).then(() => {
      const dist = ${JSON.stringify(resolve('dist'))};
      const loaded = Object.keys(require.cache).filter((p) => p.startsWith(dist + require('path').sep));
      const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ') && !m.includes('internal/')).map((m) => m.slice('NativeModule '.length));
      process.stdout.write(JSON.stringify({ loaded, builtins, report: JSON.parse(out.join('')) }));
    });`;
  // Run from a file: `node -e` loads some of Node's modules (crypto) itself.
  const scriptFile = join(cwd, 'check-and-list.cjs');
  writeFileSync(scriptFile, script);
  const result = spawnSync(process.execPath, [scriptFile], { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const parsed = JSON.parse(result.stdout) as { loaded: string[]; builtins: string[]; report: { files: { claims: { text: string; status: string }[] }[] } };
  return { ...parsed, loaded: parsed.loaded.map((path) => basename(path)).sort() };
}

describe('cli: start-up loads only what the run needs', function () {
  this.timeout(30_000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'claimlens-startup-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('one article with no bibliography loads the command line bundle alone', () => {
    writeFileSync(join(root, 'a.md'), 'Rents rose 12% last year [per the ONS](https://ons.gov.uk).\n');
    const { loaded, builtins, report } = checkAndList(root, ['a.md']);
    assert.deepEqual(loaded, ['cli.js']);
    assert.deepEqual(report.files[0].claims.map((c) => [c.text, c.status]), [['12%', 'cited']]);
    // Nor the verify layer (which hashes with crypto), nor the worker pool.
    assert.ok(builtins.includes('fs'), `Node's modules listed: ${builtins.join(', ')}`);
    assert.ok(!builtins.includes('crypto') && !builtins.includes('worker_threads'), builtins.join(', '));
  });

  it('a CSL-JSON bibliography does not load Citation.js either', () => {
    writeFileSync(join(root, 'refs.json'), JSON.stringify([{ id: 'ons2024', type: 'report', title: 'Rents' }]));
    writeFileSync(join(root, 'a.md'), '---\nbibliography: refs.json\n---\nRents rose 12% last year [@ons2024].\n');
    const { loaded, report } = checkAndList(root, ['a.md']);
    assert.deepEqual(loaded, ['cli.js']);
    assert.deepEqual(report.files[0].claims.map((c) => [c.text, c.status]), [['12%', 'cited']]);
  });

  it('a configuration file loads the settings schema (zod) from its own file, and its settings apply', () => {
    writeFileSync(join(root, '.claimlensrc.json'), JSON.stringify({ report: ['uncited'], ignorePatterns: ['^3%$'] }));
    writeFileSync(join(root, 'a.md'), 'Rents rose 12% last year. Wages rose 3%.\n');
    const { loaded, report } = checkAndList(root, ['a.md']);
    assert.deepEqual(loaded, ['cli.js', 'settings-schema.js']);
    assert.deepEqual(report.files[0].claims.map((c) => [c.text, c.status]), [['12%', 'uncited'], ['3%', 'ignored']]);
  });

  it('a BibTeX bibliography loads Citation.js from its own file, and reads the entry with it', () => {
    writeFileSync(join(root, 'refs.bib'), '@report{ons2024, title = {Private rents in M\\"unchen}, year = {2024}}\n');
    writeFileSync(join(root, 'a.md'), '---\nbibliography: refs.bib\n---\nRents rose 12% last year [@ons2024]. Wages rose 3%.\n');
    const { loaded, report } = checkAndList(root, ['a.md']);
    assert.deepEqual(loaded, ['citation.js', 'cli.js']);
    assert.deepEqual(report.files[0].claims.map((c) => [c.text, c.status]), [['12%', 'cited'], ['3%', 'uncited']]);
  });
});

describe('cli: the code cache', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'claimlens-code-cache-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const bin = resolve('bin/claimlens.js');
  const run = (env: Record<string, string>, args: readonly string[]) => {
    const result = spawnSync(process.execPath, [bin, 'check', '--format', 'json', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    assert.equal(result.status, 1, result.stderr);
    return result.stdout;
  };
  const cacheFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.bin')).sort();

  it('is written after the first run, used unchanged by the next, and rewritten when V8 refuses it', () => {
    writeFileSync(join(root, 'a.md'), 'Rents rose 12% last year. Wages rose 3% [per the ONS](https://ons.gov.uk).\n');
    const cache = join(root, 'cache');
    const first = run({ CLAIMLENS_CODE_CACHE: cache }, ['a.md']);
    const [file] = cacheFiles(cache);
    assert.match(file, /^cli-[0-9a-f]{8}\.bin$/u);
    const written = statSync(join(cache, file));
    assert.ok(written.size > 100_000, `a cache of ${written.size} bytes`);

    assert.equal(run({ CLAIMLENS_CODE_CACHE: cache }, ['a.md']), first);
    assert.equal(statSync(join(cache, file)).mtimeMs, written.mtimeMs, 'a cache V8 took is not written again');

    writeFileSync(join(cache, file), 'not a code cache');
    assert.equal(run({ CLAIMLENS_CODE_CACHE: cache }, ['a.md']), first);
    assert.ok(statSync(join(cache, file)).size > 100_000, 'a cache V8 refused is written anew');
    assert.deepEqual(JSON.parse(first).files[0].claims.map((c: { text: string; status: string }) => [c.text, c.status]), [['12%', 'uncited'], ['3%', 'cited']]);
  });

  it('is kept for the worker threads too, and the threads give the same report with it', () => {
    for (let i = 0; i < 100; i++) writeFileSync(join(root, `a${String(i).padStart(3, '0')}.md`), `Rents rose ${i}% last year. Wages rose 3% [per the ONS](https://ons.gov.uk).\n`);
    const cache = join(root, 'cache');
    const single = run({ CLAIMLENS_CODE_CACHE: '0' }, ['--jobs', '1', '.']);
    assert.equal(existsSync(cache), false);
    assert.equal(run({ CLAIMLENS_CODE_CACHE: cache }, ['--jobs', '2', '.']), single);
    assert.deepEqual(cacheFiles(cache).map((name) => name.replace(/-[0-9a-f]{8}\.bin$/u, '')), ['analyse-worker', 'cli']);
    assert.equal(run({ CLAIMLENS_CODE_CACHE: cache }, ['--jobs', '2', '.']), single);
  });

  it('is off with CLAIMLENS_CODE_CACHE=0', () => {
    writeFileSync(join(root, 'a.md'), 'Rents rose 12% last year.\n');
    run({ CLAIMLENS_CODE_CACHE: '0', XDG_CACHE_HOME: join(root, 'xdg') }, ['a.md']);
    assert.equal(existsSync(join(root, 'xdg')), false);
  });
});
