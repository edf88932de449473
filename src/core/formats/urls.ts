/** A URL or e-mail address standing in prose, by prose offsets. */
export interface FoundUrl {
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

const stop = /[\s<>"'`，。、；：）」』]/u;
const trailing = /[.,;:!?)\]}'"’”]/u;

/**
 * Finds bare URLs (`https://…`, `www.…`) in text. A URL ends at white space
 * or a quote; closing punctuation at its end is left out unless a bracket
 * inside the URL opened it. Linear: one pass, no backtracking.
 */
export function findBareUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  let from = 0;
  for (;;) {
    const start = nextUrlStart(text, from);
    if (start < 0) return found;
    const scheme = urlPrefixLength(text, start);
    let end = start + scheme;
    while (end < text.length && !stop.test(text[end])) end++;
    end = trimTrailing(text, start, end);
    if (end - start > scheme) found.push({ start, end, url: text.slice(start, end) });
    from = Math.max(end, start + 1);
  }
}

/** The next place a URL may start ("http://", "https://", "www." at a word boundary), or -1. */
function nextUrlStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20; // lower-cases ASCII letters
    if ((c === 0x68 /* h */ || c === 0x77 /* w */) && urlPrefixLength(text, i) > 0) {
      const before = i > 0 ? text.charCodeAt(i - 1) : 32;
      if (!isWordChar(before)) return i;
    }
  }
  return -1;
}

/** Length of "http://", "https://" or "www." at `i`, any case, else 0. */
export function urlPrefixLength(text: string, i: number): number {
  const lower = (k: number): number => text.charCodeAt(i + k) | 0x20;
  if (lower(0) === 0x77 /* w */) return lower(1) === 0x77 && lower(2) === 0x77 && text.charCodeAt(i + 3) === 46 ? 4 : 0;
  if (lower(0) !== 0x68 || lower(1) !== 0x74 || lower(2) !== 0x74 || lower(3) !== 0x70) return 0; // "http"
  const colon = lower(4) === 0x73 /* s */ ? 5 : 4;
  const slashes = text.charCodeAt(i + colon) === 58 && text.charCodeAt(i + colon + 1) === 47 && text.charCodeAt(i + colon + 2) === 47;
  return slashes ? colon + 3 : 0;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function trimTrailing(text: string, start: number, end: number): number {
  while (end > start && trailing.test(text[end - 1])) {
    const c = text[end - 1];
    if (c === ')' && balanced(text, start, end, '(', ')')) break;
    if (c === ']' && balanced(text, start, end, '[', ']')) break;
    end--;
  }
  return end;
}

function balanced(text: string, start: number, end: number, open: string, close: string): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close) depth--;
  }
  return depth === 0;
}
