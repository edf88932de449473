/**
 * Recognisers for the citation syntaxes Markdown articles use: Pandoc
 * `[@key, p. 3]` and `@key`, LaTeX `\cite{a,b}`, and bare numbered
 * references `[12]`. Each one scans forward once, with no backtracking;
 * callers bound the length they hand in.
 */

/** One cited key, with its locator ("p. 3") when the citation gives one. */
export interface CitedKey {
  readonly key: string;
  readonly locator?: string;
}

/** Quarto cross-reference prefixes: `@fig-growth` points at a figure, not a source. */
const crossReferencePrefixes = ['fig-', 'tbl-', 'sec-', 'eq-', 'lst-', 'thm-', 'lem-', 'cor-', 'prp-', 'cnj-', 'def-', 'exm-', 'exr-'];

/** Whether `c` can start a citation key: `[A-Za-z0-9_]`. */
export function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Whether `c` can stand inside a citation key: `[\w:.#$%&\-+?<>~/]`. */
function isKeyChar(c: number): boolean {
  if (isKeyStart(c)) return true;
  switch (c) {
    case 58: // :
    case 46: // .
    case 35: // #
    case 36: // $
    case 37: // %
    case 38: // &
    case 45: // -
    case 43: // +
    case 63: // ?
    case 60: // <
    case 62: // >
    case 126: // ~
    case 47: // /
      return true;
    default:
      return false;
  }
}

/** Whether `c` is a letter, digit or underscore (ASCII), the characters an e-mail address puts before `@`. */
export function isWordChar(c: number): boolean {
  return isKeyStart(c);
}

/**
 * The end of a citation key that starts at `start` (the character after
 * `@`), or -1 when none starts there. A trailing `.` or `:` is punctuation,
 * not part of the key. Scans at most up to `end`.
 */
export function scanKey(s: string, start: number, end: number): number {
  if (start >= end || !isKeyStart(s.charCodeAt(start))) return -1;
  let i = start + 1;
  while (i < end && isKeyChar(s.charCodeAt(i))) i++;
  while (i > start + 1) {
    const c = s.charCodeAt(i - 1);
    if (c !== 46 && c !== 58) break;
    i--;
  }
  return i;
}

/** Whether a key names a figure, table, section or equation (`fig-growth`) rather than a source. */
export function isCrossReference(key: string): boolean {
  for (const prefix of crossReferencePrefixes) if (key.startsWith(prefix)) return true;
  return false;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Reads the inside of a Pandoc citation bracket (`see @doe99, pp. 33-35;
 * also @smith04`), `s[from, to)`. Every `;`-separated item must hold one
 * `@key` (or `-@key`); text after the key, less a leading comma, is its
 * locator. Returns null when the bracket is not a citation: an item without
 * a key, or only cross-references.
 */
export function parseBracketCitation(s: string, from: number, to: number): CitedKey[] | null {
  const keys: CitedKey[] = [];
  let itemStart = from;
  let sawItem = false;
  while (itemStart <= to) {
    let itemEnd = itemStart;
    while (itemEnd < to && s.charCodeAt(itemEnd) !== 59) itemEnd++;
    sawItem = true;
    let at = -1;
    for (let i = itemStart; i < itemEnd; i++) {
      if (s.charCodeAt(i) !== 64) continue;
      const before = i > itemStart ? s.charCodeAt(i - 1) : 32;
      if (isSpace(before) || before === 45 || before === 40) {
        at = i;
        break;
      }
      return null; // an `@` inside a word: an e-mail address, not a citation
    }
    if (at < 0) return null;
    const keyEnd = scanKey(s, at + 1, itemEnd);
    if (keyEnd < 0) return null;
    const key = s.slice(at + 1, keyEnd);
    let suffix = s.slice(keyEnd, itemEnd).trim();
    if (suffix.startsWith(',')) suffix = suffix.slice(1).trim();
    if (!isCrossReference(key)) keys.push(suffix ? { key, locator: suffix } : { key });
    itemStart = itemEnd + 1;
  }
  return sawItem && keys.length ? keys : null;
}

const latexCommands = new Set([
  'cite', 'citep', 'citet', 'citealp', 'citealt', 'citeauthor', 'citeyear', 'parencite', 'textcite', 'autocite',
  'footcite', 'Cite', 'Citep', 'Citet', 'Parencite', 'Textcite', 'Autocite', 'nocite',
]);

/** A LaTeX citation command and where it ends. */
export interface LatexCitation {
  readonly end: number;
  readonly keys: readonly CitedKey[];
}

/**
 * Reads a LaTeX citation command (`\cite{a,b}`, `\citep[p.~3]{key}`,
 * `\citet[see][ch. 2]{key}`) starting at the backslash `s[pos]`, scanning
 * no further than `end`. Returns null when none stands there.
 */
export function parseLatexCitation(s: string, pos: number, end: number): LatexCitation | null {
  let i = pos + 1;
  while (i < end && i - pos <= 12) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) break;
    i++;
  }
  if (!latexCommands.has(s.slice(pos + 1, i))) return null;
  if (s.charCodeAt(i) === 42) i++; // \cite*
  const optional: string[] = [];
  while (optional.length < 2 && s.charCodeAt(i) === 91) {
    const close = boundedIndexOf(s, ']', i + 1, Math.min(end, i + 200));
    if (close < 0) return null;
    optional.push(s.slice(i + 1, close).replace(/~/gu, ' ').trim());
    i = close + 1;
  }
  if (s.charCodeAt(i) !== 123) return null;
  const close = boundedIndexOf(s, '}', i + 1, Math.min(end, i + 500));
  if (close < 0) return null;
  const locator = optional.length ? optional[optional.length - 1] : '';
  const keys: CitedKey[] = [];
  for (const part of s.slice(i + 1, close).split(',')) {
    const key = part.trim();
    if (!key) continue;
    keys.push(locator ? { key, locator } : { key });
  }
  return keys.length ? { end: close + 1, keys } : null;
}

/** The index of `needle` (one character) in `s[from, limit)`, or -1; never looks past `limit`. */
function boundedIndexOf(s: string, needle: string, from: number, limit: number): number {
  const code = needle.charCodeAt(0);
  for (let i = from; i < limit; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
}

/**
 * Reads the inside of a numbered reference (`12`, `3, 4`, `3-5`), `s[from,
 * to)`, into its numbers ("3-5" → 3, 4, 5), or null when it is anything
 * else. Numbers have at most four digits; a range spans fewer than fifty.
 * The plain-text and HTML readers use it too.
 */
export function parseNumberList(s: string, from: number, to: number): string[] | null {
  const out: string[] = [];
  let i = from;
  let rangeFrom = -1;
  for (;;) {
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    const start = i;
    while (i < to && i - start < 5 && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === start || i - start > 4) return null;
    const n = Number(s.slice(start, i));
    if (rangeFrom >= 0) {
      if (n < rangeFrom || n - rangeFrom >= 50) return null;
      for (let k = rangeFrom + 1; k <= n; k++) out.push(String(k));
      rangeFrom = -1;
    } else {
      out.push(String(n));
    }
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (i >= to) return out;
    const sep = s.charCodeAt(i);
    if (sep === 45 || sep === 0x2013) rangeFrom = n;
    else if (sep !== 44) return null;
    i++;
  }
}
