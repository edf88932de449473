import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseBibliography, type BibEntry, type ParsedBibliography } from '../../src/core';

const fixture = (name: string) => readFileSync(resolve('test/fixtures/bib', name), 'utf8');
const lines = (...text: string[]) => text.join('\n');

/** Parses an inline `.bib` text and returns its only entry, with no problems. */
function onlyEntry(text: string): BibEntry {
  const result = parseBibliography(text, 'refs.bib');
  assert.deepEqual(result.problems, []);
  assert.equal(result.entries.length, 1);
  return result.entries[0];
}

describe('parseBibliography: BibTeX and BibLaTeX', () => {
  it('reads a realistic bibliography whole (patents.bib)', () => {
    const text = fixture('patents.bib');
    const result = parseBibliography(text, 'patents.bib');
    const expected = JSON.parse(fixture('patents.expected.json')) as ParsedBibliography;
    assert.deepEqual(result, expected);
    // Every position is the entry's own `@type{key,` header.
    for (const entry of result.entries) {
      const header = new RegExp(`^@\\w+\\s*[{(]${entry.key},`);
      assert.match(text.slice(entry.offset), header, entry.key);
      assert.equal(text.slice(0, entry.offset).split('\n').length, entry.line, entry.key);
    }
  });

  // One row per feature: the .bib text and the entry it gives (positions left out).
  const rows: [string, string, Omit<BibEntry, 'file' | 'offset' | 'line'>][] = [
    [
      '@string macros, # concatenation and month macros',
      lines(
        '@string{ pub = "Edward " # "Elgar" }',
        '@string{place = {Cheltenham}}',
        '@book{k, title = "Handbook", publisher = pub # { Publishing}, address = place, year = 2017, month = feb}',
      ),
      { key: 'k', type: 'book', authors: [], year: '2017', title: 'Handbook', publisher: 'Edward Elgar Publishing' },
    ],
    [
      "accents: {\\'e}, \\\"{u}, {\\ss}, {\\'\\i}, {\\AA}, \\c{c}, \\v{S}",
      String.raw`@article{k, author = {Ren{\'e}e, Zo{\"e} and M\"{u}ller, Hans and Gro{\ss}, Uwe and Mart{\'\i}nez, Luis and {\AA}berg, Lars and Fran\c{c}ois, Luc and \v{S}imi{\'c}, Ivo}, title = {Stra{\ss}en {\"u}ber {\'E}cole}}`,
      {
        key: 'k',
        type: 'article',
        authors: ['Renée, Zoë', 'Müller, Hans', 'Groß, Uwe', 'Martínez, Luis', 'Åberg, Lars', 'François, Luc', 'Šimić, Ivo'],
        title: 'Straßen über École',
      },
    ],
    [
      'nested braces, \\&, --, ~, \\emph and math in a title',
      String.raw`@article{k, title = {{The {{COVID}-19} Shock}: \emph{Firms} \& {R\&D}, 2019--2021, p.~3, $CO_2$ and $10^6$}}`,
      { key: 'k', type: 'article', authors: [], title: 'The COVID-19 Shock: Firms & R&D, 2019–2021, p. 3, CO₂ and 10⁶' },
    ],
    [
      'BibLaTeX date, journaltitle and a DOI written as a URL',
      '@article{k, journaltitle = {Nature}, date = {2021-11-04/2021-11-05}, doi = {https://doi.org/10.1038/s41586-021-04086-x}}',
      { key: 'k', type: 'article', authors: [], year: '2021', container: 'Nature', doi: '10.1038/s41586-021-04086-x' },
    ],
    [
      'corporate authors in double braces next to a person',
      '@misc{k, author = {{International Energy Agency} and Birol, Fatih and {Google DeepMind}}, year = {2023}}',
      { key: 'k', type: 'misc', authors: ['International Energy Agency', 'Birol, Fatih', 'Google DeepMind'], year: '2023' },
    ],
    [
      'particles and "First Last" names',
      '@book{k, author = {Ludwig van Beethoven and de la Fontaine, Jean and John Maynard Keynes}}',
      // BibTeX puts a lowercase "van" before the family name, as in "van Beethoven, Ludwig".
      { key: 'k', type: 'book', authors: ['van Beethoven, Ludwig', 'de la Fontaine, Jean', 'Keynes, John Maynard'] },
    ],
    [
      'booktitle as container, url with & and %, parentheses around the entry',
      '@incollection(k, booktitle = {The Oxford Handbook}, url = {https://example.org/a?b=1&c=%20d}, publisher = {OUP})',
      {
        key: 'k',
        type: 'incollection',
        authors: [],
        container: 'The Oxford Handbook',
        publisher: 'OUP',
        url: 'https://example.org/a?b=1&c=%20d',
      },
    ],
    [
      'editors stand in for missing authors; a DOI with doi: prefix',
      '@collection{k, editor = {Ostrom, Elinor}, title = {Commons}, doi = {doi:10.7551/mitpress/1234.001.0001}, year = {2010}}',
      { key: 'k', type: 'collection', authors: ['Ostrom, Elinor'], year: '2010', title: 'Commons', doi: '10.7551/mitpress/1234.001.0001' },
    ],
  ];
  for (const [name, text, expected] of rows) {
    it(name, () => {
      const entry = onlyEntry(text);
      assert.deepEqual(entry, { ...expected, file: 'refs.bib', offset: entry.offset, line: entry.line });
      assert.equal(text.slice(entry.offset ?? -1).startsWith('@'), true);
    });
  }

  it('fills missing fields from a crossref parent defined later, matching its key without case', () => {
    // BibLaTeX inherits every field the child lacks, the DOI included; the parent's title becomes the booktitle.
    const text = lines(
      '@inproceedings{child, author = {Ng, Andrew}, title = {Deep Patents}, crossref = {CONF2020}}',
      '',
      '@proceedings{conf2020, title = {Proceedings of PatentConf}, publisher = {ACM}, year = {2020}, doi = {10.1145/123}}',
    );
    const result = parseBibliography(text, 'refs.bib');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.entries[0], {
      key: 'child',
      type: 'inproceedings',
      authors: ['Ng, Andrew'],
      year: '2020',
      title: 'Deep Patents',
      container: 'Proceedings of PatentConf',
      publisher: 'ACM',
      doi: '10.1145/123',
      file: 'refs.bib',
      offset: 0,
      line: 1,
    });
    assert.equal(result.entries[1].title, 'Proceedings of PatentConf');
  });

  it('keeps the good entries around a broken one and reports it with line and key (broken.bib)', () => {
    const result = parseBibliography(fixture('broken.bib'), 'broken.bib');
    assert.deepEqual(
      result.entries.map((e) => [e.key, e.title, e.line]),
      [
        ['first2020', 'A Good Entry', 1],
        ['second2022', 'Another Good Entry', 14],
      ],
    );
    assert.deepEqual(result.problems, [
      {
        code: 'syntax-error',
        message: 'Entry "broken2021" never ends: a "{" or \'"\' is not closed before the next entry.',
        file: 'broken.bib',
        offset: 126,
        line: 8,
        key: 'broken2021',
      },
      {
        code: 'duplicate-key',
        message: 'Key "first2020" is defined twice in this file (first on line 1); the first one is used.',
        file: 'broken.bib',
        key: 'first2020',
        line: 21,
        offset: 371,
      },
    ]);
  });

  it('recovers from several broken entries and a broken @string, keeping earlier macros', () => {
    const text = lines(
      '@string{good = {Good Press}}',
      '@article{a, title = {A}, publisher = good}',
      '@string{bad = {Bad Press}',
      '@article{b, title = {B} year = {2020}}',
      '@article{c, title = {C}, publisher = good}',
      '@article{d, title = "D}',
      '@article{e, title = {E}}',
    );
    const result = parseBibliography(text, 'refs.bib');
    assert.deepEqual(
      result.entries.map((e) => [e.key, e.title, e.publisher, e.line]),
      [
        ['a', 'A', 'Good Press', 2],
        ['c', 'C', 'Good Press', 5],
        ['e', 'E', undefined, 7],
      ],
    );
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.line, p.key]),
      [
        ['syntax-error', 3, undefined],
        ['syntax-error', 4, 'b'],
        ['syntax-error', 6, 'd'],
      ],
    );
    assert.match(result.problems[0].message, /^This @string never ends/);
    assert.equal(result.problems[1].message, 'Entry "b" cannot be read: expected "}", got a field name.');
  });

  it('reads an @inbook whose @book parent has no author', () => {
    const text = lines(
      '@inbook{ch3, author = {Mazzucato, Mariana}, title = {The State}, crossref = {vol}}',
      '@book{vol, editor = {Lee, Ann}, title = {Innovation Policy}, publisher = {Routledge}, date = {2018}}',
    );
    const result = parseBibliography(text, 'refs.bib');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.entries[0], {
      key: 'ch3',
      type: 'inbook',
      authors: ['Mazzucato, Mariana'],
      year: '2018',
      title: 'The State',
      container: 'Innovation Policy',
      publisher: 'Routledge',
      file: 'refs.bib',
      offset: 0,
      line: 1,
    });
  });

  it('reports a crossref loop and a crossref to a missing key, and still loads the entries', () => {
    const text = lines(
      '@inbook{a, title = {A}, crossref = {b}}',
      '@book{b, title = {B}, crossref = {a}}',
      '@inbook{c, title = {C}, crossref = {nowhere}}',
    );
    const result = parseBibliography(text, 'refs.bib');
    assert.deepEqual(
      result.entries.map((e) => [e.key, e.title]),
      [
        ['a', 'A'],
        ['b', 'B'],
        ['c', 'C'],
      ],
    );
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.line, p.key, p.message]),
      [
        ['crossref-error', 1, 'a', 'Entry "a": its crossref chain loops: a → b → a.'],
        ['crossref-error', 2, 'b', 'Entry "b": its crossref chain loops: b → a → b.'],
        ['crossref-error', 3, 'c', 'Entry "c": crossref "nowhere" names no entry in this file.'],
      ],
    );
  });

  it('counts positions in the file with CRLF line ends and a byte order mark', () => {
    const text = '\uFEFF% refs\r\n\r\n@misc{one,\r\n  title = {One}\r\n}\r\n@misc{two, title = {Two}}\r\n';
    const result = parseBibliography(text, 'refs.bib');
    assert.deepEqual(
      result.entries.map((e) => [e.key, e.title, e.offset, e.line]),
      [
        ['one', 'One', 11, 3],
        ['two', 'Two', 43, 6],
      ],
    );
  });

  it('reads .bibtex like .bib, and an empty or comment-only file as no entries', () => {
    assert.equal(parseBibliography('@misc{x, title={X}}', 'old.BIBTEX').entries[0].title, 'X');
    assert.deepEqual(parseBibliography('', 'empty.bib'), { entries: [], problems: [] });
    assert.deepEqual(parseBibliography('% nothing here\n@comment{not an entry}\n', 'c.bib'), { entries: [], problems: [] });
  });

  it('reports a file it does not read', () => {
    assert.deepEqual(parseBibliography('TY  - JOUR', 'refs.ris'), {
      entries: [],
      problems: [
        {
          code: 'unknown-format',
          message: 'refs.ris is not a bibliography file Claim Lens reads (.bib, .bibtex, .json, .yaml, .yml).',
          file: 'refs.ris',
        },
      ],
    });
  });
});
