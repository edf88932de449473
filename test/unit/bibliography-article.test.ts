import * as assert from 'node:assert/strict';
import {
  analyze,
  assembleBibliography,
  citedKeyAt,
  entryParts,
  isBibliographyGlob,
  keyCompletionAt,
  parseBibliography,
  planBibliography,
  withBibliographyProblems,
  type BibliographyFileResult,
  type BibliographyPlan,
  type Format,
} from '../../src/core';

const lines = (...text: string[]) => text.join('\n');

const article = lines(
  '---',
  'title: Grain',
  'bibliography:',
  '  - sources/grain.bib',
  '  - "sources/missing file.json"',
  'references:',
  '- id: portlog2024',
  '  title: Port Log 2024',
  '---',
  '',
  'Farms shipped 4,200 tonnes [@valley2024; @portlog2024].',
);

const grainBib = lines(
  '@report{valley2024,',
  '  author = {{Valley Grain Board}},',
  '  title = {Barley Shipments},',
  '  year = {2024},',
  '}',
  '',
  '@book{broken,',
  '  title = {Never closed,',
  '}',
  '',
  '@misc{portlog2024, title = {Duplicate of the inline one}}',
);

describe('planBibliography', () => {
  it('lists front matter files (with their ranges) before setting entries, each setting entry once, and keeps inline references', () => {
    const plan = planBibliography(article, 'markdown', [
      { path: 'refs/*.bib', base: '/desk' },
      { path: 'refs/extra.json', base: '/desk' },
      { path: 'refs/*.bib', base: '/desk' },
      { path: 'refs/*.bib', base: '/other' },
    ], 'grain.md');
    const quoted = '"sources/missing file.json"';
    assert.deepEqual(plan.files, [
      { path: 'sources/grain.bib', isGlob: false, origin: { kind: 'front-matter', range: { start: article.indexOf('sources/grain'), end: article.indexOf('sources/grain') + 17 }, line: 4 } },
      { path: 'sources/missing file.json', isGlob: false, origin: { kind: 'front-matter', range: { start: article.indexOf(quoted), end: article.indexOf(quoted) + quoted.length }, line: 5 } },
      { path: 'refs/*.bib', isGlob: true, origin: { kind: 'setting', base: '/desk' } },
      { path: 'refs/extra.json', isGlob: false, origin: { kind: 'setting', base: '/desk' } },
      { path: 'refs/*.bib', isGlob: true, origin: { kind: 'setting', base: '/other' } },
    ]);
    assert.deepEqual(plan.inline, [{ key: 'portlog2024', authors: [], title: 'Port Log 2024', file: 'grain.md', offset: article.indexOf('id: portlog'), line: 7 }]);
    assert.deepEqual(plan.problems, []);
  });

  const noFrontMatter: [string, Format][] = [['html', 'html'], ['text', 'text']];
  for (const [name, format] of noFrontMatter) {
    it(`reads no front matter in ${name}, only the setting`, () => {
      assert.deepEqual(planBibliography(article, format, [{ path: 'a.bib', base: 0 }]), {
        files: [{ path: 'a.bib', isGlob: false, origin: { kind: 'setting', base: 0 } }],
        inline: [],
        problems: [],
      });
    });
  }

  it('reports a front matter value of the wrong shape as bibliography-error on its line', () => {
    const text = lines('---', 'bibliography: {a: 1}', '---', 'Text.');
    assert.deepEqual(planBibliography(text, 'markdown', []).problems, [
      { code: 'bibliography-error', message: 'Front matter: "bibliography" must be a file path or a list of file paths.', range: { start: 4, end: 24 } },
    ]);
  });

  it('tells globs from paths', () => {
    assert.deepEqual(['refs/*.bib', 'refs/{a,b}.json', 'refs/a?.yaml', 'refs/[ab].bib', 'refs/a.bib', 'my refs/a-b.bib'].map(isBibliographyGlob), [true, true, true, true, false, false]);
  });
});

