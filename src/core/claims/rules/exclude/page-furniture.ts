import { pageCountWords } from '../../../lang/en/rule-words';
import { charClass, wordGroup } from '../../../lang/patterns';
import type { RuleInfo } from '../types';

/** Longest block searched for page counts: a byline or share bar is short. */
const pageCountMaxLength = 120;
const { labels, reactions, scaleLetters, galleryItems, of } = pageCountWords;
const scaled = String.raw`[\d.,]+\s?${charClass(scaleLetters)}?`;
/**
 * A count of the page's own readers or reactions, alone between separators: "48 comments", "Share 312";
 * or a gallery's counter: "1 of 12", "Image 3 of 12: Flooding in Leeds".
 */
const pageCount = new RegExp(
  String.raw`^\s*(?:(?:${wordGroup(galleryItems)}\s+)?\d+\s+${wordGroup([of])}\s+\d+(?:\s*:.*)?|${scaled}\s+${wordGroup(reactions)}|${wordGroup(labels)}\s*:?\s*${scaled})\s*$`,
  'iu',
);

/**
 * Whether `match` stands alone with a page-count word in its part of a short
 * block, the parts set off by bars, middle dots, bullets or line breaks.
 */
export function isPageCount(text: string, match: { readonly start: number; readonly end: number }): boolean {
  if (text.length > pageCountMaxLength) return false;
  let from = match.start;
  while (from > 0 && !isPartSeparator(text.charCodeAt(from - 1))) from--;
  let to = match.end;
  while (to < text.length && !isPartSeparator(text.charCodeAt(to))) to++;
  return pageCount.test(text.slice(from, to));
}

/** "|", "·", "•" or a line break. */
function isPartSeparator(c: number): boolean {
  return c === 124 || c === 0xb7 || c === 0x2022 || c === 10;
}

/** Page furniture is decided on a whole block (a byline, a share bar, a gallery's counter), after the claim rules. */
export const pageCountRule: RuleInfo = {
  id: 'page-count',
  languages: ['en'],
  stage: 'exclude',
  description: 'A count of the page\'s own readers or reactions, or a gallery\'s counter, is page furniture: "48 comments", "1 of 12".',
  examples: {
    format: 'markdown',
    fires: ['By Ann Lee | 48 comments\n\nThe river rose 2 metres.', 'Image 3 of 12: Flooding in Leeds\n\nThe river rose 2 metres.'],
    doesNotFire: ['The council got 48 comments on the plan from residents.'],
  },
};
