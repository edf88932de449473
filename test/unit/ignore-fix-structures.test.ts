/**
 * "Ignore this claim" on the structures writers use: the fix's edits (from
 * the core, as the editor applies them) leave the rendered article as it
 * was, and the CLI, run on the edited files, ignores that claim and no other.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { analyze, ignoredClaimsFor, parseConfigText, type Analysis, type ClaimStatus, type Format } from '../../src/core/index';
import { applyTextEdits, ignoreClaim, withIgnoreEntry } from '../../src/core/fixes/index';

const lines = (...l: string[]): string => l.join('\n');
const markdown = new MarkdownIt({ html: true });

/** The article as a reader sees it: CommonMark (with GFM tables) for Markdown, the page itself for HTML, the text for text; comments taken out and white space between tags ignored. */
function rendered(text: string, format: Format): string {
  const html = format === 'markdown' ? markdown.render(text) : text;
  return html.replace(/<!--[\s\S]*?-->/gu, '').replace(/>\s+</gu, '><').trim();
}

interface Structure {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  /** The claims the article holds, in order: the fix is tried on each. */
  readonly claims: readonly string[];
}

const structures: Structure[] = [
  {
    name: 'a hard-wrapped paragraph',
    file: 'wrapped.md',
    text: lines(
      'Councils spent a record sum on',
      '20,000 new homes last year, and',
      '12% more on repairs than in 2022,',
      'while rents rose 4%.',
      '',
    ),
    claims: ['20,000', '12%', '4%'],
  },
  {
    name: 'a table row with two claims',
    file: 'table.md',
    text: lines(
      'Homes built, by town.',
      '',
      '| town | homes | repairs |',
      '| --- | ---: | ---: |',
      '| Leeds | 20,000 | 12% |',
      '| York | **3,400** | 9% |',
      '',
    ),
    claims: ['20,000', '12%', '3,400', '9%'],
  },
  {
    name: 'a nested list',
    file: 'list.md',
    text: lines(
      'Where the money went:',
      '',
      '- 20,000 new homes',
      '  - 12% of them in Leeds',
      '  - 3,400 in York, *mostly* flats',
      '- repairs rose 9%',
      '',
    ),
    claims: ['20,000', '12%', '3,400', '9%'],
  },
  {
    name: 'minified HTML',
    file: 'page.html',
    text: '<!doctype html><html><body><h1>Homes</h1><p>Councils built 20,000 homes and spent 12% more on repairs.</p><ul><li>Leeds: 3,400 flats</li><li>York rose 9%</li></ul><table><tr><td>Hull</td><td>1,200</td><td>7%</td></tr></table></body></html>',
    claims: ['20,000', '12%', '3,400', '9%', '1,200', '7%'],
  },
  {
    name: 'Markdown with an HTML block',
    file: 'boxed.md',
    text: lines(
      'Councils built 20,000 homes.',
      '',
      '<div class="box">',
      '<p>Repairs cost',
      '12% more in Leeds',
      'and 9% more in York.</p>',
      '</div>',
      '',
      'Rents rose 4%.',
      '',
    ),
    claims: ['20,000', '12%', '9%', '4%'],
  },
  {
    name: 'plain text',
    file: 'notes.txt',
    text: lines(
      'Sales rose 5% in May.',
      'Costs rose 5% in May and',
      'then 5% again.',
      '',
      'Sales rose 5% in May.',
      '',
    ),
    claims: ['5%', '5%', '5%', '5%'],
  },
];

interface CliFile {
  readonly path: string;
  readonly claims: readonly { readonly text: string; readonly status: ClaimStatus; readonly line: number; readonly column: number }[];
}

const formatOf = (file: string): Format => (file.endsWith('.md') ? 'markdown' : file.endsWith('.html') ? 'html' : 'text');

describe('Ignore this claim on real structures: the article renders the same, and the CLI agrees', function () {
  this.timeout(60_000);
  const root = mkdtempSync(join(tmpdir(), 'claimlens-ignore-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  /** One folder per structure and claim: the edited article (and, for text, its configuration file). */
  const cases: { structure: Structure; index: number; dir: string; edited: string; before: Analysis }[] = [];
  for (const structure of structures) {
    const format = formatOf(structure.file);
    const before = analyze(structure.text, { format });
    structure.claims.forEach((_, index) => {
      const dir = join(root, `${structure.file.replace('.', '-')}-${index}`);
      cases.push({ structure, index, dir, edited: '', before });
    });
  }
  let cli: CliFile[] = [];

  before(() => {
    for (const c of cases) {
      const format = formatOf(c.structure.file);
      const claim = c.before.claims[c.index];
      const fix = ignoreClaim(c.structure.text, claim, format, c.before.claims);
      mkdirSync(c.dir, { recursive: true });
      if (fix.kind === 'edit') {
        c.edited = applyTextEdits(c.structure.text, fix.edits);
      } else {
        c.edited = c.structure.text;
        writeFileSync(join(c.dir, '.claimlensrc.json'), withIgnoreEntry('', '.claimlensrc.json', { file: c.structure.file, ...fix.claim }));
      }
      writeFileSync(join(c.dir, c.structure.file), c.edited);
    }
    const run = spawnSync(process.execPath, [resolve('dist/cli.js'), 'check', '--format', 'json', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1, 'uncited claims are left in every article');
    cli = (JSON.parse(run.stdout) as { files: CliFile[] }).files;
  });

  it('finds the claims each structure is written with', () => {
    for (const structure of structures) {
      const { claims } = analyze(structure.text, { format: formatOf(structure.file) });
      assert.deepEqual(claims.map((c) => [c.text, c.status]), structure.claims.map((text) => [text, 'uncited']), structure.name);
    }
  });

  for (const structure of structures) {
    it(`${structure.name}: each claim in turn`, () => {
      const format = formatOf(structure.file);
      for (const c of cases.filter((x) => x.structure === structure)) {
        const label = `${structure.name}, claim ${c.index + 1} (${structure.claims[c.index]})`;
        assert.equal(rendered(c.edited, format), rendered(structure.text, format), `${label}: the rendered article changed`);
        if (format === 'text') assert.equal(c.edited, structure.text, `${label}: a text article is not edited`);
        const expected = c.before.claims.map((claim, i) => [claim.text, i === c.index ? 'ignored' : claim.status]);
        // What the editor shows after the fix: the core's analysis of the edited text, with the configuration file's entries.
        const config = format === 'text' ? parseConfigText(readFileSync(join(c.dir, '.claimlensrc.json'), 'utf8'), '.claimlensrc.json') : undefined;
        assert.deepEqual(config?.issues ?? [], []);
        const editor = analyze(c.edited, { format, ignoredClaims: config ? ignoredClaimsFor(config.ignore, structure.file) : [] });
        assert.deepEqual(editor.claims.map((x) => [x.text, x.status]), expected, `${label}: the editor`);
        const file = cli.find((f) => f.path === `${c.dir.slice(root.length + 1)}/${structure.file}`);
        assert.ok(file, `${label}: the CLI checked the file`);
        assert.deepEqual(file.claims.map((x) => [x.text, x.status]), expected, `${label}: the CLI`);
      }
    });
  }
});
