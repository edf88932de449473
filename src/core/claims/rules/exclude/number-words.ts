import { notCountedAfter, numberWords } from '../../../lang/en/words';
import { capitalised, seq, startsUpper, word } from '../../pattern';
import { enNumeralGrammar } from '../../../lang/en/numerals';
import type { Quantity } from '../../quantity';
import type { Token } from '../../tokens';
import { claimRule, Shape, type Candidate } from '../types';
import { levelVerbs, referringWords, reportingAfterName } from '../../../lang/en/rule-words';
/** Marks after which a capitalised word starts a sentence or a clause. */
const sentenceEnd = new Set(['.', '!', '?', '。', '！', '？', ':', '：', ';', '；', '"', '“', '”', '(', '（', '—', '–', '-', '•', '*']);
const levelBefore = seq(word(levelVerbs), word('to', 'by'));
/** A title-case word, not an acronym: "Seasons", "Eleven", not "GPs" or "NHS". */
const titleCase = (t: Token): boolean => capitalised(t) && t.text.slice(1) === t.text.slice(1).toLowerCase();

/** Whether `q` spans a numeral the grammar read whole from its first token, of more than one token. */
function isWholeNumeral(tokens: readonly Token[], q: Quantity): boolean {
  const r = enNumeralGrammar.read(tokens, q.first);
  return r !== null && r.last === q.last && r.last > q.first;
}

/**
 * A number word standing for a count: written in words, with no kind and no
 * scale, of one word (or a hyphenated one); "minus five point five",
 * "twenty and three fifths" are numbers as digits are.
 */
export function isBareWords(c: Candidate): boolean {
  return c.q.words && c.bare && c.q.kind === null && (c.q.first === c.q.last || !isWholeNumeral(c.tokens, c.q));
}

function isNumberWordOrDigit(t: Token | undefined): boolean {
  return !!t && (t.kind === 'num' || numberWords.has(t.lower));
}

export const loneOne = claimRule({
  id: 'lone-one',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.words | Shape.bare,
  description: '"one" and "zero" in words are too common to count anything on their own: "one of the reasons", "zero tolerance".',
  examples: { fires: ['It was one reason among many.'], doesNotFire: ['It was two reasons among many.'] },
  apply: (c) => (isBareWords(c) && (c.first.lower === 'one' || c.first.lower === 'zero') && c.q.first === c.q.last ? 'drop' : undefined),
});

export const numberWordInName = claimRule({
  id: 'number-word-in-name',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.words | Shape.bare,
  description: 'A capitalised number word that begins a name is not a count: "Seven Eleven said", "Four Seasons said".',
  examples: {
    fires: ['Seven Eleven said sales rose.', 'Five Guys said sales rose 5%.'],
    doesNotFire: ['Four hotels said revenue rose 5%.', 'Seven firms said sales rose.'],
  },
  apply(c) {
    if (!isBareWords(c) || !startsUpper(c.first.text)) return undefined;
    const next = c.next;
    if (!next || !titleCase(next) || next.space === false) return undefined;
    // Two number words in a row ("Seven Eleven"), or a name before a reporting verb ("Four Seasons said").
    const after = c.tokens[c.q.last + 2];
    const named = numberWords.has(next.lower) || (after?.kind === 'word' && reportingAfterName.has(after.lower));
    return named ? 'drop' : undefined;
  },
});

export const capitalisedMidSentence = claimRule({
  id: 'capitalised-number-word',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.words | Shape.bare,
  description: 'A capitalised number word inside a sentence is part of a name: "the Big Four firms", "Formula One".',
  examples: { fires: ['Work at the Big Four firms pays well.'], doesNotFire: ['Four firms pay well.'] },
  apply(c) {
    const prev = c.prev;
    return isBareWords(c) && startsUpper(c.first.text) && prev && !sentenceEnd.has(prev.text) ? 'drop' : undefined;
  },
});

export const referenceBack = claimRule({
  id: 'reference-back',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.words | Shape.bare,
  description: 'A number word after "the", "these", "their" refers back to things already counted: "the three provinces".',
  examples: { fires: ['The three provinces agreed.'], doesNotFire: ['Three provinces agreed.'] },
  apply(c) {
    const prev = c.prev;
    return isBareWords(c) && prev?.kind === 'word' && referringWords.has(prev.lower) ? 'drop' : undefined;
  },
});

export const withoutNoun = claimRule({
  id: 'number-word-without-noun',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.words | Shape.bare,
  description: 'A number word counts something only when a noun follows it ("six clinics"), or when it is a new level ("tripled to twenty-three").',
  examples: { fires: ['Of the votes, six were spoilt.', 'We saw six, maybe seven.'], doesNotFire: ['They opened six clinics.', 'Cases tripled to twenty-three.'] },
  apply(c) {
    if (!isBareWords(c) || levelBefore.endsBefore(c.tokens, c.q.first)) return undefined;
    const n = c.next;
    return !n || n.kind !== 'word' || notCountedAfter.has(n.lower) ? 'drop' : undefined;
  },
});

export const numberWordBeforeIn = claimRule({
  id: 'number-word-in-ratio',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.words | Shape.bare,
  description: 'A number word before "in" and another number is half of a ratio the grammar did not read as one.',
  examples: { fires: ['Cases fell by nine in 2020.'], doesNotFire: ['Cases fell by nine last year.'] },
  apply(c) {
    if (!isBareWords(c)) return undefined;
    return c.next?.lower === 'in' && isNumberWordOrDigit(c.tokens[c.q.last + 2]) ? 'drop' : undefined;
  },
});

export const zeroCount = claimRule({
  id: 'zero-count',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits,
  description: 'A bare "0" counts nothing worth a source.',
  examples: { fires: ['The score stood at 0 after an hour.'], doesNotFire: ['The score stood at 10 after an hour.'] },
  apply(c) {
    const kind = c.q.kind ?? 'count';
    return kind === 'count' && c.q.valueMax === undefined && c.first.kind === 'num' && c.q.core.value === 0 ? 'drop' : undefined;
  },
});
