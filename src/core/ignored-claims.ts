import type { Claim } from './types';

/**
 * One claim a configuration file ignores in an article: the claim's text as
 * it stands, the sentence it stands in, and, when several claims share both,
 * which of them (1-based, in the order of the article). Offsets are not
 * kept, so the entry survives edits elsewhere in the article.
 */
export interface IgnoredClaim {
  /** The claim's raw text ("$4 billion"). */
  readonly claim: string;
  /** The claim's sentence; white space is not compared. Without it, every claim with this text is ignored. */
  readonly sentence?: string;
  /** Which of the claims with this text and sentence, from 1; without it, all of them. */
  readonly occurrence?: number;
}

/** An `ignore` entry of a `.claimlensrc` file: a claim and the article it stands in. */
export interface IgnoreEntry extends IgnoredClaim {
  /** The article, relative to the folder of the configuration file, with `/` between folders. */
  readonly file: string;
}

/** `text` with runs of white space made one space and the ends trimmed: sentences compare this way. */
export function normalizeSentence(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A relative path with `\` made `/`, `./` and empty parts dropped: how entry paths compare. */
export function normalizeEntryPath(path: string): string {
  return path
    .replace(/\\/gu, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/**
 * The entries of `entries` that name the article at `relativePath` (relative
 * to the configuration file's folder), without their `file`.
 */
export function ignoredClaimsFor(entries: readonly IgnoreEntry[], relativePath: string): IgnoredClaim[] {
  if (!entries.length) return [];
  const path = normalizeEntryPath(relativePath);
  return entries.filter((entry) => normalizeEntryPath(entry.file) === path).map(({ file: _file, ...claim }) => claim);
}

/**
 * The entry that ignores `claim` and no other claim of `claims` (the
 * analysis it belongs to): its text and sentence, and its occurrence when
 * another claim shares both.
 */
export function ignoredClaimOf(claims: readonly Claim[], claim: Claim): IgnoredClaim {
  const sentence = normalizeSentence(claim.sentence);
  const alike = claims.filter((c) => c.text === claim.text && normalizeSentence(c.sentence) === sentence);
  const index = alike.findIndex((c) => c.id === claim.id);
  return alike.length > 1 && index >= 0 ? { claim: claim.text, sentence, occurrence: index + 1 } : { claim: claim.text, sentence };
}

/**
 * `claims` with those that `ignored` names given the status `ignored`; the
 * same array when none is named. Linear in claims and entries: claims are
 * looked up by text, and each sentence is normalised once.
 */
export function withIgnoredClaims(claims: readonly Claim[], ignored: readonly IgnoredClaim[]): readonly Claim[] {
  if (!ignored.length || !claims.length) return claims;
  const wanted = new Set(ignored.map((entry) => entry.claim));
  const byText = new Map<string, number[]>();
  for (let i = 0; i < claims.length; i++) {
    const text = claims[i].text;
    if (!wanted.has(text)) continue;
    const list = byText.get(text);
    if (list) list.push(i);
    else byText.set(text, [i]);
  }
  if (!byText.size) return claims;
  const normalized = new Map<string, string>();
  const sentenceOf = (c: Claim): string => {
    let n = normalized.get(c.sentence);
    if (n === undefined) normalized.set(c.sentence, (n = normalizeSentence(c.sentence)));
    return n;
  };
  // Entries that share a text and a sentence share one search.
  const matches = new Map<string, readonly number[]>();
  const hit = new Set<number>();
  for (const entry of ignored) {
    const sentence = entry.sentence === undefined ? undefined : normalizeSentence(entry.sentence);
    const key = `${entry.claim}\u0000${sentence ?? '\u0000'}`;
    let found = matches.get(key);
    if (!found) {
      const candidates = byText.get(entry.claim) ?? [];
      found = sentence === undefined ? candidates : candidates.filter((i) => sentenceOf(claims[i]) === sentence);
      matches.set(key, found);
    }
    if (entry.occurrence === undefined) for (const i of found) hit.add(i);
    else if (entry.occurrence <= found.length) hit.add(found[entry.occurrence - 1]);
  }
  if (!hit.size) return claims;
  return claims.map((c, i) => (hit.has(i) && c.status !== 'ignored' ? { ...c, status: 'ignored' } : c));
}
