import { claimRulesFor, decide } from './decide';
import { isYear, Quantity, type ClaimMatch } from './quantity';
import { Shape, type RuleFiring } from './rules/types';
import { tokenize, type Token } from './tokens';
import { fromAllPacks, languageOf } from '../lang';
import type { Language, QuantityGrammar, QuantityReader } from '../lang/types';

export type { ClaimMatch } from './quantity';

/** A pack's start of a quantity in its own words, with the word classes it may start with. */
interface Start {
  readonly startClass: number;
  readonly readStart: QuantityGrammar['readStart'];
}

/** One step of a pack's quantity grammar. */
type Step<K extends keyof QuantityGrammar> = NonNullable<QuantityGrammar[K]>;

/**
 * What `findClaims` needs to know of a list of languages, worked out once
 * per list: the packs' quantity grammars, split into the steps of reading a
 * quantity, the packs' functions for each asked in the order of the list.
 */
interface Plan {
  readonly codes: readonly string[];
  readonly rules: ReturnType<typeof claimRulesFor>;
  /** Packs without a quantity grammar: read from their data alone. */
  readonly dataPacks: readonly Language[];
  /** Whether a pack writes without spaces: Han text then has the `Shape.han` sentence shape. */
  readonly unspaced: boolean;
  /** Starts of quantities in words, and of those in Han characters, with the union of their word classes. */
  readonly wordStarts: readonly Start[];
  readonly wordClass: number;
  readonly hanStarts: readonly Start[];
  readonly hanClass: number;
  /** Currency codes and words before a number ("usd", "rmb"), the first pack's first. */
  readonly currencyBefore: ReadonlyMap<string, string>;
  /** The packs' functions for each step of reading a quantity, each list made one function once per plan (see `chain`). */
  readonly readDigits: Step<'readDigits'>;
  readonly readScale: Step<'readScale'>;
  readonly readUnit: Step<'readUnit'>;
  readonly readRatio: Step<'readRatio'>;
  readonly joinsRange: Step<'joinsRange'>;
  readonly readBound: Step<'readBound'>;
  readonly keepsRange: Step<'keepsRange'>;
  /** The shared steps, for the packs' grammars to call back. */
  readonly reader: QuantityReader;
}

const plans = new WeakMap<readonly (string | Language)[], Plan>();

/** The plan for `languages`, kept per list (settings hold one list for all their calls). */
function planOf(languages: readonly (string | Language)[]): Plan {
  let plan = plans.get(languages);
  if (!plan) {
    plan = makePlan(languages);
    plans.set(languages, plan);
  }
  return plan;
}

function makePlan(languages: readonly (string | Language)[]): Plan {
  const codes = languages.map((l) => (typeof l === 'string' ? l : l.code));
  const packs = languages.map((l) => (typeof l === 'string' ? languageOf(l) : l)).filter((l): l is Language => l !== undefined);
  const grammars = packs.flatMap((p) => (p.quantities ? [p.quantities] : []));
  const starts = (kind: QuantityGrammar['startKind']): Start[] =>
    grammars.filter((g) => g.startKind === kind).map((g) => ({ startClass: g.startClass, readStart: g.readStart }));
  const steps = <K extends keyof QuantityGrammar>(key: K): Step<K>[] => grammars.flatMap((g) => (g[key] === undefined ? [] : [g[key] as Step<K>]));
  const currencyBefore = new Map<string, string>();
  for (const p of packs) for (const [word, code] of p.units.currencyBefore) if (!currencyBefore.has(word)) currencyBefore.set(word, code);
  const wordStarts = starts('word');
  const hanStarts = starts('han');
  const plan: Plan = {
    codes,
    rules: claimRulesFor(codes),
    dataPacks: packs.filter((p) => !p.quantities),
    unspaced: packs.some((p) => p.unspaced),
    wordStarts,
    wordClass: wordStarts.reduce((bits, s) => bits | s.startClass, 0),
    hanStarts,
    hanClass: hanStarts.reduce((bits, s) => bits | s.startClass, 0),
    currencyBefore,
    readDigits: chain(steps('readDigits'), (f, next) => (t, j) => {
      const r = f(t, j);
      return r && r.last > j ? r : next(t, j);
    }, () => null),
    readScale: chain(steps('readScale'), (f, next) => (t, j, q) => f(t, j, q) ?? next(t, j, q), () => undefined),
    readUnit: chain(steps('readUnit'), (f, next) => (t, j, q) => f(t, j, q) || next(t, j, q), () => false),
    readRatio: chain(steps('readRatio'), (f, next) => (t, q) => f(t, q) ?? next(t, q), () => null),
    joinsRange: chain(steps('joinsRange'), (f, next) => (t, q, j) => f(t, q, j) || next(t, q, j), () => false),
    readBound: chain(steps('readBound'), (f, next) => (t, i, q, reader) => f(t, i, q, reader) ?? next(t, i, q, reader), () => null),
    keepsRange: chain(steps('keepsRange'), (f, next) => (t, q, r) => f(t, q, r) && next(t, q, r), () => true),
    reader: {
      readAmount: (tokens, i) => readAmount(tokens, i, plan),
      readScaleAndUnit: (tokens, j, q) => readScaleAndUnit(tokens, j, q, plan),
      readRangeAndRatio: (tokens, q) => readRatio(tokens, readRange(tokens, q, plan), plan),
    },
  };
  return plan;
}

