import type { SyntaxNode } from '@lezer/common';
import { parseMarkdownTree } from '../formats/markdown';
import type { Claim } from '../types';

/** Where a citation can go in a claim's sentence, as raw 0-based offsets. */
export interface Placement {
  /**
   * Just before the sentence's closing punctuation (`.`, `!`, `?`, `。`…),
   * or at the end of its text when it has none: where a link, an inline
   * citation or a "(Source: …)" goes.
   */
  readonly beforePunctuation: number;
  /**
   * Just after the sentence, its closing punctuation and any note markers
   * already there (`[^1]`, `<sup>…</sup>`): where a footnote marker goes.
   */
  readonly afterSentence: number;
}

const closing = new Set(['.', '!', '?', '…', '。', '！', '？']);
const quotes = new Set(['"', '\'', '”', '’', '」', '』', ')', '）', '*', '_']);
const markdownMarker = /^\[\^[^\]\s]+\]/u;
const htmlMarker = /^<sup\b[^>]*>[\s\S]{0,300}?<\/sup>/iu;

/**
 * Finds where a citation goes for `claim` in `text`: its sentence's raw
 * range, with white space and closing punctuation looked at from the end.
 */
export function placeCitation(text: string, claim: Claim): Placement {
  let end = Math.max(claim.range.end, claim.sentenceRange.end);
  while (end > claim.range.end && /\s/u.test(text[end - 1])) end--;
  // Closing quotes or emphasis markers after the punctuation stay after the citation.
  let p = end;
  while (p > claim.range.end && quotes.has(text[p - 1])) p--;
  let q = p;
  while (q > claim.range.end && closing.has(text[q - 1])) q--;
  const beforePunctuation = q < p ? q : end;
  let after = end;
  for (;;) {
    const rest = text.slice(after, after + 400);
    const m = markdownMarker.exec(rest) ?? htmlMarker.exec(rest);
    if (!m) break;
    after += m[0].length;
  }
  return { beforePunctuation, afterSentence: after };
}

/** 0-based offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Whether `offset` stands inside a block of raw HTML in a Markdown article,
 * where Markdown syntax such as `[^1]` is not read and shows as it is.
 */
export function isInHtmlBlock(text: string, offset: number): boolean {
  // Most articles hold no HTML block, and a line of raw HTML starts with "<": no parse without one.
  if (!/^[ \t>]*</mu.test(text)) return false;
  for (let n: SyntaxNode | null = parseMarkdownTree(text, { mdx: false }).resolveInner(offset, 1); n; n = n.parent) if (n.name === 'HTMLBlock') return true;
  return false;
}
