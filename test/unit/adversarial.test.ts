import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { analyze, findingsOf, parseBibliography, planBibliography, toCsv, toJsonReport, toMarkdown, type Analysis, type Format } from '../../src/core/index';
import { parseConfigText } from '../../src/core/config';
import { readGuarded } from '../../src/workspace/guarded-read';
import { cpuTime } from './cpu-time';

// Hostile workspaces: files a stranger's repository can hold. Each case runs
// the CLI as a process (and, for the analysis alone, `analyze()`) on
// generated input at 100 KB and at 1 MB, and checks that it ends with a
// clear outcome naming the file, that its CPU time grows no more than 12×
// for 10× the input, that the process stays under 500 MB, and that nothing
// outside the workspace is read.

const cli = resolve('dist/cli.js');
const small = 100_000;
const large = 1_000_000;
/** CPU time growth allowed from 100 KB to 1 MB: linear is 10×. */
const maxGrowth = 12;
/** Below this much CPU time (ms, start-up excluded) the 100 KB run is too short to judge growth by. */
const floorMs = 60;
const maxRssKB = 500 * 1024;

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'claimlens-hostile-')));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes the preload that reports the CLI's own CPU time and peak memory when it exits. */
const usageReporter = join(scratch, 'report-usage.cjs');
writeFileSync(
  usageReporter,
  "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.CLAIMLENS_USAGE_FILE, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000, rss: u.maxRSS })); });\n",
);

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** CPU ms of the CLI process. */
  readonly cpu: number;
  /** Peak resident memory of the CLI process, in KB. */
  readonly rss: number;
}

let runs = 0;
/** Runs `claimlens check ARGS` in `cwd`, a git work tree of its own (so that it is the workspace root). */
function runCli(cwd: string, args: readonly string[]): Run {
  const usageFile = join(scratch, `usage-${++runs}.json`);
  const result = spawnSync(process.execPath, ['--require', usageReporter, cli, 'check', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', CLAIMLENS_USAGE_FILE: usageFile },
  });
  assert.notEqual(result.signal, 'SIGTERM', `claimlens check ${args.join(' ')} in ${cwd} did not end within 60 s`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpu: number; rss: number };
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ...usage };
}