/**
 * The packs' functions for one step as one function, made once per plan, so
 * that the finder makes one call per step: `join(f, next)` asks `f`, then
 * `next`; with no function, `none`.
 */
function chain<F>(fns: readonly F[], join: (f: F, next: F) => F, none: F): F {
  if (fns.length === 0) return none;
  let out = fns[fns.length - 1];
  for (let k = fns.length - 2; k >= 0; k--) out = join(fns[k], out);
  return out;
}

/**
 * Currency symbols before a number, by code, from every registered pack (the
 * first pack's first): "$40", "€ 5", "US$1,000" are money whatever the
 * languages read.
 */
const currencySymbols = fromAllPacks((packs) => {
  const out = new Map<string, string>();
  for (const p of packs) for (const [symbol, code] of p.units.currencySymbols) if (!out.has(symbol)) out.set(symbol, code);
  return out;
});

/**
 * Finds the numeric claims in one block of prose (spec section 1): the
 * numeral grammar reads each quantity, then the claim rules (`rules/`)
 * leave out what is never a claim (section 2), settle kinds and widen
 * anchors. Each rule that fires is added to `firings` when given. Linear in
 * the block's length.
 */
export function findClaims(
  text: string,
  languages: readonly (string | Language)[],
  tokens: readonly Token[] = tokenize(text),
  firings?: RuleFiring[],
): ClaimMatch[] {
  const plan = planOf(languages);
  const { codes, rules, dataPacks } = plan;
  const out: ClaimMatch[] = [];
  let floor = 0; // first token not yet used by a claim
  let sentence = -1; // the sentence's `Shape` bits, worked out at its first quantity
  for (let i = 0; i < tokens.length; i++) {
    if (i < floor) continue;
    let q: Quantity | null = null;
    for (let p = 0; !q && p < dataPacks.length; p++) q = readPackQuantity(tokens, i, dataPacks[p]);
    q ??= readQuantity(tokens, i, plan);
    if (!q) continue;
    if (sentence < 0) sentence = plan.unspaced && tokens.some((t) => t.kind === 'han') ? Shape.han : 0;
    const result = decide(tokens, q, floor, rules, codes, firings, sentence);
    if (result === 'skip') {
      floor = q.last + 1;
      i = q.last;
      continue;
    }
    if (!result) continue;
    out.push(result.match);
    floor = result.last + 1;
    i = result.last;
  }
  return out;
}

/**
 * A quantity in a language pack's own words, from its data: the pack's
 * numeral grammar, then its scale words, percent words and currencies
 * ("zwölf Millionen Euro", "3,5 Prozent").
 */
