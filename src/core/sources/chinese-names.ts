/** Reading the names of Chinese attributions: the text before a verb, or after 据 or a "来源：". */
import { zh } from '../lang/zh';
import { charClass, wordGroup } from '../lang/patterns';
import { zhNumerals } from '../lang/zh/words';
import { accordingOpeners, cityAbbreviations, nameTrailingDate, nameTrailingWords, publishedBy, surveyedWords } from '../lang/zh/rule-words';

/** Marks that end a name. */
const delimiters = '，。；：！？、“”「」《》,;:!?"\n';
/** Marks a name after 据 does not cross, by code unit. */
const accordingStops = new Set([...'，。；！？,;!?\n'].map((c) => c.charCodeAt(0)));
/** Names that name no one: the pack's pronouns ("他们") and generic speakers ("专家", "有关人士"). */
const unnamed: ReadonlySet<string> = new Set([...zh.attribution.pronouns, ...zh.attribution.genericSpeakers]);
const digit = '[０-９\\d]';
const [month, day, at] = [nameTrailingDate.month, nameTrailingDate.day, nameTrailingDate.at].map((w) => wordGroup([w]));
/** Time words, adverbs and a date or place after a name: "今天", "此前", "3月15日在京". */
const trailingNoise = new RegExp(
  `(?:${wordGroup(nameTrailingWords)}|${digit}+${month}(?:${digit}+${day})?(?:${at}[^\\s]{1,2})?|${digit}+${day}(?:${at}[^\\s]{1,2})?|${at}${charClass(cityAbbreviations)})+$`,
  'u',
);
/** Digits or numeral characters up to ten, before 成 (tenths): "六成", "3成". */
const countedNumerals = charClass([...'0123456789０１２３４５６７８９', ...zhNumerals.digits.keys(), ...[...zhNumerals.smallScales].filter(([, v]) => v === 10).map(([c]) => c)]);
/** "超过六成受访者表示", "65%的受访者称": the people counted, not a source. */
export const counted = new RegExp(`${wordGroup(surveyedWords)}|[0-9０-９][%％]|${countedNumerals}${wordGroup([zhNumerals.tenths])}|${wordGroup([zhNumerals.fractionMark])}`, 'u');
const accordingOpener = new RegExp(`^${wordGroup(accordingOpeners)}`, 'u');
const publish = new RegExp(`${wordGroup(publishedBy.verbs)}${wordGroup([publishedBy.possessive])}?${wordGroup([publishedBy.modifier])}?${wordGroup(publishedBy.nouns)}?$`, 'u');
const trailingPossessive = new RegExp(`${wordGroup([publishedBy.possessive])}$`, 'u');

/** Tidies a Chinese name: "国家统计局发布的" → "国家统计局"; the possessive 的 and time words go. */
export function tidyZh(raw: string): string {
  let name = raw.trim();
  for (let i = 0; i < 3; i++) {
    const before = name;
    name = name.replace(publish, '').replace(trailingNoise, '').replace(trailingPossessive, '').trim();
    if (name === before) break;
  }
  return name;
}

/** Whether a Chinese name names no one: a pronoun or a generic group ("专家", "有关人士"). */
export function isUnnamedZh(name: string): boolean {
  return !name || unnamed.has(name);
}

/**
 * Where the name before a verb at `verbStart` starts: back to a delimiter,
 * at most 40 characters, not before `from`; a book title 《…》 is part of
 * the name ("中国信通院发布的《白皮书》显示").
 */
export function nameStartBefore(text: string, verbStart: number, from: number): number {
  let s = verbStart;
  while (s > from && verbStart - s < 40) {
    const open = text[s - 1] === '》' ? text.lastIndexOf('《', s - 2) : -1;
    if (open >= from && verbStart - open < 40) s = open;
    else if (delimiters.includes(text[s - 1])) break;
    else s--;
  }
  return s;
}

/** The raw name before a verb, without an opening 据 or 根据 ("根据调查显示" names no one). */
export function rawNameBefore(text: string, start: number, verbStart: number): string {
  return text.slice(start, verbStart).trim().replace(accordingOpener, '');
}

/** Whether the code unit of a mark ends the name after 据. */
export function endsAccordingName(code: number): boolean {
  return accordingStops.has(code);
}
