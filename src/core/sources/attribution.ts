import { monthWords, numberWords } from '../lang/en/words';
import { registerWordClass, tokenize, type Token } from '../claims/tokens';
import type { Settings } from '../settings';

/** A textual attribution found in prose: the named source and the phrase that names it. */
export interface Attribution {
  /** Prose offsets of the phrase and the name together. */
  readonly start: number;
  readonly end: number;
  /** The named source ("PitchBook", "the research firm", "中国半导体行业协会"). */
  readonly name: string;
  /** The attributing phrase ("according to", "said", "据…统计"). */
  readonly phrase: string;
}

/** Marks an appositive clause ("TSMC, which makes 90% of chips, said") does not run across. */
const clauseBreaks = new Set(['.', '!', '?', ';', ':', '"', '“', '”', '(', ')', '—', '–']);
/** Speech verbs that are nouns before "of": "Wall Street estimates of $13.9 billion". */
const nounsToo = new Set(['estimates', 'reports', 'notes', 'shows', 'finds', 'states']);
/** Time words that may stand between a source and its verb. */
const timeWordsBeforeVerb = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight',
  'week', 'month', 'year', 'quarter', 'morning', 'afternoon', 'evening',
]);
/** Verbs whose subject is the source: "PitchBook found", "the company said". */
const speechVerbs = new Set([
  'said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'found', 'finds', 'noted', 'notes', 'estimated',
  'estimates', 'showed', 'shows', 'show', 'shown', 'revealed', 'reveals', 'stated', 'states', 'wrote', 'writes',
  'announced', 'announces', 'indicate', 'indicated', 'indicates', 'explained', 'observed', 'concluded', 'concludes',
  'suggest', 'suggests', 'suggested', 'warn', 'warns', 'warned', 'reckons', 'reckoned', 'calculates', 'calculated',
  'claimed', 'claims',
]);
/**
 * Words that open the clause "claims" reports ("Labour claims the cuts…", "claims that"); "jobless claims fell" is
 * a noun, and "claims 40% of the market" takes a share.
 */
const claimsObjects = new Set(['that', 'the', 'a', 'an', 'it', 'its', 'there', 'this', 'these', 'those', 'they', 'he', 'she', 'we']);
/**
 * Verbs that attribute only as a reporting tag, set off from what was said:
 * "…,” added Paul Draycott", "…, Draycott added." ("the firm added 300 jobs" names no source).
 */
const tagVerbs = new Set([
  'added', 'adds', 'confirmed', 'confirms', 'tweeted', 'argued', 'argues', 'insisted', 'insists', 'admitted',
  'acknowledged', 'cautioned', 'stressed', 'emphasised', 'emphasized',
]);
/** Nouns that name a kind of evidence: "a report by", "data from". */
const evidenceNouns = new Set([
  'report', 'reports', 'survey', 'surveys', 'study', 'studies', 'analysis', 'analyses', 'research', 'poll',
  'data', 'figures', 'statistics', 'stats', 'estimates', 'numbers', 'index', 'review', 'paper', 'filing',
  'filings', 'release', 'statement', 'census', 'tally', 'count', 'forecast', 'forecasts', 'ranking', 'rankings',
]);
/** Participles followed by "by" + source: "released by", "compiled by". */
const byParticiples = new Set([
  'released', 'published', 'compiled', 'reported', 'estimated', 'conducted', 'calculated', 'polled', 'surveyed', 'gathered',
  'collected', 'commissioned', 'tracked', 'carried',
]);
/** Words that may stand between a participle and "by": "released Wednesday by", "carried out by". */
const timeFillers = /^(?:out|on|last|this|early|late|earlier|today|yesterday|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jointly|separately|recently)$/u;
const determiners = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our']);
const leadingFiller = new Set([
  'the', 'a', 'an', 'new', 'newly', 'latest', 'recent', 'its', 'their', 'annual', 'preliminary', 'official', 'fresh',
  'most', 'just-released', 'updated', 'final', 'quarterly', 'monthly', 'weekly', 'released',
]);
/** Fillers that are nouns too: "the official figures", but "an official said". */
const fillerNouns = new Set(['official']);
const pronouns = new Set([
  'he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that', 'one', 'someone', 'somebody', 'everyone',
  'this', 'there', 'them', 'him', 'her', 'us', 'me',
]);
/** Heads of generic sources, with or without "the" (spec 7): "experts say", "N% of the respondents said". */
const crowdHeads = new Set([
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
const genericHeads = new Set([
  'studies', 'officials', 'executives', 'reports', 'estimates', 'surveys', 'polls', 'data', 'figures', 'numbers',
  'statistics',
]);
/**
 * Verbs that put a figure on something, lower-case only in a name's place:
 * "a poll by YouGov put support at 46%" (not nouns, so "statista.com data" stays whole).
 */
const figureVerbs = new Set([
  'put', 'puts', 'placed', 'pegged', 'pegs', 'gave', 'gives', 'recorded', 'counted', 'measured', 'ranked', 'calculated',
  'projected', 'predicted', 'predicts', 'expects', 'expected', 'tallied', 'logged', 'saw', 'sees', 'valued',
]);
/** Figure verbs that attribute after a kind of evidence: "analysis puts", "the survey gave" (not "the company put"). */
const evidenceFigureVerbs = new Set(['put', 'puts', 'pegged', 'pegs', 'gave', 'gives', 'valued', 'values', 'projected', 'projects']);
/** Words that end a noun phrase. */
const phraseStops = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'what', 'how', 'why', 'whether', 'as', 'than', 'while', 'but', 'because', 'if', 'when', 'where', 'in', 'on',
  'at', 'for', 'with', 'by', 'from', 'to', 'into', 'over', 'under', 'after', 'before', 'since', 'during', 'about',
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might',
  'should', 'must', 'do', 'does', 'did', 'not', 'also', 'such', 'so', 'or', 'nor', 'yet', 'then', 'there', 'here',
  'said', 'says', 'told', 'reported', 'found', 'noted', 'estimated', 'showed', 'shows', 'according', 'per',
  'however', 'although', 'though', 'its', 'their', 'released', 'published', 'including', 'up', 'down',
  'rose', 'fell', 'grew', 'increased', 'decreased', 'declined', 'jumped', 'climbed', 'dropped', 'reached',
]);
const adverbsBeforeVerb = new Set([
  'also', 'earlier', 'recently', 'previously', 'separately', 'later', 'further', 'originally', 'initially',
  'subsequently', 'itself', 'alone', 'last', 'has', 'have', 'had', 'just', 'once', 'again', 'first', 'both',
]);

