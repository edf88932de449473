import { timeWords } from '../../../lang/en/words';
import { qualifierBefore } from '../../qualifiers';
import type { Token } from '../../tokens';
import { claimRule, Shape, type Candidate } from '../types';
import { changeToVerbs, durationVerbs, measureLinks, measuredTimeNouns, sentencingVerbs, subSecond } from '../../../lang/en/rule-words';

/** Whether "an average of", "a median of" or "averaged" stands right before token `i`. */
function isAverageBefore(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]?.lower;
  if (before === 'averaged' || before === 'averages' || before === 'averaging') return true;
  return before === 'of' && measuredTimeNouns.has(tokens[i - 2]?.lower ?? '');
}

/**
 * Whether the time starting at token `i` is what the sentence measures, not a
 * frame: "the strike lasted 19 hours", "was sentenced to 12 years", "jailed
 * for more than six months", "delayed by three hours".
 */
function isMeasuredDuration(tokens: readonly Token[], i: number, floor: number): boolean {
  const k = qualifierBefore(tokens, i, floor)?.first ?? i;
  const before = tokens[k - 1];
  if (before?.kind !== 'word') return false;
  if (durationVerbs.has(before.lower)) return true;
  // "limits were exceeded on 35 days": days counted, not a span.
  if (before.lower === 'on' && tokens[i + 1]?.lower === 'days') return true;
  // "life expectancy at birth is 79.4 years", "the median stay rose to 4.2 days": a measured time as the subject.
  if (measureLinks.has(before.lower)) {
    for (let m = k - 2; m >= 0 && m >= k - 5 && tokens[m].kind === 'word'; m--) if (measuredTimeNouns.has(tokens[m].lower)) return true;
  }
  const verb = tokens[k - 2]?.lower ?? '';
  // "delayed by three hours"
  if (before.lower === 'by') return verb === 'delayed';
  // "lasted for five years", "sentenced to 12 years", "rose to 18 weeks"
  return (before.lower === 'to' || before.lower === 'for') &&
    (sentencingVerbs.has(verb) || (before.lower === 'for' && durationVerbs.has(verb)) || (before.lower === 'to' && changeToVerbs.has(verb)));
}

/** The time word after the quantity, perhaps after a hyphen ("10-year"), or undefined. */
function timeWordAfter(c: Candidate): Token | undefined {
  if (c.q.kind !== null && c.q.kind !== 'count') return undefined;
  let n = c.next;
  if (n?.kind === 'sym' && n.text === '-' && !n.space) n = c.tokens[c.q.last + 2];
  return n?.kind === 'word' && timeWords.has(n.lower) ? n : undefined;
}

export const measuredTime = claimRule({
  id: 'measured-time',
  languages: ['en'],
  stage: 'classify',
  needs: Shape.unkinded,
  description: 'A time the sentence measures is a claim of kind measure: "lasted 19 hours", "an average of 72 minutes", "a latency of 480 ms".',
  examples: {
    fires: ['The strike lasted 19 hours.', 'Users spend an average of 72 minutes a day online.', 'Waits rose to 18 weeks.'],
    doesNotFire: ['Over five years the firm grew.', 'The plan runs for 20 years.'],
  },
  apply(c) {
    const n = timeWordAfter(c);
    if (!n || n !== c.next || c.q.kind !== null) return undefined;
    if (!(isAverageBefore(c.tokens, c.q.first) || subSecond.has(n.text) || isMeasuredDuration(c.tokens, c.q.first, c.floor))) return undefined;
    c.q.kind = 'measure';
    c.q.unit = n.text;
    c.q.last = c.last = c.q.last + 1;
    return 'fire';
  },
});

export const durationFrame = claimRule({
  id: 'duration',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.countable,
  description: 'A length of time that frames another claim is not one: "over five years", "a 10-year plan", "20 years ago".',
  examples: { fires: ['Over five years the firm grew.', 'The council set out a 10-year plan.'], doesNotFire: ['The strike lasted 19 hours.', 'The firm hired five staff.'] },
  apply: (c) => (timeWordAfter(c) ? 'skip' : undefined),
});
