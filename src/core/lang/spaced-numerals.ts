import type { Token } from '../claims/tokens';
import type { NumeralGrammar, NumeralReading } from './types';

/**
 * The data a numeral grammar for a language written with spaces between
 * words reads (English, German…). Words are lower case.
 */
export interface SpacedNumeralData {
  readonly cardinals: ReadonlyMap<string, number>;
  /** Scale words: below 1,000 they multiply the number before them ("three hundred", "three dozen"); from 1,000 all below. */
  readonly scales: ReadonlyMap<string, number>;
  /** Scale letters written against digits ("2.33k", "10M"); `caseSensitive` ones only in the case given ("M", not "m"). */
  readonly scaleSuffixes: ReadonlyMap<string, number>;
  /** Suffixes read only as written: "M" is a million, "m" may be metres. */
  readonly caseSensitiveSuffixes: ReadonlyMap<string, number>;
  /** Ordinals used as denominators ("third" → 3), singular; plurals add "s" ("thirds"), or are listed. */
  readonly denominators: ReadonlyMap<string, number>;
  /** Denominators that are also units of time ("quarter"): a fraction only before "of" or after "and a". */
  readonly timeDenominators: ReadonlySet<string>;
  /** The word after a fraction of a whole ("of"). */
  readonly ofWords: readonly string[];
  /** Words that join parts of one numeral ("and"). */
  readonly joiners: readonly string[];
  /** Words of a negative sign ("minus", "negative"). */
  readonly negatives: readonly string[];
  /** The decimal point as a word ("point"). */
  readonly pointWords: readonly string[];
  /** The fraction bar as a word ("over": "one over three"). */
  readonly overWords: readonly string[];
  /** The indefinite article before a scale or a fraction ("a hundred", "one and a half"). */
  readonly articles: readonly string[];
  /** Decimal separators between digits: "." or ",". */
  readonly decimalSeparators: readonly string[];
  /** Separators of groups of three digits: ",", ".", " ". */
  readonly groupSeparators: readonly string[];
}

/** A word's denominator: "third", "thirds", "halves", "twenty-fifths". */
function denominatorOf(data: SpacedNumeralData, lower: string): number | undefined {
  const d = data.denominators.get(lower);
  if (d !== undefined) return d;
  if (lower.endsWith('s')) {
    const one = data.denominators.get(lower.slice(0, -1));
    if (one !== undefined) return one;
    if (lower.endsWith('ves')) return data.denominators.get(`${lower.slice(0, -3)}f`);
  }
  return undefined;
}

/** A cardinal below a hundred, one word or hyphenated ("fifty-two"). */
function cardinalOf(data: SpacedNumeralData, lower: string): number | undefined {
  const n = data.cardinals.get(lower);
  if (n !== undefined) return n;
  const dash = lower.indexOf('-');
  if (dash < 0) return undefined;
  const a = data.cardinals.get(lower.slice(0, dash));
  const b = data.cardinals.get(lower.slice(dash + 1));
  return a !== undefined && b !== undefined && a >= 20 && a % 10 === 0 && b > 0 && b < 10 ? a + b : undefined;
}

interface Words {
  last: number;
  value: number;
  /** The part read since the last "and": a fraction's numerator when the fraction is proper. */
  sinceAnd: number;
  afterAnd: boolean;
  scaled: boolean;
}

/**
 * Reads number words from token `i`: "one hundred and three", "two hundred and two thousand",
 * "fifty-two", "fifty - two", "three dozen", "a hundred".
 */
