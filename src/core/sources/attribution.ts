import { tokenize, type Token } from '../claims/tokens';
import type { Settings } from '../settings';
import { hasHan } from '../text-tests';
import { makerBefore, sourceListRest } from './english-names';
import { attributionRules } from './rules/index';
import { makerOfEvidence } from './rules/english';
import { settingPhrase } from './rules/phrases';
import type { AttributionContext, AttributionRule } from './rules/types';
import { languageOf, languagesOf, type Language } from '../lang';

/** A textual attribution found in prose: the named source and the phrase that names it. */
export interface Attribution {
  /** Prose offsets of the phrase and the name together. */
  readonly start: number;
  readonly end: number;
  /** The named source ("PitchBook", "the research firm", "中国半导体行业协会"). */
  readonly name: string;
  /** The attributing phrase ("according to", "said", "据…统计"). */
  readonly phrase: string;
  /** The id of the rule that found it ("according-to", "zh-reporting-verb"). */
  readonly rule: string;
}

/** An attribution before the rule that found it is noted. */
export type Named = Omit<Attribution, 'rule'>;

/** The attribution rules of a list of languages, and what the token loop needs to know of them. */
interface RulePlan {
  readonly rules: readonly AttributionRule[];
  /** Every word class a rule may start at. */
  readonly triggers: number;
  /** Whether a rule looks at every token (its `triggers` is 0), besides the setting's phrases. */
  readonly everyToken: boolean;
  /** The packs of the list that no rule of their own serves: read from their data alone. */
  readonly packs: readonly Language[];
}

const plansByKey = new Map<string, RulePlan>();
const plansByList = new WeakMap<readonly string[], RulePlan>();

/** The attribution rules that serve any of `languages`, in order, worked out once per list. */
function planFor(languages: readonly string[]): RulePlan {
  let plan = plansByList.get(languages);
  if (plan) return plan;
  const key = languages.join(',');
  plan = plansByKey.get(key);
  if (!plan) {
    const rules = attributionRules.filter((r) => r.languages.includes('*') || r.languages.some((l) => languages.includes(l)));
    let triggers = 0;
    for (const r of rules) triggers |= r.triggers;
    const packs = languagesOf(languages).filter((p) => !attributionRules.some((r) => r.languages.includes(p.code)));
    plan = { rules, triggers, everyToken: rules.some((r) => r.triggers === 0 && r !== settingPhrase), packs };
    plansByKey.set(key, plan);
  }
  plansByList.set(languages, plan);
  return plan;
}

const phraseTokens = new Map<string, readonly string[]>();

/** A setting's phrase as the lower-case texts of its tokens: "数据来源" is four, "as reported by" three. */
interface PhraseIndex {
  readonly phrases: readonly (readonly string[])[];
  readonly phrasesByFirst: ReadonlyMap<string, readonly (readonly string[])[]>;
}
const phraseIndexes = new WeakMap<readonly string[], PhraseIndex>();

/**
 * The `attributionPhrases` setting as token lists, and indexed by their first
 * token, made once per setting rather than once per sentence (a setting may
 * hold thousands of phrases).
 */
function phrasesOf(setting: readonly string[]): PhraseIndex {
  let index = phraseIndexes.get(setting);
  if (!index) {
    const phrases = setting.map(tokensOfPhrase);
    const phrasesByFirst = new Map<string, (readonly string[])[]>();
    for (const words of phrases) {
      if (!words.length) continue;
      const list = phrasesByFirst.get(words[0]);
      if (list) list.push(words);
      else phrasesByFirst.set(words[0], [words]);
    }
    index = { phrases, phrasesByFirst };
    phraseIndexes.set(setting, index);
  }
  return index;
}

function tokensOfPhrase(phrase: string): readonly string[] {
  let words = phraseTokens.get(phrase);
  if (!words) {
    words = tokenize(phrase).map((t) => t.lower);
    phraseTokens.set(phrase, words);
  }
  return words;
}

