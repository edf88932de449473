import { allLanguages, fromAllPacks, languageOf, type Language } from '../lang';
import type { ValueWriting } from '../lang/types';
import type { Claim } from '../types';

/**
 * Claim values written for people, the way the article's language writes
 * them, in the words of its pack's `writing` ("£6.2 billion", "two-thirds
 * (0.67)", "1.2万亿元"). Pure: shared by the editor's reports, the hovers
 * and the CLI's Markdown report.
 *
 * A pack without a `writing` has its values written with digits and marks
 * alone: its own decimal and group marks (the first of each), no scale
 * words, "%", "pp" for the percentage points another pack names, "×",
 * "#3", the currency's code before the number ("EUR 2.000.000"), fractions
 * as decimals, any other unit as the claim gives it, and qualifiers before
 * the value.
 */

/** The language values are written in: a pack, or the code of a registered one. */
export type ValueLanguage = string | Language;

/** What `formatClaimValue` reads from a claim. */
export type ClaimValue = Pick<Claim, 'kind' | 'value' | 'valueMax' | 'unit'> & { readonly qualifier?: string };

const scriptPatterns = new Map<string, RegExp>();
/** A test of one character (or the first of a string) for a letter of a Unicode script. */
function scriptPattern(script: string): RegExp {
  let pattern = scriptPatterns.get(script);
  if (!pattern) {
    pattern = new RegExp(`\\p{Script=${script}}`, 'u');
    scriptPatterns.set(script, pattern);
  }
  return pattern;
}

/** The script of a pack's letters: its `writing`'s, else "Han" for an unspaced pack and "Latin" for a spaced one. */
function scriptOf(pack: Language): string {
  return pack.writing?.script ?? (pack.unspaced ? 'Han' : 'Latin');
}

/**
 * The language an article is written in, for formatting its values: the
 * first of `packs` (by default every registered pack) whose script has the
 * most letters in `text`; on a tie, or with no letters, the first pack's.
 * Returns the pack's code.
 */
export function languageOfText(text: string, packs: readonly Language[] = allLanguages()): string {
  const scripts = [...new Set(packs.map(scriptOf))];
  const patterns = scripts.map(scriptPattern);
  const counts = scripts.map(() => 0);
  for (const char of text) {
    for (let s = 0; s < patterns.length; s++) {
      if (patterns[s].test(char)) {
        counts[s]++;
        break;
      }
    }
  }
  let best = 0;
  for (let s = 1; s < scripts.length; s++) if (counts[s] > counts[best]) best = s;
  return packs.find((p) => scriptOf(p) === scripts[best])?.code ?? '';
}

const neutralWritings = new WeakMap<Language, ValueWriting>();
/** The writing of a pack without one: digits and marks alone (see above). */
function neutralWriting(pack: Language | undefined): ValueWriting {
  const cached = pack && neutralWritings.get(pack);
  if (cached) return cached;
  const writing: ValueWriting = {
    script: pack ? scriptOf(pack) : 'Latin',
    decimalMark: pack?.numbers.decimalSeparators[0] ?? '.',
    groupMark: pack?.numbers.groupSeparators[0] ?? '',
    scales: [],
    scaleJoined: false,
    percent: '{n}%',
    percentagePoint: '{n} pp',
    percentagePoints: '{n} pp',
    percentUnits: [],
    percentagePointUnits: [],
    multiplier: '{n}×',
    rank: '#{n} {unit}',
    currencies: new Map(),
    money: '{c} {n}',
    qualifiersAfter: [],
  };
  if (pack) neutralWritings.set(pack, writing);
  return writing;
}

/** How values are written in `language`, and whether its words are written without spaces. */
interface Writer {
  readonly writing: ValueWriting;
  readonly unspaced: boolean;
  readonly script: RegExp;
}

/** The writer of a pack or a registered pack's code; by default the first registered pack's. */
function writerOf(language: ValueLanguage | undefined): Writer {
  const pack = language === undefined ? allLanguages()[0] : typeof language === 'string' ? languageOf(language) : language;
  const writing = pack?.writing ?? neutralWriting(pack);
  return { writing, unspaced: pack?.unspaced ?? false, script: scriptPattern(writing.script) };
}

