import { word, seq } from '../../pattern';
import type { Quantity } from '../../quantity';
import type { Token } from '../../tokens';
import { claimRule, Shape } from '../types';
import { ageBounds, ageEnds, ageVerbs, ageWords, personWords } from '../../../lang/en/rule-words';

/** "children under", "aged over": the number after is an age. */
const boundedAge = seq(word(personWords, ageWords), word(ageBounds));
/** "and older", "or younger" after a number that follows a person word. */
const openAge = seq(word('and', 'or'), word(ageEnds));

/** Whether the bare number `q` is an age: a bound after a person word or "aged", or "N and older" after a person word. */
function isAge(tokens: readonly Token[], q: Quantity): boolean {
  const before = tokens[q.first - 1];
  if (before?.kind !== 'word') return false;
  // "who turned 40 last month", "turns 18 in May"
  if (ageVerbs.has(before.lower)) return q.core.kind !== 'num' || (!q.core.decimal && !q.core.grouped && q.core.value < 130);
  if (ageBounds.has(before.lower)) return boundedAge.endsBefore(tokens, q.first);
  return personWords.has(before.lower) && openAge.startsAt(tokens, q.last + 1);
}

export const age = claimRule({
  id: 'age',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.bare,
  description: 'An age is not a claim: "children under five", "aged over 80", "people 65 and older", "turned 40".',
  examples: {
    fires: ['Children under five get free care.', 'Patients aged over 80 wait longest.', 'Many people 65 and older vote.', 'She turned 40 in May.'],
    doesNotFire: ['Under five firms bid.', 'People saw 65 and more.'],
  },
  apply: (c) => (c.bare && isAge(c.tokens, c.q) ? 'skip' : undefined),
});
