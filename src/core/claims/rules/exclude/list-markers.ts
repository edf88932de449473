import { listItemNouns } from '../../../lang/en/words';
import { qualifierBefore } from '../../qualifiers';
import type { Token } from '../../tokens';
import { claimRule, Shape } from '../types';

function onlyMarksBefore(tokens: readonly Token[], i: number): boolean {
  for (let k = 0; k < i; k++) if (tokens[k].kind !== 'sym') return false;
  return true;
}

export const listMarker = claimRule({
  id: 'list-marker',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits | Shape.bare | Shape.marked,
  description: 'A number opening a block with "." or ")" after it numbers a list item: "1. ", "2) ".',
  examples: { fires: ['1. Cut the costs of 40 schools.', '2) Hire staff.'], doesNotFire: ['Cut the costs of 40 schools.'] },
  apply(c) {
    const after = c.afterNum;
    return c.bare && c.numIndex >= 0 && onlyMarksBefore(c.tokens, c.q.first) && after?.kind === 'sym' && (after.text === '.' || after.text === ')') ? 'skip' : undefined;
  },
});

export const bracketedMarker = claimRule({
  id: 'bracketed-marker',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits | Shape.bare | Shape.marked,
  description: 'A number in brackets of its own numbers an item: "(1)", "(2)".',
  examples: { fires: ['The plan (1) cuts costs and (2) hires staff.'], doesNotFire: ['The plan cuts costs (by 12%).'] },
  apply: (c) => (c.bare && c.numIndex >= 0 && c.beforeNum?.text === '(' && c.afterNum?.text === ')' && c.q.core.value < 100 ? 'skip' : undefined),
});

export const listicle = claimRule({
  id: 'listicle',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.digits | Shape.unkinded,
  description: 'A title\'s count of its own items is no claim about the world: "5 ways to cut your bills", "10 things to know".',
  examples: { fires: ['Here are 5 ways to cut your bills.'], doesNotFire: ['Here are more than 5 ways to cut your bills.', 'Here are 5 firms to watch.'] },
  apply(c) {
    const { q, tokens } = c;
    if (q.kind !== null || q.words || q.core.kind !== 'num') return undefined;
    const n = tokens[q.last + 1];
    return n?.kind === 'word' && listItemNouns.has(n.lower) && !qualifierBefore(tokens, q.first, c.floor) ? 'drop' : undefined;
  },
});
