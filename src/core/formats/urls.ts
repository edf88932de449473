/** A URL or e-mail address standing in prose, by prose offsets. */
export interface FoundUrl {
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

const urlStart = /\b(?:https?:\/\/|www\.)/giu;
const stop = /[\s<>"'`，。、；：）」』]/u;
const trailing = /[.,;:!?)\]}'"’”]/u;

/**
 * Finds bare URLs (`https://…`, `www.…`) in text. A URL ends at white space
 * or a quote; closing punctuation at its end is left out unless a bracket
 * inside the URL opened it. Linear: one pass, no backtracking.
 */
export function findBareUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  urlStart.lastIndex = 0;
  for (let m = urlStart.exec(text); m; m = urlStart.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    while (end < text.length && !stop.test(text[end])) end++;
    end = trimTrailing(text, start, end);
    if (end - start > m[0].length) found.push({ start, end, url: text.slice(start, end) });
    urlStart.lastIndex = Math.max(end, start + 1);
  }
  return found;
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