/** Every word that can start a built-in English phrase. */
const triggerWords: ReadonlySet<string> = new Set([
  'according', 'per', 'citing', 'source', 'sources', 'journal', ...tagVerbs, ...evidenceNouns, ...byParticiples, ...speechVerbs,
]);
const triggerClass = registerWordClass(triggerWords);

/**
 * Finds textual attributions in one block of prose (spec section 7): the
 * built-in English and Chinese phrases plus `settings.attributionPhrases`,
 * each with the source it names. Pronoun speakers ("he said") and generic
 * sources ("experts say", "N% of respondents said") name no source and are
 * left out. `tokens` and `han` (whether `text[from, to)` holds a CJK
 * ideograph), when the caller has them already, save finding them again.
 */
export function findAttributions(
  text: string,
  settings: Settings,
  tokens?: readonly Token[],
  from = 0,
  to = text.length,
  han = hasHan(text, from, to),
): Attribution[] {
  const out: Attribution[] = [];
  if (settings.languages.includes('en')) findEnglish(text, tokens ?? tokenize(text, from, to), settings.attributionPhrases, out);
  if (settings.languages.includes('zh') && han) findChinese(text, from, to, out);
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  return out;
}

function hasHan(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) return true;
  }
  return false;
}

function findEnglish(text: string, tokens: readonly Token[], extra: readonly string[], out: Attribution[]): void {
  const extras = extra.map((p) => p.toLowerCase().split(/\s+/u).filter(Boolean));
  let prevEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') {
      // "(Source: Stanford HAI)", "Sources: IDC; Gartner"
      continue;
    }
    // Most words start no phrase, and their class tells without a look at their text.
    if (!extras.length && !(t.classes & triggerClass)) continue;
    const lower = t.lower;
    const next = tokens[i + 1];
    let found: Attribution | null = null;
    if (lower === 'according' && next?.lower === 'to') {
      found = forward(text, tokens, i, i + 2, 'according to');
    } else if (lower === 'per' && next && next.kind === 'word' && (isCapitalised(next) || leadingFiller.has(next.lower) || evidenceNouns.has(next.lower) || (!!tokens[i + 3] && isDomainEnd(tokens[i + 3])))) {
      // "per McKinsey", "per the report", "per data from IDC", "per statista.com"; not a rate: "per cent", "per share", "per capita".
      found = forward(text, tokens, i, i + 1, 'per');
    } else if (lower === 'journal' && tokens[i - 1]?.lower === 'the' && tokens[i - 2]?.lower === 'in' && next?.kind === 'word' && isCapitalised(next)) {
      // "reported on Monday in the journal Nature Astronomy": the journal is the source.
      found = forward(text, tokens, i - 2, i + 1, 'in the journal');
    } else if (lower === 'citing') {
      found = forward(text, tokens, i, i + 1, 'citing');
    } else if ((lower === 'source' || lower === 'sources') && (next?.text === ':' || (isDash(next) && isLineStart(tokens, i)))) {
      // "Source – Office for National Statistics": a dash takes the colon's place only where the line starts.
      found = forward(text, tokens, i, i + 2, 'source:');
    } else if (evidenceNouns.has(lower) && (next?.lower === 'by' || next?.lower === 'from')) {
      found = forward(text, tokens, i, i + 2, `${lower} ${next.lower}`);
    } else if (evidenceNouns.has(lower) && next?.kind === 'word' && evidenceFigureVerbs.has(next.text)) {
      // "the Treasury's own analysis puts the cost at £3.1bn": evidence that puts a figure speaks for its maker.
      found = backward(text, tokens, i + 1);
    } else if (byParticiples.has(lower) && byAfter(tokens, i) > 0) {
      found = forward(text, tokens, i, byAfter(tokens, i) + 1, `${lower} by`);
    } else if (speechVerbs.has(lower) && !(next?.lower === 'of' && nounsToo.has(lower)) && !(isCapitalised(t) && tokens[i - 1]?.kind === 'word')
      && !(lower === 'claims' && !((next?.kind === 'word' && claimsObjects.has(next.lower)) || isTagEnd(next)))) {
      // A capitalised verb after a word is part of a name: "the United States", "Consumer Reports".
      found = backward(text, tokens, i) ?? (isQuoteOrComma(tokens[i - 1]) ? forward(text, tokens, i, i + 1, lower) : null);
    } else if (tagVerbs.has(lower) && !(isCapitalised(t) && tokens[i - 1]?.kind === 'word')) {
      if (isQuoteOrComma(tokens[i - 1])) {
        found = forward(text, tokens, i, i + 1, lower);
      } else if (isTagEnd(tokens[i + 1])) {
        const named = backward(text, tokens, i);
        if (named && isQuoteOrComma(tokenBefore(tokens, i, named.start))) found = named;
      }
    }
    if (!found) {
      for (const words of extras) {
        if (words.length && words.every((w, k) => tokens[i + k]?.lower === w)) {
          found = forward(text, tokens, i, i + words.length, words.join(' '));
          if (found) break;
        }
      }
    }
    // One source per phrase: "a report by IDC found" names IDC once.
    if (found && !(prevEnd > found.start)) {
      // "a YouGov poll for The Times shows": the pollster is a source beside the client.
      const maker = found.phrase === lower ? makerBefore(text, tokens, found) : null;
      if (maker && !(prevEnd > maker.start)) out.push(maker);
      out.push(found);
      prevEnd = found.end;
      // "Source: Office for National Statistics; Greater London Authority": every name of the list.
      if (found.phrase === 'source:') {
        for (const more of sourceListRest(text, tokens, found)) {
          out.push(more);
          prevEnd = more.end;
        }
      }
    }
  }
}

