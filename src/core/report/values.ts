import type { Claim } from '../types';

/**
 * Claim values written for people, the way the article's language writes
 * them: "two-thirds (0.67)", "£6.2 billion", "67%", "3 percentage points" in
 * English; "1.2万亿元", "三分之二 (0.67)", "2倍" in Chinese. Pure: shared by
 * the editor's reports and the CLI's Markdown report.
 */

/** The languages values are written in. */
export type ValueLanguage = 'en' | 'zh';

/** What `formatClaimValue` reads from a claim. */
export type ClaimValue = Pick<Claim, 'kind' | 'value' | 'valueMax' | 'unit'> & { readonly qualifier?: string };

const han = /\p{Script=Han}/u;
const latin = /\p{Script=Latin}/u;

/**
 * The language an article is written in, for formatting its values:
 * `zh` when Chinese characters outnumber Latin letters in `text`, else `en`.
 */
export function languageOfText(text: string): ValueLanguage {
  let hanCount = 0;
  let latinCount = 0;
  for (const char of text) {
    if (han.test(char)) hanCount++;
    else if (latin.test(char)) latinCount++;
  }
  return hanCount > latinCount ? 'zh' : 'en';
}

const englishScales = [
  { size: 1e12, word: 'trillion' },
  { size: 1e9, word: 'billion' },
  { size: 1e6, word: 'million' },
] as const;
const chineseScales = [
  { size: 1e12, word: '万亿' },
  { size: 1e8, word: '亿' },
  { size: 1e4, word: '万' },
] as const;

/** Digits with at most `fraction` decimals and no trailing zeros; English groups thousands ("38,210"), Chinese does not. */
function digits(value: number, language: ValueLanguage, fraction: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: fraction, useGrouping: language === 'en' }).format(value);
}

/**
 * A number, or a range of two, with the scale word its size calls for:
 * "38,210", "6.2 billion", "10–20 trillion" in English; "3.821万",
 * "1.2万亿", "10–20万亿" in Chinese. English scale words start at a
 * million, Chinese ones at 万 (10,000). Both ends of a range share the
 * larger end's scale.
 */
export function formatAmount(value: number, language: ValueLanguage, valueMax?: number): string {
  const largest = Math.max(Math.abs(value), Math.abs(valueMax ?? value));
  const scale = (language === 'zh' ? chineseScales : englishScales).find((s) => largest >= s.size);
  const size = scale?.size ?? 1;
  // Scaled numbers keep the figures an article gives ("3.2553 billion"); small ones the decimals of a measure ("1.48").
  const one = (n: number) => digits(n / size, language, 4);
  const number = valueMax !== undefined && valueMax !== value ? `${one(value)}–${one(valueMax)}` : one(value);
  if (!scale) return number;
  return language === 'zh' ? `${number}${scale.word}` : `${number} ${scale.word}`;
}

const currencySymbols: Readonly<Record<string, string>> = {
  USD: '$',
  GBP: '£',
  EUR: '€',
  CNY: 'CN¥',
  JPY: 'JP¥',
  INR: '₹',
  KRW: '₩',
  CAD: 'CA$',
  AUD: 'A$',
  HKD: 'HK$',
};
const chineseCurrencies: Readonly<Record<string, string>> = {
  CNY: '元',
  USD: '美元',
  EUR: '欧元',
  GBP: '英镑',
  JPY: '日元',
  HKD: '港元',
  KRW: '韩元',
  INR: '卢比',
  CAD: '加元',
  AUD: '澳元',
};

const englishNumbers = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];
const englishParts: Readonly<Record<number, readonly [string, string]>> = {
  2: ['half', 'halves'],
  3: ['third', 'thirds'],
  4: ['quarter', 'quarters'],
  5: ['fifth', 'fifths'],
  6: ['sixth', 'sixths'],
  7: ['seventh', 'sevenths'],
  8: ['eighth', 'eighths'],
  9: ['ninth', 'ninths'],
  10: ['tenth', 'tenths'],
  12: ['twelfth', 'twelfths'],
};
const chineseNumbers = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** The simple fraction n/d (d ≤ 12) a value between 0 and 1 stands for, if any: 0.333333 → [1, 3]. */
function simpleFraction(value: number): readonly [number, number] | undefined {
  if (!(value > 0 && value < 1)) return undefined;
  for (let d = 2; d <= 12; d++) {
    const n = Math.round(value * d);
    if (n > 0 && Math.abs(value * d - n) < 1e-4) return [n, d];
  }
  return undefined;
}

