import { fromAllPacks } from '../lang';
import { wordGroup } from '../lang/patterns';

/**
 * A heading, or a line of plain text, that opens a list of references rather
 * than prose: one of the registered packs' `referenceHeadings` in any case,
 * perhaps with a colon ("References", "Works cited:", "参考文献："). Made
 * again when a pack is registered.
 */
export const referenceHeading = fromAllPacks(
  (packs) => new RegExp(`^${wordGroup(packs.flatMap((p) => p.referenceHeadings))}\\s*[:：]?$`, 'iu'),
);

/** The same headings lower-case, and their first characters: a cheap test before the lookup. */
export const referenceHeadingWords = fromAllPacks((packs) => {
  const headings = new Set(packs.flatMap((p) => p.referenceHeadings.map((h) => h.toLowerCase())));
  return { headings, initials: new Set([...headings].map((h) => h[0])) };
});
