import * as assert from 'node:assert/strict';
import { findClaims } from '../../../src/core/claims/find-claims';
import { de } from './de';

/** Claims of a German sentence, read with the German pack alone: text, kind, value, unit. */
function claimsOf(sentence: string): [string, string, number | null, string | null][] {
  return findClaims(sentence, [de]).map((m) => [sentence.slice(m.start, m.end), m.kind, m.value, m.unit]);
}

describe('a German pack built from data alone', () => {
  const rows: [string, [string, string, number, string | null][]][] = [
    ['Die Arbeitslosenquote stieg auf 3,5 Prozent.', [['3,5 Prozent', 'percent', 3.5, null]]],
    ['Das Projekt kostet zwölf Millionen Euro.', [['zwölf Millionen Euro', 'money', 12e6, 'EUR']]],
    ['Laut Statistischem Bundesamt lebten 84 Millionen Menschen in Deutschland.', [['84 Millionen', 'count', 84e6, null]]],
    ['Sie sagte, 1.000 Euro seien zu wenig.', [['1.000 Euro', 'money', 1000, 'EUR']]],
    ['Der Umsatz wuchs um 2,75 Milliarden Euro.', [['2,75 Milliarden Euro', 'money', 2.75e9, 'EUR']]],
    ['Es gab elf Verletzte und sieben Tote.', [['elf', 'count', 11, null], ['sieben', 'count', 7, null]]],
    ['Die Firma beschäftigt dreihundert Menschen nicht, sondern zwei hundert.', [['zwei hundert', 'count', 200, null]]],
  ];
  for (const [sentence, expected] of rows) {
    it(`reads ${JSON.stringify(expected.map((e) => e[0]))} in "${sentence}"`, () => {
      assert.deepEqual(claimsOf(sentence), expected);
    });
  }

  it('reads no year and no decimal comma as two counts', () => {
    assert.deepEqual(claimsOf('Im Jahr 2023 war das anders.'), []);
    assert.notDeepEqual(claimsOf('Es waren 3,5 Prozent.').map((c) => c[2]), [3, 5]);
  });

  it('gives every reporting verb its forms from the pack', () => {
    assert.deepEqual([...de.attribution.inflect('sagen')], ['sagen', 'sagte', 'sagten', 'gesagt', 'sagt']);
  });
});