function readWords(data: SpacedNumeralData, tokens: readonly Token[], i: number): Words | null {
  let total = 0; // closed by a scale of 1,000 or more
  let lastBig = Infinity;
  let group = 0; // hundreds, closed by "hundred" or "dozen"
  let units = -1; // below a hundred, open
  let last = -1;
  let sinceAnd = 0;
  let afterAnd = false;
  let andStart = 0;
  let scaled = false;
  let k = i;
  // "a hundred", "a dozen", "a million": the article stands for one before a scale.
  if (data.articles.includes(tokens[k]?.lower) && tokens[k + 1]?.kind === 'word' && data.scales.has(tokens[k + 1].lower)) {
    units = 1;
    last = k;
    k++;
  }
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'sym' && t.text === '-' && units >= 20 && units % 10 === 0 && tokens[k + 1]?.kind === 'word') {
      const u = data.cardinals.get(tokens[k + 1].lower);
      if (u !== undefined && u > 0 && u < 10) {
        units += u;
        last = ++k;
        continue;
      }
      break;
    }
    if (t.kind !== 'word') break;
    const lower = t.lower;
    const c = cardinalOf(data, lower);
    if (c !== undefined) {
      if (units >= 20 && units % 10 === 0 && c > 0 && c < 10 && last === k - 1) units += c; // "fifty two"
      else if (units < 0) units = c;
      else break;
      last = k;
      continue;
    }
    const s = data.scales.get(lower);
    if (s !== undefined && last === k - 1 && units !== 0) {
      const n = units < 0 ? (group > 0 && s >= 1000 ? 0 : 1) : units;
      if (s < 1000) {
        if (units < 0) break;
        group += n * s;
      } else {
        const part = group + Math.max(units, 0);
        if (part === 0 && total === 0) break;
        if (s > lastBig) total = (total + part) * s;
        else total += part * s;
        lastBig = s;
        group = 0;
      }
      units = -1;
      scaled = true;
      last = k;
      continue;
    }
    // "one hundred and three", "two thousand and two hundred", "one and a half".
    if (data.joiners.includes(lower) && last === k - 1) {
      const n = tokens[k + 1];
      if (n?.kind === 'word' && (cardinalOf(data, n.lower) !== undefined || data.articles.includes(n.lower))) {
        if (units >= 0) {
          group += units;
          units = -1;
        }
        andStart = total + group;
        afterAnd = true;
        continue;
      }
    }
    break;
  }
  if (last < 0 || (units < 0 && group === 0 && total === 0 && !scaled)) return null;
  const value = total + group + Math.max(units, 0);
  sinceAnd = afterAnd ? value - andStart : value;
  return { last, value, sinceAnd, afterAnd, scaled };
}

/** The digits after a decimal point written as a word: "point zero three" → "03", "point seventy-one" → "71". */
function readPointDigits(data: SpacedNumeralData, tokens: readonly Token[], k: number): { last: number; digits: string } | null {
  let digits = '';
  let last = -1;
  for (let m = k; m < tokens.length; m++) {
    const t = tokens[m];
    if (t.kind === 'num' && !t.decimal && !t.grouped && !digits) return { last: m, digits: t.text };
    if (t.kind !== 'word') break;
    const c = cardinalOf(data, t.lower);
    if (c === undefined) break;
    digits += String(c);
    last = m;
  }
  return last < 0 ? null : { last, digits };
}

/**
 * Digits read whole: space-grouped ("2 450", "1 234 567.89"), a decimal
 * comma where the language writes one ("3,5"), an exponent ("1.3e6",
 * "-12e-1"), a power ("2^5"), a mixed fraction ("2 1/4") and a scale letter
 * ("2.33k", "10M").
 */