/** The further names of a "Source:" list, after `first`: separated by semicolons, commas or "and". */
function sourceListRest(text: string, tokens: readonly Token[], first: Attribution): Attribution[] {
  const out: Attribution[] = [];
  let k = 0;
  while (k < tokens.length && tokens[k].end !== first.end) k++;
  for (let guard = 0; guard < 20 && k < tokens.length; guard++) {
    const sep = tokens[k + 1];
    if (!sep || !(sep.text === ';' || sep.text === ',' || sep.lower === 'and')) break;
    const next = forward(text, tokens, k + 2, k + 2, 'source:');
    if (!next) break;
    out.push(next);
    while (k < tokens.length && tokens[k].end !== next.end) k++;
  }
  return out;
}

/**
 * The maker named before "<evidence> for" a source found before a speech
 * verb: YouGov in "a YouGov poll for The Times shows", or null.
 */
function makerBefore(text: string, tokens: readonly Token[], found: Attribution): Attribution | null {
  // The first token of the name, by binary search: a sentence may hold many attributions.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < found.start) lo = mid + 1;
    else hi = mid;
  }
  const k = lo;
  if (tokens[k - 1]?.lower !== 'for' || !evidenceNouns.has(tokens[k - 2]?.lower ?? '')) return null;
  const last = k - 3;
  let first = last;
  while (first >= 0 && first > last - 4 && tokens[first].kind === 'word' && isCapitalised(tokens[first]) && !leadingFiller.has(tokens[first].lower)) first--;
  first++;
  if (first > last) return null;
  const words = tokens.slice(first, last + 1);
  if (!isNamed(words, tokens[first - 1])) return null;
  return { start: tokens[first].start, end: tokens[last].end, name: cleanName(text.slice(tokens[first].start, tokens[last].end)), phrase: found.phrase };
}

/** Index of "by" after a participle, allowing time words between ("released Wednesday by"), or -1. */
function byAfter(tokens: readonly Token[], i: number): number {
  // "carried out by Savanta"; "carried by 320 votes", "carried by Labour MPs" pass a motion.
  if (tokens[i].lower === 'carried' && tokens[i + 1]?.lower !== 'out') return -1;
  for (let k = i + 1; k < tokens.length && k <= i + 3; k++) {
    if (tokens[k].lower === 'by') return k;
    if (tokens[k].kind !== 'word' || !timeFillers.test(tokens[k].lower)) return -1;
  }
  return -1;
}

/** Whether `tokens[from, to)` is one to four capitalised words: a person's or body's name. */
function isNameBetween(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from < 1 || to - from > 4) return false;
  for (let j = from; j < to; j++) if (tokens[j].kind !== 'word' || !isCapitalised(tokens[j])) return false;
  return true;
}

/** Whether a reporting tag ends at token `t`: the end of the sentence or a comma. */
function isTagEnd(t: Token | undefined): boolean {
  return !t || (t.kind === 'sym' && (t.text === '.' || t.text === ',' || t.text === ';' || t.text === '!' || t.text === '?'));
}

