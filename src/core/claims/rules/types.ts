import type { SettingsInput } from '../../settings';
import type { ClaimKind, Format, RuleEffect } from '../../types';

export type { RuleEffect } from '../../types';
import type { ClaimMatch, Quantity } from '../quantity';
import type { Token } from '../tokens';

/** Texts a rule must fire on, and texts it must not: its test is generated from them. */
export interface RuleExamples {
  readonly fires: readonly string[];
  readonly doesNotFire: readonly string[];
  /** Settings the examples are read with, when the defaults do not show the rule ("attributionPhrases"). */
  readonly settings?: SettingsInput;
  /** The format the examples are written in; plain text when omitted. */
  readonly format?: Format;
}

/** What every named rule says about itself, for `--explain`, `--rule-stats` and its generated test. */
export interface RuleInfo {
  /** Stable kebab-case id: "year", "age-after-name", "according-to". */
  readonly id: string;
  /** Language codes the rule serves ("en", "zh"); "*" for every language. */
  readonly languages: readonly string[];
  readonly stage: RuleStage;
  /** One line, for a writer. */
  readonly description: string;
  readonly examples: RuleExamples;
}

/**
 * Where a rule stands in the pipeline: `exclude` leaves a quantity out,
 * `classify` settles its kind, `widen` grows its anchor, `attribute` finds a
 * named source.
 */
export type RuleStage = 'exclude' | 'classify' | 'widen' | 'attribute';

/** A claim that a rule settled on its own (a rank), with the last token it used. */
export interface Settled {
  readonly match: ClaimMatch;
  readonly last: number;
}

/**
 * What a claim rule decided: `skip`, not a claim and its tokens are used up;
 * `drop`, not a claim, but its tokens may start another; `fire`, the rule
 * changed the candidate and the next rule goes on; or a settled claim.
 */
export type Verdict = 'skip' | 'drop' | 'fire' | Settled;

/**
 * Shapes of a quantity, as bits: a rule that names the shapes it needs
 * (`needs`) is passed over, unasked, for a quantity without all of them.
 */
export const Shape = {
  /** Written with digits: `numIndex >= 0`. */
  digits: 1,
  /** No kind and no scale: "12", "twelve". */
  bare: 2,
  /** Bare, or a change ("doubled"). */
  bareOrChange: 4,
  /** Written in words. */
  words: 8,
  /** No kind yet, scaled or not: "12", "4 million". */
  unkinded: 16,
  /** No kind yet, or a count. */
  countable: 32,
  /** The sentence holds a Han character: rules that read Chinese around the number need one. */
  han: 64,
  /** Digits with a token written against them, before or after: "5G", "10:30", "the ’90s", "$5". */
  glued: 128,
  /** A percentage: "12%", "twelve per cent". */
  percent: 256,
  /** A fraction: "three-quarters", "2 1/4". */
  fraction: 512,
  /** Digits with a mark beside them, spaced or not: "(3)", "555-0143", "p < 0.05", ", 45,". */
  marked: 1024,
} as const;

/** The shape bits of a candidate as it stands (a classify rule may change its kind); the sentence's bits (`Shape.han`) come apart. */
export function shapeOf(c: Candidate): number {
  const q = c.q;
  const bare = q.kind === null && !q.scaled;
  return (c.numIndex >= 0 ? Shape.digits : 0) | (isGlued(c) ? Shape.glued : 0) | (isMarked(c) ? Shape.marked : 0) |
    (q.kind === 'percent' ? Shape.percent : q.kind === 'fraction' ? Shape.fraction : 0) | (bare ? Shape.bare : 0) | (bare || q.kind === 'change' ? Shape.bareOrChange : 0) |
    (q.words ? Shape.words : 0) | (q.kind === null ? Shape.unkinded | Shape.countable : q.kind === 'count' ? Shape.countable : 0);
}

function isGlued(c: Candidate): boolean {
  if (c.numIndex < 0) return false;
  const num = c.tokens[c.numIndex];
  const after = c.tokens[c.numIndex + 1];
  return (!num.space && c.numIndex > 0) || (after !== undefined && !after.space);
}

/** A mark is any token but a word, a Han character or digits. */
function isMarked(c: Candidate): boolean {
  if (c.numIndex < 0) return false;
  const before = c.tokens[c.numIndex - 1];
  const after = c.tokens[c.numIndex + 1];
  return (before !== undefined && before.kind !== 'word' && before.kind !== 'han' && before.kind !== 'num') ||
    (after !== undefined && after.kind !== 'word' && after.kind !== 'han' && after.kind !== 'num');
}

/** A rule on a quantity that the numeral grammar has read. */
export interface ClaimRule extends RuleInfo {
  readonly stage: 'exclude' | 'classify' | 'widen';
  /** `Shape` bits the quantity must have all of for the rule to fire; every quantity is asked when omitted. */
  readonly needs?: number;
  /** What the rule decides on `c`, or undefined when it does not fire. */
  apply(c: Candidate): Verdict | undefined;
}

/** One rule's firing, by prose offsets: what it looked at and what it did. */
export interface RuleFiring {
  readonly rule: string;
  readonly start: number;
  readonly end: number;
  readonly effect: RuleEffect;
}

/**
 * A quantity on its way to being a claim, with what the rules look at and
 * what they change. Rules read `tokens` around `q.first`..`last`.
 */
export class Candidate {
  /** The last token of the claim: past `q.last` when a rule widens it after. */
  last: number;
  /** The first token of the claim: before `q.first` when a rule widens it before. */
  start: number;
  kind: ClaimKind | null;
  qualifierAfter: string | undefined = undefined;
  qualifier: string | undefined = undefined;
  /** -1, 1 or 0: a sign written against the number. */
  sign = 0;
  /** The token of digits the quantity holds, or -1 when it is written in words or Han numerals. */
  readonly numIndex: number;

  constructor(
    readonly tokens: readonly Token[],
    readonly q: Quantity,
    /** First token not yet used by a claim: rules never look back past it for a qualifier. */
    readonly floor: number,
    readonly languages: readonly string[],
  ) {
    this.last = q.last;
    this.start = q.first;
    this.kind = q.kind;
    const first = tokens[q.first];
    this.numIndex = q.core.kind === 'num' ? tokens.indexOf(q.core, q.first) : first.kind === 'num' ? q.first : -1;
  }

  get first(): Token {
    return this.tokens[this.q.first];
  }

  get core(): Token {
    return this.q.core;
  }

  /** The token before the quantity. */
  get prev(): Token | undefined {
    return this.tokens[this.q.first - 1];
  }

  /** The token after the quantity. */
  get next(): Token | undefined {
    return this.tokens[this.q.last + 1];
  }

  /** A number with no kind and no scale: "12", "twelve". */
  get bare(): boolean {
    return this.q.kind === null && !this.q.scaled;
  }

  /** The digits token, when the quantity has one. */
  get num(): Token | undefined {
    return this.numIndex >= 0 ? this.tokens[this.numIndex] : undefined;
  }

  /** The token before the digits. */
  get beforeNum(): Token | undefined {
    return this.numIndex >= 0 ? this.tokens[this.numIndex - 1] : undefined;
  }

  /** The token after the digits. */
  get afterNum(): Token | undefined {
    return this.numIndex >= 0 ? this.tokens[this.numIndex + 1] : undefined;
  }
}

/** A claim rule, checked for the shape every rule file must have. */
export function claimRule(rule: ClaimRule): ClaimRule {
  return rule;
}
