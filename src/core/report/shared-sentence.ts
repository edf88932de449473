/**
 * What a report repeats for each claim of a sentence, bounded: a sentence
 * with thousands of claims and thousands of sources would otherwise list
 * every source and the whole sentence again with each claim, which grows
 * with claims × sources. Each claim lists the sources nearest to it (all of
 * them in ordinary prose) and says how many more there are; messages are
 * built once per sentence's list of sources (claims of one sentence share
 * that list).
 */
import type { Claim, Source } from '../types';

/** Most sources listed with one claim; the rest are counted. */
export const maxListedSources = 5;
/** Longest sentence repeated whole with a claim; a longer one is cut around the claim. */
export const maxSentenceLength = 1000;
/** How much of a longer sentence is shown around the claim, in characters. */
const sentenceWindow = 240;

const sharing = new WeakMap<readonly Claim[], Map<readonly Source[], number>>();

/** How many of `claims` share each list of sources (the claims of one sentence share theirs). */
function sharingCounts(claims: readonly Claim[]): Map<readonly Source[], number> {
  let counts = sharing.get(claims);
  if (!counts) {
    counts = new Map();
    for (const c of claims) counts.set(c.sources, (counts.get(c.sources) ?? 0) + 1);
    sharing.set(claims, counts);
  }
  return counts;
}

/**
 * The sources listed with `claim` (one of `claims`, its file's) and how many
 * are left out: all of them, unless the claims sharing its sentence's
 * sources are so many that listing every source with every claim would
 * outgrow the sentence (claims × sources over 4 × (claims + sources)); then
 * the few nearest to the claim, in text order.
 */
export function listedSources(claim: Claim, claims: readonly Claim[]): { readonly listed: readonly Source[]; readonly omitted: number } {
  const all = claim.sources;
  if (all.length <= maxListedSources) return { listed: all, omitted: 0 };
  const shared = sharingCounts(claims).get(all) ?? 1;
  if (shared * all.length <= 4 * (shared + all.length)) return { listed: all, omitted: 0 };
  // The first source at or after the claim, by bisection (sources stand in text order, save a few added from a "Source:" line).
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].range.start < claim.range.start) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.max(0, Math.min(lo - (maxListedSources >> 1), all.length - maxListedSources));
  return { listed: all.slice(from, from + maxListedSources), omitted: all.length - maxListedSources };
}

/** The claim's sentence, or for a very long one the part around the claim with ellipses. */
export function claimSentence(claim: Claim): string {
  const sentence = claim.sentence;
  if (sentence.length <= maxSentenceLength) return sentence;
  const at = Math.max(0, Math.min(claim.range.start - claim.sentenceRange.start, sentence.length));
  const from = Math.max(0, at - (sentenceWindow >> 1));
  const to = Math.min(sentence.length, from + sentenceWindow);
  return `${from > 0 ? '…' : ''}${sentence.slice(from, to)}${to < sentence.length ? '…' : ''}`;
}

/** `build(sources)`, computed once per list of sources (claims of one sentence share their list). */
export function oncePerSources<T>(build: (sources: readonly Source[]) => T): (sources: readonly Source[]) => T {
  const memo = new WeakMap<readonly Source[], T>();
  return (sources) => {
    let value = memo.get(sources);
    if (value === undefined) {
      value = build(sources);
      memo.set(sources, value);
    }
    return value;
  };
}
