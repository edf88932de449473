import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseBibliography } from '../../src/core';

const fixture = (name: string) => readFileSync(resolve('test/fixtures/bib', name), 'utf8');

describe('parseBibliography: CSL-JSON', () => {
  it('reads items, names, dates, markup and DOIs (references.json)', () => {
    const text = fixture('references.json');
    const result = parseBibliography(text, 'references.json');
    assert.deepEqual(result, {
      entries: [
        {
          key: 'oecd2023msti',
          type: 'report',
          authors: ['OECD'],
          year: '2023',
          title: 'Main Science and Technology Indicators, Volume 2023 Issue 1',
          publisher: 'OECD Publishing',
          doi: '10.1787/2304277x',
          url: 'https://doi.org/10.1787/2304277x',
          file: 'references.json',
          offset: 10,
          line: 3,
        },
        {
          key: 'kim2020',
          type: 'article-journal',
          authors: ['Kim, Soo-ah', 'Beethoven, Ludwig van', 'van Gogh, Vincent'],
          year: '2020',
          title: 'Patent thickets and the iPhone',
          container: 'Research Policy',
          doi: '10.1016/j.respol.2019.103880',
          file: 'references.json',
          offset: 383,
          line: 14,
        },
        {
          key: 'ipo2022',
          type: 'webpage',
          authors: ['Intellectual Property Office'],
          year: '2022',
          title: 'Facts and figures: patents, trade marks, designs and hearings, 2021',
          container: 'GOV.UK',
          url: 'https://www.gov.uk/government/statistics/facts-and-figures-2021',
          file: 'references.json',
          offset: 924,
          line: 29,
        },
        {
          key: '1984',
          type: 'book',
          authors: [],
          year: 'n.d.',
          title: 'Numbered without an author',
          file: 'references.json',
          offset: 1272,
          line: 38,
        },
      ],
      problems: [
        {
          code: 'invalid-entry',
          message: 'This reference has no "id", so no citation can name it.',
          file: 'references.json',
          offset: 1390,
          line: 43,
        },
      ],
    });
    for (const entry of result.entries) assert.match(text.slice(entry.offset), /^"id"/, entry.key);
  });

  it('keeps the items around a syntax error, and reads {"items": [...]} (broken.json)', () => {
    const result = parseBibliography(fixture('broken.json'), 'broken.json');
    assert.deepEqual(result, {
      entries: [
        { key: 'before', authors: [], year: '2019', title: 'Loaded before the error', file: 'broken.json', offset: 21, line: 3 },
        { key: 'after', authors: [], year: '2021', title: 'Loaded after the error', file: 'broken.json', offset: 167, line: 5 },
      ],
      problems: [
        {
          code: 'syntax-error',
          message: 'Comma expected in reference "bad".',
          file: 'broken.json',
          offset: 131,
          line: 4,
          key: 'bad',
        },
      ],
    });
  });

  const shapes: [string, string, string][] = [
    ['an object without items', '{"id": "a"}', 'CSL-JSON must be an array of items (or an object with "items").'],
    ['a number', '42', 'CSL-JSON must be an array of items (or an object with "items").'],
  ];
  for (const [name, text, message] of shapes) {
    it(`reports ${name} as a problem on line 1`, () => {
      assert.deepEqual(parseBibliography(text, 'x.json'), {
        entries: [],
        problems: [{ code: 'syntax-error', message, file: 'x.json', offset: 0, line: 1 }],
      });
    });
  }

  it('reports duplicate ids and keeps the first', () => {
    const text = '[\n{"id": "a", "title": "First"},\n{"id": "a", "title": "Second"}\n]';
    const result = parseBibliography(text, 'x.json');
    assert.deepEqual(
      result.entries.map((e) => [e.key, e.title, e.line]),
      [['a', 'First', 2]],
    );
    assert.deepEqual(result.problems, [
      {
        code: 'duplicate-key',
        message: 'Key "a" is defined twice in this file (first on line 2); the first one is used.',
        file: 'x.json',
        key: 'a',
        line: 3,
        offset: 34,
      },
    ]);
  });

  it('reads every date form: date-parts as strings, raw, literal, EDTF strings, numbers', () => {
    const items = [
      { id: 'a', issued: { 'date-parts': [['2018', '4']] } },
      { id: 'b', issued: { raw: 'Spring 2017' } },
      { id: 'c', issued: { literal: 'forthcoming' } },
      { id: 'd', issued: '2016-05-01' },
      { id: 'e', issued: 2015 },
      { id: 'f', issued: [{ year: 2014 }] },
      { id: 'g', issued: { 'date-parts': [[-50]] } },
      { id: 'h' },
    ];
    const result = parseBibliography(JSON.stringify(items), 'x.json');
    assert.deepEqual(
      result.entries.map((e) => [e.key, e.year]),
      [
        ['a', '2018'],
        ['b', '2017'],
        ['c', 'forthcoming'],
        ['d', '2016'],
        ['e', '2015'],
        ['f', '2014'],
        ['g', '-50'],
        ['h', undefined],
      ],
    );
  });
});

