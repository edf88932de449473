import type { ClaimKind } from '../types';
import type { Token } from './tokens';

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

/**
 * A quantity being read: token indices are inclusive. A class, so that every
 * quantity has one shape: copies and reads stay on V8's fast paths.
 */
export class Quantity {
  constructor(
    public first: number,
    public last: number,
    public value: number,
    public kind: ClaimKind | null,
    public unit: string | null,
    public scaled: boolean,
    /** Written in words ("six", "a trillion"), not digits. */
    public words: boolean,
    /** The core number token, for year and name checks. */
    public core: Token,
    public valueMax: number | undefined = undefined,
  ) {}

  /** A copy, with the fields given changed. */
  with(last: number, value: number, kind: ClaimKind | null, unit: string | null = this.unit): Quantity {
    return new Quantity(this.first, last, value, kind, unit, this.scaled, this.words, this.core, this.valueMax);
  }
}

/** Whether a quantity is a year: four digits from 1000 to 2199, bare. */
export function isYear(q: Quantity): boolean {
  const t = q.core;
  return q.kind === null && !q.scaled && t.kind === 'num' && !t.grouped && !t.decimal && t.digits === 4 && t.value >= 1000 && t.value <= 2199;
}
