import type { SourceVerification, VerificationStatus } from '../types';

/** The order in which a claim's results stand for it: a source that states the figure wins, then one read that does not. */
export const sourceSaysOrder: readonly VerificationStatus[] = ['supported', 'not-found', 'unreachable', 'not-checked'];

/** What the reports call each result, in a word or two. */
export const sourceSaysLabels: Readonly<Record<VerificationStatus, string>> = {
  supported: 'Supported',
  'not-found': 'Not found',
  unreachable: 'Dead source',
  'not-checked': 'Not checked',
};

/**
 * What a claim's checked sources say, in one status: `supported` when any of
 * them states the figure, else `not-found` when one was read and does not,
 * else `unreachable`, else `not-checked`; undefined when none was checked.
 */
export function claimSourceSays(results: readonly SourceVerification[]): VerificationStatus | undefined {
  return sourceSaysOrder.find((status) => results.some((r) => r.status === status));
}

/** `claimSourceSays` of every checked claim of a file, by claim id. */
export function sourceSaysByClaim(verifications: readonly SourceVerification[]): Map<string, VerificationStatus> {
  const byClaim = new Map<string, SourceVerification[]>();
  for (const v of verifications) byClaim.set(v.claimId, [...(byClaim.get(v.claimId) ?? []), v]);
  const says = new Map<string, VerificationStatus>();
  for (const [claimId, results] of byClaim) {
    const status = claimSourceSays(results);
    if (status) says.set(claimId, status);
  }
  return says;
}
