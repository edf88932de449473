import { en } from '../lang/en';
import { monthWords, numberWords } from '../lang/en/words';
import type { Token } from '../claims/tokens';
import { isYearValue, startsUpper } from '../text-tests';
import type { Named } from './attribution';
import {
  adverbsBeforeVerb, appositiveOpeners, byParticiples, companySuffixes, crowdHeads, determiners, evidenceAfterName, evidenceNouns, figureVerbs,
  fillersBeforeBy, genericHeads, leadingFiller, makerLinks, nameArticles, nameJoinerWords, nounsToo, openingFillers, phraseStops, pronouns, publishedIn,
  speakerBodyLinks, timeWordLeads, timeWordsBeforeVerb, titleAbbreviations, topLevelDomains,
} from '../lang/en/rule-words';
import { wordGroup } from '../lang/patterns';


/** Marks an appositive clause ("TSMC, which makes 90% of chips, said") does not run across. */
const clauseBreaks = new Set(['.', '!', '?', ';', ':', '"', '“', '”', '(', ')', '—', '–']);
/** Every form of each lemma of `lemmas`, by the pack's inflection: "say" gives "say", "says", "said", "saying". */
function formsOf(lemmas: readonly string[]): ReadonlySet<string> {
  return new Set(lemmas.flatMap((lemma) => en.attribution.inflect(lemma)));
}

/** Verbs whose subject is the source ("PitchBook found", "the company said"): the pack's reporting verbs, but those only said as a tag. */
export const speechVerbs = formsOf(en.attribution.reportingVerbs.filter((v) => !en.attribution.tagOnlyVerbs.includes(v)));
/** Speech verbs that attribute only with a word after them, by form: "put" (and "puts") needs "at". */
export const speechVerbNeeds: ReadonlyMap<string, string> = new Map(
  [...en.attribution.verbsNeedingAfter].flatMap(([lemma, after]) => en.attribution.inflect(lemma).map((form) => [form, after] as const)),
);

/**
 * Verbs that attribute only as a reporting tag, set off from what was said:
 * "…,” added Paul Draycott", "…, Draycott added." ("the firm added 300 jobs" names no source).
 */
export const tagVerbs = formsOf(en.attribution.tagOnlyVerbs);
/** Fillers that are role nouns too: "the official figures", but "an official said". */
const fillerNouns: ReadonlySet<string> = new Set([...leadingFiller].filter((w) => en.attribution.roleNouns.has(w)));

