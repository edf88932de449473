/**
 * English words the recogniser's rules and name readers read, as data: each
 * list is named for what it holds and used by the rules that import it.
 */

/** Pronouns after "N of" that stand for a group named before: "six of them". */
export const groupPronouns = new Set(['them', 'us', 'these', 'those', 'which', 'whom']);

/** Determiners after "N of" before a whole: "four of the top five", "six of their last eight". */
export const ofDeterminers = new Set(['the', 'their', 'its', 'our', 'his', 'her', 'my', 'your']);

export const rankingWords = new Set(['top', 'largest', 'biggest', 'leading', "world's", 'last', 'first', 'past']);

export const rankWords = new Set(['ranked', 'ranks', 'rank', 'ranking', 'placed', 'place', 'came', 'finished', 'ranged']);

export const superlatives = new Set([
  'largest', 'biggest', 'highest', 'lowest', 'most', 'best', 'worst', 'fastest', 'slowest', 'richest', 'poorest',
  'busiest', 'oldest', 'youngest', 'smallest', 'leading', 'place', 'position',
]);

export const ordinalSuffixes = new Set(['st', 'nd', 'rd', 'th']);

/** Verbs before a chart position ("peaked at number 3", "reached No. 12"). */
export const chartVerbs = new Set([
  'peaked', 'peaking', 'peaks', 'debuted', 'debuting', 'debuts', 'entered', 'reached', 'climbed', 'rose', 'jumped',
  'fell', 'dropped', 'slipped', 'charted', 'finished', 'landed',
]);

/** Verbs whose object is a length of time: "lasted 19 hours", "lasted for five years", "the wait reached 4.6 hours". */
export const durationVerbs = new Set(['lasted', 'lasting', 'lasts', 'reached', 'reaches', 'reaching']);

/** Verbs of change before "to" and a time they end at: "waits rose to 18 weeks", "cut to 20 minutes". */
export const changeToVerbs = new Set(['rose', 'risen', 'fell', 'fallen', 'climbed', 'dropped', 'jumped', 'increased', 'decreased', 'grew', 'soared', 'slipped', 'cut', 'reduced']);

/** Words between a measured time's noun and its value: "life expectancy is 79.4 years", "rose to". */
export const measureLinks = new Set(['is', 'was', 'are', 'were', 'to', 'reached', 'hit']);

/** Verbs of sentencing before "to" or "for" and a term: "sentenced to 12 years", "jailed for six months". */
export const sentencingVerbs = new Set(['sentenced', 'jailed', 'imprisoned']);

/** Nouns whose "of" makes the time after it a measurement: "an average of 72 minutes", "a latency of 480 ms". */
export const measuredTimeNouns = new Set(['average', 'median', 'mean', 'latency', 'delay', 'delays', 'wait', 'waits', 'expectancy', 'lag', 'downtime', 'uptime', 'stay']);

/** Units under a second, which measure (latency, speed) rather than frame a claim. */
export const subSecond = new Set(['ms', 'milliseconds', 'microseconds', 'nanoseconds', 'µs', 'ns']);

export const referringWords = new Set(['the', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'all', 'other', 'both', 'each', 'every', 'another']);

/** Verbs before "to" or "by" and a number word that is a level or a change: "tripled to twenty-three". */
export const levelVerbs = new Set([
  'rose', 'risen', 'fell', 'fallen', 'grew', 'grown', 'dropped', 'climbed', 'increased', 'decreased', 'declined',
  'jumped', 'doubled', 'tripled', 'trebled', 'quadrupled', 'halved', 'shrank', 'cut', 'reduced', 'raised',
]);

/** Verbs of reporting after a name: "Four Seasons said". */
export const reportingAfterName = new Set(['said', 'says', 'reported', 'reports', 'announced', 'announces', 'told', 'expects', 'estimated', 'estimates', 'found']);

/** Verbs before a bare number that make it an age: "turned 40". */
export const ageVerbs = new Set(['turned', 'turns', 'turning']);

