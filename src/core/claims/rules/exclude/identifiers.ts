import { zhCodeWords } from '../../../lang/zh/words';
import { capitalisedFunctionWords, currencyCodesBefore, identifierWords } from '../../../lang/en/words';
import { capitalised, glued, seq, startsUpper, sym } from '../../pattern';
import type { Token } from '../../tokens';
import { claimRule, Shape, type Candidate } from '../types';
import { compassLetters, streetWords } from '../../../lang/en/rule-words';

/** Marks that join an identifier's parts: "GPT-4", "#5", "№ 3", "v/2", "x.5", "12:", "id_7". */
const joiningMarks = new Set(['-', '#', '№', '/', '.', ':', '_']);
const statute = seq(glued(sym('(')), (t) => t.kind === 'word' && t.end - t.start <= 2, sym(')'));
const offer = seq(glued(sym('-')), glued('for'), glued(sym('-')));
const hyphenName = seq(glued(sym('-')), glued(capitalised));
const dottedWord = seq(glued(sym('.')), glued((t) => t.kind === 'word'));

function isBareOrChange(c: Candidate): boolean {
  return c.bare || c.q.kind === 'change';
}

/** A capitalised word that is not a sentence's function word: part of a name. */
function isNameWord(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && startsUpper(t.text) && !capitalisedFunctionWords.has(t.lower);
}

/** Whether word `i` ends a dotted name that starts with a capital: the "js" of "Node.js", the "io" of "Socket.io". */
function isDottedName(tokens: readonly Token[], i: number): boolean {
  const dot = tokens[i - 1];
  const head = tokens[i - 2];
  return !tokens[i].space && dot?.text === '.' && !dot.space && head?.kind === 'word' && startsUpper(head.text);
}

/** "68-32": two whole numbers joined by a dash, a vote or a score. */
function isTally(c: Candidate): boolean {
  const dash = c.tokens[c.q.first + 1];
  const other = c.tokens[c.q.first + 2];
  const core = c.q.core;
  return core.kind === 'num' && !core.decimal && dash?.kind === 'sym' && (dash.text === '-' || dash.text === '–') && !dash.space &&
    other?.kind === 'num' && !other.space && !other.decimal && other.digits <= 3 && core.digits <= 3;
}

/** Whether a street word closes the capitalised words from token `i`: an address. */
function isStreetAt(tokens: readonly Token[], i: number): boolean {
  for (let k = i; k < i + 4 && k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || !startsUpper(t.text)) return false;
    if (streetWords.has(t.lower)) return k > i;
  }
  return false;
}

export const lettersBefore = claimRule({
  id: 'letters-against-digits',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits | Shape.glued,
  description: 'Digits written against letters before them are a name or a code: "S24", "Q3", "FY2024", "A380".',
  examples: { fires: ['Samsung sold the Galaxy S24 widely.', 'Profits rose in Q3 as expected.'], doesNotFire: ['Samsung sold 24 models widely.', 'It cost USD40 in all.'] },
  apply(c) {
    const before = c.beforeNum;
    return before && !c.num?.space && before.kind === 'word' && !currencyCodesBefore.has(before.lower) ? 'skip' : undefined;
  },
});

export const markBefore = claimRule({
  id: 'code-after-mark',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits | Shape.glued,
  description: 'Digits written against a joining mark after a word or number are part of a code: "GPT-4", "#5", "item_7".',
  examples: { fires: ['OpenAI released GPT-4 that spring.', 'The ticket #5 sold out.'], doesNotFire: ['The ticket cost 5 dollars.'] },
  apply(c) {
    const before = c.beforeNum;
    if (!before || c.num?.space || before.kind !== 'sym' || !joiningMarks.has(before.text)) return undefined;
    const { tokens, numIndex } = c;
    const num = tokens[numIndex];
    const b2 = tokens[numIndex - 2];
    // Not the second of a pair or a score ("68-32"), a number below the first.
    const pair = b2?.kind === 'num' && !b2.decimal && !num.decimal && b2.value > num.value && num.text[0] !== '0' &&
      c.afterNum?.text !== '-' && tokens[numIndex - 3]?.text !== '-';
    return before.text !== '-' || (b2 && !before.space && (b2.kind === 'word' || b2.kind === 'num') && !pair) ? 'skip' : undefined;
  },
});

export const lettersAfter = claimRule({
  id: 'letters-after-digits',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits | Shape.glued,
  description: 'Digits with letters written against them after are a name or a code: "5G", "3D", "4K".',
  examples: { fires: ['Operators rolled out 5G in the city.'], doesNotFire: ['Operators rolled out 5 masts in the city.'] },
  apply(c) {
    const after = c.afterNum;
    return c.q.kind === null && after && !after.space && after.kind === 'word' && c.numIndex + 1 > c.q.last ? 'skip' : undefined;
  },
});

export const coordinates = claimRule({
  id: 'coordinates',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits | Shape.glued,
  description: 'Degrees, minutes and seconds of a place are coordinates: "52°14′N", "51.5074°N".',
  examples: { fires: ['The wreck lies at 52°14′N 1°31′W.', 'The buoy sits at 51.5074°N.'], doesNotFire: ['The sea warmed to 18°C.'] },
  apply(c) {
    const { tokens, numIndex } = c;
    const num = c.num;
    const before = c.beforeNum;
    const after = c.afterNum;
    if (!num) return undefined;
    if (before?.text === '°' && !num.space) return 'skip';
    if (after && !after.space && (after.text === '′' || after.text === '″')) return 'skip';
    if (after?.text !== '°' || after.space) return undefined;
    const n2 = tokens[numIndex + 2];
    const minutes = n2?.kind === 'num' && tokens[numIndex + 3]?.text === '′';
    const compass = !!n2 && !n2.space && (n2.kind === 'num' || (n2.kind === 'word' && compassLetters.has(n2.text)));
    return minutes || compass ? 'skip' : undefined;
  },
});

