import { fromAllPacks, languagesOf } from '../lang';
import type { Language } from '../lang/types';
import type { Token } from './tokens';

/** What the qualifier finder takes from the packs' data. */
interface QualifierData {
  /** Qualifiers of spaced languages by their last word (without a trailing period), longest first. */
  readonly byLastWord: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Qualifiers of unspaced languages as character runs, longest first: "不超过" before "超过". */
  readonly runs: readonly string[];
  /** Variant forms of characters by their standard form: "萬" → "万". */
  readonly variants: ReadonlyMap<string, string>;
}

function qualifierDataOf(packs: readonly Language[]): QualifierData {
  const byLastWord = new Map<string, (readonly string[])[]>();
  const runs: string[] = [];
  const variants = new Map<string, string>();
  for (const pack of packs) {
    for (const words of pack.qualifiers.before) {
      if (pack.unspaced) {
        runs.push(words.join(''));
        continue;
      }
      const last = words[words.length - 1].replace(/\.$/u, '');
      byLastWord.set(last, [...(byLastWord.get(last) ?? []), words]);
    }
    for (const [variant, standard] of pack.numbers.variants ?? []) if (!variants.has(variant)) variants.set(variant, standard);
  }
  // The longest qualifier that ends at the number wins, whatever order a pack lists them in.
  for (const list of byLastWord.values()) list.sort((a, b) => b.length - a.length);
  runs.sort((a, b) => b.length - a.length);
  return { byLastWord, runs, variants };
}

/** The qualifier words of every registered pack: made at first use (the packs import this file), and again when a pack is registered. */
let dataOfAllPacks: (() => QualifierData) | undefined;
function qualifierData(): QualifierData {
  dataOfAllPacks ??= fromAllPacks(qualifierDataOf);
  return dataOfAllPacks();
}

/** Up to `max` Han characters written together from token `j`, in their standard forms. */
export function hanRun(tokens: readonly Token[], j: number, max: number): string {
  const { variants } = qualifierData();
  let s = '';
  for (let k = j; k < tokens.length && s.length < max; k++) {
    const t = tokens[k];
    if (t.kind !== 'han' || (k > j && t.space)) break;
    s += variants.get(t.text) ?? t.text;
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
  const candidates = qualifierData().byLastWord.get(tokens[wordEnd]?.lower ?? '');
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
  const { runs, variants } = qualifierData();
  let run = '';
  for (let k = end; k >= floor && k > end - 3 && tokens[k].kind === 'han'; k--) run = (variants.get(tokens[k].text) ?? tokens[k].text) + run;
  for (const w of runs) {
    if (run.endsWith(w)) return { first: end - w.length + 1, text: w };
  }
  return null;
}

/** The qualifiers after a quantity in a list of languages: word phrases of spaced ones, character runs of unspaced ones. */
interface AfterQualifiers {
  readonly phrases: readonly (readonly string[])[];
  readonly runs: readonly string[];
  /** The length of the longest run. */
  readonly longest: number;
}

const afterByList = new WeakMap<readonly string[], AfterQualifiers>();

function afterQualifiersOf(languages: readonly string[]): AfterQualifiers {
  let after = afterByList.get(languages);
  if (!after) {
    const packs = languagesOf(languages);
    // Longest first, whatever order the packs list them in: a phrase before a shorter one it starts with.
    const runs = packs.filter((p) => p.unspaced).flatMap((p) => p.qualifiers.after.map((words) => words.join(''))).sort((a, b) => b.length - a.length);
    const phrases = packs.filter((p) => !p.unspaced).flatMap((p) => p.qualifiers.after).sort((a, b) => b.length - a.length);
    after = { phrases, runs, longest: Math.max(0, ...runs.map((r) => r.length)) };
    afterByList.set(languages, after);
  }
  return after;
}

/**
 * The qualifier words right after a quantity, from token `j`, in the
 * languages read ("or more", "or so", "左右", "以上", "多"): the last token of
 * the qualifier and its text, or null.
 */
export function qualifierAfter(tokens: readonly Token[], j: number, languages: readonly string[]): { last: number; text: string } | null {
  const t = tokens[j];
  if (t?.kind === 'word') {
    for (const words of afterQualifiersOf(languages).phrases) {
      let k = 0;
      while (k < words.length && tokens[j + k]?.kind === 'word' && tokens[j + k].lower === words[k]) k++;
      if (k === words.length) return { last: j + k - 1, text: words.join(' ') };
    }
    return null;
  }
  if (t?.kind !== 'han' || t.space) return null;
  const { runs, longest } = afterQualifiersOf(languages);
  const ahead = hanRun(tokens, j, longest);
  for (const run of runs) if (ahead.startsWith(run)) return { last: j + run.length - 1, text: run };
  return null;
}
