import type { ClaimKind } from '../types';
import { startsUpper } from '../text-tests';
import { claimRulesFor, decide } from './decide';
import {
  capitalisedFunctionWords,
  currencyCodesBefore,
  currencySymbols,
  currencyWords,
  fractionWords,
  identifierWords,
  measureUnits,
  numberWords,
  percentWords,
  scaleSuffixes,
  scaleWords,
} from '../lang/en/words';
import { zhClassifiers, zhCurrencies, zhMeasures, zhNumerals, zhTimeWords, zhGrowthVerbs } from '../lang/zh/words';
import { simplified, zhNumeralGrammar } from '../lang/zh/numerals';
import { enNumeralGrammar } from '../lang/en/numerals';
import { enChanges, enMultipliers, enNumeralWords, enOrdinalDenominators } from '../lang/en/words';
import { isYear, Quantity, type ClaimMatch } from './quantity';
import { hanRun, qualifierBefore, qualifiersByLastWord } from './qualifiers';
import { Shape, type RuleFiring } from './rules/types';
import { compoundWord, registerWordClass, tokenize, type Token } from './tokens';
import { builtInLanguages, languageOf } from '../lang';
import type { Language } from '../lang/types';
import { changeBefore, changeNouns, changeSizeEnds, comparatives, formatBefore, peopleCounted, periodStarts, placeLabels, rateBreaks, shareComparatives, spanWords } from '../lang/en/rule-words';

export type { ClaimMatch } from './quantity';
const changeWords = enChanges;
const multiplierWords = enMultipliers;
/** Words that can start a quantity written in words. */
const wordStarts: ReadonlySet<string> = new Set([
  ...numberWords.keys(), ...changeWords.keys(), ...multiplierWords.keys(), ...enNumeralWords.a, enNumeralWords.half,
]);
/** The class of words a quantity may start with, besides compounds ("two-thirds", "threefold"): see `readQuantity`. */
const quantityStartClass = registerWordClass([...wordStarts, ...currencyCodesBefore, ...enNumeralWords.negatives]);
/** Han characters a Chinese quantity may start with (see `readZhQuantity`). */
const zhNumeralClass = registerWordClass([
  ...zhNumerals.digits.keys(), ...zhNumerals.smallScales.keys(), ...zhNumerals.negatives, zhNumerals.half, zhNumerals.zero,
  ...[...zhNumerals.simplified].filter(([, s]) => zhNumerals.digits.has(s) || zhNumerals.smallScales.has(s) || zhNumerals.negatives.includes(s) || s === zhNumerals.zero).map(([t]) => t),
]);

/** What `findClaims` needs to know of a list of languages, worked out once per list. */
interface Plan {
  readonly codes: readonly string[];
  readonly en: boolean;
  readonly zh: boolean;
  readonly rules: ReturnType<typeof claimRulesFor>;
  /** Packs other than the built-in ones: read from their data alone. */
  readonly others: readonly Language[];
}

const plans = new WeakMap<readonly (string | Language)[], Plan>();