function readDigits(data: SpacedNumeralData, tokens: readonly Token[], i: number): NumeralReading | null {
  const t = tokens[i];
  if (t.kind !== 'num') return null;
  let value = t.value;
  let last = i;
  let scaled = false;
  // "2 450", "1 234 567": groups of three digits after a space.
  const attached = !t.space && tokens[i - 1]?.kind === 'word'; // "CO2 421 ppm"
  if (data.groupSeparators.includes(' ') && !attached && !t.decimal && !t.grouped && t.digits <= 3 && t.text[0] !== '0') {
    let text = t.text;
    for (let k = i + 1; tokens[k]?.kind === 'num' && tokens[k].space && !tokens[k].grouped && tokens[k].digits === 3 &&
      tokens[k].start === tokens[k - 1].end + 1 && tokens[k - 1].kind === 'num' && !tokens[k - 1].decimal; k++) {
      text += tokens[k].text;
      last = k;
    }
    if (last > i) value = Number(text);
  }
  // "3,5": a decimal comma, where the language writes one.
  const sep = tokens[last + 1];
  if (sep?.kind === 'sym' && !sep.space && data.decimalSeparators.includes(sep.text) && sep.text !== '.' && !t.decimal) {
    const f = tokens[last + 2];
    if (f?.kind === 'num' && !f.space && !f.decimal && !f.grouped && !(f.digits === 3 && data.groupSeparators.includes(sep.text))) {
      value = Number(`${tokens[last].text}.${f.text}`);
      last += 2;
    }
  }
  // "1.000": a point between groups of three, where the language groups with it.
  if (t.decimal && last === i && data.groupSeparators.includes('.') && !data.decimalSeparators.includes('.') && /^\d{1,3}\.\d{3}$/u.test(t.text)) {
    value = Number(t.text.replace('.', ''));
  }
  // "2 1/4": a whole number and a proper fraction.
  const n = tokens[last + 1];
  if (n?.kind === 'num' && n.space && !n.decimal && !t.decimal && tokens[last + 2]?.text === '/' && !tokens[last + 2].space) {
    const d = tokens[last + 3];
    if (d?.kind === 'num' && !d.space && !d.decimal && d.value > n.value && d.value <= 100 && tokens[last + 4]?.text !== '/') {
      return { last: last + 3, value: value + n.value / d.value, kind: 'fraction', scaled: false, words: false };
    }
  }
  const e = tokens[last + 1];
  // "1.3e6", "12.32e+14", "-12e-1"
  if (e?.kind === 'word' && !e.space && (e.text === 'e' || e.text === 'E')) {
    let k = last + 2;
    let sign = 1;
    if (tokens[k]?.kind === 'sym' && !tokens[k].space && (tokens[k].text === '+' || tokens[k].text === '-' || tokens[k].text === '－')) {
      sign = tokens[k].text === '+' ? 1 : -1;
      k++;
    }
    const x = tokens[k];
    if (x?.kind === 'num' && !x.space && !x.decimal && x.value < 300) {
      return { last: k, value: Number((value * 10 ** (sign * x.value)).toPrecision(15)), scaled: true, words: false };
    }
  }
  // "2^5", "2.5^-1"
  if (e?.kind === 'sym' && !e.space && e.text === '^') {
    let k = last + 2;
    let sign = 1;
    while (tokens[k]?.kind === 'sym' && !tokens[k].space && (tokens[k].text === '+' || tokens[k].text === '-')) {
      if (tokens[k].text === '-') sign = -sign;
      k++;
    }
    const x = tokens[k];
    if (x?.kind === 'num' && !x.space && x.value < 300) {
      return { last: k, value: Number((value ** (sign * x.value)).toPrecision(15)), scaled: true, words: false };
    }
  }
  // "2.33k", "10M", "1.2b", "2mil", "1MM": a scale letter against the digits (or after one space, at the end).
  if (e?.kind === 'word') {
    const lower = e.lower;
    const bySpace = e.space && !(tokens[last + 2]?.kind === 'word' || tokens[last + 2]?.kind === 'num');
    const s = data.caseSensitiveSuffixes.get(e.text) ?? (e.text === lower || lower.length > 1 ? data.scaleSuffixes.get(lower) : undefined);
    // A lower-case letter that is also a unit ("a 1.8m wall") is a scale only after a decimal and before no word.
    const letter = e.text === lower && lower.length === 1 && lower !== 'k';
    if (s !== undefined && (!e.space || bySpace) && (!letter || (t.decimal && tokens[last + 2]?.kind !== 'word'))) {
      value *= s;
      last++;
      scaled = true;
    }
  }
  return { last, value, scaled, words: false };
}