describe('assembleBibliography', () => {
  const plan = planBibliography(article, 'markdown', [{ path: 'refs/*.yaml', base: '/desk' }, { path: 'sources/grain.bib', base: '/same' }], 'grain.md');
  const grain: BibliographyFileResult = { ok: true, fileName: 'sources/grain.bib', parsed: parseBibliography(grainBib, 'sources/grain.bib') };
  const result = assembleBibliography(
    plan,
    [
      { ref: plan.files[0], files: [grain] },
      { ref: plan.files[1], files: [{ ok: false, fileName: 'sources/missing file.json', missing: true, reason: 'no such file' }] },
      { ref: plan.files[2], files: [] },
      // The same file named again through a setting counts once.
      { ref: plan.files[3], files: [grain] },
    ],
    'grain.md',
  );

  it('looks keys up in inline references first, then the files in order', () => {
    assert.equal(result.bibliography?.lookup('portlog2024')?.title, 'Port Log 2024');
    assert.equal(result.bibliography?.lookup('valley2024')?.title, 'Barley Shipments');
    assert.deepEqual(result.fileNames, ['grain.md', 'sources/grain.bib']);
  });

  it('reports a missing front matter file on its path in the article', () => {
    const quoted = '"sources/missing file.json"';
    assert.deepEqual(result.problems, [
      { code: 'missing-bibliography', message: 'Bibliography file not found: sources/missing file.json.', range: { start: article.indexOf(quoted), end: article.indexOf(quoted) + quoted.length } },
    ]);
  });

  it('reports malformed entries and keys defined twice with their file, line and key', () => {
    assert.deepEqual(
      result.fileProblems.map((p) => [p.code, p.file, p.line, p.key]),
      [
        ['syntax-error', 'sources/grain.bib', 7, 'broken'],
        ['duplicate-key', 'sources/grain.bib', 11, 'portlog2024'],
      ],
    );
    assert.equal(result.fileProblems[1].message, 'Key "portlog2024" is already defined in grain.md; that entry is used.');
  });

  it('lists a setting that gave nothing to read', () => {
    assert.deepEqual(result.unread, [{ ref: plan.files[2], missing: true, message: 'No bibliography file matches refs/*.yaml.' }]);
  });

  it('gives no bibliography when nothing could be read, so keys are not all reported unknown', () => {
    const only = planBibliography(lines('---', 'bibliography: gone.bib', '---', ''), 'markdown', []);
    const assembled = assembleBibliography(only, [{ ref: only.files[0], files: [{ ok: false, fileName: 'gone.bib', missing: true, reason: 'no such file' }] }], 'a.md');
    assert.equal(assembled.bibliography, undefined);
    assert.deepEqual(assembled.problems.map((p) => p.code), ['missing-bibliography']);
  });

  it('reports a file that cannot be read, or is not a bibliography, as bibliography-error', () => {
    const text = lines('---', 'bibliography: [locked.bib, refs.ris]', '---', '');
    const twoFiles: BibliographyPlan<never> = planBibliography(text, 'markdown', []);
    const assembled = assembleBibliography(
      twoFiles,
      [
        { ref: twoFiles.files[0], files: [{ ok: false, fileName: 'locked.bib', missing: false, reason: 'permission denied (EACCES)' }] },
        { ref: twoFiles.files[1], files: [{ ok: true, fileName: 'refs.ris', parsed: parseBibliography('TY  - JOUR', 'refs.ris') }] },
      ],
      'a.md',
    );
    assert.deepEqual(assembled.problems, [
      { code: 'bibliography-error', message: 'Bibliography file locked.bib could not be read: permission denied (EACCES).', range: { start: 19, end: 29 } },
      { code: 'bibliography-error', message: 'refs.ris is not a bibliography file Claim Lens reads (.bib, .bibtex, .json, .yaml, .yml).', range: { start: 31, end: 39 } },
    ]);
  });

  it('adds the article problems to an analysis in text order', () => {
    const analysis = analyze(article, { format: 'markdown', ...(result.bibliography ? { bibliography: result.bibliography } : {}) });
    assert.deepEqual(
      withBibliographyProblems(analysis, result.problems).problems.map((p) => p.code),
      ['missing-bibliography'],
    );
    assert.equal(withBibliographyProblems(analysis, []), analysis);
  });
});

