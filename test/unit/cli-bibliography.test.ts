import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { RunBibliographies } from '../../src/workspace/bibliographies';
import { defaultSettings } from '../../src/core';

const cli = resolve('dist/cli.js');
const fixtureFolder = resolve('test/fixtures/workspace/bibliography');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cwd: string, args: readonly string[]): Run {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonSource {
  kind: string;
  label: string;
  key?: string;
  title?: string;
  url?: string;
  text?: string;
  line: number;
  column: number;
}
interface JsonReport {
  files: {
    path: string;
    claims: { text: string; line: number; status: string; sources: JsonSource[] }[];
    problems: { code: string; message: string; line: number; column: number }[];
  }[];
  summary: Record<string, number>;
}

const made: string[] = [];
/** A fresh folder holding `files` (path → text), removed after the suite. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'claimlens-bib-'));
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

const bib = (key: string, title: string, extra = '') => `@report{${key},\n  author = {{Harbour Authority}},\n  title = {${title}},\n  year = {2024},${extra}\n}\n`;

describe('cli: bibliographies', () => {
  describe('the fixture folder with front matter bibliographies', () => {
    let result: Run;
    let report: JsonReport;
    before(() => {
      result = run(fixtureFolder, ['check', '--format', 'json', '.']);
      report = JSON.parse(result.stdout) as JsonReport;
    });

    it('gives cited claims their citation sources with key, entry title and URL (the DOI as a URL), inline references too', () => {
      const grain = report.files.find((f) => f.path === 'grain-exports.md');
      assert.ok(grain);
      assert.deepEqual(
        grain.claims.map((c) => [c.text, c.line, c.status, c.sources]),
        [
          ['4,200 tonnes', 16, 'cited', [{ kind: 'citation', label: 'valley2024', url: 'https://example.org/barley', key: 'valley2024', title: 'Barley Shipments in the Valley', text: 'p. 7', line: 16, column: 47 }]],
          ['15%', 18, 'cited', [{ kind: 'citation', label: 'doe2023', url: 'https://doi.org/10.5555/grain.2023.15', key: 'doe2023', title: 'Grain Prices after the Drought', line: 18, column: 35 }]],
          ['6%', 20, 'uncited', []],
          ['11%', 22, 'cited', [{ kind: 'citation', label: 'portlog2024', url: 'https://example.org/port-log', key: 'portlog2024', title: 'Port Log 2024', line: 22, column: 37 }]],
          ['800 tonnes', 24, 'cited', [{ kind: 'citation', label: 'nosuchentry', key: 'nosuchentry', line: 24, column: 41 }]],
        ],
      );
    });

    it('reports an unknown key as unknown-citation-key, and nothing in code or e-mail addresses', () => {
      assert.deepEqual(report.files.find((f) => f.path === 'grain-exports.md')?.problems, [
        { code: 'unknown-citation-key', message: 'No bibliography holds the citation key "nosuchentry".', line: 24, column: 41 },
      ]);
    });

    it('reports a missing file as missing-bibliography on the front matter line naming it; the other file still loads', () => {
      const silo = report.files.find((f) => f.path === 'silo-notes.md');
      assert.deepEqual(silo?.problems, [{ code: 'missing-bibliography', message: 'Bibliography file not found: sources/missing.bib.', line: 4, column: 5 }]);
      assert.deepEqual(silo?.claims.map((c) => [c.text, c.sources.map((s) => [s.key, s.title])]), [['9,000 tonnes', [['silo2022', 'Silo Census']]]]);
    });

    it('reports the malformed entry once on stderr with file, line and key, and loads the rest', () => {
      assert.equal(
        result.stderr,
        'sources/grain.bib:17:1 warning bibliography-error Entry "lost2020" never ends: a "{" or \'"\' is not closed before the next entry.\n',
      );
      assert.deepEqual(report.summary, { files: 2, claims: 6, cited: 5, attributed: 0, uncited: 1, ignored: 0 });
      assert.equal(result.code, 1, 'one uncited claim is over --max-uncited 0');
    });

    it('shows the missing bibliography as a finding in text output', () => {
      const text = run(fixtureFolder, ['check', '--no-color', 'silo-notes.md']);
      assert.equal(text.stdout, 'silo-notes.md:4:5 warning missing-bibliography Bibliography file not found: sources/missing.bib.\n1 file, 1 claim: 1 cited, 0 attributed, 0 uncited, 0 ignored — coverage 100%\n');
    });
  });

  it('reads the bibliography setting of a .claimlensrc file as globs relative to its folder, reporting duplicate keys across files', () => {
    const root = tree({
      'desk/.claimlensrc.json': JSON.stringify({ bibliography: ['refs/*.bib', 'refs/extra.json', 'nothing/*.yaml'] }),
      'desk/refs/a.bib': bib('harbour2024', 'Harbour Tonnage', '\n  url = {https://example.org/harbour}'),
      'desk/refs/b.bib': bib('harbour2024', 'Another Harbour Report'),
      'desk/refs/extra.json': JSON.stringify([{ id: 'ferry2023', type: 'report', title: 'Ferry Counts', DOI: '10.5555/ferry' }], null, 1),
      'desk/stories/port.md': 'Ships carried 3,000 tonnes of coal [@harbour2024; @ferry2023].\n',
    });
    const result = run(root, ['check', '--format', 'json', '.']);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => [f.path, f.problems, f.claims.map((c) => c.sources.map((s) => [s.key, s.title, s.url]))]), [
      ['desk/stories/port.md', [], [[['harbour2024', 'Harbour Tonnage', 'https://example.org/harbour'], ['ferry2023', 'Ferry Counts', 'https://doi.org/10.5555/ferry']]]],
    ]);
    assert.equal(
      result.stderr,
      [
        'desk/.claimlensrc.json:1:1 warning missing-bibliography "bibliography": No bibliography file matches nothing/*.yaml.',
        'desk/refs/b.bib:1:1 warning bibliography-error Key "harbour2024" is already defined in desk/refs/a.bib; that entry is used.',
        '',
      ].join('\n'),
    );
  });

  it('reports the problems of a bibliography file once, however many articles name it', () => {
    const articles: Record<string, string> = {};
    for (let i = 0; i < 30; i++) articles[`story-${String(i).padStart(2, '0')}.md`] = `---\nbibliography: refs.bib\n---\n\nShips carried ${i + 2},000 tonnes [@harbour2024].\n`;
    const root = tree({ ...articles, 'refs.bib': bib('harbour2024', 'Harbour Tonnage') + bib('harbour2024', 'Again') });
    const result = run(root, ['check', '--format', 'json', '.']);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.equal(report.files.length, 30);
    assert.ok(report.files.every((f) => f.claims[0]?.sources[0]?.title === 'Harbour Tonnage' && f.problems.length === 0));
    assert.equal(result.stderr, 'refs.bib:6:1 warning bibliography-error Key "harbour2024" is defined twice in this file (first on line 1); the first one is used.\n');
  });

  it('parses each file once per run: articles naming it share its entries', async () => {
    const root = tree({ 'refs.bib': bib('harbour2024', 'Harbour Tonnage'), 'a/refs.bib': bib('harbour2024', 'Elsewhere') });
    const loader = new RunBibliographies(root, (path) => relative(root, path).split(sep).join('/'), [realpathSync(root)]);
    const settings = { settings: defaultSettings };
    const article = '---\nbibliography: ../refs.bib\n---\n';
    const first = await loader.forArticle(join(root, 'a', 'one.md'), article, 'markdown', settings);
    const second = await loader.forArticle(join(root, 'b', 'two.md'), article, 'markdown', settings);
    const third = await loader.forArticle(join(root, 'a', 'b', 'three.md'), article, 'markdown', settings);
    const entry = first.bibliography?.lookup('harbour2024');
    assert.equal(entry?.file, 'refs.bib');
    assert.equal(second.bibliography?.lookup('harbour2024'), entry, 'the same parsed entry object');
    assert.equal(third.bibliography?.lookup('harbour2024')?.title, 'Elsewhere', 'relative to each article');
  });

  it('does not check keys when no bibliography file could be read', () => {
    const root = tree({ 'story.md': '---\nbibliography: gone.bib\n---\n\nShips carried 3,000 tonnes [@harbour2024].\n' });
    const report = JSON.parse(run(root, ['check', '--format', 'json', 'story.md']).stdout) as JsonReport;
    assert.deepEqual(report.files[0].problems.map((p) => [p.code, p.line, p.column]), [['missing-bibliography', 2, 15]]);
  });
});
