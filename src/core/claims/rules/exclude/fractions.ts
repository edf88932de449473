import { seq } from '../../pattern';
import { qualifierBefore } from '../../qualifiers';
import { claimRule, Shape } from '../types';
import { halfOfPart, periodWords } from '../../../lang/en/rule-words';
const halfOf = seq('of');

export const halfAlone = claimRule({
  id: 'half-alone',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.words | Shape.fraction,
  description: '"half" is a claim only when qualified ("almost half") or "half of" a whole, not "the first half of".',
  examples: { fires: ['He left at half time.', 'In the first half of the year sales fell.'], doesNotFire: ['Almost half of voters agreed.', 'Half of voters agreed.'] },
  apply(c) {
    if (c.q.kind !== 'fraction' || c.first.lower !== 'half') return undefined;
    if (qualifierBefore(c.tokens, c.q.first, c.floor)) return undefined;
    const partOf = halfOf.startsAt(c.tokens, c.q.last + 1) && !halfOfPart.has(c.prev?.lower ?? '');
    return partOf ? undefined : 'drop';
  },
});

export const periodFraction = claimRule({
  id: 'period-fraction',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.fraction,
  description: 'A fraction after "first", "last", "past" is a period of time: "the first three-quarters of the year".',
  examples: { fires: ['In the first three-quarters of the year sales fell.'], doesNotFire: ['Three-quarters of voters agreed.'] },
  apply(c) {
    const prev = c.prev;
    return c.q.kind === 'fraction' && prev?.kind === 'word' && periodWords.has(prev.lower) ? 'drop' : undefined;
  },
});

