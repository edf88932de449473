import { urlPrefixLength } from '../formats/urls';

/** What a token is. `skip` covers URLs, e-mail addresses, handles and placeholders: never part of a claim. */
export type TokenKind = 'num' | 'word' | 'han' | 'sym' | 'skip';

/**
 * A token of prose, by prose offsets. One class, so every token has the same
 * shape. Tokens are mutable only so that a `TokenPool` can reuse them.
 *
 * A word's text is cut from the prose only when something asks for it: most
 * words are ruled out by their `classes`, found from a hash of their letters,
 * and never need a string of their own.
 */
export class Token {
  kind: TokenKind = 'sym';
  start = 0;
  end = 0;
  /** Whether white space stands right before the token. */
  space = false;
  /** A number written with thousands separators ("38,210"). */
  grouped = false;
  /** A number with a decimal part. */
  decimal = false;
  /** A number's integer digit count. */
  digits = 0;
  /** A number's value; NaN for other tokens. */
  value = NaN;
  /**
   * For words and Han characters: the word classes (`registerWordClass`) the
   * token may belong to; a class bit not set means it surely does not.
   * `compoundWord` is set for a word with an inner hyphen or ending in "fold".
   */
  classes = 0;
  /** The prose the token was cut from. */
  source = '';
  private cut: string | undefined = undefined;
  private lowered: string | undefined = undefined;

  /** The text; for `num`, digits normalised to ASCII with separators removed. */
  get text(): string {
    return (this.cut ??= this.end - this.start === 1 ? this.source[this.start] : this.source.slice(this.start, this.end));
  }

  /** Lower-case text of a word; the text itself for other tokens. */
  get lower(): string {
    if (this.lowered === undefined) {
      const text = this.text;
      this.lowered = this.kind === 'word' && hasUpper(text) ? text.toLowerCase() : text;
    }
    return this.lowered;
  }

  /** Sets every field; `text` is the normal form of a number, or undefined to cut it from `source` when asked. */
  set(kind: TokenKind, source: string, start: number, end: number, space: boolean, text: string | undefined, classes: number): void {
    this.kind = kind;
    this.source = source;
    this.start = start;
    this.end = end;
    this.space = space;
    this.cut = text;
    this.lowered = text;
    this.classes = classes;
    this.grouped = false;
    this.decimal = false;
    this.digits = 0;
    this.value = NaN;
  }
}

// --- word classes ---------------------------------------------------------------

/** Class bit of words with an inner hyphen or ending in "fold" ("two-thirds", "threefold"). */
export const compoundWord = 1;
let nextClass = 2;
/**
 * Class bits by the hash of a lower-case word (`wordHash`): an open-addressed
 * table of typed arrays, looked up once per word of prose. A slot holds the
 * hash plus one; zero is empty.
 */
let hashKeys = new Int32Array(1024);
let hashClasses = new Int32Array(1024);
let hashCount = 0;

function classesOf(h: number): number {
  const mask = hashKeys.length - 1;
  const key = h + 1;
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const k = hashKeys[i];
    if (k === key) return hashClasses[i];
    if (k === 0) return 0;
  }
}

function addClasses(h: number, bits: number): void {
  if ((hashCount + 1) * 2 > hashKeys.length) {
    const keys = hashKeys;
    const classes = hashClasses;
    hashKeys = new Int32Array(keys.length * 2);
    hashClasses = new Int32Array(keys.length * 2);
    hashCount = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i]) addClasses(keys[i] - 1, classes[i]);
  }
  const mask = hashKeys.length - 1;
  for (let i = h & mask; ; i = (i + 1) & mask) {
    if (hashKeys[i] === h + 1) {
      hashClasses[i] |= bits;
      return;
    }
    if (hashKeys[i] === 0) {
      hashKeys[i] = h + 1;
      hashClasses[i] = bits;
      hashCount++;
      return;
    }
  }
}

/** FNV-1a over lower-cased code units, kept to 30 bits so it stays a small integer: "Drei" and "drei" hash alike. */
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ (c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : lowerUnit(c)), 0x01000193);
}

