import type { Language } from '../types';
import { enNumeralGrammar } from './numerals';
import { enQuantityGrammar } from './quantity';
import { enWriting } from './writing';
import {
  currencyCodesBefore, currencySymbols, currencyWords, enCardinals, enChanges, enMultipliers, enNumeralWords,
  enOrdinalDenominators, enScales, enScaleSuffixes, enAmbiguousSuffixes, fractionWords, identifierWords, measureUnits, monthWords, qualifiersBefore, timeWords,
} from './words';

/** Abbreviations (without their final period) that never end a sentence. */
const neverFinal = [
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'rev', 'hon',
  'pres', 'lt', 'col', 'capt', 'sgt', 'cmdr', 'adm', 'no', 'nos', 'vs', 'v', 'e.g', 'i.e', 'cf', 'approx', 'ca',
  'est', 'fig', 'figs', 'p', 'pp', 'vol', 'vols', 'ch', 'sec', 'art', 'eq', 'ed', 'eds', 'al', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri',
  'sat', 'sun', 'univ', 'assn', 'op', 'para', 'viz', 'ibid', 'tel', 'ext',
];
/** Abbreviations that end a sentence only when a capitalised word follows that is not a name. */
const maybeFinal = ['inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'etc', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'bros', 'dept'];
/** Words that commonly open a sentence: after "U.S." or "Inc." they mark a new one. */
const openers = [
  'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'In', 'On', 'At', 'But', 'And', 'A', 'An', 'He', 'She',
  'They', 'We', 'I', 'Their', 'Our', 'As', 'For', 'If', 'While', 'When', 'Meanwhile', 'However', 'Still',
  'Yet', 'So', 'Now', 'Last', 'Next', 'Some', 'Many', 'Most', 'Shares', 'Analysts', 'There', 'According',
];

/** Reporting verbs as lemmas: every written form comes from `inflectEnglish`. */
const reportingVerbs = [
  'say', 'tell', 'report', 'find', 'note', 'estimate', 'show', 'reveal', 'state', 'write', 'announce', 'indicate',
  'explain', 'observe', 'conclude', 'suggest', 'warn', 'reckon', 'calculate', 'claim', 'add', 'confirm', 'argue',
  'insist', 'admit', 'acknowledge', 'caution', 'stress', 'emphasise', 'emphasize', 'expect', 'release', 'publish',
  'forecast', 'project', 'predict', 'count', 'record', 'put', 'tweet',
];
/** Reporting verbs that attribute only as a tag set off from what was said ("…,” added Paul Draycott"): "the firm added 300 jobs" names no source. */
const tagOnlyVerbs = ['add', 'confirm', 'tweet', 'argue', 'insist', 'admit', 'acknowledge', 'caution', 'stress', 'emphasise', 'emphasize'];

/** Nouns of a role or a body a speaker holds: "the minister said", "a county spokeswoman told", "ministry officials estimate". */
const roleNouns = [
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'minister', 'ministers', 'secretary', 'official', 'officials',
  'officer', 'director', 'president', 'chairman', 'chairwoman', 'governor', 'mayor', 'commissioner', 'councillor', 'councilor',
  'sheriff', 'chancellor', 'treasurer', 'ambassador', 'prosecutor', 'regulator', 'organisers', 'organizers', 'executive',
];

const irregularForms: ReadonlyMap<string, readonly string[]> = new Map([
  ['say', ['said']], ['tell', ['told']], ['find', ['found']], ['show', ['shown']], ['write', ['wrote', 'written']],
  ['put', ['put']], ['forecast', ['forecast']],
]);

/** Verbs of two syllables stressed on the last, whose final consonant doubles: "admitted". */
const doubledFinal: ReadonlySet<string> = new Set(['admit', 'submit', 'commit', 'regret', 'refer']);

/**
 * The forms of an English verb: the lemma, its third person ("says",
 * "estimates", "reckons"), past and participle ("estimated", "admitted",
 * "tweeted") and gerund, by the regular spelling rules, plus its irregular
 * forms.
 */
export function inflectEnglish(lemma: string): readonly string[] {
  const irregular = irregularForms.get(lemma);
  const forms = new Set<string>([lemma, ...(irregular ?? [])]);
  const last = lemma[lemma.length - 1];
  // "put" → "putting", "admit" → "admitted": a final consonant after a single vowel, stressed, doubles.
  const doubles = /^[^aeiou]*[aeiou][^aeiouwxy]$/u.test(lemma) || doubledFinal.has(lemma);
  const stem = doubles ? lemma + last : lemma;
  forms.add(/(?:s|sh|ch|x|z)$/u.test(lemma) ? `${lemma}es` : /[^aeiou]y$/u.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`);
  if (!irregular || lemma === 'show') forms.add(last === 'e' ? `${lemma}d` : /[^aeiou]y$/u.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${stem}ed`);
  forms.add(last === 'e' && !lemma.endsWith('ee') ? `${lemma.slice(0, -1)}ing` : `${stem}ing`);
  return [...forms];
}

/** Labels of a line of sources: "Source: ONS", "Sources: ONS; Eurostat". */
const sourceLabels = ['source', 'sources'];

/** English. */
export const en: Language = {
  code: 'en',
  name: 'English',
  unspaced: false,
  numbers: {
    cardinals: enCardinals,
    scales: enScales,
    scaleSuffixes: enScaleSuffixes,
    denominators: enOrdinalDenominators,
    fractions: fractionWords,
    multipliers: enMultipliers,
    changes: enChanges,
    multiplierSuffixes: [enNumeralWords.fold],
    joiners: [enNumeralWords.and],
    negatives: enNumeralWords.negatives,
    decimalSeparators: ['.'],
    groupSeparators: [',', ' '],
  },
  units: {
    percent: [['percent'], ['per', 'cent'], ['pct'], ['pc']],
    percentBefore: [],
    percentagePoints: [['percentage', 'points'], ['percentage', 'point'], ['points']],
    currencySymbols,
    currencyBefore: new Map([...currencyCodesBefore].map((c) => [c, currencyWords.get(c) ?? c.toUpperCase()])),
    currencyAfter: currencyWords,
    currencyHundredths: new Map([['cent', 'USD'], ['cents', 'USD'], ['pence', 'GBP'], ['p', 'GBP']]),
    measures: measureUnits,
    ambiguousMeasures: enAmbiguousSuffixes,
    classifiers: new Set(),
  },
  qualifiers: { before: qualifiersBefore, after: [['or', 'more'], ['or', 'so']] },
  time: { units: timeWords, months: monthWords, frames: new Set(['past', 'last', 'next', 'previous', 'coming', 'recent', 'first', 'final', 'remaining']) },
  identifiers: { before: identifierWords, ordinalPrefixes: ['#', '№'], ordinalSuffixes: new Set(['st', 'nd', 'rd', 'th']) },
  sentences: { neverFinal: new Set(neverFinal), maybeFinal: new Set(maybeFinal), openers: new Set(openers), quoteTagVerbs: [] },
  listMarkers: { after: ['.', ')'], enclosing: [['(', ')']], symbols: [] },
  referenceHeadings: [
    'references', 'reference', 'sources', 'source', 'bibliography', 'notes', 'footnotes', 'endnotes', 'end notes', 'citations',
    'works cited', 'literature cited', 'further reading', 'external links', 'notes and references',
    'references and notes', 'sources and notes', 'notes and sources', 'sources and references', 'references and sources',
  ],
  attribution: {
    reportingVerbs,
    irregularForms,
    inflect: inflectEnglish,
    // "Source ONS" opens an attribution as "Source: ONS" labels a line.
    sourceOpeners: [['according', 'to'], ['per'], ['citing'], [sourceLabels[0]]],
    sourceLabels,
    creditLabels: [
      'chart', 'charts', 'graphic', 'graphics', 'graph', 'graphs', 'map', 'maps', 'figure', 'figures', 'photo', 'photos', 'image', 'images',
      'illustration', 'illustrations', 'design', 'designs', 'credit', 'credits',
    ],
    sourceNouns: new Set(['report', 'survey', 'study', 'analysis', 'research', 'poll', 'data', 'figures', 'statistics', 'estimates', 'census', 'forecast', 'filing', 'release', 'statement', 'index', 'review', 'paper', 'tally', 'count', 'ranking']),
    genericSpeakers: new Set(['experts', 'analysts', 'researchers', 'respondents', 'participants', 'people', 'observers', 'critics', 'economists', 'scientists', 'officials', 'studies', 'sources', 'insiders']),
    pronouns: new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'someone', 'somebody', 'everyone']),
    determiners: new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our']),
    roleNouns: new Set(roleNouns),
    verbsNeedingAfter: new Map([['put', 'at']]),
    tagOnlyVerbs,
  },
  numerals: enNumeralGrammar,
  quantities: enQuantityGrammar,
  writing: enWriting,
};