describe('citedKeyAt', () => {
  const text = 'Farms shipped 4,200 tonnes [see @valley2024, p. 7; -@doe2023] and 5% more \\cite{board,silo} as @smith:x said.';
  const analysis = analyze(text, { format: 'markdown' });
  const at = (needle: string, delta = 0) => text.indexOf(needle) + delta;
  const rows: [string, number, string | undefined, number | undefined][] = [
    ['on the @ of the first key', at('@valley'), 'valley2024', at('valley2024')],
    ['inside the first key', at('valley2024', 3), 'valley2024', at('valley2024')],
    ['at the end of the first key', at('valley2024', 10), 'valley2024', at('valley2024')],
    ['on the locator', at('p. 7'), undefined, undefined],
    ['on "see"', at('see'), undefined, undefined],
    ['on a suppressed-author key', at('doe2023', 2), 'doe2023', at('doe2023')],
    ['in \\cite', at('silo', 1), 'silo', at('silo')],
    ['on an in-text key, not its trailing punctuation', at('smith:x', 6), 'smith:x', at('smith:x')],
    ['in plain text', at('tonnes'), undefined, undefined],
  ];
  for (const [name, offset, key, start] of rows) {
    it(name, () => {
      const found = citedKeyAt(text, analysis, offset);
      assert.deepEqual(
        found && { key: found.key, range: found.range, kind: found.source.kind },
        key === undefined || start === undefined ? undefined : { key, range: { start, end: start + key.length }, kind: 'citation' },
      );
    });
  }
});

describe('keyCompletionAt', () => {
  const rows: [string, string, Format, { prefix: string; inBracket: boolean; length: number } | undefined][] = [
    ['after [@', 'Farms shipped 4,200 tonnes [@|', 'markdown', { prefix: '', inBracket: true, length: 0 }],
    ['after [@ with a key typed', 'Farms shipped 4,200 tonnes [@val|', 'markdown', { prefix: 'val', inBracket: true, length: 3 }],
    ['in the middle of a key', 'Farms shipped [@val|ley2024].', 'markdown', { prefix: 'val', inBracket: true, length: 10 }],
    ['after a second key in a bracket', 'Farms [@a; @d|]', 'markdown', { prefix: 'd', inBracket: true, length: 1 }],
    ['an in-text @', 'As @do| said', 'markdown', { prefix: 'do', inBracket: false, length: 2 }],
    ['at the start of a line', '@do|', 'mdx', { prefix: 'do', inBracket: false, length: 2 }],
    ['an e-mail address', 'Write to grain@exa|', 'markdown', undefined],
    ['a code span', 'Run `[@va|]` now', 'markdown', undefined],
    ['a lone backtick, which opens no code span (CommonMark)', 'Run `x [@va|', 'markdown', { prefix: 'va', inBracket: true, length: 2 }],
    ['a fenced code block', '```\n[@va|\n```\n', 'markdown', undefined],
    ['front matter', '---\nauthor: [@va|]\n---\nText', 'markdown', undefined],
    ['no @', 'Farms shipped|', 'markdown', undefined],
    ['HTML', 'Farms [@va|', 'html', undefined],
    ['plain text', 'Farms [@va|', 'text', undefined],
  ];
  for (const [name, marked, format, expected] of rows) {
    it(name, () => {
      const offset = marked.indexOf('|');
      const text = marked.replace('|', '');
      const found = keyCompletionAt(text, offset, format);
      const start = offset - (expected?.prefix.length ?? 0);
      assert.deepEqual(found, expected && { range: { start, end: start + expected.length }, prefix: expected.prefix, inBracket: expected.inBracket });
    });
  }
});

describe('entryParts', () => {
  it('splits a reference into author and year, title, container and link', () => {
    assert.deepEqual(
      entryParts({ key: 'k', authors: ['Doe, Jane', 'Roe, Rick'], year: '2023', title: 'Grain Prices', container: 'Farm Economics', doi: '10.5555/x', url: 'https://example.org' }),
      { head: 'Doe and Roe, 2023', title: 'Grain Prices', container: 'Farm Economics', link: 'https://doi.org/10.5555/x' },
    );
    assert.deepEqual(entryParts({ key: 'k', authors: [] }), {});
  });
});