/** Lower-case forms of code units past ASCII, found once each: 0 not yet known. */
const lowerUnits = new Uint16Array(0x10000);

/** The lower-case form of a code unit past ASCII, when it is one code unit ("Ü" → "ü"); itself otherwise. */
function lowerUnit(c: number): number {
  let l = lowerUnits[c];
  if (l === 0) {
    const lower = String.fromCharCode(c).toLowerCase();
    l = lower.length === 1 ? lower.charCodeAt(0) : c;
    lowerUnits[c] = l;
  }
  return l;
}
const hashSeed = 0x811c9dc5 | 0;

function wordHash(word: string): number {
  let h = hashSeed;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h & 0x3fffffff;
}

/**
 * Registers a set of lower-case words (or single Han characters) as a class
 * and returns its bit. A token outside every word of the set never gets the
 * bit; one inside always does; a rare other token may (hashes collide), so a
 * set bit is a reason to look, not an answer. Call at module load, before
 * any text is tokenized.
 */
export function registerWordClass(words: Iterable<string>): number {
  if (nextClass > 1 << 29) throw new Error('registerWordClass: too many classes');
  const bit = nextClass;
  nextClass <<= 1;
  addToWordClass(bit, words);
  return bit;
}

/** Adds lower-case words (or single Han characters) to a class `registerWordClass` made. */
export function addToWordClass(bit: number, words: Iterable<string>): void {
  for (const word of words) addClasses(wordHash(word), bit);
}

/** Tokens a pool keeps: a sentence longer than this (a megabyte of digits) gets fresh ones past it. */
const maxSpare = 4096;

/**
 * Tokens reused from one sentence to the next: the claim and source finders
 * look at one sentence's tokens at a time and keep none of them, so a long
 * article need not make (and collect) an object per token.
 */
export class TokenPool {
  private readonly spare: Token[] = [];

  /** The tokens of `text[from, to)`, in objects that the next call reuses. */
  tokenize(text: string, from = 0, to = text.length): Token[] {
    return scan(text, from, to, this.spare);
  }
}

const enum C {
  Zero = 48,
  Nine = 57,
  FullZero = 0xff10,
  FullNine = 0xff19,
}

function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= C.Zero && c <= C.Nine) return c - C.Zero;
  if (c >= C.FullZero && c <= C.FullNine) return c - C.FullZero;
  return -1;
}

/** ASCII code units that are letters (1) or white space (2): most prose is looked up here. */
const asciiKinds = (() => {
  const kinds = new Uint8Array(128);
  for (let c = 65; c <= 90; c++) kinds[c] = kinds[c + 32] = 1;
  for (const c of [32, 9, 10, 13, 12]) kinds[c] = 2;
  return kinds;
})();

function isLetter(c: number): boolean {
  if (c < 128) return asciiKinds[c] === 1;
  if (c <= 0x24f) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  let kind = letterUnits[c];
  if (kind === 0) {
    // Letters of spaced scripts (Greek, Cyrillic, Arabic…); Han, kana and full-width forms are read apart.
    const spaced = !(c >= 0x3000 && c <= 0x31ff) && !isHan(c) && !(c >= 0xff00 && c <= 0xffef) && !(c >= 0xd800 && c <= 0xdfff);
    kind = spaced && /\p{L}/u.test(String.fromCharCode(c)) ? 1 : 2;
    letterUnits[c] = kind;
  }
  return kind === 1;
}

/** Whether a code unit past Latin is a letter of a spaced script, found once each: 0 not yet known, 1 yes, 2 no. */
const letterUnits = new Uint8Array(0x10000);

function isSpace(c: number): boolean {
  if (c < 128) return asciiKinds[c] === 2;
  return c === 0xa0 || c === 0x3000 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 0xfeff;
}

