/**
 * The quick fixes VS Code shows on a claim, by title and command id: the
 * language server offers them (as commands when its client asks for
 * `fixCommands`), and the extension runs the commands, which ask the writer
 * for what they need.
 */

/** Titles of the quick fixes, shared with the tests that look for them. */
export const fixTitles = {
  cite: 'Cite a source already in this article…',
  add: 'Add a new source…',
  ignore: 'Ignore this claim',
} as const;

/** The commands behind the quick fixes and the hover's *Edit note* link. */
export const fixCommandIds = {
  citeExistingSource: 'claimlens.citeExistingSource',
  addSource: 'claimlens.addSource',
  ignoreClaim: 'claimlens.ignoreClaim',
  editNote: 'claimlens.editNote',
} as const;

/** What the quick-fix commands take first: the article (URI string) and the claim's id in its current analysis. */
export interface ClaimRef {
  readonly uri: string;
  readonly claimId: string;
}