/** A fresh workspace (a folder with a `.git`, so it is the root reads are kept in) holding `files`. */
function workspace(name: string, files: Record<string, string>): string {
  const root = join(scratch, `${name}-${runs}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(join(root, '.git'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** `unit` repeated to `n` characters. */
function repeat(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Lines built by `line(i)` until `n` characters. */
function linesUpTo(n: number, line: (i: number) => string, head = ''): string {
  const parts = [head];
  let length = head.length;
  for (let i = 0; length < n; i++) {
    const next = line(i);
    parts.push(next);
    length += next.length;
  }
  return parts.join('');
}

let baseline: number | undefined;
/** CPU ms of the CLI on a one-line article: start-up, subtracted before growth is judged. */
function startupCpu(): number {
  if (baseline === undefined) {
    const root = workspace('baseline', { 'a.md': 'Sales rose 5%.\n' });
    baseline = Math.min(runCli(root, ['.']).cpu, runCli(root, ['.']).cpu);
  }
  return baseline;
}

interface CliCase {
  readonly name: string;
  /** The workspace's files at about `n` characters of hostile input. */
  readonly files: (n: number) => Record<string, string>;
  readonly args?: readonly string[];
  /** What the outcome must show (a problem naming the file, claims still found…). */
  readonly check: (run: Run) => void;
}

const article = 'Sales rose 5% in 2024.\n';
const bibArticle = (file: string) => `---\nbibliography: ${file}\n---\nSales rose 5% [@k1].\n`;
const names = (run: Run, file: string, what: RegExp) =>
  assert.ok(
    run.stderr.split('\n').some((line) => line.startsWith(`${file}:`) && what.test(line)) || run.stdout.split('\n').some((line) => line.includes(file) && what.test(line)),
    `expected a line naming ${file} and matching ${what}; stderr: ${run.stderr.slice(0, 400)}; stdout: ${run.stdout.slice(0, 400)}`,
  );
const findsTheClaim = (run: Run) => assert.match(run.stdout, /uncited-claim Uncited claim "5%"/u);

const cliCases: readonly CliCase[] = [
  {
    name: 'a ReDoS ignorePatterns entry in .claimlensrc.json, over many claims',
    files: (n) => ({
      '.claimlensrc.json': JSON.stringify({ ignorePatterns: ['^(?:.|.|.|.|.|.|.|.)*x$', '^\\$40 billion$', '(?<=a)b'] }),
      'a.md': repeat('It cost $40 billion and rose 12%, the report says. ', n),
    }),
    check: (run) => {
      // The good pattern still ignores "$40 billion"; the one RE2 cannot read is named with its field.
      names(run, '.claimlensrc.json', /config-error ignorePatterns\.2: not a valid regular expression/u);
      assert.match(run.stdout, /Uncited claim "12%"/u);
      assert.doesNotMatch(run.stdout, /"\$40 billion"/u);
    },
  },
  {
    name: 'CSL-YAML with YAML aliases (an alias bomb)',
    files: (n) => ({ 'refs.yaml': yamlAliases(n), 'a.md': bibArticle('refs.yaml') }),
    check: (run) => names(run, 'refs.yaml', /bibliography-error .*alias/iu),
  },
  {
    name: 'deeply nested [ in .claimlensrc.json',
    files: (n) => ({ '.claimlensrc.json': repeat('[', n), 'a.md': article }),
    check: (run) => {
      names(run, '.claimlensrc.json', /config-error \(syntax\): invalid JSON: nested more than 256 levels deep/u);
      findsTheClaim(run);
    },
  },
  {
    name: 'one sentence with many claims and many sources, --format json',
    files: (n) => ({ 'a.md': `${manyClaimsAndSources(n)}\n` }),
    args: ['--format', 'json'],
    check: (run) => {
      const report = JSON.parse(run.stdout) as { files: { claims: { sources: unknown[]; moreSources?: number }[] }[] };
      const claims = report.files[0].claims;
      assert.ok(claims.length > 1000 && claims.every((c) => c.sources.length <= 5 && (c.moreSources ?? 0) > 0));
    },
  },
  {
    name: '<ul><li> nested deeply in HTML',
    files: (n) => ({ 'a.html': `${repeat('<ul><li>', n)} Sales rose 5%.` }),
    check: findsTheClaim,
  },
];

describe('hostile input: the CLI ends in time linear in the input, in bounded memory, naming the file', function () {
  this.timeout(120_000);
  for (const c of cliCases) {
    it(c.name, () => {
      const args = [...(c.args ?? []), '.'];
      const runAt = (n: number): Run => runCli(workspace('case', c.files(n)), args);
      const first = runAt(small);
      let second = runAt(large);
      c.check(first);
      c.check(second);
      const base = startupCpu();
      const growth = (a: Run, b: Run) => (b.cpu - base) / Math.max(a.cpu - base, floorMs);
      // One more measurement of the large input when it looks slow: a busy machine can stretch any one run.
      if (growth(first, second) > maxGrowth) second = runAt(large);
      assert.ok(
        growth(first, second) <= maxGrowth,
        `${c.name}: ${first.cpu.toFixed(0)} ms of CPU at 100 KB, ${second.cpu.toFixed(0)} ms at 1 MB (start-up ${base.toFixed(0)} ms): ` +
          `${growth(first, second).toFixed(1)}× for 10× the input`,
      );
      assert.ok(second.rss < maxRssKB, `${c.name}: ${(second.rss / 1024).toFixed(0)} MB at 1 MB of input`);
      assert.doesNotMatch(first.stderr + second.stderr, /\n\s+at /u, 'a stack trace escaped');
    });
  }
});

function yamlAliases(n: number): string {
  return linesUpTo(n, (i) => `- {id: k${i + 1}, title: *a, note: [*a, *a, *a]}\n`, '- &a {id: k0, title: "T"}\n');
}

function manyClaimsAndSources(n: number): string {
  return repeat('rose 5% [x](https://x.org/a) per WIPO ', n);
}

/** Letters for a number, so that generated phrases stay words: 0 → "a", 27 → "bb". */
function word(i: number): string {
  let out = '';
  do {
    out += String.fromCharCode(97 + (i % 26));
    i = Math.floor(i / 26);
  } while (i > 0);
  return out;
}

interface CoreCase {
  readonly name: string;
  /** Input of about `n` characters. */
  readonly make: (n: number) => string;
  /** The work timed; returns what `check` looks at. */
  readonly run: (input: string) => unknown;
  readonly check: (result: unknown) => void;
  /** Work done before timing (the analysis an export reads). */
  readonly prepare?: (input: string) => void;
}

const problemsOf = (result: unknown) => ((result as { problems: readonly { message: string; file?: string }[] }).problems ?? []);
const reportsProblem = (what: RegExp) => (result: unknown) =>
  assert.ok(problemsOf(result).some((p) => what.test(p.message)), `no problem matching ${what}: ${JSON.stringify(problemsOf(result).slice(0, 3))}`);
const analysed = (text: string, format: Format, settings: Record<string, unknown> = {}) =>
  analyze(text, { format, settings: parseConfigText(JSON.stringify(settings), 'c.json').settings });
/** The analysis of an export's input, made once per input so that the export alone is timed. */
const analyses = new Map<string, Analysis>();
const reportFile = (text: string) => {
  let analysis = analyses.get(text);
  if (!analysis) analyses.set(text, (analysis = analysed(text, 'markdown')));
  return [{ path: 'a.md', text, analysis }];
};

const coreCases: readonly CoreCase[] = [
  {
    name: 'inline references: with aliases in front matter',
    make: (n) => `---\nreferences:\n${yamlAliases(n)}---\nSales rose 5% [@k0].\n`,
    run: (t) => planBibliography(t, 'markdown', [], 'a.md'),
    check: reportsProblem(/alias/iu),
  },
  { name: 'BibTeX: "@a{" repeated', make: (n) => repeat('@a{', n), run: (t) => parseBibliography(t, 'refs.bib'), check: reportsProblem(/never ends/u) },
  {
    name: 'BibTeX: many @string macros and many broken entries',
    make: (n) => linesUpTo(n, (i) => `@article{k${i}, title = {x} # s${i % 200}, author = "unclosed\n}\n`, linesUpTo(2000, (i) => `@string{s${i} = "v${i}"}\n`)),
    run: (t) => parseBibliography(t, 'refs.bib'),
    check: reportsProblem(/never ends/u),
  },
  {
    name: 'CSL-JSON with many broken items',
    make: (n) => `[${linesUpTo(n, (i) => `{"id": "k${i}", "title": "T" "x": },\n`)}]`,
    run: (t) => parseBibliography(t, 'refs.json'),
    check: reportsProblem(/reference "k1"/u),
  },
  { name: 'CSL-JSON nested [', make: (n) => repeat('[', n), run: (t) => parseBibliography(t, 'refs.json'), check: reportsProblem(/Nested more than 256 levels deep/u) },
  { name: 'CSL-YAML nested [ and "- - -"', make: (n) => `${repeat('- ', n / 2)}${repeat('[', n / 2)}`, run: (t) => parseBibliography(t, 'refs.yaml'), check: reportsProblem(/Nested more than 256/u) },
  {
    name: 'front matter nested [',
    make: (n) => `---\nreferences: ${repeat('[', n)}\n---\nSales rose 5%.\n`,
    run: (t) => planBibliography(t, 'markdown', [], 'a.md'),
    check: reportsProblem(/Nested more than 256/u),
  },
  {
    name: 'many unknown keys in .claimlensrc.yaml',
    make: (n) => linesUpTo(n, (i) => `key${i}: 1\n`),
    run: (t) => parseConfigText(t, '.claimlensrc.yaml'),
    check: (r) => {
      const { message, ...where } = (r as ReturnType<typeof parseConfigText>).issues[1];
      assert.deepEqual(where, { file: '.claimlensrc.yaml', field: 'key1', line: 2, column: 1 });
      assert.match(message, /^unknown setting; expected one of scope, report/u);
    },
  },
  {
    name: 'many unknown keys in .claimlensrc.json',
    make: (n) => `{${linesUpTo(n, (i) => `"key${i}": 1,\n`)}"scope": "paragraph"}`,
    run: (t) => parseConfigText(t, '.claimlensrc.json'),
    check: (r) => assert.equal((r as ReturnType<typeof parseConfigText>).settings.scope, 'paragraph'),
  },
  {
    name: 'nested [ in .claimlensrc.yaml',
    make: (n) => `ignorePatterns: ${repeat('[', n)}`,
    run: (t) => parseConfigText(t, '.claimlensrc.yaml'),
    check: (r) => assert.match((r as ReturnType<typeof parseConfigText>).issues[0].message, /nested more than 256 levels deep/u),
  },
  {
    name: 'thousands of attributionPhrases',
    make: (n) => repeat('Sales rose 5%, as tallied by d WIPO. ', n),
    run: (t) => analysed(t, 'markdown', { attributionPhrases: Array.from({ length: 10_000 }, (_, i) => `as tallied by ${word(i)}`) }),
    check: (r) => assert.equal((r as Analysis).claims[0].sources[0]?.name, 'WIPO'),
  },
  {
    name: 'a ReDoS ignore pattern on every claim',
    make: (n) => repeat('It cost $40 billion. ', n),
    run: (t) => analysed(t, 'text', { ignorePatterns: ['^(?:.|.|.|.|.|.|.|.)*x$'] }),
    check: (r) => assert.equal((r as Analysis).claims[0].status, 'uncited'),
  },
  { name: '"Source: ONS" repeated in one sentence', make: (n) => repeat('Source: ONS 5% ', n), run: (t) => analysed(t, 'markdown'), check: (r) => assert.equal((r as Analysis).claims[0].status, 'attributed') },
  { name: '"per WIPO" repeated in one sentence', make: (n) => repeat('per WIPO 5% ', n), run: (t) => analysed(t, 'text'), check: (r) => assert.equal((r as Analysis).claims[1].status, 'attributed') },
  ...(['<b>', '<cite>', '<ul><li>'] as const).map(
    (tag): CoreCase => ({
      name: `${tag} nested in HTML`,
      make: (n) => `<p>Sales rose 5%.</p>${repeat(tag, n)} x`,
      run: (t) => analysed(t, 'html'),
      check: (r) => assert.equal((r as Analysis).claims.length, 1),
    }),
  ),
  {
    name: 'messages of one sentence with many claims and many sources',
    make: manyClaimsAndSources,
    prepare: (t) => void reportFile(t),
    run: (t) => findingsOf({ ...reportFile(t)[0], settings: { report: ['cited', 'attributed', 'uncited'], scope: 'sentence' } }).map((f) => f.message).join('\n').length,
    check: (r) => assert.ok((r as number) > 0),
  },
  ...(['CSV', 'Markdown', 'JSON'] as const).map(
    (kind): CoreCase => ({
      name: `the ${kind} export of one sentence with many claims and many sources`,
      make: manyClaimsAndSources,
      prepare: (t) => void reportFile(t),
      run: (t) => {
        const files = reportFile(t);
        return (kind === 'CSV' ? toCsv(files) : kind === 'Markdown' ? toMarkdown(files) : JSON.stringify(toJsonReport(files))).length;
      },
      check: (r) => assert.ok((r as number) > 0),
    }),
  ),
];


describe('hostile input: the core reads each in time linear in the input', function () {
  this.timeout(60_000);
  for (const c of coreCases) {
    it(c.name, () => {
      const smallInput = c.make(small);
      const largeInput = c.make(large);
      c.prepare?.(smallInput);
      c.prepare?.(largeInput);
      c.check(c.run(smallInput));
      let result: unknown;
      const first = Math.min(cpuTime(() => c.run(smallInput)), cpuTime(() => c.run(smallInput)));
      let second = cpuTime(() => (result = c.run(largeInput)));
      c.check(result);
      const bound = () => maxGrowth * Math.max(first, floorMs);
      if (second > bound()) second = Math.min(second, cpuTime(() => c.run(largeInput)));
      assert.ok(second <= bound(), `${c.name}: ${first.toFixed(1)} ms of CPU at 100 KB, ${second.toFixed(0)} ms at 1 MB`);
    });
  }
});

/** Makes a FIFO with `mkfifo`; false where there is none. */
function mkfifo(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}

describe('hostile input: nothing blocks, nothing outside the workspace is read', function () {
  this.timeout(60_000);
  const secret = 'Top secret title 7f3a';

  /** A folder beside the workspace holding a bibliography and an article with the secret. */
  function outside(): string {
    const dir = join(scratch, `outside-${Math.random().toString(36).slice(2, 8)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'secret.bib'), `@article{k1, title = {${secret}}, url = {https://secret.example/${secret}}}\n`);
    writeFileSync(join(dir, 'secret.md'), `${secret}: revenue of $9 billion.\n`);
    return dir;
  }

  const leaks = (run: Run) => assert.ok(!(run.stdout + run.stderr).includes(secret), `the secret was read: ${run.stdout.slice(0, 300)} ${run.stderr.slice(0, 300)}`);

  it('a /dev/zero, /dev/stdin or FIFO bibliography and an article that links to a FIFO end at once with a problem each', () => {
    const root = workspace('devices', {
      'zero.md': bibArticle('/dev/zero'),
      'stdin.md': bibArticle('/dev/stdin'),
      'fifo.md': bibArticle('fifo.bib'),
    });
    const fifos = mkfifo(join(root, 'fifo.bib')) && mkfifo(join(root, 'pipe'));
    if (fifos) symlinkSync(join(root, 'pipe'), join(root, 'linked.md'));
    const run = runCli(root, ['--format', 'json', '.']);
    assert.ok(run.rss < maxRssKB);
    const report = JSON.parse(run.stdout) as { files: { path: string; problems: { code: string; message: string }[] }[] };
    const problem = (path: string) => report.files.find((f) => f.path === path)?.problems.map((p) => `${p.code}: ${p.message}`).join('\n') ?? '';
    assert.match(problem('zero.md'), /bibliography-error: Bibliography file \/dev\/zero could not be read: (?:outside the workspace folder|not a regular file)/u);
    // Standard input is a pipe here, which has no path to resolve; a terminal or file would be refused as above.
    assert.match(problem('stdin.md'), /(?:bibliography-error: Bibliography file \/dev\/stdin could not be read|missing-bibliography: Bibliography file not found: \/dev\/stdin)/u);
    if (fifos) {
      assert.match(problem('fifo.md'), /bibliography-error: Bibliography file fifo.bib could not be read: not a regular file/u);
      assert.match(run.stderr, /^linked\.md:1:1 error read-error not a regular file; file skipped$/mu);
    }
  });

  it('the guarded reader refuses a FIFO on the open handle, without blocking', async () => {
    const dir = workspace('fifo-reader', {});
    if (!mkfifo(join(dir, 'f.bib'))) return;
    const read = await readGuarded(join(dir, 'f.bib'), { maxBytes: 1000, root: dir });
    assert.deepEqual(read, { ok: false, missing: false, reason: 'not a regular file; not read' });
    const zero = await readGuarded('/dev/zero', { maxBytes: 1000 });
    assert.deepEqual(zero, { ok: false, missing: false, reason: 'not a regular file; not read' });
  });

  it('front matter paths, setting paths and globs that lead out of the workspace read nothing there', () => {
    const away = outside();
    const root = workspace('contained', {
      '.claimlensrc.json': JSON.stringify({ bibliography: ['../../../../../../**', `${away}/**`, `${away}/secret.bib`] }),
      'up.md': `---\nbibliography: ../${away.split('/').pop()}/secret.bib\n---\nSales rose 5% [@k1].\n`,
      'absolute.md': bibArticle(`${away}/secret.bib`),
      'etc.md': bibArticle('/etc/passwd'),
    });
    symlinkSync(join(away, 'secret.bib'), join(root, 'linked.bib'));
    writeFileSync(join(root, 'via-link.md'), bibArticle('linked.bib'));
    symlinkSync(join(away, 'secret.md'), join(root, 'leak.md'));
    for (const format of ['json', 'text']) {
      const run = runCli(root, ['--format', format, '.']);
      leaks(run);
      if (format === 'json') {
        const report = JSON.parse(run.stdout) as { files: { path: string; problems: { message: string }[] }[] };
        assert.deepEqual(report.files.map((f) => f.path), ['absolute.md', 'etc.md', 'up.md', 'via-link.md']);
        for (const file of report.files) assert.match(file.problems.map((p) => p.message).join('\n'), /outside the workspace folder/u, file.path);
      }
    }
  });

  it('a glob through a loop of links reads each file once', () => {
    const root = workspace('loop', {
      'refs/one.bib': '@article{k1, title = {Harbour Tonnage}}\n',
      '.claimlensrc.json': JSON.stringify({ bibliography: ['refs/**/*.bib'] }),
      'a.md': 'Sales rose 5% [@k1].\n',
    });
    symlinkSync(join(root, 'refs'), join(root, 'refs', 'again'));
    symlinkSync(join(root, 'refs', 'one.bib'), join(root, 'refs', 'same.bib'));
    const run = runCli(root, ['--format', 'json', '.']);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout) as { files: { claims: { sources: { title?: string }[] }[] }[] };
    assert.deepEqual(report.files[0].claims[0].sources.map((s) => s.title), ['Harbour Tonnage']);
  });

  it('with --root the user reads bibliographies from a folder of their choosing', () => {
    const away = outside();
    const root = workspace('rooted', { 'a.md': bibArticle(`${away}/secret.bib`) });
    const run = runCli(root, ['--root', scratch, '--format', 'json', '.']);
    assert.ok(run.stdout.includes(secret));
  });
});

describe('hostile input: exports that are safe to open', function () {
  this.timeout(30_000);

  it('CSV cells that a spreadsheet would run begin with a quote; plain numbers stay numbers', () => {
    const root = workspace('csv', { 'a.md': 'It fell -3% per =HYPERLINK("https://evil.example") and +2 per @SUM(A1) on [x](https://x.org/=1).\n' });
    const run = runCli(root, ['--format', 'csv', '.']);
    const cells = run.stdout.split('\r\n').slice(1).filter(Boolean).flatMap((row) => row.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/gu) ?? []).map((c) => c.replace(/,$/u, '').replace(/^"|"$/gu, ''));
    assert.ok(cells.length > 10, run.stdout);
    for (const cell of cells) assert.ok(!/^[=+@\t\r]/u.test(cell) && !/^-(?!\d+(?:\.\d+)?$)/u.test(cell), `a cell a spreadsheet would run: ${cell}`);
    assert.match(run.stdout, /'-3%/u);
  });

  it('a | in a source URL does not split the Markdown table cell', () => {
    const root = workspace('md', { 'a.md': 'Sales rose 5% [x](https://x.org/a|b|c).\n' });
    const run = runCli(root, ['--format', 'markdown', '.']);
    const lines = run.stdout.split('\n');
    const header = lines.find((line) => line.startsWith('| Line |'));
    const row = lines.find((line) => line.startsWith('| 1 |'));
    assert.ok(header && row, run.stdout);
    // Cells are split by pipes that are not escaped: the row has as many as the header.
    assert.equal(row.replace(/\\\|/gu, '').split('|').length, header.split('|').length, row);
    assert.match(row, /https:\/\/x\.org\/a%7Cb%7Cc/u);
  });

  it('control characters in file names and citation keys reach the terminal escaped', () => {
    const evil = 'evil\u001b[2J\rother.md:9:9 error forged.md';
    const root = workspace('controls', { [evil]: 'Sales rose 5%.\n' });
    const run = runCli(root, ['.']);
    assert.doesNotMatch(run.stdout + run.stderr, /[\u0000-\u0008\u000b-\u001f\u007f]/u);
    assert.match(run.stdout, /^evil\\x1b\[2J\\x0dother\.md:9:9 error forged\.md:1:12 warning uncited-claim/mu);
  });

  it('a write error on stdout exits 2 with one line on stderr', function () {
    // /dev/full is checked by name only: reading it gives zeros for ever.
    if (!existsSync('/dev/full')) this.skip();
    const root = workspace('full', { 'a.md': article });
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" check . > /dev/full`], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'claimlens: cannot write the output: no space left on the device (ENOSPC)\n');
  });
});
