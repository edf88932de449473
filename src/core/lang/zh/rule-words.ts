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
  { word: '说', next: '，,：:。' }, { word: '告诉', nextWords: ['记者'] }, { word: '介绍', next: '，,：:' }, { word: '获悉' }, { word: '了解到' },
  { word: '统计', notNext: '局署处所司数年公' }, { word: '报道' },
  { word: '预计', next: '，,：:' }, { word: '预测', next: '，,：:' }, { word: '估计', next: '，,：:' },
  ...evidenceNouns.flatMap((n) => showingVerbs.map((v) => ({ word: n + v }))),
];
/** Verbs of showing after a book title: "《报告》显示". */
export const titleVerbWords: readonly ZhWord[] = [{ word: '显示' }, { word: '表明' }];

/** Classifiers of a place in a ranking: "第12位", "第3名". */
export const zhRankClassifiers = ['位', '名'];