/** The plan for `languages`, kept per list (settings hold one list for all their calls). */
function planOf(languages: readonly (string | Language)[]): Plan {
  let plan = plans.get(languages);
  if (!plan) {
    const codes = languages.map((l) => (typeof l === 'string' ? l : l.code));
    const packs = languages.map((l) => (typeof l === 'string' ? languageOf(l) : l)).filter((l): l is Language => l !== undefined);
    const others = packs.filter((l) => !builtInLanguages.has(l.code));
    plan = { codes, en: codes.includes('en'), zh: codes.includes('zh'), rules: claimRulesFor(codes), others };
    plans.set(languages, plan);
  }
  return plan;
}

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
  const { codes, en, zh, rules, others } = planOf(languages);
  const out: ClaimMatch[] = [];
  let floor = 0; // first token not yet used by a claim
  let sentence = -1; // the sentence's `Shape` bits, worked out at its first quantity
  for (let i = 0; i < tokens.length; i++) {
    if (i < floor) continue;
    let q: Quantity | 'skip' | null = null;
    for (let p = 0; !q && p < others.length; p++) q = readPackQuantity(tokens, i, others[p]);
    q ??= readQuantity(tokens, i, en, zh);
    if (!q) continue;
    if (q === 'skip') continue;
    if (sentence < 0) sentence = zh && tokens.some((t) => t.kind === 'han') ? Shape.han : 0;
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

/** Reads a quantity whose number starts at token `i`: currency, number, scale, unit, range. */
function readQuantity(tokens: readonly Token[], i: number, en: boolean, zh: boolean): Quantity | 'skip' | null {
  const t = tokens[i];
  let q: Quantity | null = null;
  if (t.kind === 'num' || (t.kind === 'sym' && currencyPrefixAt(tokens, i))) {
    q = readAmount(tokens, i, en, zh);
  } else if (t.kind === 'word' && en) {
    if (!(t.classes & (quantityStartClass | compoundWord))) return null;
    const lower = t.lower;
    if (currencyCodesBefore.has(lower) && (tokens[i + 1]?.kind === 'num' || (tokens[i + 1]?.text === '.' && !tokens[i + 1].space && tokens[i + 2]?.kind === 'num'))) {
      q = readAmount(tokens, i, en, zh);
    }
    else {
      q = readWordNumeral(tokens, i) ?? readWordQuantity(tokens, i);
      if (q && (q.kind === null || q.kind === 'fraction') && q.core.lower !== 'half') readScaleAndUnit(tokens, q.last + 1, q, en, zh);
    }
  } else if (t.kind === 'han' && zh) {
    if (!(t.classes & zhNumeralClass)) return null;
    q = readZhQuantity(tokens, i);
    // 翻一番, 翻了两番: doubled, quadrupled.
    if (q && q.kind === null && q.valueMax === undefined && tokens[q.last + 1]?.text === '番' && !tokens[q.last + 1].space) {
      const fan = tokens[i - 1]?.text === '翻' ? i - 1 : tokens[i - 1]?.text === '了' && tokens[i - 2]?.text === '翻' ? i - 2 : -1;
      if (fan >= 0 && q.value > 0 && q.value < 10) return new Quantity(fan, q.last + 1, 2 ** q.value, 'change', null, false, true, q.core);
    }
    // Chinese numerals count only with a unit: "二三十家", "两亿元", not "十二五"; digits with a sign ("负10000") count as digits do.
    if (q && q.kind === null && q.core.kind !== 'num') {
      const lone = q.last === i && (zhNumerals.smallScales.get(simplified(t.text)) ?? 0) >= 100;
      readScaleAndUnit(tokens, q.last + 1, q, en, zh);
      // "二百五，", "一千六点五。": a numeral of places or with a decimal point, standing alone before punctuation, is a number as digits are.
      const standalone = q.kind === null && q.last > i && (q.scaled || !Number.isInteger(q.value)) && !isWordAfter(tokens, q.last);
      if (q.kind === null && !standalone) return null;
      // "百公里油耗": a lone 百 or 千 before a measure is the base of a rate.
      if (q.kind === 'measure' && lone) return null;
      if (standalone) q.kind = 'count';
    }
  }
  if (!q) return null;
  return readRatio(tokens, readRange(tokens, q, en, zh), zh);
}

/** "1 in 5", "8 out of 10" (fractions), "24 per 100,000" (rates) and "2.4比1" (ratios). */
function readRatio(tokens: readonly Token[], q: Quantity, zh: boolean): Quantity {
  let j = q.last + 1;
  const w = tokens[j];
  // "减少1/3" in Chinese text, where dates take 年月日: a fraction, not a date.
  if (zh && w?.kind === 'sym' && w.text === '/' && !w.space && q.kind === null && !q.scaled && q.core.kind === 'num' && !q.core.decimal &&
    q.value >= 1 && tokens[q.first - 1]?.kind === 'han') {
    const d = tokens[j + 1];
    const after = tokens[j + 2];
    if (d?.kind === 'num' && !d.space && !d.decimal && d.value > q.value && d.value <= 100 && after?.text !== '/' && !(after?.kind === 'han' && !after.space && zhTimeWords.some((t) => after.text === t[0]))) {
      return q.with(j + 1, q.value / d.value, 'fraction');
    }
  }
  if (w?.kind === 'han' && w.text === '比' && q.kind === null && tokens[j + 1]?.kind === 'num' && !tokens[j + 1].space) {
    const d = tokens[j + 1];
    if (d.value > 0) return q.with(j + 1, q.value / d.value, 'multiplier');
  }
  // "2.1∶1": the ratio sign of Chinese text is never a time or a verse.
  if (w?.kind === 'sym' && w.text === '∶' && q.kind === null && !q.scaled && q.valueMax === undefined && q.core.kind === 'num') {
    const d = tokens[j + 1];
    if (d?.kind === 'num' && !d.space && d.value > 0) return q.with(j + 1, q.value / d.value, 'multiplier');
  }
  // "3:1", "a ratio of 20.8:1": a single-digit second term is no time of day ("10:30") or verse ("John 3:16").
  if (w?.kind === 'sym' && w.text === ':' && !w.space && q.kind === null && !q.scaled && q.valueMax === undefined && q.core.kind === 'num') {
    const d = tokens[j + 1];
    const before = tokens[q.first - 1];
    if (d?.kind === 'num' && !d.space && d.text.length === 1 && d.value > 0 && tokens[j + 2]?.text !== ':' &&
      !(before?.kind === 'word' && isCapitalisedWord(before) && !capitalisedFunctionWords.has(before.lower))) {
      return q.with(j + 1, q.value / d.value, 'multiplier');
    }
  }
  if (w?.kind !== 'word') return q;
  if (q.kind === null && !q.scaled && q.valueMax === undefined && (w.lower === 'in' || (w.lower === 'out' && tokens[j + 1]?.lower === 'of'))) {
    if (w.lower === 'out') j++;
    else if (tokens[j + 1]?.lower === 'every') j++; // "1 in every 110"

    const d = tokens[j + 1];
    const denominator = d?.kind === 'num' && !d.decimal && !(d.digits === 4 && !d.grouped) ? d.value : d?.kind === 'word' ? numberWords.get(d.lower) : undefined;
    if (!denominator) return q;
    return q.with(j + 1, q.value / denominator, 'fraction');
  }
  // "54.3 offences per 1,000", "12 road deaths per 100,000": a rate with its noun between.
  if (w.lower !== 'per' && q.kind === null) {
    for (let k = j; k < j + 2 && tokens[k]?.kind === 'word' && !rateBreaks.has(tokens[k].lower) && !isCapitalisedWord(tokens[k]); k++) {
      if (tokens[k + 1]?.lower === 'per' && tokens[k + 2]?.kind === 'num') {
        j = k + 1;
        break;
      }
    }
  }
  if (tokens[j].lower === 'per' && (q.kind === null || q.kind === 'count') && tokens[j + 1]?.kind === 'num') {
    const d = tokens[j + 1];
    return q.with(j + 1, q.value, 'count', `per ${d.text.includes('.') ? d.value : d.value.toLocaleString('en-US')}`);
  }
  return q;
}

/** Whether a currency symbol at `i` is followed by a number (`$40`, `US$1,000`, `€ 5`). */
function currencyPrefixAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!currencySymbols.has(t.text) && t.text !== '$') return false;
  const next = tokens[i + 1];
  return next?.kind === 'num' && (!next.space || t.text !== '$');
}

