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
  ['mn', 1e6], ['mln', 1e6], ['mil', 1e6], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12], ['tln', 1e12],
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

/** Cardinal number words (an alias the recogniser reads by). */
export const numberWords = enCardinals;
/** Scale words after a number ("4 billion", "three dozen"). */
export const scaleWords = enScales;
/** Scale letters written against digits, with a currency ("$30m", "$4b", "$50k"). */
export const scaleSuffixes = enScaleSuffixes;

/** Fraction words that are claims on their own ("two-thirds", "a quarter of"). */
export const fractionWords: ReadonlyMap<string, number> = new Map([
  ['half', 0.5],
  ['third', 1 / 3], ['thirds', 1 / 3], ['quarter', 0.25], ['quarters', 0.25], ['fifth', 0.2], ['fifths', 0.2],
  ['sixth', 1 / 6], ['sixths', 1 / 6], ['tenth', 0.1], ['tenths', 0.1],
]);

/** Currency symbols before a number. */
export const currencySymbols: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['US$', 'USD'], ['U.S.$', 'USD'], ['HK$', 'HKD'], ['A$', 'AUD'], ['AU$', 'AUD'], ['C$', 'CAD'],
  ['CA$', 'CAD'], ['NZ$', 'NZD'], ['S$', 'SGD'], ['R$', 'BRL'], ['NT$', 'TWD'], ['MX$', 'MXN'],
  ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['￥', 'CNY'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'], ['₺', 'TRY'],
  ['CHF', 'CHF'], ['Fr', 'CHF'],
]);

/** Currency codes and words, before or after a number. */
export const currencyWords: ReadonlyMap<string, string> = new Map([
  ['usd', 'USD'], ['dollar', 'USD'], ['dollars', 'USD'], ['cent', 'USD'], ['cents', 'USD'],
  ['rmb', 'CNY'], ['cny', 'CNY'], ['yuan', 'CNY'], ['renminbi', 'CNY'],
  ['eur', 'EUR'], ['euro', 'EUR'], ['euros', 'EUR'],
  ['gbp', 'GBP'], ['pound', 'GBP'], ['pounds', 'GBP'], ['sterling', 'GBP'], ['pence', 'GBP'],
  ['jpy', 'JPY'], ['yen', 'JPY'], ['inr', 'INR'], ['rupee', 'INR'], ['rupees', 'INR'], ['rs', 'INR'],
  ['krw', 'KRW'], ['won', 'KRW'], ['hkd', 'HKD'], ['aud', 'AUD'], ['cad', 'CAD'], ['sgd', 'SGD'], ['chf', 'CHF'],
  ['francs', 'CHF'], ['rub', 'RUB'], ['rubles', 'RUB'], ['roubles', 'RUB'], ['brl', 'BRL'], ['reais', 'BRL'],
  ['twd', 'TWD'], ['mxn', 'MXN'], ['pesos', 'MXN'],
]);

/** Currency words that may stand before the number ("RMB 5 billion", "USD 40m"). */
export const currencyCodesBefore: ReadonlySet<string> = new Set([
  'usd', 'rmb', 'cny', 'eur', 'gbp', 'jpy', 'inr', 'rs', 'krw', 'hkd', 'aud', 'cad', 'sgd', 'chf', 'brl', 'twd', 'mxn',
]);

/** Units of measure after a number. */
export const measureUnits: ReadonlySet<string> = new Set([
  'kb', 'mb', 'gb', 'tb', 'pb', 'eb', 'kib', 'mib', 'gib', 'tib', 'kbps', 'mbps', 'gbps', 'ghz', 'mhz', 'kw', 'mw', 'gw', 'tw', 'kwh', 'mwh',
  'gwh', 'twh', 'km', 'kms', 'kilometers', 'kilometres', 'mi', 'miles', 'mile', 'kg', 'kilograms', 'tons',
  'tonnes', 'ton', 'tonne', 'mt', 'meters', 'metres', 'feet', 'ft', 'acres', 'hectares', 'ha', 'liters',
  'litres', 'gallons', 'barrels', 'bpd', 'mph', 'sq', 'square', 'teraflops', 'petaflops', 'exaflops',
  'nm', 'mm', 'cm', 'lbs', 'pounds', 'calories', 'kcal', 'watts', 'volts', 'degrees', 'kph', 'knots',
  'kilowatts', 'megawatts', 'gigawatts', 'terawatts', 'kilowatt-hours', 'megawatt-hours', 'gigawatt-hours',
  'terawatt-hours', 'gigabytes', 'terabytes', 'megabytes', 'petabytes', 'ounces', 'oz',
  'grams', 'kilos', 'inches', 'yards', 'centimetres', 'millimetres', 'decibels',
  'ml', 'millilitres', 'milliliters', 'mg', 'milligrams', 'cubic', 'gallon', 'litre', 'liter',
  'hz', 'khz', 'w', 'wh', 'mah', 'nits', 'fps', 'rpm', 'mp', 'megapixel', 'megapixels', 'inch', 'foot', 'metre',
  'meter', 'kilometre', 'kilometer', 'gram', 'kilogram', 'watt', 'kilowatt', 'megawatt', 'gigawatt', 'acre',
  'hectare', 'micrograms', 'microgram', 'mcg', 'ppm', 'ppb',
]);