/** The further names of a "Source:" list, after `first`: separated by semicolons, commas or "and". */
export function sourceListRest(text: string, tokens: readonly Token[], first: Named): Named[] {
  const out: Named[] = [];
  // The name's last token, by bisection (tokens end in order): a sentence may hold many "Source:" lists.
  let k = 0;
  for (let hi = tokens.length; k < hi; ) {
    const mid = (k + hi) >> 1;
    if (tokens[mid].end < first.end) k = mid + 1;
    else hi = mid;
  }
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
export function makerBefore(text: string, tokens: readonly Token[], found: Named): Named | null {
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
export function byAfter(tokens: readonly Token[], i: number): number {
  // "carried out by Savanta"; "carried by 320 votes", "carried by Labour MPs" pass a motion.
  if (tokens[i].lower === 'carried' && tokens[i + 1]?.lower !== 'out') return -1;
  for (let k = i + 1; k < tokens.length && k <= i + 3; k++) {
    if (tokens[k].lower === 'by') return k;
    if (tokens[k].kind !== 'word' || !fillersBeforeBy.has(tokens[k].lower)) return -1;
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
export function isTagEnd(t: Token | undefined): boolean {
  return !t || (t.kind === 'sym' && (t.text === '.' || t.text === ',' || t.text === ';' || t.text === '!' || t.text === '?'));
}

/** The token before the one that starts at `start`, looking back from token `i`. */
export function tokenBefore(tokens: readonly Token[], i: number, start: number): Token | undefined {
  for (let k = i; k > 0; k--) if (tokens[k].start === start) return tokens[k - 1];
  return undefined;
}

export function isQuoteOrComma(t: Token | undefined): boolean {
  return !!t && t.kind === 'sym' && ',"”’\''.includes(t.text);
}

/** An en or em dash, or a hyphen standing apart: "Source – ONS", "Source - ONS". */
export function isDash(t: Token | undefined): boolean {
  return !!t && t.kind === 'sym' && (t.text === '–' || t.text === '—' || (t.text === '-' && t.space));
}

/** Whether token `i` starts its range or follows a sentence's end. */
export function isLineStart(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return !before || (before.kind === 'sym' && (before.text === '.' || before.text === '!' || before.text === '?'));
}

/** Whether a token starts with a capital letter, in any script. */
export function isCapitalised(t: Token): boolean {
  return startsUpper(t.text);
}

/** A source named after the phrase: "according to [the] X", "per X", "a report by X". */
export function forward(text: string, tokens: readonly Token[], phraseStart: number, k: number, phrase: string): Named | null {
  const np = collectForward(tokens, k);
  if (!np) return null;
  let { first, last } = np;
  // "IBES data from Refinitiv", "a recent report from IDC China": name the maker.
  const link = tokens[last + 1];
  if (link && makerLinks.has(link.lower) && tokens[last + 2] && isCapitalised(tokens[last + 2])) {
    const more = collectForward(tokens, last + 2);
    if (more) {
      if (evidenceNouns.has(tokens[last].lower) || byParticiples.has(tokens[last].lower)) first = more.first;
      last = more.last;
    }
  } else if (link && speakerBodyLinks.has(link.lower) &&
    (!isNamed(tokens.slice(first, last + 1), tokens[first - 1]) || en.attribution.roleNouns.has(tokens[last].lower)) &&
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
  if (evidenceNouns.has(tokens[last].lower) && published !== undefined && publishedIn.has(published)) {
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
export function backward(text: string, tokens: readonly Token[], verb: number): Named | null {
  let k = verb - 1;
  while (k >= 0 && tokens[k].kind === 'word' && adverbsBeforeVerb.has(tokens[k].lower) && k > verb - 3) k--;
  // "Lumen Corp on Wednesday reported", "the ministry last week said": the time is not part of the name.
  if (k >= 0 && tokens[k].kind === 'word' && timeWordsBeforeVerb.has(tokens[k].lower)) {
    const lead = tokens[k - 1]?.lower;
    k -= lead !== undefined && timeWordLeads.has(lead) ? 2 : 1;
  }
  // "Home Office figures published on Thursday show": the participle belongs to the evidence, not the name.
  if (k > 0 && tokens[k].kind === 'word' && byParticiples.has(tokens[k].lower) && evidenceNouns.has(tokens[k - 1].lower)) k--;
  // "Dr. Jane Smith, who led the study, said": step over an appositive clause to its subject.
  if (tokens[k]?.text === ',') {
    let m = k - 1;
    while (m >= 0 && m > k - 24 && tokens[m].text !== ',' && !(tokens[m].kind === 'sym' && clauseBreaks.has(tokens[m].text))) m--;
    // "The World Bank, in its latest outlook, estimated", "the company, in a statement, said" step over the same way.
    if (m >= 0 && tokens[m].text === ',' && appositiveOpeners.has(tokens[m + 1]?.lower ?? '')) k = m - 1;
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
      if (determiners.has(t.lower) || nameArticles.has(t.lower)) break;
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
  return nameJoinerWords.has(word);
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

function isCompanySuffix(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && isCapitalised(t) && companySuffixes.has(t.lower);
}

/** An all-capitals name ("WHO", "IT", "US"): never a function word. */
function isAcronym(t: Token): boolean {
  return t.text.length > 1 && t.text !== t.lower && t.text === t.text.toUpperCase();
}

/** A word in title case, not an acronym: "Seasons", not "GPs" or "NHS". */
function isTitleCase(t: Token): boolean {
  return isCapitalised(t) && t.text.length > 1 && t.text.slice(1) === t.text.slice(1).toLowerCase();
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

export function isNamed(words: readonly Token[], before: Token | undefined): boolean {
  const ws = words.filter((t) => t.kind === 'word');
  if (!ws.length) return false;
  const head = ws[ws.length - 1].lower;
  if (ws.length === 1 && isPronoun(ws[0])) return false;
  // "An estimated 40,000 people": an article alone names no one.
  if (ws.every((t) => isPronoun(t) || determiners.has(t.lower) || nameArticles.has(t.lower))) return false;
  // "a survey of more than 5,000 DevSecOps professionals suggests": the people counted are no source (a year is no count).
  // A clock time is no count either: "14:32 The Met Office said" in a live blog.
  if (before?.kind === 'num' && !(before.digits === 4 && !before.grouped && !before.decimal && isYearValue(before.value)) && !isClockTime(before)) return false;
  const sentenceStart = !before || (before.kind === 'sym' && '.!?"“'.includes(before.text));
  // "eight out of ten GPs said": the people counted are no source, in words as in digits ("Four Seasons said" is a name).
  // A number word that opens a name written in title case counts no one: "Four Seasons said", "Seven Eleven said".
  if (ws.length > 1 && numberWords.has(ws[0].lower) && ws[0].lower !== 'one' && (sentenceStart || ws[0].text === ws[0].lower) &&
    !(isTitleCase(ws[0]) && ws.slice(1).every(isTitleCase))) return false;
  // "A survey found", "Recent research found": an article or filler capitalised as the sentence's first word names no one.
  const capitals = ws.filter((t, i) => isCapitalised(t) && !(i === 0 && sentenceStart && (determiners.has(t.lower) || leadingFiller.has(t.lower) || genericHeads.has(t.lower) || pronouns.has(t.lower))) && !determiners.has(t.lower));
  // "Pew respondents" names someone; "Fishing groups", capitalised only as the sentence's first word, does not.
  // A crowd capitalised for itself names no one either: "Most Americans said".
  // "the minister said", "a county spokeswoman told", "ministry officials estimate", "organisers put": a role names its holder (spec 8).
  if (en.attribution.roleNouns.has(head) && (ws.length > 1 || !genericHeads.has(head))) return true;
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

/** A top-level domain written against a dot after a word: the end of "statista.com". */
export function isDomainEnd(t: Token): boolean {
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
const trailingEvidence = new RegExp(`\\s+(?:${wordGroup(evidenceAfterName.fillers)}\\s+)?${wordGroup(evidenceAfterName.nouns)}$`, 'u');
/** A first word before a capitalised one: an article to drop when it is one ("The World Bank"). */
const leadingWord = /^(\p{L}+)\s+(?=\p{Lu})/u;
const openingFiller = new RegExp(`^${wordGroup(openingFillers)}\\s+\\p{Lu}`, 'iu');

/** Tidies a name: "the World Intellectual Property Organization’s latest report" → "World Intellectual Property Organization". */
export function cleanName(raw: string): string {
  // "McKinsey (https://…) said": the link is a source of its own, not part of the name.
  let name = raw.includes('(') ? raw.replace(/\s*\((?:https?:\/\/|www\.)[^()\s]*\)/giu, '') : raw;
  // Most names hold single spaces only: rewritten only when a run is longer or another space is in it.
  if (/\s\s|[^\S ]/u.test(name)) name = name.replace(/\s+/gu, ' ');
  name = name.trim();
  // A possessive keeps its owner when what follows is generic ("WIPO's latest report"),
  // and stays whole when what follows is a name too ("China's National Bureau of Statistics").
  const poss = possessive.exec(name);
  if (poss && poss.index > 0 && /\p{Lu}/u.test(name.slice(0, poss.index)) && !/\s\p{Lu}/u.test(poss[0])) name = name.slice(0, poss.index);
  if (trailingEvidence.test(name) && /\p{Lu}/u.test(name.replace(/^the\s+/iu, ''))) {
    const cut = name.replace(trailingEvidence, '');
    // "Their survey found": a possessive pronoun is no owner to keep; the evidence stays.
    if (/\p{Lu}/u.test(cut) && !determiners.has(cut.toLowerCase())) name = cut;
  }
  // "The World Bank", "the World Bank"; not "THE" (an acronym's word).
  const lead = leadingWord.exec(name);
  if (lead && nameArticles.has(lead[1].toLowerCase()) && lead[1].slice(1) === lead[1].slice(1).toLowerCase()) name = name.slice(lead[0].length);
  // "Latest ONS figures show": a filler that opens the sentence is no part of the name ("New York" keeps its "New").
  if (openingFiller.test(name)) name = name.slice(name.indexOf(' ') + 1);
  return name;
}

