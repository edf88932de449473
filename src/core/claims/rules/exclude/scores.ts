import { digits, glued, seq, sym, word } from '../../pattern';
import { claimRule, Shape } from '../types';
import { resultVerbs } from '../../../lang/en/rule-words';
const resultBefore = seq(word(resultVerbs));
/** The rest of a score after its first number: "-1", "–0". */
const scoreRest = seq(glued(sym('-', '–')), glued(digits));

export const score = claimRule({
  id: 'score',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.digits | Shape.unkinded,
  description: 'A match score after a verb of winning or losing is not a claim, neither of its numbers: "won 3-1", "lost 2–0".',
  examples: { fires: ['United won 3-1 on Sunday.', 'They lost 2–0 at home.'], doesNotFire: ['Sales won 3 awards.', 'The Senate passed it 68-32.'] },
  apply(c) {
    const { q, tokens } = c;
    if (q.kind !== null || q.words || q.core.kind !== 'num' || q.core.decimal || c.first !== q.core) return undefined;
    if (!resultBefore.endsBefore(tokens, q.first)) return undefined;
    const end = q.valueMax === undefined ? scoreRest.at(tokens, q.last + 1) : q.last + 1;
    if (end < 0) return undefined;
    q.last = end - 1; // both numbers are used up
    return 'skip';
  },
});
