import type { Token } from '../../claims/tokens';
import type { NumeralGrammar, NumeralReading } from '../types';
import { zhNumerals } from './words';

const { digits, smallScales, bigScales, zero, point, half, negatives, approximate, dozen, tenths, discount, notDiscount, notTenths, fractionMark, mixedJoiner, percentBefore, perMille, perTenThousand, percentagePoints } = zhNumerals;

/** The simplified form of a Han character (萬 → 万); other characters as they are. */
export function simplified(c: string): string {
  return zhNumerals.simplified.get(c) ?? c;
}

/** A Han token's character in simplified form, or '' for any other token. */
function han(t: Token | undefined): string {
  return t?.kind === 'han' ? simplified(t.text) : '';
}

/** Whether token `k` is a numeral element: a digit, a scale, 零, or digits. */
function isElement(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'num') return true;
  const c = han(t);
  return digits.has(c) || smallScales.has(c) || bigScales.has(c) || c === zero;
}

/**
 * The index of the next element of a numeral after token `k`: right after it,
 * or after white space when a Han numeral stands on either side ("一百 五 十 二",
 * "7 万5 千"); -1 when the numeral ends.
 */
function step(tokens: readonly Token[], k: number): number {
  const t = tokens[k + 1];
  if (!t) return -1;
  if (!t.space) return k + 1;
  return (tokens[k].kind === 'han' || t.kind === 'han') ? k + 1 : -1;
}

/** Characters starting at token `k` match `word`, white space allowed between them; the last index or -1. */
function spelled(tokens: readonly Token[], k: number, word: string): number {
  let at = k;
  for (let c = 0; c < word.length; c++) {
    if (c > 0) at = step(tokens, at);
    if (at < 0 || han(tokens[at]) !== word[c]) return -1;
  }
  return at;
}

interface Integer {
  /** Last token read. */
  last: number;
  value: number;
  /** Lower bound of "二三十" (20 to 30). */
  low?: number;
  /** Whether any Han character was read. */
  words: boolean;
  /** Whether a scale character was read. */
  scaled: boolean;
  /** The digit read last, not yet multiplied by a scale ("五" of "两千四百五"), with its index. */
  tail?: { index: number; digit: number; scale: number };
}

/**
 * Reads the integer part of a Chinese numeral from token `i`: digits, 十百千
 * within a section, 万亿兆 sections (each multiplying what is below it:
 * "一万五千亿" is 1.5 trillion, "四万万" 400 million), 零 for an empty place
 * ("一千零五" = 1,005), and a tail digit one place below the last scale
 * ("两千四百五" = 2,450, "一万三" = 13,000). Digits may stand for a place
 * ("5万4千6百", "3万4000").
 */
