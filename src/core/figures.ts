import { findClaims } from './claims/find-claims';
import { tokenize } from './claims/tokens';
import { nextNumberWord } from './number-words';
import { splitSentences } from './sentences';
import type { ClaimKind } from './types';

/** A quantity standing in a passage of prose, read by the same rules as an article's claims. */
export interface Figure {
  /** 0-based UTF-16 offsets into the text given to `findFigures`; `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** The figure as written ("38.2 thousand", "US$40bn"). */
  readonly text: string;
  readonly kind: ClaimKind;
  /** The number after scale words; for a range, its lower bound. */
  readonly value: number | null;
  readonly valueMax?: number;
  /** Currency code or unit word, else null. */
  readonly unit: string | null;
  readonly qualifier?: string;
  /** The sentence the figure stands in, as offsets into the text. */
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
}

/**
 * Finds every quantity in a passage of plain prose (a paragraph, a page of a
 * PDF), sentence by sentence, with the claim finder's numeral grammar: kinds,
 * values after scale words, currencies and units. Years, dates and the other
 * things that are never claims are left out, as in `analyze()`. Linear in the
 * length of `text`.
 */
export function findFigures(text: string, languages: readonly string[] = ['en', 'zh']): Figure[] {
  const figures: Figure[] = [];
  // The next number word found so far: each stretch of the text is searched once, however many sentences it holds.
  let wordAt = -1;
  for (const sentence of splitSentences(text)) {
    if (!sentence.numeric) {
      if (wordAt < sentence.start) wordAt = nextNumberWord(text, sentence.start);
      if (wordAt >= sentence.end) continue;
    }
    for (const match of findClaims(text, languages, tokenize(text, sentence.start, sentence.end))) {
      figures.push({
        start: match.start,
        end: match.end,
        text: text.slice(match.start, match.end),
        kind: match.kind,
        value: match.value,
        ...(match.valueMax !== undefined ? { valueMax: match.valueMax } : {}),
        unit: match.unit,
        ...(match.qualifier !== undefined ? { qualifier: match.qualifier } : {}),
        sentenceStart: sentence.start,
        sentenceEnd: sentence.end,
      });
    }
  }
  return figures;
}