export const statuteName = claimRule({
  id: 'statute-name',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.digits | Shape.glued,
  description: 'A number with a letter in brackets after it names a statute or plan: "401(k)", "501(c)(3)".',
  examples: { fires: ['Workers put savings in a 401(k) plan.'], doesNotFire: ['Workers put 401 dollars (each) in.'] },
  apply: (c) => (c.numIndex >= 0 && statute.startsAt(c.tokens, c.numIndex + 1) ? 'skip' : undefined),
});

export const dottedName = claimRule({
  id: 'name-with-dot',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits | Shape.glued,
  description: 'A number written against a dot and a word is a name: "01.AI", "3.js".',
  examples: { fires: ['The startup 01.AI raised funds.'], doesNotFire: ['The startup raised 01 funds.'] },
  apply: (c) => (c.numIndex >= 0 && dottedWord.startsAt(c.tokens, c.numIndex + 1) ? 'skip' : undefined),
});

export const zhCode = claimRule({
  id: 'zh-code',
  languages: ['zh'],
  stage: 'exclude',
  needs: Shape.digits | Shape.bare | Shape.han,
  description: 'A number after 代码, 编号, 邮编 and the like is a code: "股票代码600519", "邮编：518000".',
  examples: { fires: ['该公司股票代码600519，上市多年。'], doesNotFire: ['该公司员工600人，上市多年。'] },
  apply(c) {
    if (!c.bare || c.numIndex < 0) return undefined;
    const { tokens, numIndex } = c;
    const before = c.beforeNum;
    const label = before?.text === '：' || before?.text === ':' ? numIndex - 2 : numIndex - 1;
    return tokens[label]?.kind === 'han' && tokens[label - 1]?.kind === 'han' && zhCodeWords.has(tokens[label - 1].text + tokens[label].text) ? 'skip' : undefined;
  },
});

export const identifierWord = claimRule({
  id: 'identifier-word',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.bareOrChange,
  description: 'A number after "page", "section", "No.", "room", "version" and the like is an identifier: "page 12", "No. 5".',
  examples: { fires: ['The rule is on page 12 of the report.', 'They met in room 101 today.'], doesNotFire: ['The report runs to 12 pages.'] },
  apply(c) {
    if (!isBareOrChange(c)) return undefined;
    const prev = c.prev;
    const p1 = prev?.kind === 'sym' && prev.text === '.' ? c.tokens[c.q.first - 2] : prev;
    return p1?.kind === 'word' && identifierWords.has(p1.lower) && !(p1.lower === 'number' && c.q.words) ? 'skip' : undefined;
  },
});

export const nameWithHyphen = claimRule({
  id: 'name-with-hyphen',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.bareOrChange,
  description: 'A number joined by a hyphen to a capitalised word is a name: "7-Eleven".',
  examples: { fires: ['He ran a 7-Eleven in town.'], doesNotFire: ['He ran a 7-mile race in town.'] },
  apply: (c) => (isBareOrChange(c) && hyphenName.startsAt(c.tokens, c.q.last + 1) ? 'skip' : undefined),
});

export const streetAddress = claimRule({
  id: 'street-address',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.bareOrChange,
  description: 'A number before a capitalised street name is an address: "10 Downing Street".',
  examples: { fires: ['Officials met at 10 Downing Street.'], doesNotFire: ['Officials met 10 Downing staff.'] },
  apply(c) {
    const next = c.next;
    return isBareOrChange(c) && next?.kind === 'word' && startsUpper(next.text) && isStreetAt(c.tokens, c.q.last + 1) ? 'skip' : undefined;
  },
});

export const offerName = claimRule({
  id: 'offer',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.bareOrChange,
  description: 'An offer is named, not counted: "a 2-for-1 deal", "3-for-2 on books".',
  examples: { fires: ['The shop ran a 2-for-1 deal.'], doesNotFire: ['The shop ran 2 deals.'] },
  apply: (c) => (isBareOrChange(c) && offer.startsAt(c.tokens, c.q.last + 1) ? 'skip' : undefined),
});

export const nameWithNumber = claimRule({
  id: 'name-with-number',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.bareOrChange,
  description: 'Digits after a capitalised word are part of its name: "Windows 11", "ISO 9001", "Node.js 22".',
  examples: { fires: ['Users moved to Xcode 16 quickly.', 'The plant meets ISO 9001 rules.'], doesNotFire: ['Around 11 users moved.', 'Population 1,000,000 was passed.'] },
  apply(c) {
    if (!isBareOrChange(c)) return undefined;
    const prev = c.prev;
    if (prev?.kind !== 'word' || !(startsUpper(prev.text) || isDottedName(c.tokens, c.q.first - 1))) return undefined;
    if (capitalisedFunctionWords.has(prev.lower) || c.q.words || isTally(c)) return undefined;
    return c.q.core.kind === 'num' && c.q.core.grouped ? undefined : 'skip';
  },
});

export const ageAfterName = claimRule({
  id: 'age-after-name',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.digits | Shape.bare | Shape.marked,
  description: 'A small number set off by commas after a name is an age: "Coach Dale Brennan, 54, signed".',
  examples: { fires: ['Coach Dale Brennan, 54, signed on.'], doesNotFire: ['The coach signed, 54, on.'] },
  apply(c) {
    const num = c.num;
    if (!num || !c.bare || c.beforeNum?.text !== ',' || c.afterNum?.text !== ',') return undefined;
    if (num.decimal || num.grouped || num.value <= 0 || num.value >= 120) return undefined;
    return isNameWord(c.tokens[c.numIndex - 2]) ? 'skip' : undefined;
  },
});