/** `[currency] number [scale] [unit]`, starting at a number, a currency symbol or a currency code. */
function readAmount(tokens: readonly Token[], i: number, en: boolean, zh: boolean): Quantity | null {
  let first = i;
  let unit: string | null = null;
  let j = i;
  const t = tokens[j];
  if (t.kind === 'sym') {
    unit = currencySymbols.get(t.text) ?? 'USD';
    // "US$", "HK$": a letter prefix written against the symbol.
    const prev = tokens[j - 1];
    if (t.text === '$' && prev?.kind === 'word' && !t.space && currencySymbols.has(prev.text + '$')) {
      unit = currencySymbols.get(prev.text + '$') ?? unit;
      first = j - 1;
    }
    j++;
  } else if (t.kind === 'word') {
    unit = currencyWords.get(t.lower) ?? null;
    j++;
    if (tokens[j]?.text === '.' && !tokens[j].space) j++; // "Rs. 500"
  }
  const core = tokens[j];
  if (core?.kind !== 'num') return null;
  const q = new Quantity(first, j, core.value, unit ? 'money' : null, unit, false, false, core);
  // "2 450", "2 1/4", "2.33k", "1.3e6": the digits read whole.
  const r = en && enNumeralGrammar.mayReadOn?.(tokens, j) !== false ? enNumeralGrammar.read(tokens, j) : null;
  // "$2000 over 3 years": an amount of money is not divided by what follows "over".
  if (r && r.last > j && !(unit && r.kind === 'fraction')) {
    q.value = r.value;
    q.last = r.last;
    q.scaled = r.scaled;
    if (r.kind && !unit) q.kind = r.kind;
    j = r.last;
  }
  j++;
  readScaleAndUnit(tokens, j, q, en, zh);
  return q;
}

/** Whether the word before token `i` labels what follows ("Room 12C", "seat 41C") rather than measures it. */
function isLabelledBefore(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (before?.kind !== 'word') return false;
  return identifierWords.has(before.lower) || placeLabels.has(before.lower) || (isCapitalisedWord(before) && !capitalisedFunctionWords.has(before.lower));
}

/**
 * The scale of a rate written as one hyphenated word: "m" in "£300m-a-year",
 * "billion" in "$2 billion-a-year", "bn" in "£5bn-per-year"; other compounds whole.
 */
function scaleHead(lower: string): string {
  const dash = lower.indexOf('-');
  if (dash < 0) return lower;
  const rest = lower.charCodeAt(dash + 1) === 97 /* a */ && lower.charCodeAt(dash + 2) === 45 ? 3 : lower.startsWith('per-', dash + 1) ? 5 : 0;
  return rest > 0 ? lower.slice(0, dash) : lower;
}