function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** Full-width Latin letters (Ａ–Ｚ, ａ–ｚ), common in Chinese text. */
function isFullWidthLetter(c: number): boolean {
  return (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}


/**
 * Splits prose into tokens in one pass. Numbers take thousands separators
 * (`38,210`) and a decimal part, in ASCII or full-width digits; words take
 * inner hyphens and apostrophes (`two-thirds`, `Applied's`); each Han
 * character is a token; URLs, e-mail addresses, `@handles` and `\uFFFC`
 * placeholders become `skip` tokens.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  return scan(text, from, to, undefined);
}

/** The word classes of the word `readWord` read last: kept beside it so that no object is made per word. */
let wordClasses = 0;

/**
 * Reads a word from `i` (a letter): letters, with inner hyphens and
 * apostrophes ("two-thirds", "Applied's"). Returns its end and leaves its
 * classes in `wordClasses`. The hash of its lower-case form goes along, in
 * any script ("Milliarden", "drei").
 */
function readWord(text: string, i: number, n: number): number {
  let h = hashStep(hashSeed, text.charCodeAt(i));
  let hyphen = false;
  let j = i + 1;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (isLetter(d)) {
      h = hashStep(h, d);
      j++;
    } else if ((d === 45 || d === 39 || d === 0x2019) && j + 1 < n && isLetter(text.charCodeAt(j + 1))) {
      h = hashStep(hashStep(h, d), text.charCodeAt(j + 1));
      if (d === 45) hyphen = true;
      j += 2;
    } else {
      break;
    }
  }
  wordClasses = classesOf(h & 0x3fffffff);
  if (hyphen || endsWithFold(text, i, j)) wordClasses |= compoundWord;
  return j;
}

function scan(text: string, from: number, to: number, spare: Token[] | undefined): Token[] {
  const tokens: Token[] = [];
  const n = to;
  let i = from;
  let space = true;
  const push = (kind: TokenKind, start: number, end: number, norm?: string, classes = 0): Token => {
    let token = spare?.[tokens.length];
    if (!token) {
      token = new Token();
      if (spare && spare.length < maxSpare) spare.push(token);
    }
    token.set(kind, text, start, end, space, norm, classes);
    tokens.push(token);
    space = false;
    return token;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      space = true;
      i++;
      continue;
    }
    // URLs, e-mail addresses and handles run to the next space.
    if ((c === 104 || c === 72 || c === 119 || c === 87) && urlPrefixLength(text, i) > 0) {
      const end = runToSpace(text, i, n);
      push('skip', i, end);
      i = end;
      continue;
    }
    if (c === 0xfffc) {
      push('skip', i, i + 1);
      i++;
      continue;
    }
    if (digitAt(text, i) >= 0) {
      i = readNumber(text, i, push, n);
      continue;
    }
    if (isLetter(c)) {
      const j = readWord(text, i, n);
      if (j < n && text.charCodeAt(j) === 64 /* @ */ && j + 1 < n && !isSpace(text.charCodeAt(j + 1))) {
        const end = runToSpace(text, i, n);
        push('skip', i, end); // an e-mail address
        i = end;
        continue;
      }
      push('word', i, j, undefined, wordClasses);
      i = j;
      continue;
    }
    if (c === 64 /* @ */ && i + 1 < n && isLetter(text.charCodeAt(i + 1)) && (i === 0 || !isLetter(text.charCodeAt(i - 1)))) {
      let j = i + 1;
      while (j < n && /[\w:.\-]/u.test(text[j])) j++;
      push('skip', i, j);
      i = j;
      continue;
    }
    if (isFullWidthLetter(c)) {
      let j = i + 1;
      while (j < n && isFullWidthLetter(text.charCodeAt(j))) j++;
      push('word', i, j);
      i = j;
      continue;
    }
    if (isHan(c)) {
      push('han', i, i + 1, undefined, classesOf(hashStep(hashSeed, c) & 0x3fffffff));
      i++;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    push('sym', i, i + width);
    i += width;
  }
  return tokens;
}

/** Whether `text[from, to)` ends in "fold", in any case. */
function endsWithFold(text: string, from: number, to: number): boolean {
  if (to - from <= 4) return false;
  return (text.charCodeAt(to - 4) | 0x20) === 102 && (text.charCodeAt(to - 3) | 0x20) === 111 &&
    (text.charCodeAt(to - 2) | 0x20) === 108 && (text.charCodeAt(to - 1) | 0x20) === 100;
}

function hasUpper(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 0xc0) return true;
  }
  return false;
}

