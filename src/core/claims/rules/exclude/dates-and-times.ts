import { zhTimeWords } from '../../../lang/zh/words';
import { monthWords } from '../../../lang/en/words';
import { glued, seq, startsUpper, sym, word } from '../../pattern';
import { isYear } from '../../quantity';
import { hanRun } from '../../qualifiers';
import { claimRule, Shape, type Candidate } from '../types';
import { timeFrameWords } from '../../../lang/en/rule-words';
const decade = seq(glued('s'));
const shortDecade = seq(sym('’', "'"));
const clockSuffix = seq(word('a', 'p'), sym('.'), 'm');

/** The word before the quantity, stepping over an abbreviation's dot ("Oct. 27"). */
function wordBefore(c: Candidate) {
  const prev = c.prev;
  return prev?.kind === 'sym' && prev.text === '.' ? c.tokens[c.q.first - 2] : prev;
}

function isBareOrChange(c: Candidate): boolean {
  return c.bare || c.q.kind === 'change';
}

export const year = claimRule({
  id: 'year',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits,
  description: 'A bare four-digit number from 1000 to 2199 is a year, not a count.',
  examples: { fires: ['Sales peaked in 2019.'], doesNotFire: ['Some 2,019 people came.', 'Sales rose 19% in May.'] },
  apply: (c) => (c.numIndex >= 0 && isYear(c.q) ? 'skip' : undefined),
});

export const decadeRule = claimRule({
  id: 'decade',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.digits | Shape.glued,
  description: 'A number with "s" written against it is a decade: "the 1990s", "the ’90s".',
  examples: { fires: ['Prices were lower in the 80s.', 'Prices were lower in the ’90s.'], doesNotFire: ['Prices were lower for 90 days.'] },
  apply(c) {
    if (c.numIndex < 0) return undefined;
    const { tokens, numIndex } = c;
    const num = tokens[numIndex];
    if (decade.startsAt(tokens, numIndex + 1)) return 'skip';
    return !num.space && shortDecade.endsBefore(tokens, numIndex) && tokens[numIndex + 1]?.lower === 's' ? 'skip' : undefined;
  },
});

export const clockOrDate = claimRule({
  id: 'clock-or-date-digits',
  languages: ['*'],
  stage: 'exclude',
  needs: Shape.digits | Shape.glued,
  description: 'Digits joined by ":" or "/" to more digits are a time or a date ("10:30", "12/05"), and dotted digits a version or a date ("7.12.2024").',
  examples: { fires: ['The vote closed at 10:30 on Friday.', 'Sales fell on 12/05 again.'], doesNotFire: ['The vote closed with 30 ayes.'] },
  apply(c) {
    const { tokens, numIndex } = c;
    const after = c.afterNum;
    if (!after || after.space || after.kind !== 'sym') return undefined;
    const n2 = tokens[numIndex + 2];
    if ((after.text === ':' || after.text === '/') && n2?.kind === 'num' && !n2.space &&
      !(after.text === ':' && c.q.kind === 'multiplier') && !(after.text === '/' && c.q.kind === 'fraction')) return 'skip';
    return after.text === '.' && n2?.kind === 'num' ? 'skip' : undefined;
  },
});

export const monthDate = claimRule({
  id: 'date-with-month',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.bareOrChange,
  description: 'A number beside a month name is a date: "January 2024", "Oct. 27", "3 July".',
  examples: { fires: ['The plan starts on 3 July.', 'It opened on Oct. 27 last year.'], doesNotFire: ['It opened 27 stores last year.', 'Sales may 3 times rise.'] },
  apply(c) {
    if (!isBareOrChange(c)) return undefined;
    const p1 = wordBefore(c);
    const next = c.next;
    if (p1?.kind === 'word' && monthWords.has(p1.lower) && (p1.lower !== 'may' || /^M/u.test(p1.text))) return 'drop';
    return next?.kind === 'word' && monthWords.has(next.lower) && startsUpper(next.text) ? 'drop' : undefined;
  },
});

export const timeFrame = claimRule({
  id: 'time-frame',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.bareOrChange,
  description: 'A number after "past", "last", "next", "first" frames a stretch of time: "the past five seasons", "the first 100 days".',
  examples: { fires: ['Over the past five seasons the club won often.', 'In the first 100 days he signed orders.'], doesNotFire: ['The club won five titles.'] },
  apply(c) {
    if (!isBareOrChange(c)) return undefined;
    const p1 = wordBefore(c);
    return p1?.kind === 'word' && timeFrameWords.has(p1.lower) ? 'drop' : undefined;
  },
});

export const timeOfDay = claimRule({
  id: 'time-of-day',
  languages: ['en'],
  stage: 'exclude',
  needs: Shape.countable,
  description: 'A number before "a.m." or "p.m." is a time of day.',
  examples: { fires: ['Doors open at 10 a.m. sharp.'], doesNotFire: ['Doors open to 10 people.'] },
  apply(c) {
    if (c.q.kind !== null && c.q.kind !== 'count') return undefined;
    return clockSuffix.startsAt(c.tokens, c.q.last + 1) ? 'skip' : undefined;
  },
});

export const zhTimeUnit = claimRule({
  id: 'zh-time-unit',
  languages: ['zh'],
  stage: 'exclude',
  needs: Shape.countable | Shape.han,
  description: 'A number before 年, 月, 日, 天, 小时 and the like is a date, a time or a duration: "２０１０年", "４个月".',
  examples: { fires: ['项目历时４个月完成。', '工期延长了两个月。'], doesNotFire: ['项目雇用４个工人。'] },
  apply(c) {
    if (c.q.kind !== null && c.q.kind !== 'count') return undefined;
    const n = c.next;
    if (n?.kind !== 'han' || n.space) return undefined;
    const ahead = hanRun(c.tokens, c.q.last + 1, 2);
    return zhTimeWords.some((w) => ahead.startsWith(w)) ? 'skip' : undefined;
  },
});
