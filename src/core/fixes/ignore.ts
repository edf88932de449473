import type { Claim, Format } from '../types';
import { editEmbeddedHtml } from './embedded-edits';
import { escapeRegExp } from './escape';
import { lineStartOf } from './placement';
import { insertAt, lineBreakOf, type TextEdit } from './text-edit';

/** How a claim is ignored: a comment inserted in the article, or a pattern added to the `ignorePatterns` setting. */
export type IgnoreFix =
  | { readonly kind: 'edit'; readonly edits: readonly TextEdit[] }
  | { readonly kind: 'setting'; readonly pattern: string };

/** The comment that makes Claim Lens skip the next non-blank line. */
export const ignoreNextLineComment = '<!-- claimlens-ignore-next-line -->';

/**
 * Ignores `claim`. Markdown and HTML get `<!-- claimlens-ignore-next-line -->`
 * on its own line above the claim's line, indented and quoted (`> `) like
 * it; MDX, where HTML comments are not allowed, gets the same words in a
 * `{/* … *\/}` expression. Plain text gets a setting pattern matching
 * exactly the claim's text.
 */
export function ignoreClaim(text: string, claim: Claim, format: Format): IgnoreFix {
  if (format === 'wordpress') {
    const edits = editEmbeddedHtml(text, claim, (html, inner) => {
      const fix = ignoreClaim(html, inner, 'html');
      return fix.kind === 'edit' ? [...fix.edits] : [];
    });
    return { kind: 'edit', edits };
  }
  if (format === 'text') return { kind: 'setting', pattern: ignorePatternFor(claim.text) };
  const start = lineStartOf(text, claim.range.start);
  const prefix = /^[ \t]*(?:>[ \t]?)*/u.exec(text.slice(start, claim.range.start))?.[0] ?? '';
  const comment = format === 'mdx' ? `{/* ${ignoreNextLineComment} */}` : ignoreNextLineComment;
  return { kind: 'edit', edits: [insertAt(start, `${prefix}${comment}${lineBreakOf(text)}`)] };
}

/** A regular expression (for `ignorePatterns`) that matches exactly `claimText`. */
export function ignorePatternFor(claimText: string): string {
  return `^${escapeRegExp(claimText)}$`;
}
