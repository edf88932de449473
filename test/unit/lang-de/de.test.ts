import * as assert from 'node:assert/strict';
import { findClaims } from '../../../src/core/claims/find-claims';
import { Quantity } from '../../../src/core/claims/quantity';
import { registerWordClass } from '../../../src/core/claims/tokens';
import { analyze, parseSettings, registerLanguage } from '../../../src/core/index';
import { zh } from '../../../src/core/lang/zh';
import type { Language, QuantityGrammar, ValueWriting } from '../../../src/core/lang/types';
import { formatClaimValue, formatClaimValueWithQualifier, languageOfText, type ClaimValue } from '../../../src/core/report';
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

  describe('through analyze(), as the product reads it', () => {
    before(() => registerLanguage(de));

    /** Claims of a German text through `analyze()` with `languages: ['de']`: text, kind, value, unit, status, named sources. */
    function analyzed(text: string): [string, string, number | null, string | null, string, string[]][] {
      const { settings, issues } = parseSettings({ languages: ['de'] });
      assert.deepEqual(issues, []);
      return analyze(text, { format: 'text', settings }).claims.map((c) => [
        c.text, c.kind, c.value, c.unit, c.status, c.sources.filter((s) => s.kind === 'textual').map((s) => s.name ?? ''),
      ]);
    }

    const rows: [string, [string, string, number | null, string | null, string, string[]][]][] = [
      ['Laut dem Statistischen Bundesamt lebten 84 Millionen Menschen in Deutschland.',
        [['84 Millionen', 'count', 84e6, null, 'attributed', ['Statistischen Bundesamt']]]],
      ['Der Umsatz wuchs um 2,75 Milliarden Euro, sagte Müller.', [['2,75 Milliarden Euro', 'money', 2.75e9, 'EUR', 'attributed', ['Müller']]]],
      ['Müller sagte, es gebe drei Milliarden Euro mehr.', [['drei Milliarden Euro', 'money', 3e9, 'EUR', 'attributed', ['Müller']]]],
      ['Nach Angaben des Statistischen Bundesamts stieg die Quote auf 3,5 Prozent.', [['3,5 Prozent', 'percent', 3.5, null, 'attributed', ['Statistischen Bundesamts']]]],
      ['Die Quote stieg auf 3,5 Prozent, sagte er.', [['3,5 Prozent', 'percent', 3.5, null, 'uncited', []]]],
      ['Experten sagten, es seien zwölf Millionen Euro.', [['zwölf Millionen Euro', 'money', 12e6, 'EUR', 'uncited', []]]],
      // The pack's source label makes a "Source:" line of its own, which names the source of the sentence above it.
      ['Die Quote stieg auf 3,5 Prozent. Quelle: Destatis', [['3,5 Prozent', 'percent', 3.5, null, 'attributed', ['Destatis']]]],
      ['Die Quote stieg auf 3,5 Prozent. Die Quelle ist unklar.', [['3,5 Prozent', 'percent', 3.5, null, 'uncited', []]]],
    ];
    for (const [text, expected] of rows) {
      it(`reads ${JSON.stringify(text)}`, () => {
        assert.deepEqual(analyzed(text), expected);
      });
    }

    it("splits sentences with the pack's abbreviations: no sentence ends at \"usw.\"", () => {
      const { settings } = parseSettings({ languages: ['de'] });
      const text = 'Für Strom, Gas usw. Haushalte zahlten 3,5 Milliarden Euro, sagte Müller. Das ist viel.';
      assert.deepEqual(analyze(text, { format: 'text', settings }).claims.map((c) => [c.text, c.sentence.trim(), c.status]), [
        ['3,5 Milliarden Euro', 'Für Strom, Gas usw. Haushalte zahlten 3,5 Milliarden Euro, sagte Müller.', 'attributed'],
      ]);
    });

    it('classifies German number and scale words written in any case ("Drei", "Milliarden")', () => {
      assert.deepEqual(analyzed('Drei Milliarden Euro fehlen.').map((c) => [c[0], c[2]]), [['Drei Milliarden Euro', 3e9]]);
    });

    it('takes the code of a registered pack in settings, and names the packs there are for one that is not', () => {
      assert.deepEqual(parseSettings({ languages: ['de', 'en'] }).issues, []);
      const { issues, settings } = parseSettings({ languages: ['fr'] });
      assert.deepEqual(issues.map((i) => [i.field, i.message]), [['languages.0', 'no language pack "fr"; the packs are en, zh, de']]);
      assert.deepEqual(settings.languages, ['en', 'zh']);
    });
  });
});