/** People whose age a bare number after them gives: "children under five", "adults 65 and older". */
export const personWords = new Set([
  'children', 'child', 'kids', 'people', 'persons', 'adults', 'adult', 'seniors', 'those', 'anyone', 'everyone',
  'men', 'women', 'boys', 'girls', 'teens', 'teenagers', 'youths', 'residents', 'patients', 'americans', 'citizens',
  'voters', 'drivers', 'workers', 'employees', 'users', 'players', 'students', 'applicants', 'individuals',
]);

export const ageBounds = new Set(['over', 'under', 'above', 'below', 'between']);

/** Words before an age bound that make the number after it an age: "aged over 80". */
export const ageWords = new Set(['aged', 'age', 'ages']);

export const ageEnds = new Set(['older', 'over', 'above', 'up', 'younger', 'under', 'below']);

/** Verbs of a match's result before its score: "won 3-1", "lost 2–0 to", "drew 1-1". */
export const resultVerbs = new Set(['won', 'win', 'wins', 'winning', 'lost', 'lose', 'loses', 'losing', 'beat', 'beats', 'drew', 'draw', 'trailed', 'trailing', 'led', 'leading', 'defeated', 'thrashed', 'edged']);

export const periodWords = new Set(['first', 'last', 'past', 'next', 'final', 'initial', 'second', 'third']);

/** Words before "half of" that make it a part of something, not a share: "the first half of", "the other half of". */
export const halfOfPart = new Set(['first', 'second', 'latter', 'other', 'the', 'a']);

/** Words before a number that make it a stretch of time: "the past five seasons", "the first 100 days". */
export const timeFrameWords = new Set(['past', 'last', 'next', 'previous', 'coming', 'recent', 'first', 'final', 'remaining']);

/** Letters after the degrees of a coordinate: "51.5°N". */
export const compassLetters = new Set(['N', 'S', 'E', 'W']);

