/**
 * Chinese words the recogniser's rules read, as data: each list is named for
 * what it holds and used by the rules that say so.
 */

/** Nouns of evidence before a verb of showing: "数据显示", "研究表明". */
export const evidenceNouns = ['数据', '报告', '公报', '公告', '财报', '年报', '季报', '调查', '研究', '监测', '普查', '测算'];

/** Verbs of showing after a noun of evidence. */
export const showingVerbs = ['显示', '表明', '发现'];

/** The characters a "来源：" line starts with: 资料来源, 数据来源, 来源. */
export const sourceLineStarts = ['资', '数', '来'];

/**
 * A Chinese word a phrase is made of: its characters, and the characters
 * that must (`next`) or must not (`notNext`) follow it.
 */
export interface ZhWord {
  readonly word: string;
  readonly next?: string;
  readonly notNext?: string;
  /** Words that must not follow: "调查中心" is a body, not a survey. */
  readonly notNextWords?: readonly string[];
  /** Words that must follow: "告诉记者". */
  readonly nextWords?: readonly string[];
  /** Characters before it that make a word of it, not a speaker's verb: 小说 (novel), 来说, 可以说, 据说. */
  readonly notAfter?: string;
  /** A verb of hearing: the word before the source ("记者从市交通局获悉": the newsroom heard it from the bureau). */
  readonly heardFrom?: string;
}

/** Verbs that close "据…": 据X统计, 据X显示 (not the 统计 of 统计局). */
export const accordingVerbWords: readonly ZhWord[] = [
  { word: '统计', notNext: '局署处所司' }, { word: '显示' }, { word: '估计' }, { word: '估算' }, { word: '预计' }, { word: '预测' },
  { word: '报道' }, { word: '调查', notNext: '局队所总组', notNextWords: ['中心'] }, { word: '测算' }, { word: '介绍' }, { word: '了解' },
  { word: '分析' }, { word: '数据' }, { word: '报告' }, { word: '公报' },
];
/** Reporting verbs after a named speaker, in the order they are tried at one place (longer first). */
export const speakerVerbWords: readonly ZhWord[] = [
  { word: '指出' }, { word: '表示' }, { word: '宣称' }, { word: '声称' }, { word: '称' }, { word: '透露' }, { word: '宣布' }, { word: '披露' },
  { word: '说', next: '，,：:。', notAfter: '小学传演游劝解来是如听再话以般么样又还也就据' }, { word: '告诉', nextWords: ['记者'] }, { word: '介绍', next: '，,：:' }, { word: '获悉', heardFrom: '从' }, { word: '了解到', heardFrom: '从' },
  { word: '统计', notNext: '局署处所司数年公' }, { word: '报道' },
  { word: '预计', next: '，,：:' }, { word: '预测', next: '，,：:' }, { word: '估计', next: '，,：:' },
  ...evidenceNouns.flatMap((n) => showingVerbs.map((v) => ({ word: n + v }))),
];
/** Verbs of showing after a book title: "《报告》显示". */
export const titleVerbWords: readonly ZhWord[] = [{ word: '显示' }, { word: '表明' }];

/** Classifiers of a place in a ranking: "第12位", "第3名". */
export const zhRankClassifiers = ['位', '名'];

/** Openers of "据…" that are no part of the name after them: "根据调查显示" names no one. */
export const accordingOpeners = ['根据', '据'];

/**
 * Words after a name that are no part of it ("国家统计局今天称", "商务部此前表示"):
 * time words and adverbs between a speaker and the verb.
 */
export const nameTrailingWords = ['之前', '近期', '日前', '近日', '今天', '昨天', '今日', '今年', '去年', '全年', '此前', '最新', '同时', '也', '还', '则', '又', '曾', '均', '都', '亦'];

/** A date after a name: digits then 月 (month) and 日 (day), perhaps with 在 (at) and a place: "国家统计局3月15日在京发布". */
export const nameTrailingDate = { month: '月', day: '日', at: '在' };

/** Cities written as one character after 在 ("在沪", "在京"): Shanghai, Beijing, Hong Kong, Shenzhen, Guangzhou. */
export const cityAbbreviations = ['沪', '京', '港', '深', '穗'];

/**
 * What ends "X发布的统计数据" after the publisher: a verb of publishing, the
 * possessive 的, "statistical", and a noun of what was published.
 */
export const publishedBy = {
  verbs: ['发布', '公布', '披露', '出具'],
  possessive: '的',
  modifier: '统计',
  nouns: ['数据', '报告', '公报'],
};

/** Words of the people counted in a survey, not a source: "受访者" (respondents), "受调查的企业". */
export const surveyedWords = ['受访', '受调查'];
