import * as assert from 'node:assert/strict';
import { analyze, applyTextEdits, citeBibliographyKey, createBibliography, type BibEntry } from '../../src/core';

const lines = (...text: string[]) => text.join('\n');

/** Cites `key` for the claim whose text is `claimText` and returns the whole new text. */
function cite(text: string, claimText: string, key: string): string {
  const claim = analyze(text, { format: 'markdown' }).claims.find((c) => c.text === claimText);
  assert.ok(claim, `no claim "${claimText}" in ${JSON.stringify(text)}`);
  return applyTextEdits(text, citeBibliographyKey(text, claim, key));
}

describe('citeBibliographyKey', () => {
  const rows: [string, string, string, string, string][] = [
    [
      'a sentence with no citation: [@key] before its period',
      'Exports rose 12% last year.',
      '12%',
      'wipo2024',
      'Exports rose 12% last year [@wipo2024].',
    ],
    [
      'a sentence with no closing punctuation',
      'Exports rose 12% last year',
      '12%',
      'wipo2024',
      'Exports rose 12% last year [@wipo2024]',
    ],
    [
      'a bracket before the period: the key joins it',
      'Exports rose 12% last year [@board2023].',
      '12%',
      'wipo2024',
      'Exports rose 12% last year [@board2023; @wipo2024].',
    ],
    [
      'a bracket with a locator',
      'Exports rose 12% last year [see @board2023, p. 4].',
      '12%',
      'wipo2024',
      'Exports rose 12% last year [see @board2023, p. 4; @wipo2024].',
    ],
    [
      'a bracket after the period',
      'Exports rose 12% last year. [@board2023]',
      '12%',
      'wipo2024',
      'Exports rose 12% last year. [@board2023; @wipo2024]',
    ],
    [
      'a bracket with two keys, the last one kept last',
      'Exports rose 12% last year [@a; @b].',
      '12%',
      'c',
      'Exports rose 12% last year [@a; @b; @c].',
    ],
    [
      'a bracket in the middle of the sentence does not end it: a new bracket',
      'Exports [@board2023] rose 12% last year.',
      '12%',
      'wipo2024',
      'Exports [@board2023] rose 12% last year [@wipo2024].',
    ],
    [
      'a bracket in the next sentence is not this claim\'s',
      'Exports rose 12% last year. Imports fell [@board2023].',
      '12%',
      'wipo2024',
      'Exports rose 12% last year [@wipo2024]. Imports fell [@board2023].',
    ],
    [
      'a key already in the bracket: no edit',
      'Exports rose 12% last year [@board2023; @wipo2024].',
      '12%',
      'wipo2024',
      'Exports rose 12% last year [@board2023; @wipo2024].',
    ],
    [
      'a key with characters a bare key cannot end with goes in braces',
      'Exports rose 12% last year.',
      '12%',
      'Doe:2024.',
      'Exports rose 12% last year [@{Doe:2024.}].',
    ],
    [
      'a closing quote stays after the citation',
      '"Exports rose 12% last year."',
      '12%',
      'wipo2024',
      '"Exports rose 12% last year [@wipo2024]."',
    ],
  ];
  for (const [name, text, claimText, key, expected] of rows) {
    it(name, () => assert.equal(cite(text, claimText, key), expected));
  }

  it('edits only the claim\'s own sentence in a paragraph, with a bibliography given', () => {
    const entry: BibEntry = { key: 'board2023', authors: ['Grain Board'], title: 'Exports' };
    const text = lines('# Grain', '', 'Imports fell 3% [@board2023]. Exports rose 12% last year.', '', 'Prices held.');
    const claim = analyze(text, { format: 'markdown', bibliography: createBibliography([{ fileName: 'a.bib', entries: [entry] }]) }).claims.find(
      (c) => c.text === '12%',
    );
    assert.ok(claim);
    assert.deepEqual(citeBibliographyKey(text, claim, 'wipo2024'), [
      { range: { start: text.indexOf(' last year.') + ' last year'.length, end: text.indexOf(' last year.') + ' last year'.length }, newText: ' [@wipo2024]' },
    ]);
    assert.equal(
      applyTextEdits(text, citeBibliographyKey(text, claim, 'wipo2024')),
      lines('# Grain', '', 'Imports fell 3% [@board2023]. Exports rose 12% last year [@wipo2024].', '', 'Prices held.'),
    );
  });
});
