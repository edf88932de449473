/**
 * Word lists for claim recognition, English and Chinese. Keys are lower
 * case; lookups are by whole token, so no list entry can match inside a word.
 */

/** Cardinal number words. */
export const numberWords: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Scale words after a number ("4 billion", "$30m", "1.2bn"). */
export const scaleWords: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
  ['lakh', 1e5], ['crore', 1e7],
]);

/** Scale suffixes written straight after digits, only with a currency ("$30m", "$4b", "$50k"). */
export const scaleSuffixes: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['m', 1e6], ['mn', 1e6], ['b', 1e9], ['bn', 1e9], ['t', 1e12], ['tn', 1e12], ['trn', 1e12],
]);

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

/** Chinese qualifiers before a quantity, longest first: "不超过" before "超过". */
export const zhQualifiersBefore: readonly string[] = [
  '不超过', '超过', '不少于', '不低于', '不足', '不到', '将近', '接近', '大约', '大概', '约合', '多达', '高达',
  '至少', '最多', '近', '约', '逾', '超', '仅',
];

/** Chinese qualifiers after a quantity. */
export const zhQualifiersAfter: readonly string[] = ['左右', '以上', '以下', '上下', '多', '余', '强'];

/** Chinese numerals. */
export const zhDigits: ReadonlyMap<string, number> = new Map([
  ['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7],
  ['八', 8], ['九', 9],
]);

/** Chinese numeral multipliers below 万. */
export const zhSmallScales: ReadonlyMap<string, number> = new Map([['十', 10], ['百', 100], ['千', 1000]]);

/** Chinese scale characters. */
export const zhScales: ReadonlyMap<string, number> = new Map([['万', 1e4], ['亿', 1e8], ['兆', 1e12]]);

/** Chinese currency words after a quantity, longest first. */
export const zhCurrencies: readonly (readonly [string, string])[] = [
  ['元人民币', 'CNY'], ['人民币', 'CNY'], ['亿美元', 'USD'], ['美元', 'USD'], ['港元', 'HKD'], ['港币', 'HKD'],
  ['欧元', 'EUR'], ['英镑', 'GBP'], ['日元', 'JPY'], ['韩元', 'KRW'], ['新台币', 'TWD'], ['元', 'CNY'], ['块', 'CNY'],
];

/** Chinese classifiers after a count ("台", "家", "条"). */
export const zhClassifiers: ReadonlySet<string> = new Set([
  '个', '家', '台', '条', '项', '名', '人', '位', '辆', '架', '座', '所', '件', '部', '款', '种', '颗', '片', '户',
  '次', '套', '支', '只', '张', '艘', '批', '起', '例', '份', '册', '本', '篇', '间', '栋', '亩', '吨', '公里',
  '千米', '米', '平方米', '平方公里', '千瓦时', '千瓦', '兆瓦时', '兆瓦', '瓦时', '度', '千克', '公斤', '桶', '辆次', '人次',
  '倍', '单', '笔', '枚', '克', '毫克', '微克', '毫升', '立方米', '厘米', '毫米', '公顷', '平方千米', '分贝',
  '斤', '尾', '头', '股', '处', '场', '株', '棵', '盏', '箱', '标准箱', '根', '匹', '首', '幅', '门', '架次', '车次', '班次',
]);

/** Chinese words before a bare number that make it a code: "股票代码600519", "邮编：518000". */
export const zhCodeWords: ReadonlySet<string> = new Set([
  '代码', '编码', '编号', '邮编', '号码', '电话', '热线', '传真', '账号', '帐号', '代号', '序号', '学号', '工号', '文号', '证号',
]);

/** Chinese measure units (a quantity with one is a measure). */
export const zhMeasures: ReadonlySet<string> = new Set([
  '吨', '公里', '千米', '米', '平方米', '平方公里', '千瓦时', '千瓦', '兆瓦时', '兆瓦', '瓦时', '度', '千克', '公斤', '桶', '亩',
  '克', '毫克', '微克', '毫升', '立方米', '厘米', '毫米', '公顷', '平方千米', '分贝', '斤',
]);

/** Units that begin with a scale character: "千瓦时" is kilowatt-hours, not a thousand. */
export const zhUnitsWithScale: readonly string[] = ['千瓦时', '千瓦', '千米', '千克', '百分点', '万吨', '万千瓦'];

/** Chinese characters after a number that make it a date, time or duration. */
export const zhTimeWords: readonly string[] = [
  '年代', '年', '月', '日', '号', '时', '点', '分钟', '分', '秒', '周年', '周', '天', '小时', '世纪', '季度', '个月', '岁',
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
