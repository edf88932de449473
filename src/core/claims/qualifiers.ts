import { simplified } from '../lang/zh/numerals';
import { zhQualifiersBefore } from '../lang/zh/words';
import { qualifiersBefore } from '../lang/en/words';
import { registerWordClass, type Token } from './tokens';

/** Qualifiers by their last word (without a trailing period), longest first. */
export const qualifiersByLastWord: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const map = new Map<string, (readonly string[])[]>();
  for (const words of qualifiersBefore) {
    const last = words[words.length - 1].replace(/\.$/u, '');
    map.set(last, [...(map.get(last) ?? []), words]);
  }
  return map;
})();

/** Word class of the last words of qualifiers (see `registerWordClass`). */
const qualifierEnd = registerWordClass(qualifiersByLastWord.keys());

/** Up to `max` Han characters written together from token `j`. */
export function hanRun(tokens: readonly Token[], j: number, max: number): string {
  let s = '';
  for (let k = j; k < tokens.length && s.length < max; k++) {
    const t = tokens[k];
    if (t.kind !== 'han' || (k > j && t.space)) break;
    s += simplified(t.text);
  }
  return s;
}

/** The qualifier words right before token `i` ("more than", "about", "超过"), not reaching below `floor`. */
export function qualifierBefore(tokens: readonly Token[], i: number, floor: number): { first: number; text: string } | null {
  let end = i - 1;
  // "up to a $1 billion": an article between the qualifier and the number.
  if (tokens[end]?.kind === 'word' && (tokens[end].lower === 'a' || tokens[end].lower === 'an') && tokens[i].kind !== 'word') end--;
  if (end < floor || end < 0) return null;
  const t = tokens[end];
  if (t.kind === 'han') return hanQualifierBefore(tokens, end, floor);
  // "±3 points", "± 2.5%": a margin.
  if (t.kind === 'sym' && t.text === '±') return { first: end, text: '±' };
  // "approx." and "ca.": a period after the word.
  let wordEnd = end;
  if (t.kind === 'sym' && t.text === '.' && tokens[end - 1]?.kind === 'word') wordEnd = end - 1;
  // Most words before a number end no qualifier, and their class says so without a look at their text.
  const w = tokens[wordEnd];
  if (w.kind !== 'word' || !(w.classes & qualifierEnd)) return null;
  const candidates = qualifiersByLastWord.get(w.lower);
  if (!candidates) return null;
  for (const words of candidates) {
    const len = words.length;
    const last = words[len - 1];
    const dotted = last.endsWith('.');
    const lastWord = dotted ? last.slice(0, -1) : last;
    const at = dotted ? wordEnd : end;
    if (dotted && at === end) continue;
    if (!dotted && wordEnd !== end) continue;
    const from = at - len + 1;
    if (from < floor || from < 0) continue;
    let ok = tokens[at].kind === 'word' && tokens[at].lower === lastWord;
    for (let k = 0; ok && k < len - 1; k++) ok = tokens[from + k].kind === 'word' && tokens[from + k].lower === words[k];
    if (ok) return { first: from, text: words.join(' ') };
  }
  return null;
}

function hanQualifierBefore(tokens: readonly Token[], end: number, floor: number): { first: number; text: string } | null {
  let run = '';
  for (let k = end; k >= floor && k > end - 3 && tokens[k].kind === 'han'; k--) run = simplified(tokens[k].text) + run;
  for (const w of zhQualifiersBefore) {
    if (run.endsWith(w)) return { first: end - w.length + 1, text: w };
  }
  return null;
}
