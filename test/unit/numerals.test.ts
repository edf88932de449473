import * as assert from 'node:assert/strict';
import { findClaims } from '../../src/core/claims/find-claims';
import { analyze } from '../../src/core/index';
import { tokenize } from '../../src/core/claims/tokens';
import { enNumeralGrammar } from '../../src/core/lang/en/numerals';
import { zhNumeralGrammar } from '../../src/core/lang/zh/numerals';
import type { NumeralGrammar } from '../../src/core/lang/types';

/** The numeral the grammar reads from the first token of `text`: its text and value. */
function read(grammar: NumeralGrammar, text: string): [string, number, number | undefined, string | undefined] | null {
  const tokens = tokenize(text);
  const r = grammar.read(tokens, 0);
  return r ? [text.slice(tokens[0].start, tokens[r.last].end), Number(r.value.toPrecision(12)), r.valueMax, r.kind] : null;
}

describe('numeral grammars', () => {
  const en: [string, string, number, string?][] = [
    ['one hundred and three and two thirds', 'one hundred and three and two thirds', 103.666666667, 'fraction'],
    ['two hundred and two thousand people', 'two hundred and two thousand', 202000],
    ['two thousand and two hundred', 'two thousand and two hundred', 2200],
    ['fifty-two', 'fifty-two', 52],
    ['fifty - two cases', 'fifty - two', 52],
    ['three dozen eggs', 'three dozen', 36],
    ['three hundred and two dozens', 'three hundred and two dozens', 324],
    ['two thirds of them', 'two thirds', 0.666666666667, 'fraction'],
    ['one and a half', 'one and a half', 1.5, 'fraction'],
    ['minus five point five', 'minus five point five', -5.5],
    ['one over three', 'one over three', 0.333333333333, 'fraction'],
    ['2 1/4 cups', '2 1/4', 2.25, 'fraction'],
    ['2.33k stars', '2.33k', 2330],
    ['10M users', '10M', 10000000],
    ['2 450 members', '2 450', 2450],
    ['1 234 567.89 is', '1 234 567.89', 1234567.89],
    ['1.3e6 atoms', '1.3e6', 1300000],
    ['a dozen clinics', 'a dozen', 12],
    ['half a dozen clinics', 'half a dozen', 6],
    ['5 lakh homes', '5', 5],
  ];
  for (const [text, span, value, kind] of en) {
    it(`reads "${span}" in "${text}" as ${value}`, () => {
      const got = read(enNumeralGrammar, text);
      assert.deepEqual(got, [span, value, undefined, kind]);
    });
  }

  const zh: [string, string, number, (number | undefined)?, string?][] = [
    ['十四亿一千一百七十八万人', '十四亿一千一百七十八万', 1411780000],
    ['十二亿三千四百万', '十二亿三千四百万', 1234000000],
    ['一千零五', '一千零五', 1005],
    ['三千零八', '三千零八', 3008],
    ['两千四百五', '两千四百五', 2450],
    ['五千六百七', '五千六百七', 5670],
    ['一千三', '一千三', 1300],
    ['一万五千亿', '一万五千亿', 1500000000000],
    ['四万万', '四万万', 400000000],
    ['三成半', '三成半', 35, undefined, 'percent'],
    ['四成半', '四成半', 45, undefined, 'percent'],
    ['七五折', '七五折', 75, undefined, 'percent'],
    ['负三十二', '负三十二', -32],
    ['負三十二', '負三十二', -32],
    ['壹萬零二百五十', '壹萬零二百五十', 10250],
    ['兩千四百五', '兩千四百五', 2450],
    ['三点五亿', '三点五亿', 350000000],
    ['八千三百点三三', '八千三百点三三', 8300.33],
    ['三分之二', '三分之二', 0.666666666667, undefined, 'fraction'],
    ['负一又二分之一', '负一又二分之一', -1.5],
    ['二三十', '二三十', 20, 30],
    ['5万4千6百', '5万4千6百', 54600],
    ['六個百分點', '六個百分點', 6, undefined, 'percent'],
    ['百分之六十', '百分之六十', 60, undefined, 'percent'],
    ['千分之一', '千分之一', 0.1, undefined, 'percent'],
    ['二十几万', '二十几万', 200000],
    ['五十打', '五十打', 600],
  ];
  for (const [text, span, value, valueMax, kind] of zh) {
    it(`reads "${span}" in "${text}" as ${value}`, () => {
      const got = read(zhNumeralGrammar, text);
      assert.deepEqual(got, [span, value, valueMax, kind]);
    });
  }

  it('reads nothing where no numeral starts', () => {
    assert.equal(read(zhNumeralGrammar, '成本'), null);
    assert.equal(read(enNumeralGrammar, 'the'), null);
  });
});

describe('numerals in claims', () => {
  const rows: [string, string, string, number, string | null][] = [
    ['A 1.8m wall went up.', '1.8m', 'measure', 1.8, 'm'],
    ['Sales rose roughly 25-fold.', 'roughly 25-fold', 'multiplier', 25, null],
    ['Prices are up 6pc on last year.', '6pc', 'percent', 6, null],
    ['The film was shot in 24p and sold 40,000 copies.', '40,000', 'count', 40000, null],
    ['出口增长约一倍。', '约一倍', 'multiplier', 2, null],
    ['I want to earn $2000 over 3 years.', '$2000', 'money', 2000, 'USD'],
    ['运走一吨半煤。', '一吨半', 'measure', 1.5, '吨'],
    ['全国人口共十四亿一千一百七十八万人。', '十四亿一千一百七十八万人', 'count', 1411780000, null],
  ];
  for (const [sentence, text, kind, value, unit] of rows) {
    it(`finds "${text}" in "${sentence}"`, () => {
      const got = findClaims(sentence, ['en', 'zh']).map((m) => [sentence.slice(m.start, m.end), m.kind, m.value, m.unit]);
      assert.deepEqual(got, [[text, kind, value, unit]]);
    });
  }
});

describe('numerals standing alone', () => {
  const rows: [string, string, number][] = [
    ['The answer is minus five point five.', 'minus five point five', -5.5],
    ['答案是二百零一。', '二百零一', 201],
    ['袜子五双九点九', '九点九', 9.9],
  ];
  for (const [sentence, text, value] of rows) {
    it(`finds "${text}" in "${sentence}"`, () => {
      const got = findClaims(sentence, ['en', 'zh']).map((m) => [sentence.slice(m.start, m.end), m.value]);
      assert.ok(got.some(([t, v]) => t === text && v === value), JSON.stringify(got));
    });
  }

  it('leaves a lone number word or a numeral inside a word alone', () => {
    assert.deepEqual(findClaims('The answer is five.', ['en', 'zh']), []);
    assert.deepEqual(findClaims('十四五规划开局。', ['en', 'zh']), []);
  });
});

describe('the pre-filter built from the packs', () => {
  const rows: [string, string, number][] = [
    ['A lakh people came.', 'A lakh', 100000],
    ['They cut it by two thirds.', 'two thirds', 0.666666666667],
    ['Half a dozen clinics closed.', 'Half a dozen', 6],
  ];
  for (const [text, claim, value] of rows) {
    it(`lets "${text}" through to the recogniser`, () => {
      const claims = analyze(text, { format: 'text' }).claims.map((c) => [c.text, c.value]);
      assert.deepEqual(claims, [[claim, value]]);
    });
  }
});
