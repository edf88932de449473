import type { ClaimKind } from '../../types';
import { startsUpper } from '../../text-tests';
import { Quantity } from '../../claims/quantity';
import { qualifierBefore } from '../../claims/qualifiers';
import { compoundWord, registerWordClass, type Token } from '../../claims/tokens';
import type { NumeralReading, QuantityGrammar, QuantityReader } from '../types';
import { enNumeralGrammar } from './numerals';
import {
  capitalisedFunctionWords,
  currencyCodesBefore,
  currencyWords,
  enChanges,
  enMultipliers,
  enNumeralWords,
  enOrdinalDenominators,
  fractionWords,
  identifierWords,
  measureUnits,
  numberWords,
  percentWords,
  qualifiersBefore,
  scaleSuffixes,
  scaleWords,
} from './words';
import { changeBefore, changeNouns, changeSizeEnds, comparatives, formatBefore, peopleCounted, periodStarts, placeLabels, rateBreaks, shareComparatives, spanWords } from './rule-words';

/**
 * How English reads a whole quantity: numbers in words ("fourteen", "a
 * third", "two-thirds", "doubled"), scale words and letters ("billion",
 * "$30m", "4bn"), units in words ("percent", "basis points", "pence",
 * "US dollars", "km"), ratios and rates in words ("1 in 5", "8 out of 10",
 * "24 per 100,000", "3:1") and ranges joined by "to" and "between … and".
 */

/** The last words of the qualifiers ("about", "more than"), without a trailing period: see `isAfterBy`. */
const qualifierLastWords: ReadonlySet<string> = new Set(qualifiersBefore.map((words) => words[words.length - 1].replace(/\.$/u, '')));
const changeWords = enChanges;
const multiplierWords = enMultipliers;
/** Words that can start a quantity written in words. */
const wordStarts: ReadonlySet<string> = new Set([
  ...numberWords.keys(), ...changeWords.keys(), ...multiplierWords.keys(), ...enNumeralWords.a, enNumeralWords.half,
]);
/** The class of words a quantity may start with, besides compounds ("two-thirds", "threefold"): see `readQuantity`. */
const quantityStartClass = registerWordClass([...wordStarts, ...currencyCodesBefore, ...enNumeralWords.negatives]);

/** A quantity whose number starts with an English word: a currency code ("USD 5"), or a number in words and its scale and unit. */
function readEnglishStart(tokens: readonly Token[], i: number, reader: QuantityReader): Quantity | null {
  const lower = tokens[i].lower;
  let q: Quantity | null;
  if (currencyCodesBefore.has(lower) && (tokens[i + 1]?.kind === 'num' || (tokens[i + 1]?.text === '.' && !tokens[i + 1].space && tokens[i + 2]?.kind === 'num'))) {
    q = reader.readAmount(tokens, i);
  } else {
    q = readWordNumeral(tokens, i) ?? readWordQuantity(tokens, i);
    if (q && (q.kind === null || q.kind === 'fraction') && q.core.lower !== 'half') reader.readScaleAndUnit(tokens, q.last + 1, q);
  }
  return q && reader.readRangeAndRatio(tokens, q);
}

/** Digits read on by the English grammar: "2 450", "2 1/4", "2.33k", "1.3e6". */
function readEnglishDigits(tokens: readonly Token[], j: number): NumeralReading | null {
  return enNumeralGrammar.mayReadOn?.(tokens, j) !== false ? enNumeralGrammar.read(tokens, j) : null;
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


/** Scale words and letters after the number at word token `j`: "billion", "bn", "$30m", "two hundred thousand". */
function readEnglishScale(tokens: readonly Token[], j: number, q: Quantity): number | undefined {
  let t = tokens[j];
  if (t?.kind !== 'word') return undefined;
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
      }
    }
  }
  return j;
}