/** A template with its `{name}`s filled in; `{unit}` and the space before it are left out when the unit is empty. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/(\s?)\{(\w+)\}/gu, (_, space: string, name: string) => {
    const value = values[name] ?? '';
    return name === 'unit' && !value ? '' : `${space}${value}`;
  });
}

/** Digits with at most `fraction` decimals and no trailing zeros, with the writing's decimal and group marks ("38,210"; "2300"). */
function digits(value: number, writing: ValueWriting, fraction: number): string {
  const written = new Intl.NumberFormat('en-US', { maximumFractionDigits: fraction, useGrouping: writing.groupMark !== '' }).format(value);
  return written.replace(/[.,]/gu, (mark) => (mark === '.' ? writing.decimalMark : writing.groupMark));
}

/**
 * A number, or a range of two, with the scale word its size calls for:
 * "38,210", "6.2 billion", "10–20 trillion" in English; "3.821万",
 * "1.2万亿", "10–20万亿" in Chinese. Both ends of a range share the
 * larger end's scale.
 */
export function formatAmount(value: number, language?: ValueLanguage, valueMax?: number): string {
  return amountOf(value, writerOf(language).writing, valueMax);
}

function amountOf(value: number, writing: ValueWriting, valueMax?: number): string {
  const largest = Math.max(Math.abs(value), Math.abs(valueMax ?? value));
  const scale = writing.scales.find((s) => largest >= s.size);
  const size = scale?.size ?? 1;
  // Scaled numbers keep the figures an article gives ("3.2553 billion"); small ones the decimals of a measure ("1.48").
  const one = (n: number) => digits(n / size, writing, 4);
  const number = valueMax !== undefined && valueMax !== value ? `${one(value)}–${one(valueMax)}` : one(value);
  if (!scale) return number;
  return writing.scaleJoined ? `${number}${scale.word}` : `${number} ${scale.word}`;
}

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
function formatFraction(value: number, writing: ValueWriting): string {
  const decimal = digits(value, writing, 2);
  const fraction = simpleFraction(value);
  const names = writing.fractions;
  if (!fraction || !names) return digits(value, writing, 4);
  const [n, d] = fraction;
  const named = names.named?.get(`${n}/${d}`);
  if (named) return `${named} (${decimal})`;
  const part = names.parts?.get(d);
  const numerator = names.numbers[n];
  const denominator = names.numbers[d];
  if ((names.pattern.includes('{part}') && !part) || numerator === undefined || (names.pattern.includes('{d}') && denominator === undefined)) return decimal;
  const words = fill(names.pattern, { n: numerator, d: denominator ?? '', part: part ? part[n === 1 ? 0 : 1] : '' });
  return `${words} (${decimal})`;
}

/** Units written straight after the number, with no space: "1.48°C", "5‰". */
function joinsNumber(unit: string): boolean {
  return /^(?:°|′|″|‰|‱|%)/u.test(unit);
}

/** A unit after the number: against it when a mark or, in an unspaced language, a letter of its script ("3.8亿千瓦时"); else after a space. */
function withUnit(number: string, unit: string | null, writer: Writer): string {
  if (!unit) return number;
  if (joinsNumber(unit) || (writer.unspaced && writer.script.test(unit[0] ?? ''))) return `${number}${unit}`;
  return `${number} ${unit}`;
}

/** Percent marks that are the unit of a percentage in every language. */
const percentMarks = new Set(['%', '％']);
/** The units, lower case, of percentages and of percentage points in any registered pack's writing. */
const percentUnits = fromAllPacks((packs) => ({
  percent: new Set([...percentMarks, ...packs.flatMap((p) => p.writing?.percentUnits ?? []).map((u) => u.toLowerCase())]),
  points: new Set(packs.flatMap((p) => p.writing?.percentagePointUnits ?? []).map((u) => u.toLowerCase())),
}));