/**
 * Finds textual attributions in one block of prose (spec section 7): the
 * attribution rules of the settings' languages (`rules/`) plus
 * `settings.attributionPhrases`, each with the source it names. Pronoun
 * speakers ("he said") and generic sources ("experts say", "N% of
 * respondents said") name no source and are left out. `tokens` and `han`
 * (whether `text[from, to)` holds a CJK ideograph), when the caller has them
 * already, save finding them again.
 */
export function findAttributions(
  text: string,
  settings: Settings,
  tokens?: readonly Token[],
  from = 0,
  to = text.length,
  han = hasHan(text, from, to),
): Attribution[] {
  const plan = planFor(han ? settings.languages : withoutUnspaced(settings.languages));
  const ctx: AttributionContext = {
    text, tokens: tokens ?? tokenize(text, from, to), from, to, ...phrasesOf(settings.attributionPhrases), packs: plan.packs, resumeAt: 0,
  };
  const out: Attribution[] = [];
  findWithRules(ctx, plan, out);
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  return out;
}

const spacedOnly = new WeakMap<readonly string[], readonly string[]>();

/** The languages of a list whose words are spaced: the rest need a Han character to find anything. */
function withoutUnspaced(languages: readonly string[]): readonly string[] {
  let out = spacedOnly.get(languages);
  if (!out) {
    out = languages.filter((l) => !languageOf(l)?.unspaced);
    spacedOnly.set(languages, out);
  }
  return out;
}

function findWithRules(ctx: AttributionContext, plan: RulePlan, out: Attribution[]): void {
  const { tokens } = ctx;
  const { rules, triggers } = plan;
  const extras = ctx.phrases.length > 0;
  // Rules that look at every token need the tokens that are not words too.
  const everyToken = extras || plan.everyToken;
  let prevEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Most words and characters start no phrase, and their class tells without a look at their text.
    const worded = t.kind === 'word' || t.kind === 'han';
    if (worded ? !extras && !plan.everyToken && !(t.classes & triggers) : !everyToken) continue;
    let builtInsDone = false;
    for (const rule of rules) {
      if (builtInsDone && rule !== settingPhrase) continue;
      if (rule.triggers !== 0 && (!worded || !(t.classes & rule.triggers))) continue;
      const found = rule.find(ctx, i);
      if (found === undefined) continue;
      // A built-in phrase that names no one ("according to him") leaves the setting's phrases to try.
      if (found === null) {
        builtInsDone = true;
        continue;
      }
      prevEnd = accept(ctx, rule, i, found, prevEnd, out);
      break;
    }
  }
}

/** The attribution of a name a rule found, field by field: a spread would copy into a slower, varying shape. */
function attributed(named: Named, rule: string): Attribution {
  return { start: named.start, end: named.end, name: named.name, phrase: named.phrase, rule };
}

/** Adds what a rule found unless it overlaps an earlier attribution; returns the new end of the last one. */
function accept(ctx: AttributionContext, rule: AttributionRule, i: number, found: Named | readonly Named[], prevEnd: number, out: Attribution[]): number {
  const list: readonly Named[] = Array.isArray(found) ? found : [found as Named];
  const first = list[0];
  if (!first || prevEnd > (rule.overlap === 'name' ? first.start : ctx.tokens[i].start)) return prevEnd;
  // "a YouGov poll for The Times shows": the pollster is a source beside the client.
  const maker = first.phrase === ctx.tokens[i].lower && rule.overlap === 'name' ? makerBefore(ctx.text, ctx.tokens, first) : null;
  if (maker && !(prevEnd > maker.start)) out.push(attributed(maker, makerOfEvidence.id));
  let end = prevEnd;
  for (const named of list) {
    out.push(attributed(named, rule.id));
    end = named.end;
  }
  // "Source: Office for National Statistics; Greater London Authority": every name of the list.
  if (first.phrase === 'source:') {
    for (const more of sourceListRest(ctx.text, ctx.tokens, first)) {
      out.push(attributed(more, rule.id));
      end = more.end;
    }
  }
  return end;
}