/** The token before the one that starts at `start`, looking back from token `i`. */
function tokenBefore(tokens: readonly Token[], i: number, start: number): Token | undefined {
  for (let k = i; k > 0; k--) if (tokens[k].start === start) return tokens[k - 1];
  return undefined;
}

function isQuoteOrComma(t: Token | undefined): boolean {
  return !!t && t.kind === 'sym' && ',"”’\''.includes(t.text);
}

/** An en or em dash, or a hyphen standing apart: "Source – ONS", "Source - ONS". */
function isDash(t: Token | undefined): boolean {
  return !!t && t.kind === 'sym' && (t.text === '–' || t.text === '—' || (t.text === '-' && t.space));
}

/** Whether token `i` starts its range or follows a sentence's end. */
function isLineStart(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return !before || (before.kind === 'sym' && (before.text === '.' || before.text === '!' || before.text === '?'));
}

function isCapitalised(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xc0 && c <= 0xde);
}

/** A source named after the phrase: "according to [the] X", "per X", "a report by X". */
function forward(text: string, tokens: readonly Token[], phraseStart: number, k: number, phrase: string): Attribution | null {
  const np = collectForward(tokens, k);
  if (!np) return null;
  let { first, last } = np;
  // "IBES data from Refinitiv", "a recent report from IDC China": name the maker.
  const link = tokens[last + 1];
  if (link && (link.lower === 'from' || link.lower === 'by' || link.lower === 'at') && tokens[last + 2] && isCapitalised(tokens[last + 2])) {
    const more = collectForward(tokens, last + 2);
    if (more) {
      if (evidenceNouns.has(tokens[last].lower) || byParticiples.has(tokens[last].lower)) first = more.first;
      last = more.last;
    }
  } else if (link && (link.lower === 'from' || link.lower === 'for' || link.lower === 'at') && !isNamed(tokens.slice(first, last + 1), tokens[first - 1]) &&
    !evidenceNouns.has(tokens[last].lower) && !crowdHeads.has(tokens[last].lower) && tokens[last + 2]?.lower === 'the') {
    // "a spokesperson from the regional health authority": an unnamed speaker named by the body they speak for.
    const more = collectForward(tokens, last + 2);
    if (more && !isDateWord(tokens[more.last]) && isNamed(tokens.slice(more.first, more.last + 1), link)) {
      first = more.first;
      last = more.last;
    }
  }
  // "a study published in Nature Medicine": name the publication (not "a survey in Germany").
  const published = tokens[last + 1]?.lower;
  if (evidenceNouns.has(tokens[last].lower) && (published === 'published' || published === 'appearing')) {
    const m = last + 2;
    if (tokens[m]?.lower === 'in' && tokens[m + 1]) {
      const more = collectForward(tokens, m + 1);
      if (more && isNamed(tokens.slice(more.first, more.last + 1), tokens[m])) {
        first = more.first;
        last = more.last;
      }
    }
  }
  const words = tokens.slice(first, last + 1);
  if (!isNamed(words, tokens[first - 1])) return null;
  return {
    start: tokens[phraseStart].start,
    end: tokens[last].end,
    name: cleanName(text.slice(tokens[first].start, tokens[last].end)),
    phrase,
  };
}

function collectForward(tokens: readonly Token[], k: number): { first: number; last: number } | null {
  let i = k;
  let determiner: Token | undefined;
  // "an official at the ministry": a filler that is also a noun is the head when the phrase ends after it.
  while (tokens[i]?.kind === 'word' && leadingFiller.has(tokens[i].lower) && i < k + 3 &&
    !(fillerNouns.has(tokens[i].lower) && isPhraseEnd(tokens[i + 1]))) {
    if (determiners.has(tokens[i].lower)) determiner = tokens[i];
    i++;
  }
  const first = determiner && !isCapitalised(tokens[i] ?? determiner) ? tokens.indexOf(determiner, k) : i;
  let last = -1;
  for (let j = i; j < tokens.length && j < i + 8; j++) {
    const t = tokens[j];
    if (t.kind === 'word') {
      // "figures from the ONS show …": a lower-case speech verb ends the name.
      if (j > i && (speechVerbs.has(t.lower) || figureVerbs.has(t.lower)) && t.text === t.lower && !nounsToo.has(t.lower)) break;
      if (phraseStops.has(t.lower) && !isAcronym(t) && !(j > i && isNameJoiner(t.lower) && tokens[j + 1] && isCapitalised(tokens[j + 1])) &&
        !(j > i && isCapitalised(t) && isCapitalisedWordBefore(tokens, j))) break;
      if (isNameJoiner(t.lower) && !(tokens[j + 1] && isCapitalised(tokens[j + 1]))) break;
      last = j;
    } else if (t.kind === 'sym' && (t.text === '&' || (t.text === '.' && !t.space && last === j - 1 && isAbbreviationDot(tokens, j)))) {
      continue;
    } else if (t.kind === 'num' && last === j - 1 && !t.space) {
      last = j;
    } else break;
  }
  if (last < 0) return null;
  return { first: Math.min(first, i), last };
}

/** Whether a noun phrase cannot go on at token `t`: the end, a mark, or a word that ends phrases. */
function isPhraseEnd(t: Token | undefined): boolean {
  return !t || t.kind !== 'word' || phraseStops.has(t.lower);
}