export const streetWords = new Set(['street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'drive', 'way', 'place', 'square', 'plaza', 'court', 'parkway', 'highway']);

/** Speech verbs that are nouns before "of": "Wall Street estimates of $13.9 billion". */
export const nounsToo = new Set(['estimates', 'reports', 'notes', 'shows', 'finds', 'states']);

/** The days of the week. */
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Time words that may stand between a source and its verb. */
export const timeWordsBeforeVerb = new Set([
  ...weekdays, 'yesterday', 'today', 'tonight', 'week', 'month', 'year', 'quarter', 'morning', 'afternoon', 'evening',
]);

/** Words before such a time word that go with it: "on Wednesday", "last week", "early today". */
export const timeWordLeads = new Set(['on', 'last', 'this', 'early', 'late']);

/** Words that may stand between a participle and "by": "released Wednesday by", "carried out by", "published jointly by". */
export const fillersBeforeBy = new Set([
  'out', 'on', 'last', 'this', 'early', 'late', 'earlier', 'today', 'yesterday', 'week', 'month', 'year', ...weekdays,
  'jointly', 'separately', 'recently',
]);

/**
 * Words that open a clause set off by commas after a source, stepped over to
 * the source's verb: "TSMC, which makes 90% of chips, said", "the company, in a statement, said".
 */
export const appositiveOpeners = new Set(['who', 'which', 'whose', 'the', 'a', 'an', 'its', 'their', 'in']);

/** Words between a kind of evidence and its maker: "a report by IDC", "data from the ONS". */
export const evidenceLinks = new Set(['by', 'from']);

/** Words between a source and the maker named after it: "IBES data from Refinitiv", "a report by IDC", "researchers at Oxford". */
export const makerLinks = new Set(['from', 'by', 'at']);

/** Words between an unnamed speaker and the body they speak for: "a spokesperson from the regional health authority". */
export const speakerBodyLinks = new Set(['from', 'for', 'at']);

/** Participles between evidence and "in" and the publication it appeared in: "a study published in Nature Medicine". */
export const publishedIn = new Set(['published', 'appearing']);

/** Lower-case words inside names: "Centers for Disease Control and Prevention", "Bank of China", "Banque de France". */
export const nameJoinerWords = new Set(['of', 'for', 'and', 'on', 'de', 'du', 'la', 'the']);

/** Articles before a name that are no part of it: "the World Bank", "an OECD study". */
export const nameArticles = new Set(['the', 'a', 'an']);

/** Fillers that open a sentence before a name and are no part of it: "Latest ONS figures show" ("New York" keeps its "New"). */
export const openingFillers = ['latest', 'recent', 'preliminary', 'fresh', 'updated', 'just-released'];

/**
 * Evidence after its owner's name, cut from the name: "ONS figures" → "ONS",
 * "the Fed's latest survey" → "the Fed"; with a filler before it ("latest", "annual").
 */
export const evidenceAfterName = {
  fillers: ['latest', 'new', 'recent', 'annual'],
  nouns: ['research', 'data', 'report', 'survey', 'study', 'analysis', 'figures', 'estimates', 'statistics', 'index', 'numbers', 'poll'],
};

/**
 * Words that open the clause "claims" reports ("Labour claims the cuts…", "claims that"); "jobless claims fell" is
 * a noun, and "claims 40% of the market" takes a share.
 */
export const claimsObjects = new Set(['that', 'the', 'a', 'an', 'it', 'its', 'there', 'this', 'these', 'those', 'they', 'he', 'she', 'we']);

/** Nouns that name a kind of evidence: "a report by", "data from". */
export const evidenceNouns = new Set([
  'report', 'reports', 'survey', 'surveys', 'study', 'studies', 'analysis', 'analyses', 'research', 'poll',
  'data', 'figures', 'statistics', 'stats', 'estimates', 'numbers', 'index', 'review', 'paper', 'filing',
  'filings', 'release', 'statement', 'census', 'tally', 'count', 'forecast', 'forecasts', 'ranking', 'rankings',
]);

/** Participles followed by "by" + source: "released by", "compiled by". */
export const byParticiples = new Set([
  'released', 'published', 'compiled', 'reported', 'estimated', 'conducted', 'calculated', 'polled', 'surveyed', 'gathered',
  'collected', 'commissioned', 'tracked', 'carried',
]);

export const determiners = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our']);

export const leadingFiller = new Set([
  'the', 'a', 'an', 'new', 'newly', 'latest', 'recent', 'its', 'their', 'annual', 'preliminary', 'official', 'fresh',
  'most', 'just-released', 'updated', 'final', 'quarterly', 'monthly', 'weekly', 'released',
]);

export const pronouns = new Set([
  'he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that', 'one', 'someone', 'somebody', 'everyone',
  'this', 'there', 'them', 'him', 'her', 'us', 'me',
]);

/** Heads of generic sources, with or without "the" (spec 7): "experts say", "N% of the respondents said". */
export const crowdHeads = new Set([
  'experts', 'expert', 'analysts', 'analyst', 'researchers', 'respondents', 'participants', 'people', 'users',
  'sources', 'observers', 'critics', 'economists', 'scientists', 'others', 'many', 'some', 'most', 'insiders',
  'investors', 'commentators', 'organizations', 'companies', 'firms', 'businesses', 'leaders', 'developers',
  'professionals', 'workers', 'employees', 'customers', 'consumers', 'americans', 'voters', 'members', 'teams',
  'groups', 'campaigners', 'activists', 'advocates', 'unions', 'residents',
  'doctors', 'nurses', 'physicians', 'surgeons', 'clinicians', 'teachers', 'academics', 'astronomers', 'physicists',
  'biologists', 'historians', 'psychologists', 'epidemiologists', 'forecasters', 'meteorologists', 'pollsters',
  'parents', 'students', 'patients', 'farmers', 'shoppers', 'drivers', 'fans', 'locals', 'scholars',
  'percent', 'all', 'both', 'each', 'few', 'majority', 'minority', 'half', 'third', 'quarter',
]);

/** Heads of indefinite sources without a determiner ("studies show", "officials said"); with one they are definite ("the study"). */
export const genericHeads = new Set([
  'studies', 'officials', 'executives', 'reports', 'estimates', 'surveys', 'polls', 'data', 'figures', 'numbers',
  'statistics',
]);

/**
 * Verbs that put a figure on something, lower-case only in a name's place:
 * "a poll by YouGov put support at 46%" (not nouns, so "statista.com data" stays whole).
 */
export const figureVerbs = new Set([
  'put', 'puts', 'placed', 'pegged', 'pegs', 'gave', 'gives', 'recorded', 'counted', 'measured', 'ranked', 'calculated',
  'projected', 'predicted', 'predicts', 'expects', 'expected', 'tallied', 'logged', 'saw', 'sees', 'valued',
]);

/** Figure verbs that attribute after a kind of evidence: "analysis puts", "the survey gave" (not "the company put"). */
export const evidenceFigureVerbs = new Set(['put', 'puts', 'pegged', 'pegs', 'gave', 'gives', 'valued', 'values', 'projected', 'projects']);

/** Words that end a noun phrase. */
export const phraseStops = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'what', 'how', 'why', 'whether', 'as', 'than', 'while', 'but', 'because', 'if', 'when', 'where', 'in', 'on',
  'at', 'for', 'with', 'by', 'from', 'to', 'into', 'over', 'under', 'after', 'before', 'since', 'during', 'about',
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might',
  'should', 'must', 'do', 'does', 'did', 'not', 'also', 'such', 'so', 'or', 'nor', 'yet', 'then', 'there', 'here',
  'said', 'says', 'told', 'reported', 'found', 'noted', 'estimated', 'showed', 'shows', 'according', 'per',
  'however', 'although', 'though', 'its', 'their', 'released', 'published', 'including', 'up', 'down',
  'rose', 'fell', 'grew', 'increased', 'decreased', 'declined', 'jumped', 'climbed', 'dropped', 'reached',
]);