describe('a German pack with a quantity grammar of its own', () => {
  /** Ranges joined by "bis" ("3 bis 5 Prozent"), which German's data cannot say: read through the finder's shared steps. */
  const quantities: QuantityGrammar = {
    startKind: 'word',
    startClass: registerWordClass([...de.numbers.cardinals.keys()]),
    readStart(tokens, i, reader) {
      const r = de.numerals.read(tokens, i);
      if (!r) return null;
      const q = new Quantity(i, r.last, r.value, r.kind ?? null, null, r.scaled, true, tokens[i]);
      reader.readScaleAndUnit(tokens, q.last + 1, q);
      return reader.readRangeAndRatio(tokens, q);
    },
    readDigits: (tokens, j) => de.numerals.read(tokens, j),
    readScale(tokens, j, q) {
      const t = tokens[j];
      const scale = t?.kind === 'word' ? de.numbers.scales.get(t.lower) : undefined;
      if (scale === undefined) return undefined;
      q.value *= scale;
      q.scaled = true;
      q.last = j;
      return j + 1;
    },
    readUnit(tokens, j, q) {
      const t = tokens[j];
      if (t.kind !== 'word') return false;
      const currency = de.units.currencyAfter.get(t.lower);
      if (t.lower === 'prozent') q.kind = 'percent';
      else if (currency) [q.kind, q.unit] = ['money', currency];
      else return true;
      q.last = j;
      return true;
    },
    joinsRange: (tokens, _q, j) => tokens[j].kind === 'word' && tokens[j].lower === 'bis',
    readBound(tokens, i, _q, reader) {
      return tokens[i].kind === 'word' ? quantities.readStart(tokens, i, reader) : null;
    },
  };
  const deWithGrammar: Language = { ...de, quantities };

  /** Claims of a German sentence, read with the given pack alone: text, kind, value, upper bound, unit. */
  function claimsWith(pack: Language, sentence: string): [string, string, number | null, number | undefined, string | null][] {
    return findClaims(sentence, [pack]).map((m) => [sentence.slice(m.start, m.end), m.kind, m.value, m.valueMax, m.unit]);
  }

  it('reads a range its grammar joins, where the data alone reads two numbers', () => {
    const sentence = 'Die Preise stiegen um 3 bis 5 Prozent.';
    assert.deepEqual(claimsWith(deWithGrammar, sentence), [['3 bis 5 Prozent', 'percent', 3, 5, null]]);
    assert.deepEqual(claimsWith(de, sentence), [['3', 'count', 3, undefined, null], ['5 Prozent', 'percent', 5, undefined, null]]);
  });

  it('reads numbers in words, decimal commas, scales and units through the same steps', () => {
    assert.deepEqual(claimsWith(deWithGrammar, 'Es kostet zwölf Millionen Euro.'), [['zwölf Millionen Euro', 'money', 12e6, undefined, 'EUR']]);
    assert.deepEqual(claimsWith(deWithGrammar, 'Die Quote lag bei 3,5 Prozent.'), [['3,5 Prozent', 'percent', 3.5, undefined, null]]);
    assert.deepEqual(claimsWith(deWithGrammar, 'Es waren drei bis fünf Prozent.'), [['drei bis fünf Prozent', 'percent', 3, 5, null]]);
  });
});

