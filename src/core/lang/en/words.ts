/** English numeral words, as data: the grammar in `numerals.ts` reads them. */

const units = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Ordinals of the cardinals, by cardinal: "one" → "first"; the rest add "th" ("seven" → "seventh"). */
const irregularOrdinals: ReadonlyMap<string, string> = new Map([
  ['one', 'first'], ['two', 'second'], ['three', 'third'], ['five', 'fifth'], ['eight', 'eighth'], ['nine', 'ninth'],
  ['twelve', 'twelfth'],
]);

/** Cardinal words: "zero" to "nineteen", the tens, and zero's other names. */
export const enCardinals: ReadonlyMap<string, number> = new Map([
  ...units.map((w, k) => [w, k] as const),
  ...tens.map((w, k) => [w, 20 + 10 * k] as const),
  ['nought', 0], ['naught', 0],
]);

/** Scale words after a number: "4 billion", "three dozen", "5 lakh". */
export const enScales: ReadonlyMap<string, number> = new Map([
  ['dozen', 12], ['dozens', 12], ['dz', 12], ['dzs', 12], ['doz', 12], ['dozs', 12],
  ['hundred', 1e2], ['thousand', 1e3], ['lakh', 1e5], ['lakhs', 1e5], ['million', 1e6], ['crore', 1e7], ['crores', 1e7],
  ['billion', 1e9], ['trillion', 1e12],
  ['mn', 1e6], ['mln', 1e6], ['mil', 1e6], ['mm', 1e6], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12], ['tln', 1e12],
]);

/** Scale letters written against digits: "2.33k", "10M", "1.2b". */
export const enScaleSuffixes: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['m', 1e6], ['mm', 1e6], ['mn', 1e6], ['mil', 1e6], ['b', 1e9], ['bn', 1e9], ['t', 1e12], ['tn', 1e12], ['trn', 1e12],
]);

/** Scale letters that are also units: "m" is million ("10M", "$30m") or metres ("a 1.8m wall"). */
export const enAmbiguousSuffixes: ReadonlySet<string> = new Set(['m', 'k', 'b', 't']);

/** The denominator of each ordinal a fraction is written with: "third" → 3, "twenty-fifth" → 25, "hundredth" → 100. */
export const enOrdinalDenominators: ReadonlyMap<string, number> = (() => {
  const out = new Map<string, number>();
  const ordinal = (w: string): string => irregularOrdinals.get(w) ?? (w.endsWith('y') ? `${w.slice(0, -1)}ieth` : `${w}th`);
  for (const [w, n] of enCardinals) if (n >= 3 && w !== 'nought' && w !== 'naught') out.set(ordinal(w), n);
  for (const t of tens) for (let u = 1; u < 10; u++) out.set(`${t}-${ordinal(units[u])}`, (enCardinals.get(t) ?? 0) + u);
  for (const [w, n] of [['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12]] as const) out.set(`${w}th`, n);
  out.set('quarter', 4);
  out.set('half', 2);
  return out;
})();

/** Words for the decimal point, the sign and the fraction bar, and the word that joins parts of a numeral. */
export const enNumeralWords = {
  point: 'point',
  negatives: ['minus', 'negative'] as readonly string[],
  over: 'over',
  and: 'and',
  a: ['a', 'an'] as readonly string[],
  half: 'half',
  fold: 'fold',
};

/** Multipliers before "as", "the", "that" or "what": "twice as many", "double the average". */
export const enMultipliers: ReadonlyMap<string, number> = new Map([['twice', 2], ['double', 2], ['triple', 3], ['quadruple', 4]]);

/** Verbs of change by a factor: "doubled", "halved". */
export const enChanges: ReadonlyMap<string, number> = new Map([
  ['doubled', 2], ['tripled', 3], ['trebled', 3], ['quadrupled', 4], ['halved', 0.5],
]);