function readPackQuantity(tokens: readonly Token[], i: number, pack: Language): Quantity | null {
  const t = tokens[i];
  if (t.kind !== 'num' && !(t.kind === 'word' && (pack.numbers.cardinals.has(t.lower) || pack.numbers.negatives.includes(t.lower)))) return null;
  const r = pack.numerals.read(tokens, i);
  if (!r) return null;
  const core = t.kind === 'num' ? t : tokens[i + 1]?.kind === 'num' ? tokens[i + 1] : t;
  const q = new Quantity(i, r.last, r.value, r.kind ?? null, r.unit ?? null, r.scaled, core.kind !== 'num', core, r.valueMax);
  let j = q.last + 1;
  const scale = tokens[j]?.kind === 'word' ? pack.numbers.scales.get(tokens[j].lower) : undefined;
  if (scale !== undefined && scale >= 1000) {
    q.value *= scale;
    q.scaled = true;
    q.last = j++;
  }
  const w = tokens[j];
  if (!w) return q;
  if (w.kind === 'sym' && (w.text === '%' || w.text === '％')) {
    q.kind = 'percent';
    q.last = j;
  } else if (w.kind === 'word') {
    const percent = pack.units.percent.find((words) => words.every((word, k) => tokens[j + k]?.lower === word));
    const currency = pack.units.currencyAfter.get(w.lower);
    if (percent) {
      q.kind = 'percent';
      q.last = j + percent.length - 1;
    } else if (currency) {
      q.kind = 'money';
      q.unit = currency;
      q.last = j;
    } else if (pack.units.measures.has(w.lower)) {
      q.kind = 'measure';
      q.unit = w.text;
      q.last = j;
    }
  }
  return q;
}


/**
 * Reads a quantity whose number starts at token `i`: digits or a currency
 * symbol here, words and characters by the packs' grammars; then scale,
 * unit, range and ratio.
 */
function readQuantity(tokens: readonly Token[], i: number, plan: Plan): Quantity | null {
  const t = tokens[i];
  if (t.kind === 'num' || (t.kind === 'sym' && currencyPrefixAt(tokens, i))) {
    const q = readAmount(tokens, i, plan);
    return q && readRatio(tokens, readRange(tokens, q, plan), plan);
  }
  const starts = t.kind === 'word' ? plan.wordStarts : t.kind === 'han' ? plan.hanStarts : null;
  if (!starts || !(t.classes & (t.kind === 'word' ? plan.wordClass : plan.hanClass))) return null;
  for (let k = 0; k < starts.length; k++) {
    if (!(t.classes & starts[k].startClass)) continue;
    const q = starts[k].readStart(tokens, i, plan.reader);
    if (q) return q;
  }
  return null;
}

/** A ratio, a fraction or a rate after `q`: "2.1∶1" here, the rest as the first pack that reads one there reads it. */
function readRatio(tokens: readonly Token[], q: Quantity, plan: Plan): Quantity {
  // "2.1∶1": the ratio sign is never a time or a verse.
  const w = tokens[q.last + 1];
  if (w?.kind === 'sym' && w.text === '∶' && q.kind === null && !q.scaled && q.valueMax === undefined && q.core.kind === 'num') {
    const d = tokens[q.last + 2];
    if (d?.kind === 'num' && !d.space && d.value > 0) return q.with(q.last + 2, q.value / d.value, 'multiplier');
  }
  return plan.readRatio(tokens, q) ?? q;
}

/** Whether a currency symbol at `i` is followed by a number (`$40`, `US$1,000`, `€ 5`). */
function currencyPrefixAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!currencySymbols().has(t.text) && t.text !== '$') return false;
  const next = tokens[i + 1];
  return next?.kind === 'num' && (!next.space || t.text !== '$');
}

/** `[currency] number [scale] [unit]`, starting at a number, a currency symbol or a currency code. */
function readAmount(tokens: readonly Token[], i: number, plan: Plan): Quantity | null {
  let first = i;
  let unit: string | null = null;
  let j = i;
  const t = tokens[j];
  if (t.kind === 'sym') {
    const symbols = currencySymbols();
    unit = symbols.get(t.text) ?? 'USD';
    // "US$", "HK$": a letter prefix written against the symbol.
    const prev = tokens[j - 1];
    if (t.text === '$' && prev?.kind === 'word' && !t.space && symbols.has(prev.text + '$')) {
      unit = symbols.get(prev.text + '$') ?? unit;
      first = j - 1;
    }
    j++;
  } else if (t.kind === 'word') {
    unit = plan.currencyBefore.get(t.lower) ?? null;
    j++;
    if (tokens[j]?.text === '.' && !tokens[j].space) j++; // "Rs. 500"
  }
  const core = tokens[j];
  if (core?.kind !== 'num') return null;
  const q = new Quantity(first, j, core.value, unit ? 'money' : null, unit, false, false, core);
  // "2 450", "2 1/4", "2.33k", "1.3e6": the digits read whole.
  const r = plan.readDigits(tokens, j);
  // "$2000 over 3 years": an amount of money is not divided by what follows "over".
  if (r && r.last > j && !(unit && r.kind === 'fraction')) {
    q.value = r.value;
    q.last = r.last;
    q.scaled = r.scaled;
    if (r.kind && !unit) q.kind = r.kind;
    j = r.last;
  }
  j++;
  readScaleAndUnit(tokens, j, q, plan);
  return q;
}

