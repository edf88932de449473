import { zhRankVerbs } from '../../../lang/zh/words';
import { zhRankClassifiers } from '../../../lang/zh/rule-words';
import { glued, hanChar, optional, seq, word } from '../../pattern';
import type { Quantity } from '../../quantity';
import type { Token } from '../../tokens';
import { claimRule, Shape, type Candidate, type Settled } from '../types';
import { chartVerbs, ordinalSuffixes, rankWords, superlatives } from '../../../lang/en/rule-words';
/** "peaked at number 3", "debuted at No. 1", "climbed to No. 12", "reached number 5". */
const chartPosition = seq(word(chartVerbs), optional(word('at', 'to')), word('number', 'no'), optional('.'));
/** Classifiers of a place in a ranking: "第12位", "第3名". */
const zhRankClassifier = seq(glued(zhRankClassifiers));

/** Ordinals: a rank when ranking words stand by ("ranked 3rd of 190", "the 2nd largest"). */
function readOrdinal(tokens: readonly Token[], q: Quantity, suffix: number): Settled | 'skip' {
  const before = [tokens[q.first - 1], tokens[q.first - 2]].some((t) => t && rankWords.has(t.lower));
  const after = tokens[suffix + 1];
  if (!before && !(after && superlatives.has(after.lower))) return 'skip';
  let last = suffix;
  if (after?.lower === 'of' && tokens[suffix + 2]?.kind === 'num') last = suffix + 2;
  return { match: { start: tokens[q.first].start, end: tokens[last].end, kind: 'rank', value: q.core.value, unit: null }, last };
}

function rankAt(c: Candidate, start: number, last: number): Settled {
  return { match: { start: c.tokens[start].start, end: c.tokens[last].end, kind: 'rank', value: c.q.core.value, unit: null }, last };
}

export const ordinal = claimRule({
  id: 'ordinal',
  languages: ['en'],
  stage: 'classify',
  needs: Shape.digits | Shape.glued,
  description: 'An ordinal ("3rd", "12th") is a rank when a ranking word stands by ("ranked 3rd of 190", "the 2nd largest"), else not a claim.',
  examples: { fires: ['The city ranked 3rd of 190 nations.', 'It is the 2nd largest port.', 'On the 3rd floor staff wait.'], doesNotFire: ['The city ranked high.'] },
  apply(c) {
    const after = c.afterNum;
    if (c.q.kind !== null || !after || after.space || after.kind !== 'word' || c.numIndex + 1 <= c.q.last) return undefined;
    return ordinalSuffixes.has(after.lower) ? readOrdinal(c.tokens, c.q, c.numIndex + 1) : undefined;
  },
});

export const chartRank = claimRule({
  id: 'chart-position',
  languages: ['en'],
  stage: 'classify',
  needs: Shape.bareOrChange,
  description: 'A chart position after a verb of charting is a rank: "peaked at number 3", "debuted at No. 1".',
  examples: { fires: ['The single peaked at number 3 in May.', 'It debuted at No. 12 last week.'], doesNotFire: ['The single sold 3 million copies.', 'See number 3 below.'] },
  apply(c) {
    if (!(c.bare || c.q.kind === 'change') || c.q.words) return undefined;
    const at = chartPosition.before(c.tokens, c.q.first);
    if (at < 0) return undefined;
    // The anchor starts at "number" or "No.", after the verb and its "at" or "to".
    let start = at + 1;
    while (c.tokens[start].lower !== 'number' && c.tokens[start].lower !== 'no') start++;
    return rankAt(c, start, c.q.last);
  },
});

/** The verb written right before 第: "排名", "位居". */
function zhVerbBefore(tokens: readonly Token[], di: number): string {
  const b1 = tokens[di - 1];
  const b2 = tokens[di - 2];
  return (b2?.kind === 'han' ? b2.text : '') + (b1?.kind === 'han' ? b1.text : '');
}

export const zhRank = claimRule({
  id: 'zh-rank',
  languages: ['zh'],
  stage: 'classify',
  needs: Shape.digits | Shape.han,
  description: 'A number after 第 is a rank when a ranking verb stands before it ("排名第12位", "位居第3"), else numbering ("第21条").',
  examples: { fires: ['该市排名第12位。', '该法第21条规定如此。'], doesNotFire: ['该市有12位专家。'] },
  apply(c) {
    const num = c.num;
    const di = c.numIndex - 1;
    if (!num || c.tokens[di]?.text !== '第' || num.space || !hanChar(c.tokens[di])) return undefined;
    if (!zhRankVerbs.some((w) => zhVerbBefore(c.tokens, di).endsWith(w))) return 'skip';
    const last = zhRankClassifier.startsAt(c.tokens, c.numIndex + 1) ? c.numIndex + 1 : c.numIndex;
    return rankAt(c, di, last);
  },
});
