import { en } from './en';
import type { Language } from './types';
import { zh } from './zh';

export type { Language, NumeralGrammar, NumeralReading } from './types';

/** The language packs Claim Lens ships, by code. */
export const builtInLanguages: ReadonlyMap<string, Language> = new Map([[en.code, en], [zh.code, zh]]);

/** The packs of the given codes, in order; codes without a pack are left out. */
export function languagesOf(codes: readonly string[]): readonly Language[] {
  const out: Language[] = [];
  for (const code of codes) {
    const pack = builtInLanguages.get(code);
    if (pack) out.push(pack);
  }
  return out;
}