/** Scale words and units after the number. */
function readScaleAndUnit(tokens: readonly Token[], j: number, q: Quantity, plan: Plan): void {
  const k = readScale(tokens, j, q, plan);
  if (k >= 0) readUnit(tokens, k, q, plan);
}

/**
 * Scale words after the number ("billion", "bn", "$30m", "万", "亿", "万亿"),
 * as the first pack whose own the token at `j` is reads them; returns the
 * index after them, or -1 when the quantity is whole.
 */
function readScale(tokens: readonly Token[], j: number, q: Quantity, plan: Plan): number {
  return plan.readScale(tokens, j, q) ?? j;
}

/** Units after the number (and its scale) at token `j`: degrees, percent and per mille here, then the packs' units. */
function readUnit(tokens: readonly Token[], j: number, q: Quantity, plan: Plan): void {
  const t = tokens[j];
  if (!t) return;
  if (t.kind === 'sym' && (t.text === '°' || t.text === '℃' || t.text === '℉') && q.unit === null) {
    const scale = tokens[j + 1];
    const letter = t.text === '°' && scale?.kind === 'word' && !scale.space && /^[CF]$/u.test(scale.text) ? scale : undefined;
    q.kind = 'measure';
    q.unit = t.text === '℃' ? '°C' : t.text === '℉' ? '°F' : letter ? `°${letter.text}` : '°';
    q.last = letter ? j + 1 : j;
    return;
  }
  if (t.kind === 'sym' && (t.text === '%' || t.text === '％')) {
    q.kind = 'percent';
    q.last = j;
    return;
  }
  // "出生率为6.39‰": a rate per thousand, as in birth and death rates.
  if (t.kind === 'sym' && t.text === '‰') {
    q.kind = 'percent';
    q.unit = 'per mille';
    q.last = j;
    return;
  }
  plan.readUnit(tokens, j, q);
}

/** "10-20 trillion RMB", "between 6.5 percent and 7 percent", "２－３条", "6 to 7 trillion". */
function readRange(tokens: readonly Token[], q: Quantity, plan: Plan): Quantity {
  const j = q.last + 1;
  const c = tokens[j];
  if (!c) return q;
  const dash = c.kind === 'sym' && '-–—－~～'.includes(c.text);
  if (!dash && !plan.joinsRange(tokens, q, j)) return q;
  if (dash && (c.space || tokens[j + 1]?.space) && c.text !== '–') return q;
  const second = tokens[j + 1];
  if (!second) return q;
  const r = readBound(tokens, j + 1, q, plan);
  if (!r) return q;
  if (isYear(r) || isYear(q)) return q;
  // "68-32", "won 3-1": a second number below the first is a pair or a score, not a range.
  if (dash && r.value < q.value && r.kind === q.kind) return q;
  if (!plan.keepsRange(tokens, q, r)) return q;
  // A range shares one kind: "5.5% to $1.20 billion" is two claims.
  // "10万～20万元", "3万-5万人": a scaled lower bound takes the upper bound's unit when both are scaled.
  const compatible =
    (q.kind === null && (!q.scaled || (r.scaled && q.unit === null))) || (q.kind === r.kind && (q.unit === r.unit || q.kind === 'money'));
  if (!compatible) return q;
  // "10-20 trillion RMB", "10 to 25 cents": the bare lower bound takes the upper bound's scale and unit.
  let low = q.value;
  if (q.kind === null && !q.scaled && r.value !== r.core.value) low = q.value * (r.value / r.core.value || 1);
  const range = q.with(r.last, low, r.kind ?? q.kind, r.unit ?? q.unit);
  range.valueMax = r.value;
  range.scaled = q.scaled || r.scaled;
  return range;
}

/** The upper bound of a range at token `i`: digits or a currency symbol here, words by the packs' grammars. */
function readBound(tokens: readonly Token[], i: number, q: Quantity, plan: Plan): Quantity | null {
  const t = tokens[i];
  if (t.kind === 'num' || (t.kind === 'sym' && currencyPrefixAt(tokens, i))) return readAmount(tokens, i, plan);
  return plan.readBound(tokens, i, q, plan.reader);
}
