/**
 * Finding a claim's figure in the text of its source: every quantity of the
 * source is read with the core's claim finder, compared by kind, unit and
 * value (within the precision both are written to, wider for "about",
 * "over", "nearly"…), and each candidate is scored by the words around it
 * that the claim's sentence shares. Pure: text in, the best passage out.
 */
import { findFigures, type Claim, type ClaimKind, type Figure } from '../core/index';

/** The readable text of a source: blocks of prose, with the PDF page each stands on. */
export interface SourceText {
  readonly blocks: readonly SourceBlock[];
}

export interface SourceBlock {
  readonly text: string;
  /** 1-based PDF page. */
  readonly page?: number;
}

/** A figure of the source with the block it stands in. */
interface SourceFigure {
  readonly figure: Figure;
  readonly block: SourceBlock;
  /** The text around the figure's sentence, across the blocks before and after it (a table's other cells, a heading). */
  readonly before: string;
  readonly after: string;
}

/** A source read and its figures found, ready to be searched by any number of claims. */
export interface IndexedSource {
  readonly figures: readonly SourceFigure[];
  /** Characters of readable text. */
  readonly length: number;
  /** Words of readable text. */
  readonly words: number;
}

/** The passage of a source that states a claim's figure. */
export interface FigureMatch {
  /** The figure as the source writes it. */
  readonly figure: string;
  /** The sentence it stands in (cut to about 300 characters around the figure). */
  readonly quote: string;
  /** The words of the block just before the figure, for a text fragment's prefix. */
  readonly prefix: string;
  readonly page?: number;
  /** Shared words around the figure, weighted. */
  readonly score: number;
}

/** The part of a claim that matching needs. */
export type ClaimToMatch = Pick<Claim, 'text' | 'kind' | 'value' | 'unit' | 'sentence'> & Partial<Pick<Claim, 'valueMax' | 'qualifier'>>;

// Digits grouped by spaces ("38 210", "1 250 000") read as one number: the space becomes a comma, one character for one.
const spaceGrouped = /(?<![\d.,])(\d{1,3})(?:[ \u00a0\u2009\u202f](\d{3}))+(?![\d])/gu;

function normaliseDigitGroups(text: string): string {
  return text.replace(spaceGrouped, (whole) => whole.replace(/[ \u00a0\u2009\u202f]/gu, ','));
}

/** Finds the figures of a source's text once, for every claim that cites it. */
export function indexSource(source: SourceText, languages: readonly string[] = ['en', 'zh']): IndexedSource {
  const figures: SourceFigure[] = [];
  let length = 0;
  let words = 0;
  // The blocks joined, so that the words around a figure reach into the blocks beside it.
  const starts: number[] = [];
  let joined = '';
  for (const block of source.blocks) {
    starts.push(joined.length);
    joined += `${block.text}\n\n`;
  }
  source.blocks.forEach((block, i) => {
    length += block.text.length;
    words += countWords(block.text);
    const read = normaliseDigitGroups(block.text);
    for (const figure of findFigures(read, languages)) {
      const at = starts[i];
      figures.push({
        figure: { ...figure, text: block.text.slice(figure.start, figure.end) },
        block,
        before: joined.slice(Math.max(0, at + figure.sentenceStart - contextChars), at + figure.sentenceStart),
        after: joined.slice(at + figure.sentenceEnd, at + figure.sentenceEnd + contextChars),
      });
    }
  });
  return { figures, length, words };
}

function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) n++;
  // Chinese has no spaces: count two characters as a word.
  for (const m of text.matchAll(/\p{Script=Han}+/gu)) n += Math.floor(m[0].length / 2);
  return n;
}

/** Characters either side of a figure's sentence whose words count half. */
const contextChars = 200;

/** The least score of words beside a sentence that share nothing with the claim's own. */
const besideThreshold = 1.5;

/** The least score of shared words for a figure to count as the claim's. */
export const supportThreshold = 1;

/**
 * The best passage of `source` that states the claim's figure, or undefined.
 * A figure counts when its value agrees with the claim's and the words
 * around it share at least `supportThreshold` with the claim's sentence.
 */