/** Scale words and units after the number. */
function readScaleAndUnit(tokens: readonly Token[], j: number, q: Quantity, en: boolean, zh: boolean): void {
  const k = readScale(tokens, j, q, en, zh);
  if (k >= 0) readUnit(tokens, k, q, en, zh);
}

/** Scale words after the number: "billion", "bn", "$30m", "万", "亿", "万亿"; returns the index after them, or -1 when the quantity is whole. */
function readScale(tokens: readonly Token[], j: number, q: Quantity, en: boolean, zh: boolean): number {
  // Scale: "billion", "bn", "$30m", "万", "亿", "万亿".
  let t = tokens[j];
  if (t?.kind === 'word' && en) {
    const lower = t.classes & compoundWord ? scaleHead(t.lower) : t.lower;
    const scale = scaleWords.get(lower) ?? (!t.space && (q.unit || isBareScaleSuffix(q, lower, tokens[j + 1])) ? scaleSuffixes.get(lower) : undefined);
    if (scale !== undefined && !(t.lower === 'hundred' && q.scaled)) {
      q.value *= scale;
      q.scaled = true;
      q.last = j++;
      t = tokens[j];
      // "two hundred thousand", "1.5 thousand million"
      const again = t?.kind === 'word' ? scaleWords.get(t.lower) : undefined;
      if (again !== undefined && again > scale) {
        q.value *= again;
        q.last = j++;
        t = tokens[j];
      }
      // "one hundred and twelve", "a thousand and fifty", "two hundred twenty-five": the rest in words.
      if (q.words && t?.kind === 'word') {
        const k = t.lower === 'and' ? j + 1 : j;
        const rest = tokens[k]?.kind === 'word' ? wordsBelowHundred(tokens[k].lower) : undefined;
        if (rest !== undefined && rest > 0) {
          q.value += rest;
          q.last = k;
          j = k + 1;
          t = tokens[j];
        }
      }
    }
  } else if (zh && !q.words && q.last === j - 1 && tokens[j - 1].kind === 'num' && (t?.kind === 'han' || tokens[j + 1]?.kind === 'han')) {
    // "1.2万亿", "5万4千6百", "3万4000", "20多亿", "12个百分点", "9.9折": the Chinese grammar reads on from the digits.
    const r = zhNumeralGrammar.read(tokens, j - 1);
    if (r && r.last > j - 1) {
      q.value = r.value;
      q.scaled ||= r.scaled;
      if (r.kind) q.kind = r.kind;
      if (r.unit) q.unit = r.unit;
      q.last = r.last;
      if (r.kind) return -1;
      j = r.last + 1;
      t = tokens[j];
    }
  }
  return j;
}