describe('parseBibliography: CSL-YAML', () => {
  it('reads a references: document with --- and ... markers (references.yaml)', () => {
    const text = fixture('references.yaml');
    const result = parseBibliography(text, 'references.yaml');
    assert.deepEqual(result, {
      entries: [
        {
          key: 'nsb2024',
          type: 'report',
          authors: ['National Science Board'],
          year: '2024',
          title: 'Science and Engineering Indicators 2024: The State of U.S. Science and Engineering',
          publisher: 'National Science Foundation',
          url: 'https://ncses.nsf.gov/pubs/nsb20243',
          file: 'references.yaml',
          offset: 108,
          line: 4,
        },
        {
          key: 'zhang2021',
          type: 'article-journal',
          authors: ['张, 伟', 'Smith, Anna, Jr.'],
          year: '2021',
          title: '中国专利数量的增长',
          container: '科学学研究',
          doi: '10.16192/j.cnki.1003-2053.2021.09.001',
          file: 'references.yaml',
          offset: 445,
          line: 17,
        },
      ],
      problems: [],
    });
    for (const entry of result.entries) assert.match(text.slice(entry.offset), /^id: /, entry.key);
  });

  it('reads a top-level list and keeps the items around a broken one (list.yml)', () => {
    const result = parseBibliography(fixture('list.yml'), 'list.yml');
    assert.deepEqual(result, {
      entries: [
        { key: 'solo2020', authors: ['Solo, Han'], year: '2020', title: 'A list at the top level', file: 'list.yml', offset: 2, line: 1 },
        { key: 'after2021', authors: [], year: '2021', title: 'Still loads', file: 'list.yml', offset: 160, line: 8 },
      ],
      problems: [
        {
          code: 'syntax-error',
          message:
            'A reference cannot be read: Flow sequence in block collection must be sufficiently indented and end with a ].',
          file: 'list.yml',
          offset: 140,
          line: 7,
        },
      ],
    });
  });

  it('reports a mapping without references, and items that are not mappings', () => {
    assert.deepEqual(parseBibliography('title: not a bibliography\n', 'x.yaml'), {
      entries: [],
      problems: [
        {
          code: 'syntax-error',
          message: 'CSL-YAML must be a list of references, or have a "references:" list.',
          file: 'x.yaml',
          offset: 0,
          line: 1,
        },
      ],
    });
    assert.deepEqual(parseBibliography('- just a string\n- id: ok\n', 'x.yml'), {
      entries: [{ key: 'ok', authors: [], file: 'x.yml', offset: 18, line: 2 }],
      problems: [
        { code: 'invalid-entry', message: 'A reference must be a mapping with an "id".', file: 'x.yml', offset: 2, line: 1 },
      ],
    });
  });
});