/** A source named before a speech verb: "PitchBook found", "the research firm said", "IBM and HP reported". */
function backward(text: string, tokens: readonly Token[], verb: number): Attribution | null {
  let k = verb - 1;
  while (k >= 0 && tokens[k].kind === 'word' && adverbsBeforeVerb.has(tokens[k].lower) && k > verb - 3) k--;
  // "Lumen Corp on Wednesday reported", "the ministry last week said": the time is not part of the name.
  if (k >= 0 && tokens[k].kind === 'word' && timeWordsBeforeVerb.has(tokens[k].lower)) {
    const lead = tokens[k - 1]?.lower;
    k -= lead === 'on' || lead === 'last' || lead === 'this' || lead === 'early' || lead === 'late' ? 2 : 1;
  }
  // "Home Office figures published on Thursday show": the participle belongs to the evidence, not the name.
  if (k > 0 && tokens[k].kind === 'word' && byParticiples.has(tokens[k].lower) && evidenceNouns.has(tokens[k - 1].lower)) k--;
  // "Dr. Jane Smith, who led the study, said": step over an appositive clause to its subject.
  if (tokens[k]?.text === ',') {
    let m = k - 1;
    while (m >= 0 && m > k - 24 && tokens[m].text !== ',' && !(tokens[m].kind === 'sym' && clauseBreaks.has(tokens[m].text))) m--;
    // "The World Bank, in its latest outlook, estimated", "the company, in a statement, said" step over the same way.
    if (m >= 0 && tokens[m].text === ',' && /^(?:who|which|whose|the|a|an|its|their|in)$/u.test(tokens[m + 1]?.lower ?? '')) k = m - 1;
    // "The figures, published on Tuesday, show": a participle set off after the evidence belongs to it.
    else if (m > 0 && tokens[m].text === ',' && byParticiples.has(tokens[m + 1]?.lower ?? '') && evidenceNouns.has(tokens[m - 1].lower)) k = m - 1;
    // "the chief executive, Ruth Adebayo, told reporters": the name set off between the commas is the speaker.
    else if (m >= 0 && tokens[m].text === ',' && isNameBetween(tokens, m + 1, k)) k--;
    // "Jane Doe, chief economist at Lloyds, told the BBC": a bare title set off after a name; "Smith, 54, said": an age.
    else if (m > 0 && tokens[m].text === ',' && (tokens[m + 1]?.kind === 'word' ? !isCapitalised(tokens[m + 1]) && !phraseStops.has(tokens[m + 1].lower)
      : tokens[m + 1]?.kind === 'num' && m + 2 === k) && tokens[m - 1].kind === 'word' && isCapitalised(tokens[m - 1])) k = m - 1;
  }
  const last = k;
  let first = -1;
  for (let j = k, stop = k - 7; j >= 0 && j > stop; j--) {
    const t = tokens[j];
    if (t.kind === 'word') {
      if (isNameJoiner(t.lower) && t.lower !== 'the') {
        if (!(tokens[j - 1] && isCapitalised(tokens[j - 1]) && tokens[j + 1] && isCapitalised(tokens[j + 1]))) break;
        continue;
      }
      // "the Migration Observatory at the University of Oxford said": a body at an institution is one name.
      // Two capitalised words before "at" ("Meteorologists at the Met Office" names the Met Office).
      if (t.lower === 'the' && first === j + 1 && tokens[j - 1]?.lower === 'at' && isCapitalisedWordBefore(tokens, j - 2) && isCapitalised(tokens[j - 2])) {
        j--;
        stop -= 2; // "at the" does not use up the name's words
        continue;
      }
      // "Theresa May said", "Will Smith said": a capitalised stop word after a capitalised word ends a name.
      if (phraseStops.has(t.lower) && !determiners.has(t.lower) && !isAcronym(t) && !(j === k && isCapitalised(t) && isCapitalisedWordBefore(tokens, j))) break;
      first = j;
      if (determiners.has(t.lower) || t.lower === 'a' || t.lower === 'an') break;
    } else if (t.kind === 'sym' && (t.text === '&' || t.text === '-') && !t.space) {
      continue;
    } else if (t.kind === 'sym' && t.text === '&' && tokens[j - 1]?.kind === 'word' && isCapitalised(tokens[j - 1])) {
      // "the Canal & River Trust estimates", "Procter & Gamble said".
      continue;
    } else if (t.kind === 'sym' && t.text === '.' && !t.space && (isAbbreviationDot(tokens, j) || isCompanySuffix(tokens[j - 1]))) {
      continue;
    } else if (t.kind === 'sym' && (t.text === ')' || t.text === '）')) {
      // "International Data Corp. (IDC) said": step over a parenthesised acronym.
      let m = j - 1;
      while (m >= 0 && m > j - 4 && tokens[m].text !== '(' && tokens[m].text !== '（') m--;
      if (m < 0 || (tokens[m].text !== '(' && tokens[m].text !== '（')) break;
      stop -= j - m; // the acronym does not use up the name's words
      j = m;
    } else break;
  }
  if (first < 0 || last < first) return null;
  const words = tokens.slice(first, last + 1).filter((t) => t.kind === 'word');
  if (!isNamed(words, tokens[first - 1])) return null;
  // "other majors such as IBM and HP": keep from the first capitalised word when the phrase starts generic.
  return {
    start: tokens[first].start,
    end: tokens[verb].end,
    name: cleanName(text.slice(tokens[first].start, tokens[last].end)),
    phrase: tokens[verb].lower,
  };
}