/** Percent words after a number. */
export const percentWords: ReadonlySet<string> = new Set(['percent', 'pct', 'pc', 'percentage']);

/** Words of time after a number: durations, ages and dates are not claims. */
export const timeWords: ReadonlySet<string> = new Set([
  'year', 'years', 'yr', 'yrs', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'hr', 'hrs',
  'minute', 'minutes', 'min', 'mins', 'second', 'seconds', 'sec', 'secs', 'decade', 'decades', 'century',
  'centuries', 'quarter', 'quarters', 'am', 'pm', 'o\'clock', 'weekend', 'weekends', 'night',
  'nights', 'semester', 'semesters', 'millennia', 'millennium', 'year-old', 'years-old', 'ms', 'nanoseconds',
  'milliseconds', 'microseconds', 'season', 'seasons', 'terms', 'innings', 'generations', 'overtime',
]);

/** Month names and abbreviations: a number beside one is a date. */
export const monthWords: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Lower-case words before a number that make it an identifier, not a quantity ("page 12", "section 4"). */
export const identifierWords: ReadonlySet<string> = new Set([
  'page', 'pages', 'p', 'pp', 'chapter', 'chapters', 'section', 'sections', 'article', 'articles', 'item',
  'items', 'step', 'phase', 'level', 'grade', 'route', 'room', 'flight', 'line', 'lines', 'vol', 'volume',
  'issue', 'season', 'episode', 'part', 'stage', 'tier', 'class', 'category', 'type', 'model', 'series',
  'version', 'v', 'no', 'nos', 'number', 'figure', 'fig', 'table', 'tab', 'appendix', 'exhibit', 'rule',
  'paragraph', 'clause', 'act', 'bill', 'resolution', 'amendment', 'building', 'floor', 'gate', 'platform',
  'highway', 'interstate', 'channel', 'pier', 'suite', 'apartment', 'unit', 'box', 'code', 'id', 'ids',
  'aged', 'age', 'ages', 'windows', 'iphone', 'ios', 'android', 'python', 'java', 'macos', 'verse', 'psalm',
  'row', 'column', 'col', 'cell', 'note', 'notes', 'footnote', 'ref', 'reference', 'slide', 'track', 'lane',
  'batch', 'round', 'game', 'match', 'week', 'day', 'patch', 'release', 'build', 'revision', 'rev', 'edition',
  'passcode', 'pin', 'extension', 'zip', 'postcode',
  'dial', 'tel', 'ext', 'fax', 'hotline', 'junction', 'junctions', 'exit', 'terminal',
]);

/**
 * Capitalised words that may stand before a number without making it a
 * name: sentence openers, qualifiers, prepositions ("In 2019", "About 40%").
 */