export function findFigure(claim: ClaimToMatch, source: IndexedSource): FigureMatch | undefined {
  if (claim.value === null) return undefined;
  const text = proseOf(claim.text);
  const claimWords = contentWords(withoutSpan(claim.sentence, text));
  const claimHead = headWords(claim.sentence, text);
  let best: FigureMatch | undefined;
  for (const { figure, block, before, after } of source.figures) {
    if (!valuesAgree(claim, figure)) continue;
    const sentence = block.text.slice(figure.sentenceStart, figure.sentenceEnd);
    const near = contentWords(withoutSpan(sentence, figure.text));
    const around = contentWords(`${before} ${after}`);
    let own = 0;
    let beside = 0;
    for (const word of claimWords) {
      if (near.has(word)) own += weightOf(word);
      // A pair of Chinese characters is a small unit: beside the sentence it counts a quarter.
      else if (around.has(word)) beside += han.test(word) ? 0.25 : weightOf(word) / 2;
    }
    // Words beside the sentence alone are weaker evidence: a table's labels, or the next paragraph's topic.
    let score = own > 0 || beside >= besideThreshold ? own + beside : 0;
    // The same number counting something else: "38,210 patents" against "38,210 trademarks".
    if (claimHead.size) {
      const sourceHead = headWords(block.text.slice(figure.sentenceStart, figure.sentenceEnd), figure.text);
      if (sourceHead.size && !intersects(claimHead, sourceHead) && !intersects(claimHead, near)) continue;
    }
    // A Chinese claim of an English source (or the other way) shares no words: a specific figure (with a currency
    // or unit, or written to three digits or more) stands on its value alone.
    if (score < supportThreshold && crossLanguage(claim.sentence, sentence) && isSpecific(figure)) score = supportThreshold;
    if (score < supportThreshold) continue;
    if (!best || score > best.score) {
      best = {
        figure: figure.text,
        quote: cut(sentence, figure.start - figure.sentenceStart, figure.end - figure.sentenceStart),
        prefix: lastWords(block.text.slice(Math.max(0, figure.start - 60), figure.start), 3),
        ...(block.page !== undefined ? { page: block.page } : {}),
        score,
      };
    }
  }
  return best;
}

// ---- Values --------------------------------------------------------------

type Bound = 'exact' | 'approximate' | 'lower' | 'upper';

const approximate = new Set([
  'about', 'around', 'approximately', 'approx', 'approx.', 'roughly', 'some', 'circa', 'ca.', 'close to', 'an estimated',
  'estimated', 'nearly', 'almost', 'just over', 'just under', 'or so', '约', '大约', '大概', '约合', '将近', '接近', '近',
  '左右', '上下', '余', '多', '强',
]);
const lower = new Set([
  'over', 'more than', 'above', 'in excess of', 'upwards of', 'north of', 'at least', 'greater than', 'higher than',
  'well over', 'beyond', 'no less than', 'not less than', 'no fewer than', 'as many as', 'as much as', 'as high as',
  '超过', '逾', '超', '至少', '不少于', '不低于', '以上', '多达', '高达',
]);
const upper = new Set([
  'under', 'less than', 'fewer than', 'below', 'up to', 'at most', 'no more than', 'not more than', 'lower than',
  'south of', 'well under', 'as few as', 'as little as', 'as low as', '不超过', '不足', '不到', '最多', '以下',
]);

function boundOf(qualifier: string | undefined): Bound {
  if (!qualifier) return 'exact';
  const q = qualifier.toLowerCase();
  if (approximate.has(q)) return 'approximate';
  if (lower.has(q)) return 'lower';
  if (upper.has(q)) return 'upper';
  return 'exact';
}

type Reading = { readonly kind: ClaimKind; readonly value: number; readonly unit: string | null };

/**
 * The ways a figure's value may be compared: fractions also as percentages,
 * so that "three quarters" meets "75%"; a bare "m" also as millions, since
 * "7.6m cases" may be read as metres.
 */
