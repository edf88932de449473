import { spacedNumeralGrammar } from '../../../src/core/lang/spaced-numerals';
import type { Language } from '../../../src/core/lang/types';

/**
 * A small German pack, built from data alone: number words, scales, percent
 * and euro, the decimal comma, and the reporting words "laut" and "sagen".
 */
const cardinals = new Map([
  ['null', 0], ['ein', 1], ['eine', 1], ['eins', 1], ['zwei', 2], ['drei', 3], ['vier', 4], ['fünf', 5], ['sechs', 6],
  ['sieben', 7], ['acht', 8], ['neun', 9], ['zehn', 10], ['elf', 11], ['zwölf', 12],
]);
const scales = new Map([
  ['hundert', 100], ['tausend', 1000], ['million', 1e6], ['millionen', 1e6], ['milliarde', 1e9], ['milliarden', 1e9],
]);

const denominators = new Map([['drittel', 3], ['viertel', 4]]);

const irregularForms: ReadonlyMap<string, readonly string[]> = new Map([['sagen', ['sagte', 'sagten', 'gesagt', 'sagt']]]);

export const de: Language = {
  code: 'de',
  name: 'German',
  unspaced: false,
  numbers: {
    cardinals,
    scales,
    scaleSuffixes: new Map([['mio', 1e6], ['mrd', 1e9]]),
    denominators,
    fractions: new Map([['halb', 0.5], ['hälfte', 0.5]]),
    multipliers: new Map([['doppelt', 2]]),
    changes: new Map([['verdoppelt', 2], ['halbiert', 0.5]]),
    multiplierSuffixes: ['fach'],
    joiners: ['und'],
    negatives: ['minus'],
    decimalSeparators: [','],
    groupSeparators: ['.', ' '],
  },
  units: {
    percent: [['prozent']],
    percentBefore: [],
    percentagePoints: [['prozentpunkte']],
    currencySymbols: new Map([['€', 'EUR']]),
    currencyBefore: new Map([['eur', 'EUR']]),
    currencyAfter: new Map([['euro', 'EUR'], ['eur', 'EUR']]),
    currencyHundredths: new Map([['cent', 'EUR']]),
    measures: new Set(['kilometer', 'tonnen', 'meter']),
    ambiguousMeasures: new Set(),
    classifiers: new Set(),
  },
  qualifiers: { before: [['mehr', 'als'], ['rund'], ['etwa'], ['fast']], after: [] },
  time: { units: new Set(['jahre', 'jahren', 'monate', 'tage']), months: new Set(['januar', 'mai', 'dezember']), frames: new Set(['letzten']) },
  identifiers: { before: new Set(['seite', 'kapitel']), ordinalPrefixes: [], ordinalSuffixes: new Set() },
  sentences: { neverFinal: new Set(['z.b', 'usw', 'dr']), maybeFinal: new Set(), openers: new Set(['Die', 'Der', 'Das']), quoteTagVerbs: [] },
  listMarkers: { after: ['.', ')'], enclosing: [['(', ')']], symbols: [] },
  referenceHeadings: ['quellen', 'literatur'],
  attribution: {
    reportingVerbs: ['sagen'],
    irregularForms,
    inflect: (lemma) => [lemma, ...(irregularForms.get(lemma) ?? [])],
    sourceOpeners: [['laut'], ['nach', 'angaben']],
    sourceLabels: ['quelle', 'quellen'],
    creditLabels: ['grafik'],
    sourceNouns: new Set(['studie', 'bericht', 'umfrage']),
    genericSpeakers: new Set(['experten']),
    pronouns: new Set(['er', 'sie', 'es']),
    determiners: new Set(['der', 'die', 'das', 'dem', 'den', 'des']),
    roleNouns: new Set(['sprecher', 'sprecherin', 'minister', 'ministerin']),
    verbsNeedingAfter: new Map(),
    tagOnlyVerbs: [],
  },
  numerals: spacedNumeralGrammar({
    cardinals,
    scales,
    scaleSuffixes: new Map([['mio', 1e6], ['mrd', 1e9]]),
    caseSensitiveSuffixes: new Map(),
    denominators,
    timeDenominators: new Set(),
    ofWords: [],
    joiners: ['und'],
    negatives: ['minus'],
    pointWords: ['komma'],
    overWords: [],
    articles: ['ein', 'eine'],
    decimalSeparators: [','],
    groupSeparators: ['.', ' '],
  }),
};
