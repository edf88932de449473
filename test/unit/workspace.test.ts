import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { analyseFiles, binaryKind, decodeText, sniffUtf16 } from '../../src/workspace';
import { InOrder } from '../../src/workspace/in-order';
import { ansiStyles, csvHead, findingLine, findingsOf, jsonReportText, markdownHead, summarize, toCsv, toJsonReport, toMarkdown } from '../../src/core';

const figures = 'Sales rose by 12% to $4 billion last year.\n';
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

const made: string[] = [];
function tree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'claimlens-workspace-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
after(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

describe('workspace: decoding', () => {
  const cases: [string, Uint8Array, { text: string } | { reason: string }][] = [
    ['UTF-8', Buffer.from(figures, 'utf8'), { text: figures }],
    ['UTF-8 with a byte order mark', Buffer.from(`\uFEFF${figures}`, 'utf8'), { text: figures }],
    ['UTF-16 LE with a byte order mark', Buffer.from([0xff, 0xfe, ...Buffer.from(figures, 'utf16le')]), { text: figures }],
    ['UTF-16 BE with a byte order mark', Buffer.from([0xfe, 0xff, ...Buffer.from(figures, 'utf16le').swap16()]), { text: figures }],
    ['UTF-16 LE without one', Buffer.from(figures, 'utf16le'), { text: figures }],
    ['UTF-16 BE without one', Buffer.from(figures, 'utf16le').swap16(), { text: figures }],
    ['a PNG image', png, { reason: 'looks binary (a PNG image)' }],
    ['a PDF', Buffer.from('%PDF-1.7\n%\u00e2\u00e3', 'latin1'), { reason: 'looks binary (a PDF document)' }],
    ['other bytes with NULs', new Uint8Array([0x52, 0x65, 0x76, 0x00, 0x01, 0x02]), { reason: 'looks binary (it holds NUL bytes); UTF-16 text needs a byte order mark' }],
    ['Latin-1', Buffer.from('3\u00a0000 caf\u00e9s', 'latin1'), { reason: 'is not valid UTF-8 text' }],
    ['a lone UTF-16 surrogate', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), { reason: 'is not valid UTF-16LE text' }],
  ];
  for (const [name, bytes, expected] of cases) {
    it(`${name}: ${'text' in expected ? 'decoded' : expected.reason}`, () => {
      const result = decodeText(bytes);
      assert.deepEqual(result, 'text' in expected ? { ok: true, text: expected.text } : { ok: false, reason: expected.reason });
    });
  }

  it('names binary formats by their signature and nothing else', () => {
    assert.equal(binaryKind(png), 'a PNG image');
    assert.equal(binaryKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'a JPEG image');
    assert.equal(binaryKind(Buffer.from(figures)), undefined);
  });

  it('takes text with stray NULs on both sides for binary, not UTF-16', () => {
    assert.equal(sniffUtf16(new Uint8Array([0x41, 0x00, 0x00, 0x42, 0x41, 0x00, 0x43, 0x00, 0x44, 0x00])), undefined);
    assert.equal(sniffUtf16(Buffer.from('Numbers: 12%, 40 km', 'utf16le')), 'utf-16le');
  });
});

