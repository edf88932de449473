import type { Claim, Range, Source } from '../types';
import { placeCitation } from './placement';
import { insertAt, type TextEdit } from './text-edit';

/** Text that may stand between a sentence's last word and a citation that ends it. */
const sentenceEnd = /^[\s.!?…。！？"'”’)）*_]*$/u;

/** `@key`, or `@{key}` when the key holds characters a bare Pandoc key cannot. */
function citedKey(key: string): string {
  return /^[\w][\w:.#$%&\-+?<>~/]*$/u.test(key) && !/[.:]$/u.test(key) ? `@${key}` : `@{${key}}`;
}

/** A Pandoc `[@…]` bracket among the claim's sources that ends its sentence, and the keys it cites. */
function closingBracket(text: string, claim: Claim): { range: Range; keys: Set<string> } | undefined {
  const place = placeCitation(text, claim);
  let found: Range | undefined;
  for (const source of claim.sources) {
    if (!isBracketCitation(text, source)) continue;
    const { start, end } = source.range;
    const before = end <= place.afterSentence && sentenceEnd.test(text.slice(end, place.afterSentence));
    const after = start >= place.beforePunctuation && sentenceEnd.test(text.slice(place.beforePunctuation, start));
    if ((before || after) && (!found || start > found.start)) found = source.range;
  }
  if (!found) return undefined;
  const range = found;
  const keys = new Set(
    claim.sources
      .filter((s) => s.kind === 'citation' && s.range.start === range.start && s.range.end === range.end)
      .map((s) => s.key ?? s.label),
  );
  return { range, keys };
}

function isBracketCitation(text: string, source: Source): boolean {
  if (source.kind !== 'citation') return false;
  const raw = text.slice(source.range.start, source.range.end);
  return raw.startsWith('[') && raw.endsWith(']') && raw.includes('@');
}

/**
 * The edits that cite the bibliography entry `key` for `claim`, in Pandoc
 * syntax: when a `[@…]` bracket already ends the claim's sentence (before
 * or after its closing punctuation), `; @key` goes in it, before its `]`;
 * else ` [@key]` goes before the sentence's closing punctuation. No edit
 * when that bracket cites the key already.
 */
export function citeBibliographyKey(text: string, claim: Claim, key: string): TextEdit[] {
  const bracket = closingBracket(text, claim);
  if (bracket) {
    if (bracket.keys.has(key)) return [];
    return [insertAt(bracket.range.end - 1, `; ${citedKey(key)}`)];
  }
  return [insertAt(placeCitation(text, claim).beforePunctuation, ` [${citedKey(key)}]`)];
}
