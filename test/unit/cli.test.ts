import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const cli = resolve('dist/cli.js');
const newsroom = resolve('test/fixtures/cli/newsroom');
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  contributes: { problemMatchers: { name: string; pattern: { regexp: string } }[] };
};

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const baseEnv = { ...process.env };
delete baseEnv.NO_COLOR;
delete baseEnv.FORCE_COLOR;

function run(cwd: string, args: readonly string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...baseEnv, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder holding `files` (path → text or bytes), removed after the suite. */
const made: string[] = [];
function tree(files: Record<string, string | Uint8Array>, copyOf?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'claimlens-cli-'));
  made.push(root);
  if (copyOf) cpSync(copyOf, root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
after(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

interface JsonOut {
  files: { path: string; claims: { text: string; status: string; line: number; column: number }[]; problems: unknown[] }[];
  summary: Record<string, number>;
}
const json = (r: Run) => JSON.parse(r.stdout) as JsonOut;
const paths = (r: Run) => json(r).files.map((f) => f.path);

const figures = 'Revenue rose 12% to $4 billion.\n';

describe('cli: commands and usage errors', () => {
  it('--version prints the package version', () => {
    assert.deepEqual(run('.', ['--version']), { code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('--help and check --help print the usage', () => {
    for (const args of [['--help'], ['check', '--help'], ['help']]) {
      const r = run('.', args);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage: claimlens check \[options\] \[paths, folders, globs…\]\n/);
      assert.match(r.stdout, /--max-uncited N/);
    }
  });

  const usage: [string, string[], string][] = [
    ['no command', [], "claimlens: no command given.\nRun 'claimlens --help' for usage.\n"],
    ['an unknown command', ['lint'], "claimlens: unknown command 'lint'.\nRun 'claimlens --help' for usage.\n"],
    ['an unknown flag', ['check', '--bogus'], "claimlens: Unknown option '--bogus'.\nRun 'claimlens --help' for usage.\n"],
    ['a bad format', ['check', '--format', 'xml'], "claimlens: --format must be one of text, json, sarif, csv, markdown; got 'xml'.\nRun 'claimlens --help' for usage.\n"],
    ['a bad --max-uncited', ['check', '--max-uncited', 'many'], "claimlens: --max-uncited must be a whole number, 0 or more; got 'many'.\nRun 'claimlens --help' for usage.\n"],
    ['a bad --scope', ['check', '--scope', 'page'], "claimlens: --scope must be one of sentence, paragraph; got 'page'.\nRun 'claimlens --help' for usage.\n"],
    ['a bad --max-size', ['check', '--max-size', 'huge'], "claimlens: --max-size must be a size such as 10mb, 512kb or 1000000; got 'huge'.\nRun 'claimlens --help' for usage.\n"],
    ['a missing value', ['check', '--format'], "claimlens: Option '-f, --format <value>' argument missing.\nRun 'claimlens --help' for usage.\n"],
  ];
  for (const [name, args, stderr] of usage) {
    it(`exits 2 on ${name}`, () => assert.deepEqual(run('.', args), { code: 2, stdout: '', stderr }));
  }

  it('exits 2 when a path names nothing, a glob matches nothing or a file is of no known format', () => {
    const root = tree({ 'a.md': figures, 'data.csv': 'a,b\n' });
    assert.deepEqual(run(root, ['check', 'a.md', 'missing.md', 'drafts/**/*.md', 'data.csv']), {
      code: 2,
      stdout: '',
      stderr:
        'claimlens: no such file or folder: missing.md\n' +
        'claimlens: no file Claim Lens reads matches drafts/**/*.md\n' +
        'claimlens: not a file Claim Lens reads: data.csv (it reads .md, .markdown, .mdx, .html, .htm, .txt, and WordPress posts and exports in .json and .xml)\n',
    });
  });

  it('exits 2 when --config names no file', () => {
    const root = tree({ 'a.md': figures });
    const r = run(root, ['check', '--config', 'nope.yml']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^claimlens: cannot read the configuration file .*nope\.yml: no such file \(or a broken link\) \(ENOENT\)\n$/);
  });
});

describe('cli: check, text output and exit codes', () => {
  it('prints one line per finding and a summary; nearest config per file; exit 1 on uncited claims', () => {
    const root = tree({}, newsroom);
    assert.deepEqual(run(root, ['check']), {
      code: 1,
      stdout: [
        'archive/2019.md:1:15 info ignored-claim Claim "$3 billion" is ignored.',
        'archive/2019.md:1:35 warning uncited-claim Uncited claim "5%": no link, footnote or citation in its sentence.',
        'economy.md:5:12 warning uncited-claim Uncited claim "3%": no link, footnote or citation in its sentence.',
        'markets.html:4:18 info attributed-claim Claim "8%" is attributed to Reuters, but no link, footnote or citation backs it.',
        'markets.html:5:23 warning uncited-claim Uncited claim "$2 billion": no link, footnote or citation in its sentence.',
        '4 files, 7 claims: 2 cited, 1 attributed, 3 uncited, 1 ignored — coverage 50%',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('exits 0 with --max-uncited at or above the count, 1 below it', () => {
    const root = tree({}, newsroom);
    assert.equal(run(root, ['check', '--max-uncited', '3']).code, 0);
    assert.equal(run(root, ['check', '--max-uncited', '2']).code, 1);
  });

  it('exits 0 when every claim has a source, or there is none', () => {
    const root = tree({
      'cited.md': 'Revenue rose 12% to $4 billion, says the [report](https://example.com/r).\n',
      'plain.txt': 'Notes\n\nNothing here is counted.\n',
    });
    assert.deepEqual(run(root, ['check']), {
      code: 0,
      stdout: '2 files, 2 claims: 2 cited, 0 attributed, 0 uncited, 0 ignored — coverage 100%\n',
      stderr: '',
    });
  });

  it('--quiet keeps warnings only', () => {
    const root = tree({}, newsroom);
    const r = run(root, ['check', '--quiet', 'markets.html', 'economy.md']);
    assert.deepEqual(r, {
      code: 1,
      stdout:
        'economy.md:5:12 warning uncited-claim Uncited claim "3%": no link, footnote or citation in its sentence.\n' +
        'markets.html:5:23 warning uncited-claim Uncited claim "$2 billion": no link, footnote or citation in its sentence.\n',
      stderr: '',
    });
  });

  it('--config overrides every .claimlensrc; --scope overrides the setting', () => {
    const root = tree({ 'strict.yml': 'report: [uncited, cited]\n', 'two.md': 'Revenue rose 12%. The [report](https://example.com/r) came out.\n' }, newsroom);
    const r = run(root, ['check', '--config', 'strict.yml', '--scope', 'paragraph', 'archive', 'two.md']);
    assert.deepEqual(r, {
      code: 1,
      stdout: [
        'archive/2019.md:1:15 warning uncited-claim Uncited claim "$3 billion": no link, footnote or citation in its paragraph.',
        'archive/2019.md:1:35 warning uncited-claim Uncited claim "5%": no link, footnote or citation in its paragraph.',
        'two.md:1:14 info cited-claim Claim "12%" is cited: link to https://example.com/r.',
        '2 files, 3 claims: 1 cited, 0 attributed, 2 uncited, 0 ignored — coverage 33%',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('lines match the claimlens problem matcher of package.json', () => {
    const matcher = packageJson.contributes.problemMatchers.find((m) => m.name === 'claimlens');
    assert.ok(matcher);
    const pattern = new RegExp(matcher.pattern.regexp);
    const lines = run(tree({}, newsroom), ['check']).stdout.trim().split('\n').slice(0, -1);
    assert.equal(lines.length, 5);
    assert.deepEqual(pattern.exec(lines[1])?.slice(1), [
      'archive/2019.md', '1', '35', 'warning', 'uncited-claim', 'Uncited claim "5%": no link, footnote or citation in its sentence.',
    ]);
    for (const line of lines) assert.match(line, pattern);
  });

  it('colours only on request: FORCE_COLOR on a pipe, never with NO_COLOR or --no-color', () => {
    const root = tree({ 'a.md': figures });
    const plain = run(root, ['check']).stdout;
    assert.doesNotMatch(plain, /\u001b\[/);
    assert.match(run(root, ['check'], { FORCE_COLOR: '1' }).stdout, /\u001b\[33mwarning\u001b\[39m/);
    assert.equal(run(root, ['check'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, plain);
    assert.equal(run(root, ['check', '--no-color'], { FORCE_COLOR: '1' }).stdout, plain);
  });
});

describe('cli: finding files', () => {
  it('walks folders, skipping node_modules, .git and what .gitignore files ignore, nested ones below their folder', () => {
    const root = tree({
      '.gitignore': 'drafts/\n*.tmp.md\n',
      'a.md': figures,
      'b.tmp.md': figures,
      'drafts/c.md': figures,
      'docs/d.md': figures,
      'docs/.gitignore': 'private.md\n!keep.tmp.md\n',
      'docs/private.md': figures,
      'docs/keep.tmp.md': figures,
      'docs/deeper/private.md': figures,
      'other/private.md': figures,
      'node_modules/pkg/readme.md': figures,
      'docs/node_modules/x.md': figures,
      '.git/notes.md': figures,
      'image.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]),
    });
    mkdirSync(join(root, '.git', 'refs'), { recursive: true });
    assert.deepEqual(paths(run(root, ['check', '--format', 'json'])), ['a.md', 'docs/d.md', 'docs/keep.tmp.md', 'other/private.md']);
    // From a subfolder: the rules above it still apply (the .git folder marks the top).
    assert.deepEqual(paths(run(join(root, 'docs'), ['check', '--format', 'json'])), ['d.md', 'keep.tmp.md']);
    // A folder or file named on the command line is read even when ignored.
    assert.deepEqual(paths(run(root, ['check', '--format', 'json', 'drafts', 'b.tmp.md'])), ['b.tmp.md', 'drafts/c.md']);
  });

  it('expands globs, filtered the same way, and reads each file once in sorted order', () => {
    const root = tree({
      '.gitignore': 'old/\n',
      'z.md': figures,
      'docs/b.md': figures,
      'docs/a.html': '<p>Revenue rose 12%.</p>\n',
      'docs/old/c.md': figures,
      'docs/notes.csv': 'x\n',
    });
    assert.deepEqual(paths(run(root, ['check', '--format', 'json', 'docs/**/*', 'z.md', 'docs/b.md', 'docs'])), ['docs/a.html', 'docs/b.md', 'z.md']);
  });
});

describe('cli: files that cannot be read', () => {
  it('names each such file on stderr, analyses the rest and exits 2', () => {
    const root = tree({
      'good.md': figures,
      'binary.md': new Uint8Array([0x52, 0x65, 0x76, 0x00, 0x01, 0x02]),
      'latin1.txt': new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x32, 0x25, 0x0a]),
      'big.md': `${figures.repeat(100)}`,
      'bom8.md': `\uFEFF${figures}`,
      'bom16.txt': new Uint8Array([0xff, 0xfe, ...Buffer.from(`Title\n\n${figures}`, 'utf16le')]),
    });
    symlinkSync(join(root, 'gone.md'), join(root, 'broken.md'));
    const r = run(root, ['check', '--format', 'json', '--max-size', '1kb']);
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'binary.md:1:1 error read-error looks binary (it holds NUL bytes); UTF-16 text needs a byte order mark; file skipped\n' +
        'broken.md:1:1 error read-error cannot read: no such file (or a broken link) (ENOENT); file skipped\n' +
        'latin1.txt:1:1 error read-error is not valid UTF-8 text; file skipped\n' +
        // Too large is left out on purpose: a note, not an error.
        'big.md:1:1 info skipped larger than 1 KB (3.1 KB); raise --max-size to read it\n',
    );
    const out = json(r);
    assert.deepEqual(out.files.map((f) => f.path), ['bom16.txt', 'bom8.md', 'good.md']);
    // Columns after a byte order mark count from the first character.
    assert.deepEqual(out.files.map((f) => f.claims.map((c) => [c.text, c.line, c.column])), [
      [['12%', 3, 14], ['$4 billion', 3, 21]],
      [['12%', 1, 14], ['$4 billion', 1, 21]],
      [['12%', 1, 14], ['$4 billion', 1, 21]],
    ]);
  });
});

describe('cli: files left out on purpose', () => {
  it('notes a file over --max-size as skipped, counts it in the summary and does not exit 2 for it', () => {
    const root = tree({ 'good.md': figures, 'big.md': figures.repeat(100), 'notes.json': '{"pages": 48}' });
    const r = run(root, ['check', '--max-size', '1kb', 'good.md', 'big.md', 'notes.json']);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      'big.md:1:1 info skipped larger than 1 KB (3.1 KB); raise --max-size to read it\n' +
        'notes.json:1:1 info skipped not a WordPress post, page or export, the only .json and .xml files Claim Lens reads\n',
    );
    assert.equal(r.stdout.trim().split('\n').at(-1), '3 files (2 skipped), 2 claims: 0 cited, 0 attributed, 2 uncited, 0 ignored — coverage 0%');
    // A .json file found in a folder that is no post is passed over without a word.
    const walked = run(root, ['check', '--max-size', '1kb', '.']);
    assert.equal(walked.stderr, 'big.md:1:1 info skipped larger than 1 KB (3.1 KB); raise --max-size to read it\n');
    assert.match(walked.stdout, /^2 files \(1 skipped\), 2 claims/mu);
    assert.equal(run(root, ['check', '--max-size', '1kb', 'big.md']).code, 0);
  });
});

describe('cli: configuration files', () => {
  it('reports a bad config once with file, line, column and field, goes on with its valid fields, and exits 2', () => {
    const root = tree({
      '.claimlensrc.json': '{\n  "report": ["cited"],\n  "scope": "page"\n}\n',
      'a.md': figures,
      'sub/b.md': 'Revenue rose 12% per the [report](https://example.com/r).\n',
    });
    const r = run(root, ['check']);
    assert.deepEqual(r, {
      code: 2,
      stdout:
        'sub/b.md:1:14 info cited-claim Claim "12%" is cited: link to https://example.com/r.\n' +
        '2 files, 3 claims: 1 cited, 0 attributed, 2 uncited, 0 ignored — coverage 33%\n',
      stderr: '.claimlensrc.json:3:3 error config-error scope: Invalid option: expected one of "sentence"|"paragraph"\n',
    });
  });

  it('reports a syntax error with its position and uses the defaults', () => {
    const root = tree({ '.claimlensrc.yml': 'report: [uncited\n', 'a.md': figures });
    const r = run(root, ['check', '--quiet']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^\.claimlensrc\.yml:2:1 error config-error \(syntax\): invalid YAML: .+\n$/);
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 2);
  });
});

describe('cli: machine-readable formats', () => {
  it('--format json prints the spec\'s object, paths relative and sorted', () => {
    const root = tree({}, newsroom);
    const r = run(root, ['check', '--format', 'json']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    const out = json(r);
    assert.deepEqual(Object.keys(out), ['files', 'summary']);
    assert.deepEqual(out.summary, { files: 4, claims: 7, cited: 2, attributed: 1, uncited: 3, ignored: 1 });
    assert.deepEqual(out.files.map((f) => [f.path, f.claims.map((c) => `${c.text}:${c.status}`)]), [
      ['archive/2019.md', ['$3 billion:ignored', '5%:uncited']],
      ['economy.md', ['12%:cited', '$4 billion:cited', '3%:uncited']],
      ['markets.html', ['8%:attributed', '$2 billion:uncited']],
      ['notes.txt', []],
    ]);
    for (const file of out.files) assert.deepEqual(Object.keys(file), ['path', 'claims', 'problems']);
    assert.deepEqual(Object.keys(out.files[1].claims[0]), [
      'text', 'kind', 'value', 'unit', 'line', 'column', 'endLine', 'endColumn', 'sentence', 'status', 'sources',
    ]);
  });

  it('--format sarif prints a SARIF 2.1.0 log with relative artifact URIs', () => {
    const root = tree({}, newsroom);
    const r = run(root, ['check', '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: { tool: { driver: { name: string; version: string } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.equal(r.code, 1);
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(log.runs[0].tool.driver.name, 'Claim Lens');
    assert.equal(log.runs[0].tool.driver.version, packageJson.version);
    assert.deepEqual(log.runs[0].results.map((x) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri]), [
      ['ignored-claim', 'archive/2019.md'],
      ['uncited-claim', 'archive/2019.md'],
      ['uncited-claim', 'economy.md'],
      ['attributed-claim', 'markets.html'],
      ['uncited-claim', 'markets.html'],
    ]);
  });

  it('--format csv and markdown list every claim', () => {
    const root = tree({}, newsroom);
    const csv = run(root, ['check', '--format', 'csv', 'economy.md']).stdout.split('\r\n');
    assert.equal(csv[0], 'path,line,column,endLine,endColumn,claim,kind,value,unit,status,sources,sentence');
    assert.equal(csv.length, 5);
    const markdown = run(root, ['check', '--format', 'markdown', 'economy.md']).stdout;
    assert.match(markdown, /^# Claim Lens report\n\n1 file, 3 claims: 2 cited, 0 attributed, 1 uncited, 0 ignored — coverage 67%\n\n## economy\.md\n/);
  });

  it('works on many files without progress on a pipe', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`many/article-${String(i).padStart(2, '0')}.md`] = figures;
    const r = run(tree(files), ['check', '--format', 'json', '--max-uncited', '100']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.equal(json(r).summary.files, 30);
    assert.deepEqual(paths(r), Object.keys(files).sort());
  });
});
