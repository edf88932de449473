/** Reading the names of Chinese attributions: the text before a verb, or after 据 or a "来源：". */

/** Marks that end a name. */
const delimiters = '，。；：！？、“”「」《》,;:!?"\n';
/** Marks a name after 据 does not cross, by code unit. */
const accordingStops = new Set([...'，。；！？,;!?\n'].map((c) => c.charCodeAt(0)));
export const pronouns = /^(?:他|她|他们|她们|我们|我|它|它们|其|对方|有人|有|有报道|媒体|有媒体|市场|业界|有关人士|相关人士|相关机构|专家|业内人士|分析人士)$/u;
const trailingNoise = /(?:之前|近期|日前|近日|今天|昨天|今日|今年|去年|全年|此前|最新|同时|也|还|则|又|曾|均|都|亦|[０-９\d]+月(?:[０-９\d]+日)?(?:在[^\s]{1,2})?|[０-９\d]+日(?:在[^\s]{1,2})?|在[沪京港深穗])+$/u;
/** "超过六成受访者表示", "65%的受访者称": the people counted, not a source. */
export const counted = /受访|受调查|[0-9０-９][%％]|[0-9０-９一二两三四五六七八九十]成|分之/u;
const accordingOpener = /^(?:根据|据)/u;
const publish = /(?:发布|公布|披露|出具)(?:的)?(?:统计)?(?:数据|报告|公报)?$/u;

/** Tidies a Chinese name: "国家统计局发布的" → "国家统计局"; the possessive 的 and time words go. */
export function tidyZh(raw: string): string {
  let name = raw.trim();
  for (let i = 0; i < 3; i++) {
    const before = name;
    name = name.replace(publish, '').replace(trailingNoise, '').replace(/的$/u, '').trim();
    if (name === before) break;
  }
  return name;
}

/** Whether a Chinese name names no one: a pronoun or a generic group ("专家", "有关人士"). */
export function isUnnamedZh(name: string): boolean {
  return !name || pronouns.test(name);
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