/** English units at token `j`: degrees written against the number ("41C"), units joined by a hyphen ("6.8-inch"), units in words. */
function readEnglishUnitAt(tokens: readonly Token[], j: number, q: Quantity): boolean {
  const t = tokens[j];
  // "41C", "104F": degrees written against the number, as British papers do; not a seat or a flat ("seat 41C", "Flat 4F").
  if (t.kind === 'word' && !t.space && q.unit === null && !q.scaled && (t.text === 'C' || t.text === 'F') && !isLabelledBefore(tokens, q.first)) {
    q.kind = 'measure';
    q.unit = `°${t.text}`;
    q.last = j;
    return true;
  }
  // "a 6.8-inch screen", "a 400-megawatt farm": a unit joined by a hyphen.
  if (t.kind === 'sym' && t.text === '-' && !t.space && q.unit === null) {
    const u = tokens[j + 1];
    // "25-fold", "a 12-fold rise": a multiplier.
    if (u?.kind === 'word' && !u.space && enNumeralWords.fold === u.lower) {
      q.kind = 'multiplier';
      q.last = j + 1;
      return true;
    }
    if (u?.kind === 'word' && !u.space && u.end - u.start > 1 && measureUnits.has(u.lower)) {
      q.kind = 'measure';
      q.unit = u.text;
      q.last = j + 1;
      return true;
    }
    return false;
  }
  if (t.kind !== 'word') return false;
  readEnglishUnit(tokens, j, q);
  return true;
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


/** "1 in 5", "8 out of 10" (fractions), "24 per 100,000" (rates) and "3:1" (ratios). */
function readEnglishRatio(tokens: readonly Token[], q: Quantity): Quantity | null {
  let j = q.last + 1;
  const w = tokens[j];
  // "3:1", "a ratio of 20.8:1": a single-digit second term is no time of day ("10:30") or verse ("John 3:16").
  if (w?.kind === 'sym' && w.text === ':' && !w.space && q.kind === null && !q.scaled && q.valueMax === undefined && q.core.kind === 'num') {
    const d = tokens[j + 1];
    const before = tokens[q.first - 1];
    if (d?.kind === 'num' && !d.space && d.text.length === 1 && d.value > 0 && tokens[j + 2]?.text !== ':' &&
      !(before?.kind === 'word' && isCapitalisedWord(before) && !capitalisedFunctionWords.has(before.lower))) {
      return q.with(j + 1, q.value / d.value, 'multiplier');
    }
  }
  if (w?.kind !== 'word') return null;
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
  return null;
}

/** "to" between the bounds ("6 to 7 trillion", not "rose from 40 to 43"), and "and" after "between". */
function joinsEnglishRange(tokens: readonly Token[], q: Quantity, j: number): boolean {
  const c = tokens[j];
  if (c.kind !== 'word' || !(c.lower === 'to' || (c.lower === 'and' && precededBy(tokens, q.first, 'between')))) return false;
  // "rose from 40 to 43" is two claims; "ranged from 12 to 19 per cent" is one.
  return !(precededBy(tokens, q.first, 'from') && !isSpanFrom(tokens, q.first));
}

/** The upper bound of a range in English: a currency code and digits ("USD 7"), or words when the lower bound is in words ("six to seven"). */
function readEnglishBound(tokens: readonly Token[], i: number, q: Quantity, reader: QuantityReader): Quantity | null {
  const t = tokens[i];
  if (t.kind !== 'word') return null;
  if (currencyCodesBefore.has(t.lower) && tokens[i + 1]?.kind === 'num') return reader.readAmount(tokens, i);
  if (!q.words) return null;
  const r = readWordQuantity(tokens, i);
  if (r) reader.readScaleAndUnit(tokens, r.last + 1, r);
  return r;
}

/**
 * "raised the dividend by two cents to 45 cents": the change, then a new
 * level far above it, is no range; "grew by 5% to 7%" is one.
 */
function keepsEnglishRange(tokens: readonly Token[], q: Quantity, r: Quantity): boolean {
  const c = tokens[q.last + 1];
  return !(c.kind === 'word' && c.lower === 'to' && isAfterBy(tokens, q.first) && r.value > 4 * q.value);
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
  return tokens[i - 2]?.lower === 'by' && qualifierLastWords.has(before.lower);
}

function precededBy(tokens: readonly Token[], i: number, word: string): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (tokens[k].lower === word) return true;
  return false;
}


function isCapitalisedWord(t: Token): boolean {
  return startsUpper(t.text);
}

function isNumberWordOrDigit(t: Token | undefined): boolean {
  return !!t && (t.kind === 'num' || numberWords.has(t.lower));
}

/** The English quantity grammar. */
export const enQuantityGrammar: QuantityGrammar = {
  startKind: 'word',
  startClass: quantityStartClass | compoundWord,
  readStart: readEnglishStart,
  readDigits: readEnglishDigits,
  readScale: readEnglishScale,
  readUnit: readEnglishUnitAt,
  readRatio: readEnglishRatio,
  joinsRange: joinsEnglishRange,
  readBound: readEnglishBound,
  keepsRange: keepsEnglishRange,
};