describe('workspace: analyseFiles', () => {
  it('skips binary, Latin-1 and too-large files with reasons, reads UTF-16, honours .gitignore', async () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '_site/\n',
      'article.md': figures,
      '_site/article.md': figures,
      'picture.html': png,
      'latin1.md': Buffer.from('Prices: 3\u00a0000 caf\u00e9s.\n', 'latin1'),
      'utf16.md': Buffer.from([0xff, 0xfe, ...Buffer.from(figures, 'utf16le')]),
      'big.md': figures.repeat(50),
    });
    const run = await analyseFiles({ paths: ['.'], cwd: root, maxSize: 1024 });
    assert.deepEqual(run.files.map((f) => [f.path, f.analysis.claims.map((c) => c.text)]), [
      ['article.md', ['12%', '$4 billion']],
      ['utf16.md', ['12%', '$4 billion']],
    ]);
    assert.deepEqual(run.skipped, [
      { path: 'latin1.md', reason: 'is not valid UTF-8 text' },
      { path: 'picture.html', reason: 'looks binary (a PNG image)' },
    ]);
    // Too large is left out on purpose: a note, not an error.
    assert.deepEqual(run.leftOut, [{ path: 'big.md', reason: 'larger than 1 KB (2.1 KB); raise --max-size to read it' }]);
    assert.equal(run.cancelled, false);
  });

  it('applies an override over each file\'s settings and reports progress for every file', async () => {
    const root = tree({ 'a.md': figures, 'b.md': figures, '.claimlensrc.json': '{ "report": ["uncited"] }' });
    const steps: [number, number][] = [];
    const run = await analyseFiles({
      paths: ['.'],
      cwd: root,
      maxSize: 1e6,
      overrides: { scope: 'paragraph' },
      onProgress: (done, total) => steps.push([done, total]),
    });
    assert.deepEqual(run.files.map((f) => [f.settings?.scope, f.settings?.report]), [['paragraph', ['uncited']], ['paragraph', ['uncited']]]);
    assert.deepEqual(steps, [[1, 2], [2, 2]]);
  });

  it('stops when its signal is aborted, saying so', async () => {
    const root = tree(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}.md`, figures])));
    const controller = new AbortController();
    const run = await analyseFiles({ paths: ['.'], cwd: root, maxSize: 1e6, concurrency: 1, onProgress: (done) => done === 3 && controller.abort(), signal: controller.signal });
    assert.equal(run.cancelled, true);
    assert.equal(run.files.length, 3);
  });

  it('names a path that names nothing as a usage error and analyses nothing', async () => {
    const root = tree({ 'a.md': figures });
    const run = await analyseFiles({ paths: ['a.md', 'missing.md'], cwd: root, maxSize: 1e6 });
    assert.deepEqual(run.usageErrors, ['no such file or folder: missing.md']);
    assert.deepEqual(run.files, []);
  });
});

describe('workspace: analyseFiles in worker threads', function () {
  this.timeout(60_000);

  it('gives what one thread gives: files, skipped files, configuration issues and bibliography warnings, each once', async () => {
    const files: Record<string, string | Uint8Array> = {
      '.claimlensrc.json': '{ "scope": "paragraph", "languages": ["xx"] }',
      'refs.bib': '@article{good2020, title = {Good}, year = {2020}}\n\n@article{broken2021, title = {Broken\n',
      'picture.md': png,
    };
    for (let i = 0; i < 120; i++) {
      files[`articles/a${String(i).padStart(3, '0')}.md`] = `---\nbibliography: ../refs.bib\n---\nRents rose ${i}% [@good2020] and costs ${i + 1}% [@nobody].\n`;
    }
    const root = tree(files);
    const options = { paths: ['.'], cwd: root, maxSize: 1e6, workerScript: resolve('dist/analyse-worker.js') };
    const steps: number[] = [];
    const threaded = await analyseFiles({ ...options, jobs: 2, onProgress: (done) => steps.push(done) });
    const single = await analyseFiles({ ...options, jobs: 1 });
    assert.equal(threaded.workers, 1);
    assert.equal(single.workers, 0);
    assert.deepEqual({ ...threaded, workers: 0 }, single);
    assert.equal(threaded.files.length, 120);
    assert.deepEqual(threaded.skipped, [{ path: 'picture.md', reason: 'looks binary (a PNG image)' }]);
    assert.equal(threaded.configIssues.length, 1);
    assert.equal(threaded.bibliographyWarnings.length, single.bibliographyWarnings.length);
    assert.ok(threaded.bibliographyWarnings.length >= 1);
    assert.deepEqual(steps, Array.from({ length: 121 }, (_, i) => i + 1));
  });

  it('renders each file for the JSON report in the thread that analysed it, as one thread would, keeping no analysis', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`a${String(i).padStart(3, '0')}.md`] = `Rents rose ${i}% [per the ONS](https://ons.gov.uk), and costs ${i + 1}%.\n`;
    const root = tree(files);
    const options = { paths: ['.'], cwd: root, maxSize: 1e6, workerScript: resolve('dist/analyse-worker.js') };
    const single = await analyseFiles({ ...options, jobs: 1 });
    const threaded = await analyseFiles({ ...options, jobs: 2, render: { kind: 'json' as const } });
    assert.equal(threaded.workers, 1);
    assert.deepEqual(threaded.files, []);
    assert.ok(threaded.rendered);
    assert.equal(threaded.rendered.pieces.length, 120);
    const texts = threaded.rendered.pieces.map((bytes) => Buffer.from(bytes).toString('utf8'));
    assert.equal(jsonReportText({ texts, totals: threaded.rendered.totals }).join(''), JSON.stringify(toJsonReport(single.files), null, 2));
    assert.deepEqual(threaded.rendered.totals, summarize(single.files));
  });

  it('hands each rendered file over in path order as soon as the files before it are done, in one thread and in two', async () => {
    const files: Record<string, string | Uint8Array> = { 'a050.md': png, 'notes.json': '{"not": "a post"}' };
    for (let i = 0; i < 120; i++) if (i !== 50) files[`a${String(i).padStart(3, '0')}.md`] = `Rents rose ${i}% [per the ONS](https://ons.gov.uk), and costs ${i + 1}%.\n`.repeat(1 + (i % 7));
    const root = tree(files);
    const options = { paths: ['.'], cwd: root, maxSize: 1e6, workerScript: resolve('dist/analyse-worker.js'), render: { kind: 'json' as const } };
    const whole = await analyseFiles({ ...options, jobs: 1 });
    assert.ok(whole.rendered);
    const expected = whole.rendered.pieces.map((bytes) => Buffer.from(bytes).toString('utf8'));
    assert.equal(expected.length, 119);
    for (const jobs of [1, 2]) {
      const streamed: string[] = [];
      const run = await analyseFiles({ ...options, jobs, onRendered: (bytes) => streamed.push(Buffer.from(bytes).toString('utf8')) });
      assert.equal(run.workers, jobs - 1);
      assert.deepEqual(streamed, expected, `${jobs} thread(s)`);
      assert.deepEqual(run.rendered?.pieces, []);
      assert.deepEqual(run.rendered?.totals, whole.rendered.totals);
      assert.deepEqual(run.skipped, [{ path: 'a050.md', reason: 'looks binary (a PNG image)' }]);
    }
  });

  it('renders the text, CSV and Markdown reports file by file as the reports of the analyses give them', async () => {
    const files: Record<string, string> = { 'z.html': '<p>Wages rose 4% in 2023, <a href="https://ons.gov.uk">the ONS</a> said.</p>\n', 'empty.md': 'No figures.\n' };
    for (let i = 0; i < 100; i++) files[`a${String(i).padStart(3, '0')}.md`] = `Rents rose ${i}% [per the ONS](https://ons.gov.uk), "quoted" | pipes.\n\nCosts rose ${i + 1}% in March, to about ${i * 3} homes.\n`;
    const root = tree(files);
    const options = { paths: ['.'], cwd: root, maxSize: 1e6, workerScript: resolve('dist/analyse-worker.js') };
    const single = await analyseFiles({ ...options, jobs: 1 });
    const text = (run: Awaited<ReturnType<typeof analyseFiles>>) => (run.rendered?.pieces ?? []).map((bytes) => Buffer.from(bytes).toString('utf8')).join('');
    const lines = single.files.flatMap((file) => findingsOf(file).map((finding) => `${findingLine(file.path, finding, ansiStyles)}\n`)).join('');
    assert.ok(lines.length > 1000);
    const quietLines = single.files.flatMap((file) => findingsOf(file).filter((f) => f.severity !== 'info').map((finding) => `${findingLine(file.path, finding, ansiStyles)}\n`)).join('');
    for (const jobs of [1, 2]) {
      assert.equal(text(await analyseFiles({ ...options, jobs, render: { kind: 'text', quiet: false, color: true } })), lines);
      assert.equal(text(await analyseFiles({ ...options, jobs, render: { kind: 'text', quiet: true, color: true } })), quietLines);
      assert.equal(csvHead(false) + text(await analyseFiles({ ...options, jobs, render: { kind: 'csv' } })), toCsv(single.files));
      const markdown = await analyseFiles({ ...options, jobs, render: { kind: 'markdown' } });
      assert.ok(markdown.rendered);
      assert.equal(markdownHead(markdown.rendered.totals) + text(markdown), toMarkdown(single.files));
    }
  });

  it('stops handing out files when its signal is aborted', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`a${String(i).padStart(3, '0')}.md`] = figures.repeat(40);
    const root = tree(files);
    const controller = new AbortController();
    const run = await analyseFiles({
      paths: ['.'], cwd: root, maxSize: 1e6, jobs: 2, workerScript: resolve('dist/analyse-worker.js'), signal: controller.signal,
      onProgress: (done) => done === 20 && controller.abort(),
    });
    assert.equal(run.cancelled, true);
    assert.ok(run.files.length < 400 && run.files.length >= 20, `${run.files.length} files analysed`);
  });
});

