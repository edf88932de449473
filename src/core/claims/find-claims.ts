import type { ClaimKind } from '../types';

/** A quantity found in prose, by prose offsets. */
export interface ClaimMatch {
  readonly start: number;
  readonly end: number;
  readonly kind: ClaimKind;
  readonly value: number | null;
  readonly valueMax?: number;
  readonly unit: string | null;
  readonly qualifier?: string;
}

/** Finds numeric claims in one block of prose. */
export function findClaims(_text: string, _languages: readonly string[]): ClaimMatch[] {
  return [];
}
