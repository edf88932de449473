import { qualifierAfter as qualifierAfterOf, qualifierBefore } from '../../qualifiers';
import { claimRule, type Candidate } from '../types';

/** "40 or more", "20 or so", "三千人左右", "二十多": a qualifier after the quantity, in the packs' words, joins its anchor. */
export const qualifierAfter = claimRule({
  id: 'qualifier-after',
  languages: ['*'],
  stage: 'widen',
  description: 'A qualifier after the number ("or more", "or so", "左右", "以上") is part of the claim.',
  examples: {
    fires: ['The trust treated 40 or more patients.', '全市约有三千人左右参加。'],
    doesNotFire: ['The trust treated 40 patients.', '全市有三千人参加。'],
  },
  apply(c) {
    const after = qualifierAfterOf(c.tokens, c.q.last + 1, c.languages);
    if (!after) return undefined;
    c.qualifierAfter = after.text;
    c.last = after.last;
    return 'fire';
  },
});

/**
 * A sign written against a quantity in digits, with a space, a bracket or
 * nothing before it: -1 for "-3°C" and "−0.5%", 1 for "+5%", 0 for none
 * (not the hyphen of "COVID-19", which has no space before it).
 */
function signBefore(c: Candidate): number {
  const { tokens, q } = c;
  const s = tokens[q.first - 1];
  const first = tokens[q.first];
  if (s?.kind !== 'sym' || first.space || first.kind === 'word' || q.first - 1 < c.floor) return 0;
  const code = s.text.charCodeAt(0);
  if (code !== 45 /* - */ && code !== 0x2212 /* − */ && code !== 43 /* + */) return 0;
  const before = tokens[q.first - 2];
  if (!(s.space || !before || before.text === '(' || before.text === '（')) return 0;
  return code === 43 ? 1 : -1;
}

/** "-3°C", "+2.1%": a sign written against the number gives its value a sign and joins its anchor. */
export const sign = claimRule({
  id: 'sign',
  languages: ['*'],
  stage: 'widen',
  description: 'A plus or minus sign written against the number ("-3°C", "+2.1%") is part of the claim and its value.',
  examples: {
    fires: ['Temperatures fell to -3°C overnight.', 'Sales changed by +2.1% in May.'],
    doesNotFire: ['Temperatures fell to 3°C overnight.', 'Cases of COVID-19 rose 5%.'],
  },
  apply(c) {
    c.sign = signBefore(c);
    if (!c.sign) return undefined;
    c.start = c.q.first - 1;
    return 'fire';
  },
});

/** "more than 40", "about 5%", "超过3亿元": a qualifier before the quantity joins its anchor. */
export const qualifierBeforeRule = claimRule({
  id: 'qualifier-before',
  languages: ['en', 'zh'],
  stage: 'widen',
  description: 'A qualifier before the number ("more than", "about", "up to", "超过", "约") is part of the claim.',
  examples: {
    fires: ['Funds put over $40 billion toward AI.', '投资超过3亿元。'],
    doesNotFire: ['Funds put $40 billion toward AI.', '投资3亿元。'],
  },
  apply(c) {
    const qb = qualifierBefore(c.tokens, c.start, c.floor);
    let qualifier = qb?.text;
    if (qb) c.start = qb.first;
    if (c.qualifierAfter) qualifier = qualifier ? `${qualifier} … ${c.qualifierAfter}` : c.qualifierAfter;
    // "between 5 and …" that did not read as a range: "between" alone qualifies nothing.
    if (c.q.kind === null && qualifier === 'between' && c.q.valueMax === undefined) qualifier = undefined;
    c.qualifier = qualifier;
    return qb ? 'fire' : undefined;
  },
});
