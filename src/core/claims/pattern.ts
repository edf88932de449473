import type { Token } from './tokens';

/** A test on one token. */
export type TokenTest = (t: Token) => boolean;

/**
 * One step of a phrase: a word or mark as written in lower case (`'per'`,
 * `'%'`), a set or list of them, or a test. `glued(…)` asks for no space
 * before the token, `optional(…)` lets the step be absent.
 */
export type Step = string | ReadonlySet<string> | ReadonlyMap<string, unknown> | readonly string[] | TokenTest | Modified;

interface Modified {
  readonly test: TokenTest;
  readonly optional: boolean;
  readonly glued: boolean;
}

function isModified(step: Step): step is Modified {
  return typeof step === 'object' && 'test' in step && typeof (step as Modified).test === 'function';
}

function toTest(step: Exclude<Step, Modified>): TokenTest {
  if (typeof step === 'function') return step;
  if (typeof step === 'string') return (t) => t.lower === step;
  if (Array.isArray(step)) {
    const set = new Set(step as readonly string[]);
    return (t) => set.has(t.lower);
  }
  const set = step as ReadonlySet<string> | ReadonlyMap<string, unknown>;
  return (t) => set.has(t.lower);
}

function toModified(step: Step): Modified {
  return isModified(step) ? step : { test: toTest(step), optional: false, glued: false };
}

/** A step that may be absent: `seq('up', optional('to'), number)`. */
export function optional(step: Step): Step {
  const m = toModified(step);
  return { ...m, optional: true };
}

/** A step whose token is written against the one before it: the `s` of "1990s", the `%` of "5%". */
export function glued(step: Step): Step {
  const m = toModified(step);
  return { ...m, glued: true };
}

/** Any word. */
export const anyWord: TokenTest = (t) => t.kind === 'word';
/** Any number written in digits. */
export const digits: TokenTest = (t) => t.kind === 'num';
/** A mark (punctuation or symbol). */
export const mark: TokenTest = (t) => t.kind === 'sym';
/** A word that starts with a capital letter, in any script. */
export const capitalised: TokenTest = (t) => t.kind === 'word' && startsUpper(t.text);
/** A Han character. */
export const hanChar: TokenTest = (t) => t.kind === 'han';

/** A word in any of the given sets, or one of the given words. */
export function word(...words: (string | ReadonlySet<string> | ReadonlyMap<string, unknown>)[]): TokenTest {
  // One set of every word, made once: a test runs on many tokens and allocates nothing.
  const all = new Set<string>();
  for (const w of words) {
    if (typeof w === 'string') all.add(w);
    else for (const k of w.keys()) all.add(k);
  }
  return (t) => t.kind === 'word' && all.has(t.lower);
}

/** A mark written as one of `chars`. */
export function sym(...chars: string[]): TokenTest {
  const set = new Set(chars);
  return (t) => t.kind === 'sym' && set.has(t.text);
}

/** Whether a word starts with an upper-case letter, in any script. */
export function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

/**
 * A phrase as a sequence of steps, matched against tokens forwards from an
 * index (`at`) or backwards to one (`before`). Matching is greedy and never
 * backtracks: an optional step is taken whenever its token fits. Built once,
 * at module load; matching allocates nothing.
 */
export class Phrase {
  private readonly steps: readonly Modified[];

  constructor(steps: readonly Step[]) {
    this.steps = steps.map(toModified);
  }

  /** The index after the phrase when it starts at token `i`, or -1. */
  at(tokens: readonly Token[], i: number): number {
    let k = i;
    for (let s = 0; s < this.steps.length; s++) {
      const step = this.steps[s];
      const t = tokens[k];
      const ok = t !== undefined && step.test(t) && !(step.glued && t.space);
      if (ok) k++;
      else if (!step.optional) return -1;
    }
    return k;
  }

  /** Whether the phrase starts at token `i`. */
  startsAt(tokens: readonly Token[], i: number): boolean {
    return this.at(tokens, i) >= 0;
  }

  /**
   * The index of the phrase's first token when it ends right before token
   * `i` (its last token is `i - 1`), or -1.
   */
  before(tokens: readonly Token[], i: number): number {
    let k = i - 1;
    for (let s = this.steps.length - 1; s >= 0; s--) {
      const step = this.steps[s];
      const t = k >= 0 ? tokens[k] : undefined;
      const ok = t !== undefined && step.test(t) && !(step.glued && t.space);
      if (ok) k--;
      else if (!step.optional) return -1;
    }
    return k + 1;
  }

  /** Whether the phrase ends right before token `i`. */
  endsBefore(tokens: readonly Token[], i: number): boolean {
    return this.before(tokens, i) >= 0;
  }
}

/** The phrase of the given steps: `seq(ageWords, ageBounds)` reads "aged over", "age under". */
export function seq(...steps: Step[]): Phrase {
  return new Phrase(steps);
}