/** Builds the numeral grammar of a language written with spaces, from its data. */
export function spacedNumeralGrammar(data: SpacedNumeralData): NumeralGrammar {
  const read = (tokens: readonly Token[], i: number): NumeralReading | null => {
    const t = tokens[i];
    if (!t) return null;
    // "minus five", "negative one over 20"
    if (t.kind === 'word' && data.negatives.includes(t.lower) && tokens[i + 1] && !(tokens[i + 1].kind === 'word' && data.articles.includes(tokens[i + 1].lower))) {
      const r = read(tokens, i + 1);
      return r ? { ...r, value: -r.value, valueMax: r.valueMax === undefined ? undefined : -r.valueMax } : null;
    }
    let reading: NumeralReading | null;
    if (t.kind === 'num') {
      reading = readDigits(data, tokens, i);
      if (!reading) return null;
      // "4 billion": scale words after digits are read by the caller with its units.
    } else if (t.kind === 'word') {
      // "half a dozen", "half a million": half of the scale.
      const a = tokens[i + 1];
      const s = tokens[i + 2]?.kind === 'word' ? data.scales.get(tokens[i + 2].lower) : undefined;
      if (data.denominators.get(t.lower) === 2 && a?.kind === 'word' && data.articles.includes(a.lower) && s !== undefined) {
        return { last: i + 2, value: s / 2, scaled: true, words: true };
      }
      const w = readWords(data, tokens, i);
      if (!w) return null;
      reading = { last: w.last, value: w.value, scaled: w.scaled, words: true };
      const next = tokens[w.last + 1];
      // "two thirds", "one hundred and three quarters", "twenty-three fifths"
      const d = next?.kind === 'word' ? denominatorOf(data, next.lower) : undefined;
      const timeLike = d !== undefined && (data.timeDenominators.has(next.lower) || data.timeDenominators.has(next.lower.slice(0, -1))) &&
        !data.ofWords.includes(tokens[w.last + 2]?.lower);
      if (d !== undefined && d > 1 && !timeLike && !(next.lower === 'half' && w.value !== 1)) {
        const proper = w.afterAnd && w.sinceAnd < d;
        const value = proper ? w.value - w.sinceAnd + w.sinceAnd / d : w.value / d;
        return { last: w.last + 1, value, kind: 'fraction', scaled: false, words: true };
      }
      // "one - fourth", "five - eighths": a fraction written with a spaced hyphen.
      const h = tokens[w.last + 2];
      const hd = next?.kind === 'sym' && next.text === '-' && h?.kind === 'word' ? denominatorOf(data, h.lower) : undefined;
      if (hd !== undefined && hd > 2) return { last: w.last + 2, value: w.value / hd, kind: 'fraction', scaled: false, words: true };
      // "one and a half", "five and a quarter"
      if (next?.kind === 'word' && data.joiners.includes(next.lower) && data.articles.includes(tokens[w.last + 2]?.lower)) {
        const f = tokens[w.last + 3];
        const fd = f?.kind === 'word' ? denominatorOf(data, f.lower) : undefined;
        if (fd !== undefined) return { last: w.last + 3, value: w.value + 1 / fd, kind: 'fraction', scaled: false, words: true };
      }
      // "two hundred point zero three"
      if (next?.kind === 'word' && data.pointWords.includes(next.lower)) {
        const p = readPointDigits(data, tokens, w.last + 2);
        if (p) reading = { last: p.last, value: Number(`${w.value}.${p.digits}`), scaled: w.scaled, words: true };
      }
    } else {
      return null;
    }
    // "one over three", "2000 over 3"
    const over = tokens[reading.last + 1];
    if (over?.kind === 'word' && data.overWords.includes(over.lower) && !reading.scaled) {
      const d = tokens[reading.last + 2];
      const r = d && (d.kind === 'num' || cardinalOf(data, d.lower) !== undefined) ? read(tokens, reading.last + 2) : null;
      if (r && r.value > 0 && !r.kind && r.valueMax === undefined) return { last: r.last, value: reading.value / r.value, kind: 'fraction', scaled: false, words: true };
    }
    return reading;
  };
  // What `readDigits` and "over" can read after digits: a spaced number, a symbol against them, "e", a scale letter or word, "over".
  const mayReadOn = (tokens: readonly Token[], i: number): boolean => {
    const n = tokens[i + 1];
    if (!n) return false;
    if (n.kind === 'num') return true;
    if (n.kind === 'sym') return !n.space;
    if (n.kind !== 'word') return false;
    return n.text === 'e' || n.text === 'E' || data.caseSensitiveSuffixes.has(n.text) || data.scaleSuffixes.has(n.lower) || data.overWords.includes(n.lower);
  };
  return { read, mayReadOn };
}