describe('workspace: InOrder', () => {
  it('gives items out by index as soon as every index before has arrived, and what is left on flush', () => {
    const out: string[] = [];
    const order = new InOrder<string>((item) => out.push(item));
    order.put(2, ['c']);
    order.put(1, []);
    assert.deepEqual(out, []);
    order.put(0, ['a', 'b']);
    assert.deepEqual(out, ['a', 'b', 'c']);
    order.put(5, ['f']);
    order.put(4, ['e']);
    assert.deepEqual(out, ['a', 'b', 'c']);
    order.flush();
    assert.deepEqual(out, ['a', 'b', 'c', 'e', 'f']);
  });
});

describe('cli: --jobs', function () {
  this.timeout(60_000);
  const cli = resolve('dist/cli.js');

  it('prints the same report in two threads as in one', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`a${String(i).padStart(3, '0')}.md`] = `Rents rose ${i}% in the year to March, and ${i + 3}% more [per the ONS](https://ons.gov.uk).\n`;
    const root = tree(files);
    const one = spawnSync(process.execPath, [cli, 'check', '-f', 'json', '--jobs', '1'], { cwd: root, encoding: 'utf8' });
    const two = spawnSync(process.execPath, [cli, 'check', '-f', 'json', '--jobs', '2'], { cwd: root, encoding: 'utf8' });
    assert.equal(one.status, 0, one.stderr);
    assert.equal(two.status, 0, two.stderr);
    assert.equal(JSON.parse(one.stdout).files.length, 100);
    assert.equal(two.stdout, one.stdout);
  });

  it('prints the same text, SARIF, CSV and Markdown reports and the same messages in two threads as in one', () => {
    const files: Record<string, string | Uint8Array> = {
      'b/.claimlensrc.json': '{ "scope": "paragraph", "languages": ["xx"] }',
      'b/picture.md': png,
      'b/wages.html': '<p>Wages rose 4% in 2023, <a href="https://ons.gov.uk">the ONS</a> said.</p>\n',
    };
    for (let i = 0; i < 110; i++) {
      files[`${i % 2 ? 'a' : 'b'}/f${String(i).padStart(3, '0')}.md`] = `# Rents\n\nRents rose ${i}% in the year to March, and ${i + 3}% more [per the ONS](https://ons.gov.uk).\n\nAbout ${i * 7} people, according to the council.\n`;
    }
    const root = tree(files);
    for (const format of ['text', 'sarif', 'csv', 'markdown']) {
      const one = spawnSync(process.execPath, [cli, 'check', '-f', format, '--jobs', '1', '.'], { cwd: root, encoding: 'utf8' });
      const two = spawnSync(process.execPath, [cli, 'check', '-f', format, '--jobs', '2', '.'], { cwd: root, encoding: 'utf8' });
      assert.equal(one.status, 2, `${format}: ${one.stderr}`);
      assert.equal(two.status, one.status, format);
      assert.ok(one.stdout.length > 10_000, `${format}: ${one.stdout.length} characters`);
      assert.equal(two.stdout, one.stdout, format);
      assert.equal(two.stderr, one.stderr, format);
      assert.match(one.stderr, /picture\.md:1:1 error read-error/u);
      assert.match(one.stderr, /config-error/u);
    }
  });

  it('says where each thread spent its time with CLAIMLENS_TIMINGS=1, and prints the same report', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`a${String(i).padStart(3, '0')}.md`] = `Rents rose ${i}% in the year to March.\n`;
    const root = tree(files);
    const plain = spawnSync(process.execPath, [cli, 'check', '-f', 'json', '--jobs', '2'], { cwd: root, encoding: 'utf8' });
    const timed = spawnSync(process.execPath, [cli, 'check', '-f', 'json', '--jobs', '2'], { cwd: root, encoding: 'utf8', env: { ...process.env, CLAIMLENS_TIMINGS: '1' } });
    assert.equal(timed.stdout, plain.stdout);
    assert.equal(plain.stderr, '');
    assert.match(timed.stderr, /^claimlens timings: main thread: wall \d+ ms.*; discover \(awaited\) \d+ ms.*analyse \d+ ms, render \d+ ms/mu);
    assert.match(timed.stderr, /^claimlens timings: worker \d+: wall \d+ ms.*analyse \d+ ms/mu);
  });

  it('refuses a count that is not a whole number from 1', () => {
    const r = spawnSync(process.execPath, [cli, 'check', '--jobs', '0'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--jobs must be a whole number from 1 to 999; got '0'/u);
  });
});