/** Units after the number (and its scale) at token `j`: degrees, percent, currencies, measures, Chinese classifiers. */
function readUnit(tokens: readonly Token[], j: number, q: Quantity, en: boolean, zh: boolean): void {
  let t = tokens[j];
  if (!t) return;
  // Chinese "多" / "余" between the number and its classifier ("二十多家").
  if (t.kind === 'han' && zh && (t.text === '多' || t.text === '余') && isZhUnitStart(tokens, j + 1)) {
    q.last = j++;
    t = tokens[j];
    if (!t) return;
  }
  if (t.kind === 'sym' && (t.text === '°' || t.text === '℃' || t.text === '℉') && q.unit === null) {
    const scale = tokens[j + 1];
    const letter = t.text === '°' && scale?.kind === 'word' && !scale.space && /^[CF]$/u.test(scale.text) ? scale : undefined;
    q.kind = 'measure';
    q.unit = t.text === '℃' ? '°C' : t.text === '℉' ? '°F' : letter ? `°${letter.text}` : '°';
    q.last = letter ? j + 1 : j;
    return;
  }
  // "41C", "104F": degrees written against the number, as British papers do; not a seat or a flat ("seat 41C", "Flat 4F").
  if (t.kind === 'word' && en && !t.space && q.unit === null && !q.scaled && (t.text === 'C' || t.text === 'F') && !isLabelledBefore(tokens, q.first)) {
    q.kind = 'measure';
    q.unit = `°${t.text}`;
    q.last = j;
    return;
  }
  // "a 6.8-inch screen", "a 400-megawatt farm": a unit joined by a hyphen.
  if (t.kind === 'sym' && t.text === '-' && !t.space && en && q.unit === null) {
    const u = tokens[j + 1];
    // "25-fold", "a 12-fold rise": a multiplier.
    if (u?.kind === 'word' && !u.space && enNumeralWords.fold === u.lower) {
      q.kind = 'multiplier';
      q.last = j + 1;
      return;
    }
    if (u?.kind === 'word' && !u.space && u.end - u.start > 1 && measureUnits.has(u.lower)) {
      q.kind = 'measure';
      q.unit = u.text;
      q.last = j + 1;
      return;
    }
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
  if (t.kind === 'word' && en) {
    readEnglishUnit(tokens, j, q);
    return;
  }
  if (t.kind === 'han' && zh && !t.space) {
    readZhUnit(tokens, j, q);
  }
}

/** English units at word token `j`: percent, basis points, pence, cents, pounds, currencies, then points and measures. */
function readEnglishUnit(tokens: readonly Token[], j: number, q: Quantity): void {
  const t = tokens[j];
  const lower = t.lower;
  if (percentWords.has(lower)) {
    q.kind = 'percent';
    q.last = j;
    if (lower === 'percentage' && /^points?$/u.test(tokens[j + 1]?.lower ?? '')) {
      q.unit = 'percentage points';
      q.last = j + 1;
    }
    return;
  }
  if ((lower === 'basis' && /^points?$/u.test(tokens[j + 1]?.lower ?? '')) || lower === 'bps' || lower === 'bp') {
    q.kind = 'percent';
    q.unit = 'basis points';
    q.last = lower === 'basis' ? j + 1 : j;
    return;
  }
  if (lower === 'per' && tokens[j + 1]?.lower === 'cent') {
    q.kind = 'percent';
    q.last = j + 1;
    return;
  }
  // "8p", "45p": pence written against a small whole number ("1080p" is a screen resolution).
  // Not a video format: "shot in 24p", "at 60p".
  const pence = lower === 'p' && !t.space && q.unit === null && !q.scaled && q.core.kind === 'num' && !q.core.decimal && !formatBefore.has(tokens[q.first - 1]?.lower ?? '') &&
    q.core.value >= 1 && q.core.value < 100 && q.core.text[0] !== '0';
  if (pence) {
    q.kind = 'money';
    q.unit = 'GBP';
    q.value /= 100;
    q.last = j;
    return;
  }
  // "US dollars", "U.S. dollars", "65.12 US cents"
  let c = j;
  // "U.S." is four tokens: U . S .
  const prefix = lower === 'us' ? 1 : lower === 'u' && tokens[j + 2]?.lower === 's' && tokens[j + 3]?.text === '.' ? 4 : 0;
  const after = prefix ? tokens[j + prefix]?.lower : undefined;
  if (after === 'dollars' || after === 'cents' || after === 'cent') c = j + prefix;
  const word = tokens[c].lower;
  if (word === 'cents' || word === 'cent' || word === 'pence') {
    if (q.unit === null) {
      q.kind = 'money';
      q.unit = currencyWords.get(word) ?? 'USD';
      q.value /= 100;
      q.last = c;
    }
    return;
  }
  // "6,603 pounds" is a weight; "5 billion pounds" is money.
  if ((lower === 'pounds' || lower === 'pound') && !q.scaled && q.unit === null) {
    q.kind = 'measure';
    q.unit = 'pounds';
    q.last = j;
    return;
  }
  const currency = currencyWords.get(tokens[c].lower);
  if (currency && q.unit === null && !(tokens[c].lower === 'won' && !startsUpper(tokens[c].text) && !q.scaled)) {
    q.kind = 'money';
    q.unit = currency;
    q.last = c;
    return;
  }
  readEnglishMeasure(tokens, j, q);
}

/** Points, multipliers ("3x", "six times more") and units of measure at word token `j`. */
function readEnglishMeasure(tokens: readonly Token[], j: number, q: Quantity): void {
  const t = tokens[j];
  const lower = t.lower;
  // "rose by 3 points", "±2.5 points": points of a score or an index, as counted; "three points" keeps its noun.
  if ((lower === 'points' || lower === 'pts') && q.unit === null && !q.words && q.core.kind === 'num') {
    q.unit = 'points';
    q.last = j;
    return;
  }
  if (lower === 'x' && !t.space) {
    q.kind = 'multiplier';
    q.last = j;
    return;
  }
  // "six times more", "1.4 times annual income": a fraction of a time is never a count of occasions ("three times a week").
  if (lower === 'times' && (comparatives.has(tokens[j + 1]?.lower ?? '') || (q.core.kind === 'num' && q.core.decimal && !q.scaled))) {
    q.kind = 'multiplier';
    q.last = j;
    return;
  }
  // "square kilometres", "cubic metres", "sq ft": the unit an area or a volume qualifies.
  const u = tokens[j + 1];
  const of = (lower === 'square' || lower === 'cubic' || lower === 'sq') && u?.kind === 'word' && measureUnits.has(u.lower) ? u : undefined;
  // "m" alone is metres only with a power after it: "300 m²".
  const metres = lower === 'm' && (isPower(u) || (!t.space && q.core.kind === 'num' && q.core.decimal && u?.kind === 'word'));
  // "187g", "a 6.1in screen": grams and inches written against the number, in lower case ("5G" is a name).
  const attached = !t.space && (t.text === 'g' || t.text === 'in');
  if (q.unit === null && (of || metres || attached || (measureUnits.has(lower) && (lower.length > 2 || !t.space || /^[kmgtp]?[bwh]|[kc]?m$|^m[lg]$/u.test(lower))))) {
    q.kind = 'measure';
    q.unit = of ? `${t.text} ${of.text}` : t.text;
    q.last = of ? j + 1 : j;
    // "km²", "m³"
    if (isPower(tokens[q.last + 1])) q.unit += tokens[++q.last].text;
    return;
  }
  return;
}

/**
 * A scale letter written against a number with no currency: "bn", "mn", "tn"
 * always ("4bn downloads"); "m" and "k" only after a decimal ("drew 9.2m",
 * "1.5k stars"), since "100m" and "5k" are as often a distance, or "m" before
 * people counted ("1m people", "3m households").
 */
function isBareScaleSuffix(q: Quantity, lower: string, after: Token | undefined): boolean {
  if (lower === 'bn' || lower === 'mn' || lower === 'tn' || lower === 'trn') return true;
  if (lower === 'm' && q.core.kind === 'num' && q.first === q.last && after?.kind === 'word' && after.space && peopleCounted.has(after.lower)) return true;
  // "a 1.8m wall": metres before a noun that is not counted.
  if (lower === 'm' && after?.kind === 'word') return false;
  return (lower === 'm' || lower === 'k') && q.core.kind === 'num' && q.core.decimal && q.first === q.last;
}

/** "²" or "³" written against a unit. */
function isPower(t: Token | undefined): boolean {
  return t?.kind === 'sym' && !t.space && (t.text === '²' || t.text === '³');
}

function isZhUnitStart(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  if (t?.kind !== 'han') return false;
  const c = simplified(t.text);
  return zhClassifiers.has(c) || zhCurrencies.some(([w]) => w[0] === c) || c === '倍';
}

/** Chinese units: currencies, 倍, 个百分点, classifiers. */
function readZhUnit(tokens: readonly Token[], j: number, q: Quantity): void {
  const ahead = hanRun(tokens, j, 5);
  if (ahead.startsWith('个百分点')) {
    q.kind = 'percent';
    q.unit = 'percentage points';
    q.last = j + 3;
    return;
  }
  for (const [word, code] of zhCurrencies) {
    if (ahead.startsWith(word)) {
      q.kind = 'money';
      q.unit = code;
      q.last = j + word.length - 1;
      return;
    }
  }
  if (ahead.startsWith('倍')) {
    q.kind = 'multiplier';
    q.last = j;
    // "增长约一倍", "增加了两倍": growth by N times the base is N + 1 times it.
    const verb = hanBefore(tokens, qualifierBefore(tokens, q.first, 0)?.first ?? q.first, 3);
    if (zhGrowthVerbs.some((v) => verb.endsWith(v) || verb.endsWith(`${v}了`))) q.value += 1;
    return;
  }
  // "两位数增长": digits of a number, not people.
  if (ahead.startsWith('位数')) return;
  for (const len of [4, 3, 2, 1]) {
    const w = ahead.slice(0, len);
    if (w.length === len && zhClassifiers.has(w)) {
      q.kind = zhMeasures.has(w) ? 'measure' : 'count';
      if (q.kind === 'measure') q.unit = w;
      q.last = j + len - 1;
      // "一吨半", "两个半": and a half.
      const h = tokens[q.last + 1];
      if (h?.kind === 'han' && !h.space && h.text === zhNumerals.half && q.valueMax === undefined && Number.isInteger(q.value)) {
        q.value += 0.5;
        q.last++;
      }
      return;
    }
  }
}

/** Up to `max` Han characters written together before token `j`, in order. */
function hanBefore(tokens: readonly Token[], j: number, max: number): string {
  let s = '';
  for (let k = j - 1; k >= 0 && s.length < max && tokens[k].kind === 'han'; k--) s = simplified(tokens[k].text) + s;
  return s;
}

/**
 * A numeral of more than one word, read whole by the English grammar ("one hundred and three and two thirds",
 * "fifty - two", "minus five point five", "one over three"); null for one word, which `readWordQuantity` reads.
 */
function readWordNumeral(tokens: readonly Token[], i: number): Quantity | null {
  const t = tokens[i];
  // "plus or minus 3" is a margin, read as a qualifier.
  if (enNumeralWords.negatives.includes(t.lower) && tokens[i - 1]?.lower === 'or') return null;
  const r = enNumeralGrammar.read(tokens, i);
  if (!r || r.last === i) return null;
  // "a quarter", "a third": an article and a fraction are read with their context by `readWordQuantity`.
  if (enNumeralWords.a.includes(t.lower) && r.kind === 'fraction') return null;
  const core = tokens[i + 1]?.kind === 'num' ? tokens[i + 1] : t;
  return new Quantity(i, r.last, r.value, r.kind ?? null, null, r.scaled, core.kind !== 'num', core, r.valueMax);
}

/** Quantities written in words: "fourteen", "a trillion", "two-thirds", "six times", "half". */
function readWordQuantity(tokens: readonly Token[], i: number): Quantity | null {
  const t = tokens[i];
  const lower = t.lower;
  if (!wordStarts.has(lower) && !(t.classes & compoundWord)) return null;
  const next = tokens[i + 1];
  const word = (value: number, kind: ClaimKind | null, last = i): Quantity => new Quantity(i, last, value, kind, null, false, true, t);

  const change = changeWords.get(lower);
  if (change !== undefined) {
    // "doubled as", "doubled down", "doubled over in pain" are not changes; "halved over the season" is.
    if (next?.kind === 'word' && (next.lower === 'as' || next.lower === 'down' || (next.lower === 'over' && !isPeriodStart(tokens[i + 2])))) return null;
    return word(change, 'change');
  }
  const times = multiplierWords.get(lower);
  if (times !== undefined && next?.kind === 'word' && ((next.lower === 'as' && lower === 'twice') || next.lower === 'the' || next.lower === 'that' || next.lower === 'what')) {
    return word(times, 'multiplier');
  }
  const fold = /^(\w+?)-?fold$/u.exec(lower);
  if (fold && numberWords.has(fold[1])) return word(numberWords.get(fold[1]) ?? 0, 'multiplier');

  // "two-thirds", "one-third", "three-quarters"
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const a = lower.slice(0, dash);
    const b = lower.slice(dash + 1);
    const n = numberWords.get(a);
    const d = enOrdinalDenominators.get(b) ?? enOrdinalDenominators.get(b.slice(0, -1));
    const f = fractionWords.get(b) ?? (d !== undefined && d > 2 ? 1 / d : undefined);
    if (n !== undefined && f !== undefined && n > 0) return word(n * f, 'fraction');
    const compound = wordsBelowHundred(lower);
    return compound !== undefined ? word(compound, null) : null;
  }
  // "a quarter of", "a third of", "a trillion Yuan"
  if ((lower === 'a' || lower === 'an') && next?.kind === 'word') {
    const f = fractionWords.get(next.lower);
    if (f !== undefined && f !== 0.5 && tokens[i + 2]?.lower === 'of') return word(f, 'fraction', i + 1);
    // "grew by a fifth", "cut by a third", "up a fifth": a change by a share; "a third below target", "a quarter higher".
    // A qualifier may stand between: "up by nearly a third".
    // "a rise of a fifth", "a cut of nearly a third": after a change noun and "of" too.
    if (f !== undefined && f !== 0.5 && !isNumberWordOrDigit(tokens[i + 2])) {
      const b = (qualifierBefore(tokens, i, 0)?.first ?? i) - 1;
      const before = tokens[b]?.lower ?? '';
      if (changeBefore.has(before)) return word(f, 'fraction', i + 1);
      // Not "the rise of a third party": a noun after the fraction makes it an ordinal.
      const after = tokens[i + 2];
      if (before === 'of' && changeNouns.has(tokens[b - 1]?.lower ?? '') && (after?.kind !== 'word' || rateBreaks.has(after.lower) || changeSizeEnds.has(after.lower))) return word(f, 'fraction', i + 1);
    }
    if (f !== undefined && f !== 0.5 && shareComparatives.has(tokens[i + 2]?.lower ?? '')) return word(f, 'fraction', i + 1);
    if (scaleWords.has(next.lower) && next.lower !== 'mn' && next.lower !== 'bn') return word(1, null);
    return null;
  }
  if (lower === 'half') return word(0.5, 'fraction');
  const n = numberWords.get(lower);
  if (n === undefined) return null;
  // "two thirds of", "three quarters of", "one fifth of": a fraction written without its hyphen.
  if (n > 0 && next?.kind === 'word' && tokens[i + 2]?.lower === 'of') {
    const f = fractionWords.get(next.lower);
    if (f !== undefined) return word(n * f, 'fraction', i + 1);
  }
  return word(n, null);
}