export const adverbsBeforeVerb = new Set([
  'also', 'earlier', 'recently', 'previously', 'separately', 'later', 'further', 'originally', 'initially',
  'subsequently', 'itself', 'alone', 'last', 'has', 'have', 'had', 'just', 'once', 'again', 'first', 'both',
]);

/** Titles written abbreviated before a name. */
export const titleAbbreviations = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'rev', 'hon', 'st']);

/** Abbreviated company suffixes, whose dot stays in the name: "Apple Inc. said", "Acme Corp. (ACME) reported". */
export const companySuffixes = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'bros', 'cos']);

/** Top-level domains that make a lower-case name a website: "nodejs.org". */
export const topLevelDomains = new Set(['com', 'org', 'net', 'gov', 'edu', 'int', 'io', 'co', 'uk', 'cn', 'eu', 'de', 'fr', 'jp', 'in', 'au', 'ca']);

/**
 * Weak link sources: a link whose text is only a name ("Yahoo", "Tim
 * Cook", "the Federal Reserve") and whose target is a page about that name
 * (a topic, tag, people or company page, a Wikipedia article, a social
 * profile, a site's home page). Such a link names the source of a claim but
 * leads to no evidence for it: "Yahoo's $4.8 billion sale to Verizon",
 * where "Yahoo" links to `/topic/yahoo`.
 */

/** Words that may join the capitalised words of a name: "Bank of England", "Procter & Gamble", "the Fed". */
export const joiners = new Set(['of', 'the', 'and', '&', 'for', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'di', 'da', 'y', 'on', 'in', 'at']);

/** Path segments of a social network's pages of one post, not a profile: `/status/123`, `/p/abc`, `/watch`. */
export const postSegments = new Set(['status', 'statuses', 'post', 'posts', 'p', 'reel', 'watch', 'pull', 'issues', 'blob', 'releases']);

/** Path segments of pages about a name rather than evidence: `/topic/yahoo`, `/people/tim-cook`. */
export const topicSegments = new Set([
  'topic', 'topics', 'tag', 'tags', 'people', 'person', 'persons', 'profile', 'profiles', 'company', 'companies',
  'organization', 'organizations', 'organisation', 'organisations', 'org', 'orgs', 'author', 'authors', 'category',
  'categories', 'subject', 'subjects', 'entity', 'entities', 'quote', 'quotes', 'symbol', 'stocks', 'ticker', 'brand',
  'brands', 'team', 'teams', 'bio', 'biography', 'keyword', 'keywords',
]);