export const capitalisedFunctionWords: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'by', 'for', 'from', 'of', 'to', 'with', 'within', 'without', 'about',
  'around', 'over', 'under', 'nearly', 'almost', 'some', 'roughly', 'approximately', 'only', 'just', 'and', 'or',
  'but', 'since', 'after', 'before', 'between', 'among', 'all', 'another', 'than', 'less', 'more', 'fewer', 'least',
  'most', 'up', 'down', 'per', 'via', 'into', 'onto', 'these', 'those', 'this', 'that', 'its', 'their', 'our', 'his',
  'her', 'my', 'your', 'we', 'they', 'it', 'he', 'she', 'i', 'there', 'here', 'when', 'while', 'if', 'as', 'so',
  'yet', 'also', 'still', 'even', 'then', 'now', 'today', 'yesterday', 'tomorrow', 'last', 'next', 'every', 'each',
  'both', 'total', 'overall', 'exactly', 'precisely', 'estimated', 'above', 'below', 'beyond', 'through',
  'throughout', 'during', 'against', 'toward', 'towards', 'like', 'unlike', 'despite', 'plus', 'minus', 'times',
  'meanwhile', 'however', 'statistically', 'additionally', 'moreover', 'furthermore', 'says', 'said', 'say',
  'reported', 'according', 'found', 'shows', 'showed', 'show', 'were', 'was', 'is', 'are', 'be', 'been', 'had',
  'has', 'have', 'do', 'did', 'does', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'what',
  'which', 'who', 'whom', 'whose', 'where', 'why', 'how', 'average', 'median', 'mean', 'rose', 'fell', 'grew',
  'jumped', 'climbed', 'dropped', 'declined', 'increased', 'decreased', 'reached', 'hit', 'topped', 'exceeded',
  'surpassed', 'gained', 'lost', 'earned', 'raised', 'spent', 'paid', 'cost', 'costs', 'worth', 'valued', 'employs',
  'employed', 'hired', 'cut', 'added', 'yes', 'no', 'not', 'never', 'once', 'twice', 'again', 'already', 'approx',
  'circa', 'ca', 'whereas', 'although', 'though', 'because', 'unless', 'until', 'whether', 'including', 'excluding',
  'except', 'besides', 'instead', 'rather', 'respectively', 'compared', 'versus', 'vs',
]);

/** Qualifiers before a quantity, longest first: each a list of lower-case words. */
export const qualifiersBefore: readonly (readonly string[])[] = [
  ['no', 'less', 'than'], ['no', 'more', 'than'], ['not', 'more', 'than'], ['not', 'less', 'than'],
  ['no', 'fewer', 'than'], ['as', 'many', 'as'], ['as', 'much', 'as'], ['as', 'few', 'as'],
  ['as', 'little', 'as'], ['as', 'high', 'as'], ['as', 'low', 'as'], ['plus', 'or', 'minus'],
  ['in', 'excess', 'of'], ['upwards', 'of'], ['north', 'of'], ['south', 'of'], ['just', 'over'],
  ['just', 'under'], ['well', 'over'], ['well', 'under'], ['more', 'than'], ['less', 'than'],
  ['fewer', 'than'], ['greater', 'than'], ['higher', 'than'], ['lower', 'than'], ['up', 'to'],
  ['at', 'least'], ['at', 'most'], ['close', 'to'], ['an', 'estimated'], ['nearly'], ['almost'], ['about'],
  ['around'], ['approximately'], ['approx.'], ['approx'], ['roughly'], ['some'], ['over'], ['under'],
  ['circa'], ['ca.'], ['between'], ['only'], ['just'], ['barely'], ['exactly'], ['estimated'], ['above'],
  ['below'], ['beyond'],
];

/** Nouns after a number in a listicle's title: "5 ways to…", "10 things…", "7 reasons why…". */
export const listItemNouns: ReadonlySet<string> = new Set([
  'ways', 'things', 'reasons', 'tips', 'lessons', 'takeaways', 'facts', 'tricks', 'myths', 'mistakes', 'hacks',
]);

/** English words after a lone number word that show it is not counting anything. */
export const notCountedAfter: ReadonlySet<string> = new Set([
  'being', 'are', 'were', 'is', 'was', 'and', 'or', 'but', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from',
  'that', 'which', 'who', 'would', 'will', 'could', 'can', 'should', 'may', 'might', 'must', 'have', 'had', 'has',
  'do', 'did', 'does', 'also', 'each', 'apiece', 'more', 'ways', 'way', 'things', 'thing', 'sides',
  'side', 'hands', 'minds', 'words', 'reasons', 'questions', 'options', 'examples',
  'lessons', 'tips', 'categories', 'kinds', 'types', 'main', 'key', 'big', 'major',
  'biggest', 'other', 'others', 'such', 'as', 'if', 'than', 'we', 'i', 'you', 'they', 'he', 'she', 'it',
]);
