import * as assert from 'node:assert/strict';
import {
  BibliographyCache,
  createBibliography,
  formatEntry,
  parseBibliography,
  readFrontMatterBibliography,
  type BibEntry,
} from '../../src/core';

const lines = (...text: string[]) => text.join('\n');

describe('readFrontMatterBibliography', () => {
  it('reads one path, with its line and offset in the article', () => {
    const text = lines('---', 'title: "Who files the patents?"', 'bibliography: refs/patents.bib', '---', '', '# Who files the patents?');
    assert.deepEqual(readFrontMatterBibliography(text), {
      paths: [{ path: 'refs/patents.bib', line: 3, offset: text.indexOf('refs/') }],
      inline: [],
      problems: [],
    });
  });

  it('reads a list of paths, quoted or not, with CRLF line ends and a ... closing line', () => {
    const text = ['---', 'bibliography:', '  - refs/patents.bib', '  - "refs/extra data.json"', '...', 'Body'].join('\r\n');
    assert.deepEqual(readFrontMatterBibliography(text).paths, [
      { path: 'refs/patents.bib', line: 3, offset: text.indexOf('refs/patents') },
      { path: 'refs/extra data.json', line: 4, offset: text.indexOf('"refs/extra') },
    ]);
  });

  it('reads inline references as entries placed in the article', () => {
    const text = lines(
      '---',
      'bibliography: [patents.bib]',
      'references:',
      '- id: wipo2024',
      '  type: report',
      '  author:',
      '    - literal: WIPO',
      '  title: World Intellectual Property Indicators 2024',
      '  issued: 2024',
      '  URL: https://www.wipo.int/publications/en/details.jsp?id=4751',
      '- type: no-id',
      '---',
      'China filed 1.64 million applications [@wipo2024].',
    );
    assert.deepEqual(readFrontMatterBibliography(text, 'article.md'), {
      paths: [{ path: 'patents.bib', line: 2, offset: text.indexOf('patents.bib') }],
      inline: [
        {
          key: 'wipo2024',
          type: 'report',
          authors: ['WIPO'],
          year: '2024',
          title: 'World Intellectual Property Indicators 2024',
          url: 'https://www.wipo.int/publications/en/details.jsp?id=4751',
          file: 'article.md',
          offset: text.indexOf('id: wipo2024'),
          line: 4,
        },
      ],
      problems: [
        {
          code: 'invalid-entry',
          message: 'This reference has no "id", so no citation can name it.',
          file: 'article.md',
          offset: text.indexOf('type: no-id'),
          line: 11,
        },
      ],
    });
  });

  const none: [string, string][] = [
    ['no front matter', '# Title\n\nbibliography: refs.bib'],
    ['front matter that is not at the start', '\n---\nbibliography: refs.bib\n---\n'],
    ['front matter that never closes', '---\nbibliography: refs.bib\n\n# Title'],
    ['front matter without a bibliography', '---\ntitle: Hello\n---\n'],
    ['an empty bibliography key', '---\nbibliography:\n---\n'],
  ];
  for (const [name, text] of none) {
    it(`finds nothing in ${name}`, () => {
      assert.deepEqual(readFrontMatterBibliography(text), { paths: [], inline: [], problems: [] });
    });
  }

  it('reports values of the wrong shape and YAML errors, with their lines', () => {
    const text = lines('---', 'bibliography:', '  - ok.bib', '  - {file: bad.bib}', 'references: not a list', 'title: [unclosed', '---');
    const result = readFrontMatterBibliography(text);
    assert.deepEqual(result.paths, [{ path: 'ok.bib', line: 3, offset: text.indexOf('ok.bib') }]);
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.line]),
      [
        ['invalid-front-matter', 4],
        ['invalid-front-matter', 5],
        ['syntax-error', 7],
      ],
    );
    assert.equal(result.problems[0].message, '"bibliography" must be a file path or a list of file paths.');
    assert.equal(result.problems[1].message, '"references" must be a list of CSL references.');
  });
});

const entry = (key: string, fields: Partial<BibEntry> = {}): BibEntry => ({ key, authors: [], ...fields });

describe('createBibliography', () => {
  it('looks keys up across files, the first file winning, and reports keys defined again', () => {
    const a = parseBibliography('@misc{wipo, title = {From A}}\n@misc{oecd, title = {OECD}}\n@misc{wipo, title = {A again}}', 'a.bib');
    const b = parseBibliography('[{"id": "wipo", "title": "From B"}, {"id": "imf", "title": "IMF"}]', 'b.json');
    const bibliography = createBibliography([
      { fileName: 'a.bib', entries: a.entries },
      { fileName: 'b.json', entries: b.entries },
    ]);
    assert.equal(bibliography.lookup('wipo')?.title, 'From A');
    assert.equal(bibliography.lookup('imf')?.file, 'b.json');
    assert.equal(bibliography.lookup('WIPO'), undefined);
    assert.equal(bibliography.lookup('missing'), undefined);
    assert.deepEqual(
      [...bibliography.entries()].map((e) => `${e.file}:${e.key}`),
      ['a.bib:wipo', 'a.bib:oecd', 'b.json:imf'],
    );
    // The duplicate within a.bib was reported by parseBibliography; only the one across files is new.
    assert.deepEqual(a.problems.map((p) => [p.code, p.key, p.line]), [['duplicate-key', 'wipo', 3]]);
    assert.deepEqual(bibliography.problems, [
      {
        code: 'duplicate-key',
        message: 'Key "wipo" is already defined in a.bib; that entry is used.',
        file: 'b.json',
        key: 'wipo',
        line: 1,
        offset: 2,
      },
    ]);
  });

  it('is empty over no sources', () => {
    const bibliography = createBibliography([]);
    assert.deepEqual([...bibliography.entries()], []);
    assert.deepEqual(bibliography.problems, []);
  });
});

