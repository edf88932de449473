import { spacedNumeralGrammar } from '../spaced-numerals';
import type { NumeralGrammar } from '../types';
import { enCardinals, enNumeralWords, enOrdinalDenominators, enScales, enScaleSuffixes } from './words';

/**
 * The English numeral grammar: "one hundred and three and two thirds",
 * "two hundred and two thousand", "fifty-two", "three dozen", "minus five
 * point five", "one over three", "2 1/4", "2.33k", "10M", "2 450", "1.3e6".
 * "m", "b" and "t" after digits are scales only after a decimal ("9.2m"),
 * where the caller's units do not read them first ("a 1.8m wall").
 */
export const enNumeralGrammar: NumeralGrammar = spacedNumeralGrammar({
  cardinals: enCardinals,
  scales: enScales,
  scaleSuffixes: enScaleSuffixes,
  caseSensitiveSuffixes: new Map([['M', 1e6], ['MM', 1e6], ['B', 1e9], ['K', 1e3]]),
  denominators: enOrdinalDenominators,
  timeDenominators: new Set(['quarter']),
  ofWords: ['of'],
  joiners: [enNumeralWords.and],
  negatives: enNumeralWords.negatives,
  pointWords: [enNumeralWords.point],
  overWords: [enNumeralWords.over],
  articles: enNumeralWords.a,
  decimalSeparators: ['.'],
  groupSeparators: [',', ' '],
});
