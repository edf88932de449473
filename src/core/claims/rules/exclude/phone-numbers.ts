import type { Quantity } from '../../quantity';
import type { Token } from '../../tokens';
import { claimRule, Shape, type Candidate } from '../types';

/** Uses up the digit groups after a phone number's first ("0161 496 0732", "+44 20 7946 0958"): none is a claim. */
function skipDigitGroups(tokens: readonly Token[], q: Quantity): 'skip' {
  let k = q.last + 1;
  for (let t = tokens[k]; t?.kind === 'num' && t.space && !t.grouped && !t.decimal && t.digits >= 2; t = tokens[++k]);
  q.last = k - 1;
  return 'skip';
}

function isLeadingZero(t: Token | undefined): boolean {
  return !!t && t.kind === 'num' && t.text.length > 1 && t.text[0] === '0' && t.text[1] !== '.';
}

/** Whether the digits are a part of a phone number written with dashes or brackets. */
function isPhonePart(c: Candidate): boolean {
  const { tokens, numIndex } = c;
  const num = tokens[numIndex];
  const before = c.beforeNum;
  const after = c.afterNum;
  // "555-123-4567"
  if (after?.text === '-' && tokens[numIndex + 2]?.kind === 'num' && tokens[numIndex + 3]?.text === '-') return true;
  // "(202) 555-0143"
  if (before?.text === '(' && after?.text === ')' && num.digits === 3 && !num.decimal && tokens[numIndex + 2]?.kind === 'num') return true;
  if (before?.text === ')' && tokens[numIndex - 2]?.kind === 'num' && tokens[numIndex - 2].digits === 3 && tokens[numIndex - 3]?.text === '(') return true;
  return after?.text === '-' && !after.space && isLeadingZero(tokens[numIndex + 2]);
}

export const phoneNumber = claimRule({
  id: 'phone-number',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits | Shape.marked,
  description: 'Phone numbers are identifiers, every group of them: "555-123-4567", "+1 (202) 555-0143", "+44 20 7946 0958".',
  examples: { fires: ['Call 555-123-4567 for help.', 'Ring +44 20 7946 0958 today.', 'Ring (202) 555-0143 today.'], doesNotFire: ['Some 555 people called for help.'] },
  apply(c) {
    if (c.numIndex < 0) return undefined;
    if (isPhonePart(c)) return 'skip';
    return c.bare && c.beforeNum?.text === '+' && !c.num?.space ? skipDigitGroups(c.tokens, c.q) : undefined;
  },
});

export const leadingZero = claimRule({
  id: 'leading-zero',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits | Shape.bare,
  description: 'A bare number with a leading zero is a code or a phone number, with the digit groups after it: "007", "0161 496 0732".',
  examples: { fires: ['Agent 007 is back.', 'Call 0161 496 0732 now.'], doesNotFire: ['Agent 7 is back.', 'It fell to 0.5% now.'] },
  apply(c) {
    const num = c.num;
    return c.bare && num && num.text.length > 1 && num.text[0] === '0' && !num.decimal ? skipDigitGroups(c.tokens, c.q) : undefined;
  },
});

export const phoneCall = claimRule({
  id: 'number-called',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.bareOrChange,
  description: 'A number after "call" that counts nothing is a phone number: "call 101", "call 999 or 112".',
  examples: { fires: ['For non-emergencies, call 101.'], doesNotFire: ['The defence will call 12 witnesses.'] },
  apply(c) {
    if (!(c.bare || c.q.kind === 'change')) return undefined;
    const prev = c.prev;
    return prev?.kind === 'word' && (prev.lower === 'call' || prev.lower === 'calling') && !c.q.words && c.next?.kind !== 'word' ? 'skip' : undefined;
  },
});