function readInteger(tokens: readonly Token[], i: number): Integer | null {
  // Sections already closed by a big scale, each with its scale, from the highest down.
  const sections: { value: number; scale: number }[] = [];
  let group = 0; // within the current section, below 万
  let pending = -1; // a digit not yet placed
  let pendingAt = -1;
  let low = -1; // the lower digit of a range, until its scale is read
  let diff = 0; // how far a range's lower bound is below the value read
  let lastScale = 0; // the scale read last, for a tail digit
  let zeroSince = false;
  let words = false;
  let scaled = false;
  let last = -1;
  let prevBig = false;
  for (let k = i; k >= 0 && k < tokens.length; k = step(tokens, k)) {
    const t = tokens[k];
    if (!isElement(t)) break;
    if (t.kind === 'num') {
      if (pending >= 0 || t.space && k > i && tokens[k - 1].kind === 'num') break;
      pending = t.value;
      pendingAt = k;
      last = k;
      prevBig = false;
      continue;
    }
    const c = han(t);
    words = true;
    const d = digits.get(c);
    if (d !== undefined) {
      if (pending >= 0) {
        // "二三十": two digits before a scale are a range; otherwise the numeral ended.
        const after = tokens[step(tokens, k)];
        if (low < 0 && diff === 0 && tokens[pendingAt].kind === 'han' && smallScales.has(han(after)) && pending < d) low = pending;
        else break;
      }
      pending = d;
      pendingAt = k;
      last = k;
      prevBig = false;
      continue;
    }
    if (c === zero) {
      if (pending >= 0) break; // "五零" is not a numeral
      zeroSince = true;
      last = k;
      continue;
    }
    const small = smallScales.get(c);
    if (small !== undefined) {
      // "千瓦", "千米", "百分点": a unit that begins with a scale character.
      if (zhNumerals.unitsWithScale.some((u) => spelled(tokens, k, u) >= 0)) break;
      const times = pending >= 0 ? pending : 1;
      if (low >= 0) {
        diff = (low - times) * small;
        low = -1;
      }
      group += times * small;
      pending = -1;
      lastScale = small;
      zeroSince = false;
      scaled = true;
      last = k;
      prevBig = false;
      continue;
    }
    const big = bigScales.get(c) ?? 0;
    if (prevBig && sections.length) {
      // "万亿", "萬萬": scales written together multiply.
      const top = sections[sections.length - 1];
      top.value *= big;
      top.scale *= big;
      lastScale = top.scale;
      last = k;
      continue;
    }
    const part = group + (pending >= 0 ? pending : 0);
    if (part === 0 && sections.length === 0) break;
    // Everything below this scale is multiplied by it.
    let below = part;
    while (sections.length && sections[sections.length - 1].scale < big) below += sections.pop()!.value;
    diff *= big;
    sections.push({ value: below * big, scale: big });
    group = 0;
    pending = -1;
    lastScale = big;
    zeroSince = false;
    scaled = true;
    prevBig = true;
    last = k;
  }
  if (last < 0) return null;
  let tail: Integer['tail'];
  if (pending >= 0) {
    // A lone digit after a scale, with no 零 between, is one place below it.
    const abbreviated = lastScale >= 100 && !zeroSince && tokens[pendingAt].kind === 'han' && pendingAt === last;
    const place = abbreviated ? lastScale / 10 : 1;
    if (abbreviated) tail = { index: pendingAt, digit: pending, scale: place };
    group += pending * place;
  }
  let value = group;
  for (const s of sections) value += s.value;
  const result: Integer = { last, value, words, scaled, tail };
  if (diff < 0) result.low = value + diff;
  return result;
}

/** Decimal digits after 点 ("八点五" = 8.5), not a time of day ("三点十五分", "三点五分"). */
function readDecimal(tokens: readonly Token[], k: number): { last: number; fraction: number } | null {
  const p = step(tokens, k);
  if (p < 0 || !point.includes(han(tokens[p]))) return null;
  let frac = '';
  let at = p;
  for (let n = step(tokens, p); n >= 0; n = step(tokens, n)) {
    const c = han(tokens[n]);
    const d = digits.get(c) ?? (c === zero ? 0 : undefined);
    if (d === undefined || c === '两') break;
    frac += d;
    at = n;
  }
  if (!frac) return null;
  const after = han(tokens[at + 1]);
  if (after === '分' || after === '时' || after === '刻') return null;
  return { last: at, fraction: Number(`0.${frac}`) };
}

/**
 * A numeral that starts at token `i` with its sign, decimal part and
 * fraction: "负三十二", "八千三百点三三", "三分之二", "三百五又三分之一",
 * "１６分之5", "半百", "二十几万", "五十打".
 */