/** A number below a hundred in words: "twelve", "twenty-five"; undefined for anything else. */
function wordsBelowHundred(lower: string): number | undefined {
  const n = numberWords.get(lower);
  if (n !== undefined) return n;
  const dash = lower.indexOf('-');
  if (dash < 0) return undefined;
  const tens = numberWords.get(lower.slice(0, dash));
  const units = numberWords.get(lower.slice(dash + 1));
  return tens !== undefined && units !== undefined && tens >= 20 && tens % 10 === 0 && units > 0 && units < 10 ? tens + units : undefined;
}

function isPeriodStart(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'num' || (t.kind === 'word' && (periodStarts.has(t.lower) || numberWords.has(t.lower))));
}

/** Chinese numerals, read whole by the Chinese grammar: "二三十家", "百分之六十", "两亿元", "三成半", "负三十二". */
function readZhQuantity(tokens: readonly Token[], i: number): Quantity | null {
  const t = tokens[i];
  const c = simplified(t.text);
  // A numeral inside a word (第一, 十二五, 一些) is not a quantity: it must be followed by a unit.
  const prev = tokens[i - 1];
  const p = prev?.kind === 'han' && !t.space ? simplified(prev.text) : '';
  if (p === '第' || p === '初' || p === '周' || zhNumerals.digits.has(p) || p === zhNumerals.zero) return null;
  // 每千人口, 每十万人, 每百户: the base of a rate, not a count.
  if (p === '每' && zhNumerals.smallScales.has(c)) return null;
  const r = zhNumeralGrammar.read(tokens, i);
  if (!r) return null;
  const core = firstNum(tokens, i, r.last) ?? t;
  const q = new Quantity(i, r.last, r.value, r.kind ?? null, r.unit ?? null, r.scaled, r.words, core, r.valueMax);
  return q;
}

