import { Quantity } from '../../claims/quantity';
import { hanRun, qualifierBefore } from '../../claims/qualifiers';
import { registerWordClass, type Token } from '../../claims/tokens';
import type { QuantityGrammar, QuantityReader } from '../types';
import { simplified, zhNumeralGrammar } from './numerals';
import { zhClassifiers, zhCurrencies, zhGrowthVerbs, zhMeasures, zhNumerals, zhTimeWords } from './words';

/**
 * How Chinese reads a whole quantity: numerals in characters, which count
 * only with a unit ("二三十家", "两亿元", not "十二五"), scales read on from
 * digits ("1.2万亿", "5万4千"), classifiers, currencies and 倍, fractions and
 * ratios ("1/3", "2.4比1") and ranges joined by 至 and 到.
 */

/** Han characters a Chinese quantity may start with (see `readZhQuantity`). */
const zhNumeralClass = registerWordClass([
  ...zhNumerals.digits.keys(), ...zhNumerals.smallScales.keys(), ...zhNumerals.negatives, zhNumerals.half, zhNumerals.zero,
  ...[...zhNumerals.simplified].filter(([, s]) => zhNumerals.digits.has(s) || zhNumerals.smallScales.has(s) || zhNumerals.negatives.includes(s) || s === zhNumerals.zero).map(([t]) => t),
]);


/** A quantity whose number starts with a Chinese numeral: counted only with a unit, or standing alone as digits do. */
function readChineseStart(tokens: readonly Token[], i: number, reader: QuantityReader): Quantity | null {
  const t = tokens[i];
  const q = readZhQuantity(tokens, i);
  // 翻一番, 翻了两番: doubled, quadrupled.
  if (q && q.kind === null && q.valueMax === undefined && tokens[q.last + 1]?.text === '番' && !tokens[q.last + 1].space) {
    const fan = tokens[i - 1]?.text === '翻' ? i - 1 : tokens[i - 1]?.text === '了' && tokens[i - 2]?.text === '翻' ? i - 2 : -1;
    if (fan >= 0 && q.value > 0 && q.value < 10) return new Quantity(fan, q.last + 1, 2 ** q.value, 'change', null, false, true, q.core);
  }
  // Chinese numerals count only with a unit: "二三十家", "两亿元", not "十二五"; digits with a sign ("负10000") count as digits do.
  if (q && q.kind === null && q.core.kind !== 'num') {
    const lone = q.last === i && (zhNumerals.smallScales.get(simplified(t.text)) ?? 0) >= 100;
    reader.readScaleAndUnit(tokens, q.last + 1, q);
    // "二百五，", "一千六点五。": a numeral of places or with a decimal point, standing alone before punctuation, is a number as digits are.
    const standalone = q.kind === null && q.last > i && (q.scaled || !Number.isInteger(q.value)) && !isWordAfter(tokens, q.last);
    if (q.kind === null && !standalone) return null;
    // "百公里油耗": a lone 百 or 千 before a measure is the base of a rate.
    if (q.kind === 'measure' && lone) return null;
    if (standalone) q.kind = 'count';
  }
  return q && reader.readRangeAndRatio(tokens, q);
}

/** "1.2万亿", "5万4千6百", "3万4000", "20多亿", "12个百分点", "9.9折": the Chinese grammar reads on from the digits before token `j`. */
function readChineseScale(tokens: readonly Token[], j: number, q: Quantity): number | undefined {
  if (q.words || q.last !== j - 1 || tokens[j - 1].kind !== 'num' || (tokens[j]?.kind !== 'han' && tokens[j + 1]?.kind !== 'han')) return undefined;
  const r = zhNumeralGrammar.read(tokens, j - 1);
  if (!r || r.last <= j - 1) return undefined;
  q.value = r.value;
  q.scaled ||= r.scaled;
  if (r.kind) q.kind = r.kind;
  if (r.unit) q.unit = r.unit;
  q.last = r.last;
  return r.kind ? -1 : r.last + 1;
}

/** Chinese units at token `j`: "多" or "余" before a classifier ("二十多家"), then currencies, 倍, 个百分点 and classifiers. */
function readChineseUnitAt(tokens: readonly Token[], j: number, q: Quantity): boolean {
  let t = tokens[j];
  if (t.kind !== 'han') return false;
  if ((t.text === '多' || t.text === '余') && isZhUnitStart(tokens, j + 1)) {
    q.last = j++;
    t = tokens[j];
  }
  if (!t.space) readZhUnit(tokens, j, q);
  return true;
}

/** "减少1/3" (a fraction, in Chinese text, where dates take 年月日) and "2.4比1" (a ratio). */
function readChineseRatio(tokens: readonly Token[], q: Quantity): Quantity | null {
  const j = q.last + 1;
  const w = tokens[j];
  if (w?.kind === 'sym' && w.text === '/' && !w.space && q.kind === null && !q.scaled && q.core.kind === 'num' && !q.core.decimal &&
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
  return null;
}

/** 至 and 到 between the bounds of a range: "3至5年", "十到二十". */
function joinsChineseRange(tokens: readonly Token[], _q: Quantity, j: number): boolean {
  const c = tokens[j];
  return c.kind === 'han' && (c.text === '至' || c.text === '到');
}

/** The upper bound of a range in Chinese numerals: "二三十到五十家". */
function readChineseBound(tokens: readonly Token[], i: number, _q: Quantity, reader: QuantityReader): Quantity | null {
  if (tokens[i].kind !== 'han') return null;
  const r = readZhQuantity(tokens, i);
  if (r) reader.readScaleAndUnit(tokens, r.last + 1, r);
  return r;
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


/** Whether a word, a Han character or digits follow token `k`. */
function isWordAfter(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k + 1];
  return t !== undefined && (t.kind === 'han' || t.kind === 'word' || t.kind === 'num');
}


/** The Chinese quantity grammar. */
export const zhQuantityGrammar: QuantityGrammar = {
  startKind: 'han',
  startClass: zhNumeralClass,
  readStart: readChineseStart,
  readScale: readChineseScale,
  readUnit: readChineseUnitAt,
  readRatio: readChineseRatio,
  joinsRange: joinsChineseRange,
  readBound: readChineseBound,
};
