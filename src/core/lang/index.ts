import { addToWordClass, registerWordClass } from '../claims/tokens';
import { en } from './en';
import type { Language } from './types';
import { zh } from './zh';

export type { Language, NumeralGrammar, NumeralReading } from './types';

/** The language packs Claim Lens ships, by code. */
export const builtInLanguages: ReadonlyMap<string, Language> = new Map([[en.code, en], [zh.code, zh]]);

/** Every pack the recogniser knows, the built-in ones first, then those added with `registerLanguage`. */
const registered = new Map<string, Language>(builtInLanguages);

/** Word classes made from the packs' data: each grows when a pack is registered. */
const packClasses: { readonly bit: number; readonly wordsOf: (pack: Language) => Iterable<string> }[] = [];
/** Callbacks that rebuild what is made from every pack (patterns, merged word sets). */
const listeners: (() => void)[] = [];

/**
 * Adds a language pack, so that `settings.languages` may name its code and
 * `analyze()` reads its numerals, units and attributions. A pack with the
 * code of one already registered replaces it (the built-in ones included).
 */
export function registerLanguage(pack: Language): void {
  registered.set(pack.code, pack);
  for (const c of packClasses) addToWordClass(c.bit, c.wordsOf(pack));
  for (const listener of listeners) listener();
}

/** The pack of a language code, if one is registered. */
export function languageOf(code: string): Language | undefined {
  return registered.get(code);
}

/** The codes of every registered pack, in the order they were added. */
export function languageCodes(): readonly string[] {
  return [...registered.keys()];
}

/** Every registered pack, in the order they were added. */
export function allLanguages(): readonly Language[] {
  return [...registered.values()];
}

/** The packs of the given codes, in order; codes without a pack are left out. */
export function languagesOf(codes: readonly string[]): readonly Language[] {
  const out: Language[] = [];
  for (const code of codes) {
    const pack = registered.get(code);
    if (pack) out.push(pack);
  }
  return out;
}

/**
 * A word class (see `registerWordClass`) of the words `wordsOf` takes from
 * each pack: those of the packs registered now and of any registered later.
 */
export function packWordClass(wordsOf: (pack: Language) => Iterable<string>): number {
  const bit = registerWordClass([...registered.values()].flatMap((p) => [...wordsOf(p)]));
  packClasses.push({ bit, wordsOf });
  return bit;
}

/**
 * Something made from every registered pack (a pattern, a merged set): built
 * now and again whenever a pack is registered. Returns a getter of the
 * current one.
 */
export function fromAllPacks<T>(build: (packs: readonly Language[]) => T): () => T {
  let current = build(allLanguages());
  listeners.push(() => {
    current = build(allLanguages());
  });
  return () => current;
}