/** "two-thirds (0.67)", "a half (0.5)", "三分之二 (0.67)"; a value that is no simple fraction stays a decimal ("0.42"). */
function formatFraction(value: number, language: ValueLanguage): string {
  const decimal = digits(value, language, 2);
  const fraction = simpleFraction(value);
  if (!fraction) return digits(value, language, 4);
  const [n, d] = fraction;
  if (language === 'zh') return `${chineseNumbers[d]}分之${chineseNumbers[n]} (${decimal})`;
  const part = englishParts[d];
  if (!part) return decimal;
  const words = n === 1 ? (d === 2 ? 'a half' : `one-${part[0]}`) : `${englishNumbers[n]}-${part[1]}`;
  return `${words} (${decimal})`;
}

/** Units written straight after the number, with no space: "1.48°C", "5‰". */
function joinsNumber(unit: string): boolean {
  return /^(?:°|′|″|‰|‱|%)/u.test(unit);
}

function withUnit(number: string, unit: string | null, language: ValueLanguage): string {
  if (!unit) return number;
  if (joinsNumber(unit) || (language === 'zh' && han.test(unit[0] ?? ''))) return `${number}${unit}`;
  return `${number} ${unit}`;
}

/**
 * A claim's normalised value for people, in `language`: "£6.2 billion",
 * "$40 billion", "67%", "6.5–7%", "3 percentage points", "two-thirds
 * (0.67)", "6×", "No. 3", "4.5 GB", "1.48°C"; in Chinese "1.2万亿元",
 * "40亿美元", "3个百分点", "三分之二 (0.67)", "2倍", "第3". "—" when the
 * claim has no value. The qualifier is left out: see `formatClaimValueWithQualifier`.
 */
export function formatClaimValue(claim: ClaimValue, language: ValueLanguage = 'en'): string {
  const { value, valueMax, unit } = claim;
  if (value === null || !Number.isFinite(value)) return '—';
  const amount = formatAmount(value, language, valueMax);
  switch (claim.kind) {
    case 'money': {
      if (!unit) return amount;
      if (language === 'zh') return `${amount}${chineseCurrencies[unit] ?? ` ${unit}`}`;
      const symbol = currencySymbols[unit];
      if (!symbol) return `${unit} ${amount}`;
      return amount.startsWith('-') ? `-${symbol}${amount.slice(1)}` : `${symbol}${amount}`;
    }
    case 'percent':
      if (!unit || /^(?:%|％|per ?cent|percent|百分之)$/iu.test(unit)) return `${amount}%`;
      if (/^(?:percentage points?|个百分点|pp|points?)$/iu.test(unit)) {
        if (language === 'zh') return `${amount}个百分点`;
        return `${amount} percentage point${value === 1 && valueMax === undefined ? '' : 's'}`;
      }
      return withUnit(amount, unit, language);
    case 'fraction':
      return valueMax === undefined || valueMax === value ? formatFraction(value, language) : withUnit(amount, unit, language);
    case 'multiplier':
    case 'change':
      if (unit) return withUnit(amount, unit, language);
      return language === 'zh' ? `${amount}倍` : `${amount}×`;
    case 'rank':
      return language === 'zh' ? `第${amount}${unit ?? ''}` : `No. ${amount}${unit ? ` ${unit}` : ''}`;
    default:
      return withUnit(amount, unit, language);
  }
}

/** Chinese qualifiers that follow the number ("85亿元左右"); every other one goes before it. */
const trailingQualifiers = new Set(['左右', '上下', '以上', '以下', '多', '余', '有余', '出头']);

/** The value with its qualifier where the language puts it: "over $40 billion", "about 3,000", "超过85亿元", "85亿元左右". */
export function formatClaimValueWithQualifier(claim: ClaimValue, language: ValueLanguage = 'en'): string {
  const value = formatClaimValue(claim, language);
  const qualifier = claim.qualifier?.trim();
  if (!qualifier || value === '—') return value;
  if (language === 'zh' && han.test(qualifier)) return trailingQualifiers.has(qualifier) ? `${value}${qualifier}` : `${qualifier}${value}`;
  return `${qualifier.toLowerCase()} ${value}`;
}

/** The URL schemes a report may link to; any other URL is shown as text. */
const linkSchemes = /^(?:https?:\/\/[^\s]+|mailto:[^\s]+)$/iu;

/** `url` when a report may offer it as a link (http, https or mailto), else undefined. */
export function linkableUrl(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  return trimmed && linkSchemes.test(trimmed) ? trimmed : undefined;
}