describe('German values in reports', () => {
  /** How German writes values: decimal comma, grouping dot, scale and currency words after the number. */
  const deWriting: ValueWriting = {
    script: 'Latin',
    decimalMark: ',',
    groupMark: '.',
    scales: [
      { size: 1e9, word: 'Milliarden' },
      { size: 1e6, word: 'Millionen' },
    ],
    scaleJoined: false,
    percent: '{n} Prozent',
    percentagePoint: '{n} Prozentpunkt',
    percentagePoints: '{n} Prozentpunkte',
    percentUnits: ['prozent'],
    percentagePointUnits: ['prozentpunkte', 'prozentpunkt'],
    multiplier: '{n}-fach',
    rank: 'Platz {n} {unit}',
    currencies: new Map([['EUR', 'Euro'], ['USD', 'US-Dollar']]),
    money: '{n} {c}',
    qualifiersAfter: [],
  };
  const deWithWriting: Language = { ...de, writing: deWriting };

  /** The values of a German sentence's claims, read with the German pack and written with `pack`. */
  function valuesOf(sentence: string, pack: Language): string[] {
    return findClaims(sentence, [de]).map((m) => formatClaimValue({ kind: m.kind, value: m.value, valueMax: m.valueMax, unit: m.unit }, pack));
  }

  function value(kind: ClaimValue['kind'], v: number, unit: string | null = null, extra: Partial<ClaimValue> = {}): ClaimValue {
    return { kind, value: v, unit, ...extra };
  }

  it('writes the values it reads in its own words and marks', () => {
    assert.deepEqual(
      [
        ...valuesOf('Die Arbeitslosenquote stieg auf 3,5 Prozent.', deWithWriting),
        ...valuesOf('Das Projekt kostet zwölf Millionen Euro.', deWithWriting),
        ...valuesOf('Der Umsatz wuchs um 2,75 Milliarden Euro.', deWithWriting),
        ...valuesOf('Sie sagte, 1.000 Euro seien zu wenig.', deWithWriting),
      ],
      ['3,5 Prozent', '12 Millionen Euro', '2,75 Milliarden Euro', '1.000 Euro'],
    );
  });

  it('writes every kind of value by its writing', () => {
    assert.deepEqual(
      [
        formatClaimValue(value('money', 2e6, 'EUR'), deWithWriting),
        formatClaimValue(value('money', 12, 'CHF'), deWithWriting),
        formatClaimValue(value('count', 38210), deWithWriting),
        formatClaimValue(value('percent', 1, 'Prozentpunkte'), deWithWriting),
        formatClaimValue(value('percent', 2.5, 'Prozentpunkte'), deWithWriting),
        formatClaimValue(value('multiplier', 3), deWithWriting),
        formatClaimValue(value('rank', 2), deWithWriting),
        formatClaimValue(value('fraction', 2 / 3), deWithWriting),
        formatClaimValueWithQualifier(value('percent', 3.5, null, { qualifier: 'Etwa' }), deWithWriting),
      ],
      ['2 Millionen Euro', '12 CHF', '38.210', '1 Prozentpunkt', '2,5 Prozentpunkte', '3-fach', 'Platz 2', '0,6667', 'etwa 3,5 Prozent'],
    );
  });

  it('writes the values of a pack without a writing with digits and marks alone, in its own decimal and group marks', () => {
    assert.equal(de.writing, undefined);
    assert.deepEqual(
      [
        ...valuesOf('Die Arbeitslosenquote stieg auf 3,5 Prozent.', de),
        ...valuesOf('Das Projekt kostet zwölf Millionen Euro.', de),
        formatClaimValue(value('percent', 2, 'Prozentpunkte'), de),
        formatClaimValue(value('percent', 2, 'percentage points'), de),
        formatClaimValue(value('multiplier', 3), de),
        formatClaimValue(value('rank', 2), de),
        formatClaimValue(value('fraction', 2 / 3), de),
        formatClaimValueWithQualifier(value('count', 1200, null, { qualifier: 'Etwa' }), de),
      ],
      ['3,5%', 'EUR 12.000.000', '2 Prozentpunkte', '2 pp', '3×', '#2', '0,6667', 'etwa 1.200'],
    );
  });

  it("tells an article's language among the packs given by the script of its letters", () => {
    const packs = [deWithWriting, zh];
    assert.equal(languageOfText('Die Arbeitslosenquote stieg auf 3,5 Prozent.', packs), 'de');
    assert.equal(languageOfText('全国充电桩数量增长了43%，据省能源局统计。', packs), 'zh');
    assert.equal(languageOfText('', packs), 'de');
    assert.equal(languageOfText('全国充电桩数量增长了43%。', [de, zh]), 'zh', 'a pack without a writing counts by whether it is spaced');
  });
});