describe('formatEntry', () => {
  const rows: [string, BibEntry, string][] = [
    [
      'one author, DOI',
      entry('a', { authors: ['Müller, Jörg'], year: '2019', title: 'Ökonomische Effekte', container: 'Journal of Economic Perspectives', doi: '10.1257/jep.33.4.101' }),
      'Müller, 2019. Ökonomische Effekte. Journal of Economic Perspectives. https://doi.org/10.1257/jep.33.4.101',
    ],
    [
      'two authors, URL',
      entry('b', { authors: ['Chen, Wei', "O'Brien, Siobhán"], year: '2021', title: 'Counting Filings', url: 'https://example.org/c' }),
      "Chen and O'Brien, 2021. Counting Filings. https://example.org/c",
    ],
    [
      'three or more authors; the DOI wins over the URL',
      entry('c', { authors: ['Kim, Soo-ah', 'Lee, Min', 'Park, Ji'], year: '2020', title: 'Patent thickets', doi: '10.1/x', url: 'https://example.org/c' }),
      'Kim et al., 2020. Patent thickets. https://doi.org/10.1/x',
    ],
    [
      'a corporate author, publisher as the container',
      entry('d', { authors: ['World Intellectual Property Organization'], year: '2024', title: 'World Intellectual Property Indicators', publisher: 'WIPO' }),
      'World Intellectual Property Organization, 2024. World Intellectual Property Indicators. WIPO.',
    ],
    [
      'the publisher is left out when it is the author',
      entry('e', { authors: ['OECD'], year: '2023', title: 'Main Science Indicators', publisher: 'OECD' }),
      'OECD, 2023. Main Science Indicators.',
    ],
    [
      'a title ending in a question mark, no year',
      entry('f', { authors: ['Solow, Robert'], title: 'Who files the patents?', container: 'Science' }),
      'Solow. Who files the patents? Science.',
    ],
    ['no author', entry('g', { year: '2022', title: 'Anonymous report' }), '2022. Anonymous report.'],
    ['only a key', entry('h'), ''],
    [
      'a DOI with characters a URL must escape',
      entry('i', { title: 'Old SICI', doi: '10.1002/(SICI)1097-0258#1<3::AID>' }),
      'Old SICI. https://doi.org/10.1002/(SICI)1097-0258%231%3C3::AID%3E',
    ],
  ];
  for (const [name, input, expected] of rows) {
    it(name, () => assert.equal(formatEntry(input), expected));
  }
});

describe('BibliographyCache', () => {
  const bib = '@misc{one, title = {One}}';

  it('parses a file again only when its text changes', () => {
    const cache = new BibliographyCache();
    const first = cache.load('refs.bib', bib);
    assert.equal(cache.load('refs.bib', bib), first);
    const changed = cache.load('refs.bib', `${bib}\n@misc{two, title = {Two}}`);
    assert.notEqual(changed, first);
    assert.deepEqual(changed.entries.map((e) => e.key), ['one', 'two']);
    assert.equal(cache.load('refs.bib', `${bib}\n@misc{two, title = {Two}}`), changed);
  });

  it('answers by version (an mtime) without the text, and forgets files', () => {
    const cache = new BibliographyCache();
    const loaded = cache.load('refs.bib', bib, 1700000000000);
    assert.equal(cache.get('refs.bib', 1700000000000), loaded);
    assert.equal(cache.get('refs.bib', 1700000000001), undefined);
    assert.equal(cache.get('other.bib', 1700000000000), undefined);
    // Same text under a new version: no new parse, and the new version is remembered.
    assert.equal(cache.load('refs.bib', bib, 1700000000001), loaded);
    assert.equal(cache.get('refs.bib', 1700000000001), loaded);
    assert.deepEqual(cache.fileNames(), ['refs.bib']);
    assert.equal(cache.delete('refs.bib'), true);
    assert.deepEqual(cache.fileNames(), []);
  });

  it('builds a bibliography over the files in the order asked', () => {
    const cache = new BibliographyCache();
    cache.load('a.bib', '@misc{k, title = {A}}');
    cache.load('b.yaml', '- id: k\n  title: B\n- id: only-b\n');
    const bibliography = cache.bibliography(['b.yaml', 'a.bib', 'not-loaded.bib']);
    assert.equal(bibliography.lookup('k')?.title, 'B');
    assert.equal(bibliography.lookup('only-b')?.file, 'b.yaml');
    assert.deepEqual(bibliography.problems.map((p) => [p.code, p.file, p.key]), [['duplicate-key', 'a.bib', 'k']]);
  });
});