function readingsOf(kind: ClaimKind, value: number, unit: string | null): Reading[] {
  if (kind === 'fraction') return [{ kind: 'percent', value: value * 100, unit: null }];
  if (kind === 'measure' && unit === 'm') return [{ kind, value, unit }, { kind: 'count', value: value * 1e6, unit: null }];
  return [{ kind, value, unit }];
}

function unitsAgree(kind: ClaimKind, a: string | null, b: string | null): boolean {
  if (a === null || b === null) return kind !== 'measure' || a === b;
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The step of the last digit a figure is written to: "38,210" → 1, "38.2
 * thousand" → 100, "1.2万亿" → 1e11, "$40 billion" → 1e9. Figures in words
 * ("three quarters") get half a percent of their value.
 */
export function precisionOf(text: string, value: number): number {
  const m = /(\d[\d,\u00a0\u2009\u202f ]*\d|\d)(?:\.(\d+))?/u.exec(text);
  if (!m) return Math.abs(value) * 0.005;
  const mantissa = Number(`${m[1].replace(/[^\d]/gu, '')}${m[2] ? `.${m[2]}` : ''}`);
  if (!mantissa) return 0.5;
  const scale = Math.abs(value) / mantissa;
  return scale * 10 ** -(m[2]?.length ?? 0);
}

/** Whether the figure of the source states the claim's value, by kind, unit and value. */
export function valuesAgree(claim: ClaimToMatch, figure: Figure): boolean {
  if (claim.value === null || figure.value === null) return false;
  const claimValue = claim.value;
  const figureValue = figure.value;
  // Ranges must meet ranges, bound for bound.
  if ((claim.valueMax === undefined) !== (figure.valueMax === undefined)) return false;
  return readingsOf(claim.kind, claimValue, claim.unit).some((c) => readingsOf(figure.kind, figureValue, figure.unit).some((f) => {
    if (c.kind !== f.kind || !unitsAgree(c.kind, c.unit, f.unit)) return false;
    const scaleC = c.value / claimValue || 1;
    const scaleF = f.value / figureValue || 1;
    const step = Math.max(precisionOf(claim.text, claimValue) * Math.abs(scaleC), precisionOf(figure.text, figureValue) * Math.abs(scaleF));
    if (claim.valueMax !== undefined && figure.valueMax !== undefined) {
      return near(c.value, f.value, step, 'exact') && near(claim.valueMax * scaleC, figure.valueMax * scaleF, step, 'exact');
    }
    // A source that hedges its own figure ("about 60%") meets a plain claim of the same figure.
    return near(c.value, f.value, step, boundOf(claim.qualifier)) || (boundOf(figure.qualifier) === 'approximate' && near(f.value, c.value, step, 'approximate'));
  }));
}

/** Whether `found` is what a claim of `value` written to `step`, with its bound, would say. */
function near(value: number, found: number, step: number, bound: Bound): boolean {
  const half = step / 2 + Math.abs(value) * 1e-9;
  switch (bound) {
    case 'exact':
      return Math.abs(found - value) <= half;
    case 'approximate':
      return Math.abs(found - value) <= Math.max(half, Math.abs(value) * 0.05);
    case 'lower':
      return found >= value - half && found <= value * 1.15 + half;
    case 'upper':
      return found <= value + half && found >= value * 0.85 - half;
  }
}

const han = /\p{Script=Han}/u;
const latinWord = /[A-Za-z]{3,}/u;

/** One text is Chinese and the other has no Chinese. */
function crossLanguage(a: string, b: string): boolean {
  const aHan = han.test(a);
  const bHan = han.test(b);
  return aHan !== bHan && (aHan ? latinWord.test(b) : latinWord.test(a));
}

function isSpecific(figure: Figure): boolean {
  if (figure.unit !== null) return true;
  const digits = /\d[\d.,]*/u.exec(figure.text)?.[0].replace(/[^\d]/gu, '').replace(/^0+/u, '') ?? '';
  return digits.length >= 3 || /\d\.\d/u.test(figure.text);
}

// ---- Words ---------------------------------------------------------------

const stopWords = new Set(`a an the and or but nor of in on at to for from by with without into onto over under above
below about around than then that this these those there their they them it its is are was were be been being has have
had do does did will would can could should may might must shall not no yes as so such per cent percent percentage
points point who whom whose which what when where why how all any each every some most more less fewer many much few
other another also only just than very up down out off again further once here both either neither own same too while
during before after since until between among through across against within upon via we our us you your he she his her
him i me my mr mrs ms dr said says say according reported report reports new year years month months week weeks day
days time times number numbers total figure figures data rose rise rising fell fall falling increase increased
decrease decreased grew grow growth reached reach stood stands up million billion trillion thousand hundred bn m k
dollars dollar usd us euros euro pounds pound yuan rmb january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec nearly almost roughly approximately over
some estimated last first one two three four five six seven eight nine ten half third quarter`.split(/\s+/u));

// Chinese words that carry no topic: numerals' companions, particles, time words.
const zhStop = /[的了是在和与及年月日为有个这那其中等同比增长下降约近超过多亿万千百十元人民币美元共计达到将]/u;

/** Strips a simple English suffix so "patents" meets "patent" and "filed" meets "filing". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es') && /(?:ss|sh|ch|x|z)es$/u.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The content words of a text: stemmed Latin words that are not stop words, and pairs of Chinese characters. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}][\p{L}\p{M}'’-]*/gu)) {
    const raw = m[0];
    if (/\p{Script=Han}/u.test(raw)) {
      for (const run of raw.split(/[^\p{Script=Han}]+/u)) addHan(run, words);
      continue;
    }
    for (const part of raw.split(/[-'’]/u)) {
      if (part.length < 2 || stopWords.has(part)) continue;
      words.add(stem(part));
    }
  }
  return words;
}

function addHan(run: string, words: Set<string>): void {
  const chars = [...run].filter((ch) => !zhStop.test(ch));
  for (let i = 0; i + 1 < chars.length; i++) words.add(chars[i] + chars[i + 1]);
}

/** Shared words weigh by length: a name or a term says more than a short word. */
function weightOf(word: string): number {
  return /\p{Script=Han}/u.test(word) || word.length >= 4 ? 1 : 0.5;
}

/** The content words just after a figure: what it counts ("patents", "辆"). */
function headWords(sentence: string, figure: string): Set<string> {
  const at = sentence.indexOf(figure);
  if (at < 0) return new Set();
  const after = sentence.slice(at + figure.length);
  const words = [...contentWords(after.split(/[,;:.!?，。；：！？(（]/u)[0] ?? '')];
  return new Set(words.slice(0, 3));
}

/** A claim's raw text with the markup a link or emphasis puts inside it taken away: `Some [18,000` → `Some 18,000`. */
function proseOf(raw: string): string {
  return raw.replace(/\]\([^)]*\)|<[^>]*>/gu, '').replace(/[[\]*_`]/gu, '');
}

function withoutSpan(sentence: string, figure: string): string {
  const at = sentence.indexOf(figure);
  return at < 0 ? sentence : `${sentence.slice(0, at)} ${sentence.slice(at + figure.length)}`;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function lastWords(text: string, n: number): string {
  const words = text.replace(/\s+/gu, ' ').trim().split(' ');
  // A cut word at the start is no use to a text fragment.
  return (words.length > n ? words.slice(-n) : words.slice(1)).join(' ');
}

/** The sentence, cut to about 300 characters around `[start, end)`, white space collapsed. */
function cut(sentence: string, start: number, end: number): string {
  const max = 300;
  let from = 0;
  let to = sentence.length;
  if (to - from > max) {
    from = Math.max(0, Math.min(start - 120, to - max));
    to = Math.min(sentence.length, Math.max(end + 120, from + max));
  }
  const text = sentence.slice(from, to).replace(/\s+/gu, ' ').trim();
  return `${from > 0 ? '…' : ''}${text}${to < sentence.length ? '…' : ''}`;
}