/** Whether the token before `j` is a capitalised word that does not start the sentence: "Theresa" in "Theresa May". */
function isCapitalisedWordBefore(tokens: readonly Token[], j: number): boolean {
  const before = tokens[j - 1];
  return !!before && before.kind === 'word' && isCapitalised(before) && !phraseStops.has(before.lower) && !determiners.has(before.lower);
}

/** Lower-case words inside names: "Centers for Disease Control and Prevention", "Bank of China". */
function isNameJoiner(word: string): boolean {
  return word === 'of' || word === 'for' || word === 'and' || word === 'on' || word === 'de' || word === 'du' || word === 'la' || word === 'the';
}

/** A dot inside "U.S." or after an initial, not one that ends a sentence. */
function isAbbreviationDot(tokens: readonly Token[], j: number): boolean {
  const before = tokens[j - 1];
  const after = tokens[j + 1];
  if (!after || after.kind !== 'word') return false;
  // "U.S" inside, or "U.S. Elections": after a single capital, a capitalised word may follow a space; so after a title ("Dr. Helen Okafor").
  if (!after.space) return true;
  if (!before || before.kind !== 'word' || !isCapitalised(before) || !isCapitalised(after)) return false;
  // "Q. Critics say": an interview's question label at the line's start, not an initial.
  if (before.text === 'Q' && (before.start === 0 || before.source.charCodeAt(before.start - 1) === 10)) return false;
  return before.text.length === 1 || titleAbbreviations.has(before.lower);
}

/** Titles written abbreviated before a name. */
const titleAbbreviations = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'rev', 'hon', 'st']);

/** Abbreviated company suffixes, whose dot stays in the name: "Apple Inc. said", "Acme Corp. (ACME) reported". */
const companySuffixes = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'bros', 'cos']);

function isCompanySuffix(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && isCapitalised(t) && companySuffixes.has(t.lower);
}

/** An all-capitals name ("WHO", "IT", "US"): never a function word. */
function isAcronym(t: Token): boolean {
  return t.text.length > 1 && t.text !== t.lower && t.text === t.text.toUpperCase();
}

/** A pronoun as written: "who" or "Who", but not the acronym "WHO". */
function isPronoun(t: Token): boolean {
  return pronouns.has(t.lower) && (t.text === t.lower || t.text.slice(1) === t.lower.slice(1));
}

/** Whether a noun phrase names a source (spec 7): a name, or a definite description that is not generic. */
/** A lower-case word in the plural: "bars", "retailers", "groups". */
function isPluralCommonNoun(t: Token): boolean {
  const text = t.text;
  return text.length > 3 && /^[a-z]+s$/u.test(text) && !text.endsWith('ss');
}

function isNamed(words: readonly Token[], before: Token | undefined): boolean {
  const ws = words.filter((t) => t.kind === 'word');
  if (!ws.length) return false;
  const head = ws[ws.length - 1].lower;
  if (ws.length === 1 && isPronoun(ws[0])) return false;
  // "An estimated 40,000 people": an article alone names no one.
  if (ws.every((t) => isPronoun(t) || determiners.has(t.lower) || t.lower === 'a' || t.lower === 'an')) return false;
  // "a survey of more than 5,000 DevSecOps professionals suggests": the people counted are no source (a year is no count).
  // A clock time is no count either: "14:32 The Met Office said" in a live blog.
  if (before?.kind === 'num' && !(before.digits === 4 && !before.grouped && !before.decimal && before.value >= 1800 && before.value < 2200) && !isClockTime(before)) return false;
  const sentenceStart = !before || (before.kind === 'sym' && '.!?"“'.includes(before.text));
  // "eight out of ten GPs said": the people counted are no source, in words as in digits ("Four Seasons said" is a name).
  if (ws.length > 1 && numberWords.has(ws[0].lower) && ws[0].lower !== 'one' && (sentenceStart || ws[0].text === ws[0].lower)) return false;
  // "A survey found", "Recent research found": an article or filler capitalised as the sentence's first word names no one.
  const capitals = ws.filter((t, i) => isCapitalised(t) && !(i === 0 && sentenceStart && (determiners.has(t.lower) || leadingFiller.has(t.lower) || genericHeads.has(t.lower) || pronouns.has(t.lower))) && !determiners.has(t.lower));
  // "Pew respondents" names someone; "Fishing groups", capitalised only as the sentence's first word, does not.
  // A crowd capitalised for itself names no one either: "Most Americans said".
  if (crowdHeads.has(head)) return ws.length > 1 && capitals.some((t) => t !== ws[ws.length - 1] && !(t === ws[0] && sentenceStart));
  // "Local bars reported": a plural common noun, capitalised only as the sentence's first word, names no one.
  if (ws.length > 1 && sentenceStart && capitals.length === 1 && capitals[0] === ws[0] && isPluralCommonNoun(ws[ws.length - 1])) return false;
  // "a survey published in March found": a date names no one ("May" may be a person).
  const dated = capitals.length > 0 && capitals.every(isDateWord);
  if (capitals.length && !dated) return !(ws.length === 1 && genericHeads.has(head));
  // A site by its domain: "Source: nodejs.org download metrics", "per statista.com data".
  if (ws.some(isDomainEnd)) return true;
  if (determiners.has(ws[0].lower) && ws.length >= 2) return true;
  return false;
}