function readNumber(tokens: readonly Token[], i: number): NumeralReading | null {
  let k = i;
  let sign = 1;
  while (negatives.includes(han(tokens[k]))) {
    sign = -sign;
    k = step(tokens, k);
    if (k < 0) return null;
  }
  const start = tokens[k];
  // 半百 = 50, 半成 = 5%, 半折 = 50%.
  if (han(start) === half) {
    const n = step(tokens, k);
    const c = han(tokens[n]);
    const s = smallScales.get(c) ?? bigScales.get(c);
    if (s !== undefined) return { last: n, value: sign * s / 2, scaled: true, words: true };
    if (c === tenths || c === discount) return { last: n, value: c === tenths ? 5 : 50, kind: 'percent', scaled: false, words: true };
    return null;
  }
  const int = readInteger(tokens, k);
  if (!int) return null;
  let value = int.value;
  let last = int.last;
  let scaled = int.scaled;
  const decimal = readDecimal(tokens, last);
  if (decimal) {
    value += decimal.fraction;
    last = decimal.last;
    // "三点五亿": a scale after the decimal multiplies the whole.
    const n = step(tokens, last);
    const big = n >= 0 ? bigScales.get(han(tokens[n])) : undefined;
    if (big !== undefined && value < big) {
      value *= big;
      last = n;
      scaled = true;
      for (let m = step(tokens, last); m >= 0 && bigScales.has(han(tokens[m])); m = step(tokens, m)) {
        value *= bigScales.get(han(tokens[m]))!;
        last = m;
      }
    }
  }
  // "二十几万", "十多万", "五百余万": an approximate place before a scale.
  const a = step(tokens, last);
  if (a >= 0 && approximate.includes(han(tokens[a]))) {
    const b = step(tokens, a);
    const big = b >= 0 ? bigScales.get(han(tokens[b])) : undefined;
    if (big !== undefined) {
      value *= big;
      last = b;
      scaled = true;
    }
  }
  // 打: a dozen ("五十打" = 600).
  const dz = step(tokens, last);
  if (dz >= 0 && han(tokens[dz]) === dozen && !tokens[dz].space) {
    value *= 12;
    last = dz;
    scaled = true;
  }
  const reading: NumeralReading = { last, value: sign * value, scaled, words: int.words };
  if (int.low !== undefined && !decimal) return { ...reading, value: sign * int.low, valueMax: sign * value };
  return reading;
}

/**
 * A fraction after a read numeral: "三分之二" (denominator first), "３分之一百五十七",
 * "负一又二分之一" (a whole and a fraction joined by 又).
 */
function readFraction(tokens: readonly Token[], whole: NumeralReading): NumeralReading | null {
  const f = step(tokens, whole.last);
  const of = f >= 0 ? spelled(tokens, f, fractionMark) : -1;
  if (of < 0) return null;
  const n = step(tokens, of);
  const part = n >= 0 ? readNumber(tokens, n) : null;
  if (!part || whole.value === 0 || part.valueMax !== undefined || whole.valueMax !== undefined) return null;
  return { last: part.last, value: part.value / whole.value, kind: 'fraction', scaled: false, words: true };
}

/** Shares written with 成 (tenths) and 折 (tenths of the price): "三成半" = 35%, "七五折" = 75%, "9.9折" = 99%. */
function readShare(tokens: readonly Token[], i: number, reading: NumeralReading): NumeralReading | null {
  // Two digits written together before 折: "七五折", "三八折", "九 九 折", "7 2 折".
  let value = reading.value;
  let last = reading.last;
  let pair = false;
  if (reading.value < 10 && !reading.scaled && !reading.words === (tokens[i].kind === 'num') && Number.isInteger(value)) {
    const n = step(tokens, last);
    const d = n >= 0 ? (tokens[n].kind === 'num' && tokens[n].text.length === 1 ? tokens[n].value : digits.get(han(tokens[n]))) : undefined;
    const after = n >= 0 ? step(tokens, n) : -1;
    if (d !== undefined && after >= 0 && han(tokens[after]) === discount) {
      value = value * 10 + d;
      last = n;
      pair = true;
    }
  }
  const u = step(tokens, last);
  if (u < 0) return null;
  const c = han(tokens[u]);
  if (c !== tenths && c !== discount) return null;
  const next = han(tokens[u + 1]);
  if (c === tenths && (notTenths.includes(next) || value > 10)) return null;
  if (c === discount && (notDiscount.includes(next) || value > 100)) return null;
  const percent = pair || (c === discount && value >= 10 && Number.isInteger(value)) ? value : value * 10;
  let end = u;
  let extra = 0;
  // "三成半", "七成 六": half a tenth, or a digit of the next place.
  const h = step(tokens, u);
  if (c === tenths && h >= 0) {
    const hc = han(tokens[h]);
    const d = digits.get(hc);
    if (hc === half) {
      extra = 5;
      end = h;
    } else if (d !== undefined && d > 0 && !isElement(tokens[step(tokens, h)])) {
      extra = d;
      end = h;
    }
  }
  return { last: end, value: percent + extra, kind: 'percent', unit: c === discount ? 'of the price' : undefined, scaled: false, words: true };
}