function isPercentUnit(unit: string, writing: ValueWriting): boolean {
  const lower = unit.toLowerCase();
  return percentUnits().percent.has(lower) || writing.percentUnits.some((u) => u.toLowerCase() === lower);
}

function isPercentagePointUnit(unit: string, writing: ValueWriting): boolean {
  const lower = unit.toLowerCase();
  return percentUnits().points.has(lower) || writing.percentagePointUnits.some((u) => u.toLowerCase() === lower);
}

/**
 * A claim's normalised value for people, in `language` (a pack or a
 * registered pack's code; by default the first registered pack): "£6.2 billion",
 * "$40 billion", "67%", "6.5–7%", "3 percentage points", "two-thirds
 * (0.67)", "6×", "No. 3", "4.5 GB", "1.48°C"; in Chinese "1.2万亿元",
 * "40亿美元", "3个百分点", "三分之二 (0.67)", "2倍", "第3". "—" when the
 * claim has no value. The qualifier is left out: see `formatClaimValueWithQualifier`.
 */
export function formatClaimValue(claim: ClaimValue, language?: ValueLanguage): string {
  return valueOf(claim, writerOf(language));
}

function valueOf(claim: ClaimValue, writer: Writer): string {
  const { value, valueMax, unit } = claim;
  if (value === null || !Number.isFinite(value)) return '—';
  const { writing } = writer;
  const amount = amountOf(value, writing, valueMax);
  switch (claim.kind) {
    case 'money': {
      if (!unit) return amount;
      const name = writing.currencies.get(unit);
      const nameFirst = writing.money.indexOf('{c}') < writing.money.indexOf('{n}');
      if (name === undefined) return nameFirst ? `${unit} ${amount}` : `${amount} ${unit}`;
      return nameFirst && amount.startsWith('-') ? `-${fill(writing.money, { c: name, n: amount.slice(1) })}` : fill(writing.money, { c: name, n: amount });
    }
    case 'percent':
      if (!unit || isPercentUnit(unit, writing)) return fill(writing.percent, { n: amount });
      if (isPercentagePointUnit(unit, writing)) return fill(value === 1 && valueMax === undefined ? writing.percentagePoint : writing.percentagePoints, { n: amount });
      return withUnit(amount, unit, writer);
    case 'fraction':
      return valueMax === undefined || valueMax === value ? formatFraction(value, writing) : withUnit(amount, unit, writer);
    case 'multiplier':
    case 'change':
      if (unit) return withUnit(amount, unit, writer);
      return fill(writing.multiplier, { n: amount });
    case 'rank':
      return fill(writing.rank, { n: amount, unit: unit ?? '' });
    default:
      return withUnit(amount, unit, writer);
  }
}

/**
 * The value with its qualifier where the language puts it: "over $40 billion", "about 3,000", "超过85亿元", "85亿元左右".
 * A qualifier in the language's script goes after the value when its writing lists it in `qualifiersAfter`, else before;
 * in an unspaced language it is written against the value. Any other qualifier goes before, in lower case, after a space.
 */
export function formatClaimValueWithQualifier(claim: ClaimValue, language?: ValueLanguage): string {
  const writer = writerOf(language);
  const value = valueOf(claim, writer);
  const qualifier = claim.qualifier?.trim();
  if (!qualifier || value === '—') return value;
  if (writer.script.test(qualifier)) {
    const after = writer.writing.qualifiersAfter.includes(qualifier);
    if (writer.unspaced) return after ? `${value}${qualifier}` : `${qualifier}${value}`;
    if (after) return `${value} ${qualifier.toLowerCase()}`;
  }
  return `${qualifier.toLowerCase()} ${value}`;
}

/** The URL schemes a report may link to; any other URL is shown as text. */
const linkSchemes = /^(?:https?:\/\/[^\s]+|mailto:[^\s]+)$/iu;

/** `url` when a report may offer it as a link (http, https or mailto), else undefined. */
export function linkableUrl(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  return trimmed && linkSchemes.test(trimmed) ? trimmed : undefined;
}