/** The minutes of a clock time: the "32" of "14:32", written against a colon after digits. */
function isClockTime(t: Token): boolean {
  if (t.text.includes(':')) return true;
  if (t.start < 2 || t.source.charCodeAt(t.start - 1) !== 58) return false;
  const c = t.source.charCodeAt(t.start - 2);
  return c >= 48 && c <= 57;
}

/** Top-level domains that make a lower-case name a website: "nodejs.org". */
const topLevelDomains = new Set(['com', 'org', 'net', 'gov', 'edu', 'int', 'io', 'co', 'uk', 'cn', 'eu', 'de', 'fr', 'jp', 'in', 'au', 'ca']);

/** A top-level domain written against a dot after a word: the end of "statista.com". */
function isDomainEnd(t: Token): boolean {
  if (t.start < 2 || t.source.charCodeAt(t.start - 1) !== 46) return false;
  const c = t.source.charCodeAt(t.start - 2) | 0x20;
  return ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) && topLevelDomains.has(t.lower);
}

/** A month or a day, possessive or not: "March", "Monday's" ("May" may be a person). */
function isDateWord(t: Token): boolean {
  const lower = t.lower;
  const word = lower.endsWith("'s") || lower.endsWith('’s') ? lower.slice(0, -2) : lower;
  return word !== 'may' && (monthWords.has(word) || timeWordsBeforeVerb.has(word));
}