function runToSpace(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && !isSpace(text.charCodeAt(j)) && !'"<>)]}，。'.includes(text[j])) j++;
  while (j > i + 1 && '.,;:!?'.includes(text[j - 1])) j--;
  return j;
}

type Push = (kind: TokenKind, start: number, end: number, norm?: string) => Token;

/** Whether `text[from, to)` is all ASCII digits: then it is its own normal form. */
function asciiDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < C.Zero || c > C.Nine) return false;
  }
  return true;
}

/** The digits of `text[from, to)` in ASCII, separators left out. */
function normalDigits(text: string, from: number, to: number): string {
  if (asciiDigits(text, from, to)) return text.slice(from, to);
  let out = '';
  for (let i = from; i < to; i++) {
    const d = digitAt(text, i);
    if (d >= 0) out += String.fromCharCode(C.Zero + d);
  }
  return out;
}

/** Vulgar fractions by code point: ½ ¼ ¾ ⅓ ⅔ ⅕ ⅛ ⅜ ⅝ ⅞. */
const vulgarFractions: ReadonlyMap<number, number> = new Map([
  [0xbd, 0.5], [0xbc, 0.25], [0xbe, 0.75], [0x2153, 1 / 3], [0x2154, 2 / 3], [0x2155, 0.2], [0x215b, 0.125],
  [0x215c, 0.375], [0x215d, 0.625], [0x215e, 0.875],
]);

function readNumber(text: string, i: number, push: Push, n: number): number {
  const start = i;
  let grouped = false;
  let j = i;
  while (j < n && digitAt(text, j) >= 0) j++;
  // Thousands separators: a comma followed by exactly three digits, after one to three leading digits.
  if (j - start <= 3) {
    while (j + 3 < n + 1 && text[j] === ',' && digitAt(text, j + 1) >= 0 && digitAt(text, j + 2) >= 0 && digitAt(text, j + 3) >= 0 &&
      digitAt(text, j + 4) < 0) {
      grouped = true;
      j += 4;
    }
  }
  const intEnd = j;
  let digits = normalDigits(text, start, intEnd);
  const intDigits = digits.length;
  let decimal = false;
  if (j + 1 < n && (text[j] === '.' || text[j] === '．') && digitAt(text, j + 1) >= 0) {
    let k = j + 1;
    while (k < n && digitAt(text, k) >= 0) k++;
    // "1.2.3" is a version: keep it one token that no claim can use.
    if (k + 1 < n && text[k] === '.' && digitAt(text, k + 1) >= 0) {
      while (k < n && (digitAt(text, k) >= 0 || (text[k] === '.' && digitAt(text, k + 1) >= 0))) k++;
      push('skip', start, k);
      return k;
    }
    digits = !grouped && text[j] === '.' && asciiDigits(text, start, intEnd) && asciiDigits(text, j + 1, k)
      ? text.slice(start, k)
      : digits + '.' + normalDigits(text, j + 1, k);
    decimal = true;
    j = k;
  }
  // "3½%", "2½ times": a vulgar fraction written against the digits is their fractional part.
  const fraction = !decimal && j < n ? vulgarFractions.get(text.charCodeAt(j)) : undefined;
  if (fraction !== undefined && asciiDigits(text, start, intEnd) && !grouped) {
    digits = String(Number(digits) + fraction);
    decimal = true;
    j++;
  }
  const token = push('num', start, j, digits);
  token.grouped = grouped;
  token.decimal = decimal;
  token.digits = intDigits;
  token.value = numberValue(digits);
  return j;
}

/** Powers of ten that doubles hold exactly. */
const tens = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The value of ASCII digits with at most one decimal point, as `Number()`
 * gives it. Up to 15 digits the integer and a division by a power of ten
 * are exact and rounded once, as parsing is; longer numbers are parsed.
 */
function numberValue(digits: string): number {
  const n = digits.length;
  if (n > 15) return Number(digits);
  let v = 0;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const c = digits.charCodeAt(i);
    if (c === 46) point = i;
    else v = v * 10 + (c - 48);
  }
  return point < 0 ? v : v / tens[n - 1 - point];
}