/** The first digits token in `tokens[from, to]`, if any: the core of "负10000" or "5万4千". */
function firstNum(tokens: readonly Token[], from: number, to: number): Token | undefined {
  for (let k = from; k <= to; k++) if (tokens[k].kind === 'num') return tokens[k];
  return undefined;
}

/** "10-20 trillion RMB", "between 6.5 percent and 7 percent", "２－３条", "6 to 7 trillion". */
function readRange(tokens: readonly Token[], q: Quantity, en: boolean, zh: boolean): Quantity {
  const j = q.last + 1;
  const c = tokens[j];
  if (!c) return q;
  const dash = c.kind === 'sym' && '-–—－~～'.includes(c.text);
  const word = c.kind === 'word' && (c.lower === 'to' || (c.lower === 'and' && precededBy(tokens, q.first, 'between')));
  const han = c.kind === 'han' && (c.text === '至' || c.text === '到');
  if (!dash && !word && !han) return q;
  if (dash && (c.space || tokens[j + 1]?.space) && c.text !== '–') return q;
  // "rose from 40 to 43" is two claims; "ranged from 12 to 19 per cent" is one.
  if (word && precededBy(tokens, q.first, 'from') && !isSpanFrom(tokens, q.first)) return q;
  const second = tokens[j + 1];
  if (!second) return q;
  let r: Quantity | null = null;
  if (second.kind === 'num' || (second.kind === 'sym' && currencyPrefixAt(tokens, j + 1)) ||
      (second.kind === 'word' && currencyCodesBefore.has(second.lower) && tokens[j + 2]?.kind === 'num')) {
    r = readAmount(tokens, j + 1, en, zh);
  } else if (second.kind === 'word' && q.words) {
    r = readWordQuantity(tokens, j + 1);
    if (r) readScaleAndUnit(tokens, r.last + 1, r, en, zh);
  } else if (second.kind === 'han' && zh) {
    r = readZhQuantity(tokens, j + 1);
    if (r) readScaleAndUnit(tokens, r.last + 1, r, en, zh);
  }
  if (!r) return q;
  if (isYear(r) || isYear(q)) return q;
  // "68-32", "won 3-1": a second number below the first is a pair or a score, not a range.
  if (dash && r.value < q.value && r.kind === q.kind) return q;
  // "raised the dividend by two cents to 45 cents": the change, then a new level far above it;
  // "grew by 5% to 7%" stays a range.
  if (word && c.lower === 'to' && isAfterBy(tokens, q.first) && r.value > 4 * q.value) return q;
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

/** Whether the "from" before token `i` follows a span verb: "ranged from 12", "varied from about 5". */
function isSpanFrom(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 1 && k >= i - 3; k--) if (tokens[k].lower === 'from') return spanWords.has(tokens[k - 1].lower);
  return false;
}

/** Whether "by" stands right before token `i`, or before a qualifier right before it ("by about 5%"). */
function isAfterBy(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (before?.kind !== 'word') return false;
  if (before.lower === 'by') return true;
  return tokens[i - 2]?.lower === 'by' && qualifiersByLastWord.has(before.lower);
}

function precededBy(tokens: readonly Token[], i: number, word: string): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (tokens[k].lower === word) return true;
  return false;
}

/** Whether a word, a Han character or digits follow token `k`. */
function isWordAfter(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k + 1];
  return t !== undefined && (t.kind === 'han' || t.kind === 'word' || t.kind === 'num');
}

function isCapitalisedWord(t: Token): boolean {
  return startsUpper(t.text);
}

function isNumberWordOrDigit(t: Token | undefined): boolean {
  return !!t && (t.kind === 'num' || numberWords.has(t.lower));
}