export const comparatives = new Set([
  'more', 'less', 'fewer', 'as', 'the', 'that', 'larger', 'bigger', 'higher', 'greater', 'faster', 'smaller',
  'lower', 'cheaper', 'longer', 'better', 'worse', 'over', 'what', 'than',
]);

/** Words before "a fifth", "a third" that make it a change by that share. */
export const changeBefore = new Set(['by', 'up', 'down']);

/** Words that may follow the size of a change after "of": "a rise of a fifth was", "since", "compared". */
export const changeSizeEnds = new Set(['was', 'were', 'is', 'are', 'since', 'compared', 'over', 'this', 'last', 'year', 'while', 'but', 'after']);

/** Nouns of a change whose size follows "of": "a rise of a fifth". */
export const changeNouns = new Set([
  'rise', 'increase', 'fall', 'drop', 'cut', 'decline', 'reduction', 'jump', 'growth', 'gain', 'loss', 'decrease', 'slump', 'surge',
]);

/** Words after "a third", "a quarter" that make it a share of something: "a third below target". */
export const shareComparatives = new Set(['below', 'above', 'higher', 'lower', 'more', 'less', 'fewer', 'bigger', 'smaller', 'larger', 'cheaper', 'shorter', 'longer']);

/** Words that end the noun between a number and "per" ("54.3 offences per 1,000"). */
export const rateBreaks = new Set(['and', 'or', 'in', 'of', 'to', 'a', 'an', 'the', 'for', 'from', 'by', 'with', 'at', 'on', 'than', 'per']);

/** Words before a number and a letter that make them a place's label: "seat 41C", "flat 4F". */
export const placeLabels = new Set(['seat', 'seats', 'flat', 'flats', 'bus', 'block', 'berth', 'cabin', 'bay']);

/** Words before "24p" that make it a video format, not pence: "shot in 24p". */
export const formatBefore = new Set(['in', 'at']);

/** Nouns of people and homes that make an "m" after a number millions: "1m people", not "100m hurdles". */
export const peopleCounted = new Set([
  'people', 'households', 'homes', 'users', 'viewers', 'visitors', 'customers', 'voters', 'residents', 'workers',
  'children', 'adults', 'patients', 'passengers', 'subscribers', 'jobs', 'migrants', 'refugees', 'tourists', 'members',
]);

/** Words that start a stretch of time after "over": "halved over the season", "doubled over five years". */
export const periodStarts = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'recent', 'past', 'last']);

/** Verbs before "from X to Y" that make it one range, not a change from one level to another. */
export const spanWords = new Set(['ranged', 'ranging', 'ranges', 'range', 'varied', 'varying', 'varies', 'vary', 'anywhere']);

/** Words that start the English attribution phrases besides the reporting verbs, evidence nouns and source labels: "according to", "per", "in the journal". */
export const phraseStarts = ['according', 'per', 'citing', 'journal'];

/**
 * The words of a page's counts of its own readers and reactions and of a
 * gallery's counter: "48 comments", "Share 312", "1.2k views", "Image 3 of 12".
 */
export const pageCountWords = (() => {
  /** Reactions that may also stand before their count, as a label: "Comments: 48". */
  const labels = ['comment', 'comments', 'view', 'views', 'share', 'shares', 'like', 'likes', 'reply', 'replies', 'reaction', 'reactions'];
  return {
    labels,
    /** Reactions after a count: "48 comments", "2k retweets". */
    reactions: [...labels, 'retweet', 'retweets', 'repost', 'reposts', 'read', 'reads', 'play', 'plays'],
    /** Scale letters written after a count: "1.2k", "3m". */
    scaleLetters: ['k', 'm'],
    /** Items of a gallery before its counter: "Image 3 of 12". */
    galleryItems: ['image', 'photo', 'picture', 'slide'],
    /** The word between a counter's numbers: "3 of 12". */
    of: 'of',
  };
})();