/** The words of a share written before its number, with the factor that makes it a percent. */
const sharesBefore = [[percentBefore, 1], [perMille, 0.1], [perTenThousand, 0.01]] as const;

/** 百分之六十, 百分之 一百二十点五, 千分之二 (per mille), 万分之三: a share written before its number, as percent. */
function readPercentBefore(tokens: readonly Token[], i: number): NumeralReading | null {
  // Each starts with a Han character: a number in digits starts none (most numbers the grammar is asked about).
  if (tokens[i]?.kind !== 'han') return null;
  for (const [word, factor] of sharesBefore) {
    const of = spelled(tokens, i, word);
    if (of < 0) continue;
    const n = step(tokens, of);
    const part = n >= 0 ? readNumber(tokens, n) : null;
    if (!part) return null;
    const value = part.value * factor;
    return { last: part.last, value: Number(value.toPrecision(12)), valueMax: part.valueMax === undefined ? undefined : part.valueMax * factor, kind: 'percent', scaled: false, words: true };
  }
  return null;
}

/** 个百分点 after a number, white space allowed: percentage points. */
function readPoints(tokens: readonly Token[], reading: NumeralReading): NumeralReading | null {
  const n = step(tokens, reading.last);
  const end = n >= 0 ? spelled(tokens, n, percentagePoints) : -1;
  if (end < 0) return null;
  return { ...reading, last: end, kind: 'percent', unit: 'percentage points' };
}

/**
 * The Chinese numeral grammar: reads a numeral whole from token `i`, in
 * simplified or traditional characters, financial forms (壹贰叁), full-width
 * or ASCII digits, or both ("5万4千6百"), with its sign, decimal part and
 * fraction, and the share words that make it a percent (成, 折, 百分之, 个百分点).
 */
export const zhNumeralGrammar: NumeralGrammar = {
  read(tokens: readonly Token[], i: number): NumeralReading | null {
    const before = readPercentBefore(tokens, i);
    if (before) return before;
    let reading = readNumber(tokens, i);
    if (!reading) return null;
    // "一又二分之一": a whole number and a fraction.
    const m = step(tokens, reading.last);
    if (m >= 0 && han(tokens[m]) === mixedJoiner && reading.valueMax === undefined) {
      const n = step(tokens, m);
      const denominator = n >= 0 ? readNumber(tokens, n) : null;
      const part = denominator ? readFraction(tokens, denominator) : null;
      if (part) {
        const sign = reading.value < 0 ? -1 : 1;
        return { last: part.last, value: reading.value + sign * part.value, scaled: false, words: true };
      }
    }
    const fraction = readFraction(tokens, reading);
    if (fraction) return fraction;
    if (reading.kind === 'percent') return reading;
    const share = readShare(tokens, i, reading);
    if (share) return reading.value < 0 ? { ...share, value: -share.value } : share;
    reading = readPoints(tokens, reading) ?? reading;
    return reading;
  },
};
