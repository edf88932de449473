import type { ClaimMatch, Quantity } from './quantity';
import { claimRules } from './rules/index';
import { Candidate, shapeOf, type ClaimRule, type RuleEffect, type RuleFiring, type Settled } from './rules/types';
import type { Token } from './tokens';

/**
 * The rules of a list of languages in pipeline order, and for each candidate
 * shape the positions of those that may fire on it, listed on the shape's
 * first meeting (`positionsFor`): a 2 MB article meets about twenty of the 2,048.
 */
export interface RuleIndex {
  readonly rules: readonly ClaimRule[];
  readonly byShape: (readonly number[] | undefined)[];
}

const rulesByLanguages = new Map<string, RuleIndex>();
const shapeCount = 2048;

/** The claim rules that serve any of `languages`, in pipeline order, indexed by the shapes they need. */
export function claimRulesFor(languages: readonly string[]): RuleIndex {
  const key = languages.join(',');
  let index = rulesByLanguages.get(key);
  if (!index) {
    const rules = claimRules.filter((r) => r.languages.includes('*') || r.languages.some((l) => languages.includes(l)));
    index = { rules, byShape: new Array<readonly number[] | undefined>(shapeCount).fill(undefined) };
    rulesByLanguages.set(key, index);
  }
  return index;
}

/** The positions in `index.rules` of the rules that may fire on a candidate of `shape`, in pipeline order. */
function positionsFor(index: RuleIndex, shape: number): readonly number[] {
  let positions = index.byShape[shape];
  if (!positions) {
    positions = index.rules.flatMap((r, k) => ((shape & (r.needs ?? 0)) === (r.needs ?? 0) ? [k] : []));
    index.byShape[shape] = positions;
  }
  return positions;
}

function effectOf(rule: ClaimRule, verdict: 'skip' | 'drop' | 'fire' | Settled): RuleEffect {
  if (verdict === 'skip' || verdict === 'drop') return 'left out';
  if (verdict !== 'fire' || rule.stage === 'classify') return 'kind';
  return 'widened';
}

/**
 * Runs the claim rules over a quantity the grammar read: returns the claim,
 * 'skip' when its tokens are used up by something that is not a claim (a
 * year, a version), or null when it is not a claim but its tokens may start
 * another. Each rule that fires is added to `firings` when given. `sentence`
 * holds the `Shape` bits of the whole sentence (`Shape.han`).
 */
export function decide(
  tokens: readonly Token[],
  q: Quantity,
  floor: number,
  index: RuleIndex,
  languages: readonly string[],
  firings?: RuleFiring[],
  sentence = 0,
): Settled | 'skip' | null {
  const c = new Candidate(tokens, q, floor, languages);
  const { rules } = index;
  let shape = shapeOf(c) | sentence;
  let positions = positionsFor(index, shape);
  for (let p = 0; p < positions.length; p++) {
    const at = positions[p];
    const rule = rules[at];
    const verdict = rule.apply(c);
    if (verdict === undefined) continue;
    if (firings) firings.push(firingOf(rule, verdict, c));
    if (verdict === 'fire') {
      // A rule that settles the kind changes the shape: go on with the rules after it that the new shape asks.
      const now = shapeOf(c) | sentence;
      if (now !== shape) {
        shape = now;
        positions = positionsFor(index, shape);
        p = positions.findIndex((k) => k > at) - 1;
        if (p < -1) break;
      }
      continue;
    }
    if (verdict === 'skip') return 'skip';
    if (verdict === 'drop') return null;
    return verdict;
  }
  return { match: matchOf(c), last: c.last };
}

function firingOf(rule: ClaimRule, verdict: 'skip' | 'drop' | 'fire' | Settled, c: Candidate): RuleFiring {
  const { tokens, q } = c;
  if (typeof verdict === 'object') return { rule: rule.id, start: verdict.match.start, end: verdict.match.end, effect: 'kind' };
  const first = Math.min(c.start, q.first);
  const last = Math.min(Math.max(c.last, q.last), tokens.length - 1);
  return { rule: rule.id, start: tokens[first].start, end: tokens[last].end, effect: effectOf(rule, verdict) };
}

function round(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

/** The claim a candidate makes once every rule has had its say. */
function matchOf(c: Candidate): ClaimMatch {
  const { q, tokens } = c;
  const core = q.core;
  // A number read as written, with at most 11 digits, is its own 12-digit rounding.
  const asWritten = core.kind === 'num' && q.value === core.value && core.text.length <= 12;
  const magnitude = Number.isFinite(q.value) ? (asWritten ? q.value : round(q.value)) : null;
  const value = c.sign < 0 && magnitude !== null ? -magnitude : magnitude;
  const match: { -readonly [K in keyof ClaimMatch]: ClaimMatch[K] } = {
    start: tokens[c.start].start, end: tokens[c.last].end, kind: q.kind ?? 'count', value, unit: q.unit,
  };
  if (q.valueMax !== undefined) match.valueMax = round(q.valueMax);
  if (c.qualifier) match.qualifier = c.qualifier;
  return match;
}
