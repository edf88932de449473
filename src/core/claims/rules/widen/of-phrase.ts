import { numberWords } from '../../../lang/en/words';
import { digits, seq, word } from '../../pattern';
import type { Token } from '../../tokens';
import { isBareWords } from '../exclude/number-words';
import { claimRule } from '../types';
import { groupPronouns, ofDeterminers, rankingWords } from '../../../lang/en/rule-words';
const ofPronoun = seq('of', word(groupPronouns));
const ofWholeStart = seq('of', word(ofDeterminers));

/** "four of the top five", "3 of 10": returns the last token index, or -1; the number's own index before a pronoun ("six of them"). */
function readOfPhrase(tokens: readonly Token[], ofIndex: number): number {
  // "six of them", "three of which": a count of a group named before; the number alone is the anchor.
  if (ofPronoun.startsAt(tokens, ofIndex)) return ofIndex - 1;
  let k = ofWholeStart.startsAt(tokens, ofIndex) ? ofIndex + 2 : ofIndex + 1;
  if (tokens[k]?.kind === 'word' && rankingWords.has(tokens[k].lower)) k++;
  const t = tokens[k];
  if (t && (digits(t) || (numberWords.has(t.lower) && t.lower !== 'one'))) {
    if (t.kind === 'num' && !t.grouped && t.digits === 4 && !t.decimal) return -1;
    return k;
  }
  return -1;
}

export const ofWhole = claimRule({
  id: 'of-a-whole',
  languages: ['en'],
  stage: 'widen',
  description: 'A count "of" a whole takes the whole into its anchor: "four of the top five", "3 of 10"; a number word "of" nothing countable is no claim.',
  examples: { fires: ['Four of the top five applicants are local.', 'Only 3 of 10 bids won.', 'Two of the best left.'], doesNotFire: ['Four applicants are local.'] },
  apply(c) {
    const { q, tokens } = c;
    if (tokens[q.last + 1]?.lower !== 'of') return undefined;
    const words = isBareWords(c);
    if (!words && !(q.kind === null && !q.words && q.core.kind === 'num')) return undefined;
    const extended = readOfPhrase(tokens, q.last + 1);
    if (extended < 0) return words ? 'drop' : undefined;
    c.last = extended;
    return 'fire';
  },
});
