import { seq, word } from '../../pattern';
import { claimRule } from '../types';

/** Verbs of a match's result before its score: "won 3-1", "lost 2–0 to", "drew 1-1". */
const resultVerbs = new Set(['won', 'win', 'wins', 'winning', 'lost', 'lose', 'loses', 'losing', 'beat', 'beats', 'drew', 'draw', 'trailed', 'trailing', 'led', 'leading', 'defeated', 'thrashed', 'edged']);
const resultBefore = seq(word(resultVerbs));

export const score = claimRule({
  id: 'score',
  languages: ['en'],
  stage: 'exclude',
  description: 'A match score after a verb of winning or losing is not a claim: "won 3-1", "lost 2–0".',
  examples: { fires: ['United won 3-1 on Sunday.', 'They lost 2–0 at home.'], doesNotFire: ['Sales won 3 awards.', 'Prices rose 3-4% on Sunday.'] },
  apply(c) {
    const { q } = c;
    if (q.kind !== null || q.valueMax === undefined || q.words || q.core.kind !== 'num' || q.core.decimal) return undefined;
    return resultBefore.endsBefore(c.tokens, q.first) ? 'skip' : undefined;
  },
});
