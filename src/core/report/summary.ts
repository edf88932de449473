import type { Analysis } from '../types';

/** Claim counts over a set of files. */
export interface Totals {
  readonly files: number;
  readonly claims: number;
  readonly cited: number;
  readonly attributed: number;
  readonly uncited: number;
  readonly ignored: number;
  /**
   * The share of claims that name a source: (cited + attributed) / (claims −
   * ignored), between 0 and 1; 1 when no claim is left to check.
   */
  readonly coverage: number;
}

/** Counts claims by status over `files` and works out the coverage (see `Totals.coverage`). */
export function summarize(files: readonly { readonly analysis: { readonly claims: readonly Pick<Analysis['claims'][number], 'status'>[] } }[]): Totals {
  const counts = { cited: 0, attributed: 0, uncited: 0, ignored: 0 };
  let claims = 0;
  for (const file of files) {
    for (const claim of file.analysis.claims) {
      counts[claim.status]++;
      claims++;
    }
  }
  const checked = claims - counts.ignored;
  return {
    files: files.length,
    claims,
    ...counts,
    coverage: checked > 0 ? (counts.cited + counts.attributed) / checked : 1,
  };
}

/**
 * Coverage as a whole percentage. Rounded, except that it never shows 100%
 * while a claim is uncited, nor 0% while one is covered.
 */
/** The totals of several sets of files, as one. */
export function addTotals(parts: readonly Totals[]): Totals {
  const sum = { files: 0, claims: 0, cited: 0, attributed: 0, uncited: 0, ignored: 0 };
  for (const part of parts) for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += part[key];
  const checked = sum.claims - sum.ignored;
  return { ...sum, coverage: checked > 0 ? (sum.cited + sum.attributed) / checked : 1 };
}

export function coveragePercent(coverage: number): number {
  const percent = Math.round(coverage * 100);
  if (percent === 100 && coverage < 1) return 99;
  if (percent === 0 && coverage > 0) return 1;
  return percent;
}

/**
 * One line for people: `3 files, 12 claims: 5 cited, 3 attributed, 4 uncited,
 * 0 ignored — coverage 67%`. Files given but `skipped` (too large, unreadable,
 * not an article) count among the files and are named: `6 files (3 skipped)`.
 */
export function summaryLine(totals: Totals, skipped = 0): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `${plural(totals.files + skipped, 'file')}${skipped ? ` (${skipped} skipped)` : ''}, ${plural(totals.claims, 'claim')}: ` +
    `${totals.cited} cited, ${totals.attributed} attributed, ${totals.uncited} uncited, ${totals.ignored} ignored` +
    ` — coverage ${coveragePercent(totals.coverage)}%`
  );
}