const possessive = /['’]s\b.*$/su;
const trailingEvidence = /\s+(?:latest\s+|new\s+|recent\s+|annual\s+)?(?:research|data|report|survey|study|analysis|figures|estimates|statistics|index|numbers|poll)$/u;

/** Tidies a name: "the World Intellectual Property Organization’s latest report" → "World Intellectual Property Organization". */
function cleanName(raw: string): string {
  // "McKinsey (https://…) said": the link is a source of its own, not part of the name.
  let name = raw.replace(/\s*\((?:https?:\/\/|www\.)[^()\s]*\)/giu, '').replace(/\s+/gu, ' ').trim();
  // A possessive keeps its owner when what follows is generic ("WIPO's latest report"),
  // and stays whole when what follows is a name too ("China's National Bureau of Statistics").
  const poss = possessive.exec(name);
  if (poss && poss.index > 0 && /\p{Lu}/u.test(name.slice(0, poss.index)) && !/\s\p{Lu}/u.test(poss[0])) name = name.slice(0, poss.index);
  if (/\p{Lu}/u.test(name.replace(/^the\s+/iu, '')) && trailingEvidence.test(name)) {
    const cut = name.replace(trailingEvidence, '');
    // "Their survey found": a possessive pronoun is no owner to keep; the evidence stays.
    if (/\p{Lu}/u.test(cut) && !determiners.has(cut.toLowerCase())) name = cut;
  }
  if (/^(?:[Tt]he|[Aa]n?)\s+\p{Lu}/u.test(name)) name = name.replace(/^(?:the|an?)\s+/iu, '');
  // "Latest ONS figures show": a filler that opens the sentence is no part of the name ("New York" keeps its "New").
  if (/^(?:latest|recent|preliminary|fresh|updated|just-released)\s+\p{Lu}/iu.test(name)) name = name.slice(name.indexOf(' ') + 1);
  return name;
}

// --- Chinese ---

/** 据X统计 / 据X显示 / 据X估计 …; not the 统计 of 统计局 (据国家统计局数据). */
const zhAccording = /据([^，。；！？,;!?\n]{1,40}?)(统计(?![局署处所司])|显示|估计|估算|预计|预测|报道|调查(?![局队所总组]|中心)|测算|介绍|了解|分析|数据|报告|公报)/gu;
/** X指出 / X表示 / X称 / X说， / X介绍， / 从X获悉 / X报道 / X预计， / X统计 / X数据显示 / X研究表明 / X《报告》显示 */
const zhVerbs = /((?:资料|数据|(?<!\p{Script=Han}))来源\s{0,2}[：:]|指出|表示|宣称|声称|称|透露|宣布|披露|说(?=[，,：:。])|告诉(?=记者)|介绍(?=[，,：:])|获悉|了解到|统计(?![局署处所司数年公])|报道|(?:预计|预测|估计)(?=[，,：:])|(?:数据|报告|公报|公告|财报|年报|季报|调查|研究|监测|普查|测算)(?:显示|表明|发现)|(?<=》)(?:显示|表明))/gu;
/** The names after "（来源：", "资料来源：": "国家统计局", "海关总署、商务部"; not "收入来源：". */
const zhSourceNames = /\s{0,2}([^，。！？,!?\n（）()“”]{1,60})/uy;
const zhDelimiters = '，。；：！？、“”「」《》,;:!?"\n';
const zhPronouns = /^(?:他|她|他们|她们|我们|我|它|它们|其|对方|有人|有|有报道|媒体|有媒体|市场|业界|有关人士|相关人士|相关机构|专家|业内人士|分析人士)$/u;
const zhTrailingNoise = /(?:之前|近期|日前|近日|今天|昨天|今日|今年|去年|全年|此前|最新|同时|也|还|则|又|曾|均|都|亦|[０-９\d]+月(?:[０-９\d]+日)?(?:在[^\s]{1,2})?|[０-９\d]+日(?:在[^\s]{1,2})?|在[沪京港深穗])+$/u;
const zhCounted = /受访|受调查|[0-9０-９][%％]|[0-9０-９一二两三四五六七八九十]成|分之/u;
const zhAccordingOpener = /^(?:根据|据)/u;
/** "小说，", "来说，", "可以说，": 说 that closes a word or a phrase, not a speaker's. */
const zhNotSpeaker = /[小学传演游劝解来是如听再话以般么样又还也就据]$/u;
/** "记者从市交通局获悉": what comes before 从 is who heard it. */
const zhHeardFrom = /^[^从]{0,12}从/u;
const zhPublish = /(?:发布|公布|披露|出具)(?:的)?(?:统计)?(?:数据|报告|公报)?$/u;

function findChinese(whole: string, from: number, to: number, out: Attribution[]): void {
  // Search the range alone; offsets are shifted back to the whole text.
  const text = from === 0 && to === whole.length ? whole : whole.slice(from, to);
  const at = out.length;
  findChineseIn(text, out);
  if (from) for (let i = at; i < out.length; i++) out[i] = { ...out[i], start: out[i].start + from, end: out[i].end + from };
}

function findChineseIn(text: string, out: Attribution[]): void {
  zhAccording.lastIndex = 0;
  const taken: [number, number][] = [];
  for (let m = zhAccording.exec(text); m; m = zhAccording.exec(text)) {
    const name = tidyZh(m[1]);
    if (!name || zhPronouns.test(name)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, name, phrase: `据…${m[2]}` });
    taken.push([m.index, m.index + m[0].length]);
  }
  zhVerbs.lastIndex = 0;
  for (let m = zhVerbs.exec(text); m; m = zhVerbs.exec(text)) {
    const verbStart = m.index;
    if (taken.some(([a, b]) => verbStart >= a && verbStart < b)) continue;
    if (m[1].endsWith('：') || m[1].endsWith(':')) {
      // "（来源：国家统计局）", "资料来源：海关总署、商务部": each name of the list.
      zhSourceNames.lastIndex = verbStart + m[0].length;
      const names = zhSourceNames.exec(text);
      if (!names) continue;
      let at = zhSourceNames.lastIndex - names[1].length;
      for (const part of names[1].split(/[、；;]/u)) {
        const name = tidyZh(part);
        if (name && !zhPronouns.test(name)) out.push({ start: verbStart, end: at + part.length, name, phrase: '来源：' });
        at += part.length + 1;
      }
      zhVerbs.lastIndex = zhSourceNames.lastIndex;
      continue;
    }
    let s = verbStart;
    while (s > 0 && verbStart - s < 40) {
      // "中国信通院发布的《白皮书》显示": the title is part of the name.
      const open = text[s - 1] === '》' ? text.lastIndexOf('《', s - 2) : -1;
      if (open >= 0 && verbStart - open < 40) s = open;
      else if (zhDelimiters.includes(text[s - 1])) break;
      else s--;
    }
    // "据统计", "根据调查显示": 据 opens the phrase and names no one.
    let raw = text.slice(s, verbStart).trim().replace(zhAccordingOpener, '');
    if (m[1] === '说' && zhNotSpeaker.test(raw)) continue;
    if (m[1] === '获悉' || m[1] === '了解到') {
      if (!zhHeardFrom.test(raw)) continue;
      raw = raw.replace(zhHeardFrom, '');
    }
    // "数据显示" with nothing before still names the data.
    const evidence = m[1].length === 4 ? m[1].slice(0, 2) : '';
    if (!raw && !evidence) continue;
    raw = tidyZh(raw);
    // "超过六成受访者表示", "65%的受访者称": the people counted, not a source.
    if (zhCounted.test(raw)) continue;
    const name = (raw + evidence).trim();
    if (!name || zhPronouns.test(raw) && !evidence) continue;
    out.push({ start: s, end: verbStart + m[1].length, name, phrase: m[1] });
  }
}

function tidyZh(raw: string): string {
  // "根据国家统计局的数据": the possessive 的 is not part of the name.
  let name = raw.trim();
  for (let i = 0; i < 3; i++) {
    const before = name;
    name = name.replace(zhPublish, '').replace(zhTrailingNoise, '').replace(/的$/u, '').trim();
    if (name === before) break;
  }
  return name;
}
