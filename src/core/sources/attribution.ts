import type { Settings } from '../settings';

/** A textual attribution found in prose: the named source and the phrase that names it. */
export interface Attribution {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly phrase: string;
}

/** Finds textual attributions ("according to WIPO", "PitchBook found", "据…统计") in one block. */
export function findAttributions(_text: string, _settings: Settings): Attribution[] {
  return [];
}
