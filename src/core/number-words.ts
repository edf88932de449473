import { fromAllPacks, type Language } from './lang';
import { wordGroup } from './lang/patterns';

/**
 * Claims need a digit, a Chinese numeral (the sentence splitter notes which
 * sentences hold one) or a number word: sentences with none are not
 * tokenized at all, which is most of the cost of prose.
 */
const numberWordTrigger = fromAllPacks(numberWordPattern);

/** The words of every spaced pack that can start or make a quantity without a digit, as one pattern (global: see `nextNumberWord`). */
function numberWordPattern(packs: readonly Language[]): RegExp {
  const words: string[] = [];
  const suffixes: string[] = [];
  for (const pack of packs) {
    if (pack.unspaced) continue;
    const n = pack.numbers;
    for (const map of [n.cardinals, n.scales, n.denominators, n.fractions, n.multipliers, n.changes]) for (const w of map.keys()) if (w.length > 2) words.push(w);
    suffixes.push(...n.multiplierSuffixes);
  }
  // ASCII words take \b, four times faster than a Unicode letter test on every sentence without a digit.
  const ascii = [...words, ...suffixes].every((w) => /^[\x20-\x7e]*$/u.test(w));
  const group = wordGroup(words);
  const tail = suffixes.length ? `|${wordGroup(suffixes)}` : '';
  return ascii
    ? new RegExp(`\\b${group}s?\\b${tail ? `${tail}\\b` : ''}`, 'gi')
    : new RegExp(`(?<!\\p{L})${group}s?(?!\\p{L})${tail ? `${tail}(?!\\p{L})` : ''}`, 'giu');
}

/** The offset of the first number word at or after `from` in `text`, or Infinity. */
export function nextNumberWord(text: string, from: number): number {
  const pattern = numberWordTrigger();
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? m.index : Infinity;
}
