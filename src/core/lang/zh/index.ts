import type { Language } from '../types';
import { zhNumeralGrammar } from './numerals';
import { zhQuantityGrammar } from './quantity';
import { zhWriting } from './writing';
import { zhClassifiers, zhCodeWords, zhCurrencies, zhMeasures, zhNumerals, zhQualifiersAfter, zhQualifiersBefore, zhTimeWords } from './words';

/** Reporting verbs: Chinese verbs do not inflect, so each is its only form. */
const reportingVerbs = ['称', '表示', '说', '指出', '认为', '介绍', '强调', '宣布', '发布', '公布', '预计', '发现', '显示', '报道', '统计', '估计', '透露', '获悉'];

/** Labels of a line of sources: "来源：国家统计局", "资料来源：海关总署". */
const sourceLabels = ['来源', '数据来源', '资料来源'];

/** Chinese, simplified and traditional. */
export const zh: Language = {
  code: 'zh',
  name: 'Chinese',
  unspaced: true,
  numbers: {
    cardinals: new Map([...zhNumerals.digits, [zhNumerals.zero, 0]]),
    scales: new Map([...zhNumerals.smallScales, ...zhNumerals.bigScales]),
    scaleSuffixes: new Map(),
    denominators: new Map(),
    fractions: new Map([[zhNumerals.half, 0.5]]),
    multipliers: new Map(),
    changes: new Map([['翻一番', 2], ['翻两番', 4]]),
    multiplierSuffixes: ['倍'],
    joiners: [zhNumerals.zero, zhNumerals.mixedJoiner],
    negatives: zhNumerals.negatives,
    decimalSeparators: ['.', '．', ...zhNumerals.point],
    groupSeparators: [',', '，'],
    variants: zhNumerals.simplified,
  },
  units: {
    percent: [['%'], ['％']],
    percentBefore: [zhNumerals.percentBefore],
    percentagePoints: [[zhNumerals.percentagePoints]],
    currencySymbols: new Map([['￥', 'CNY'], ['¥', 'CNY']]),
    currencyBefore: new Map([['人民币', 'CNY']]),
    currencyAfter: new Map(zhCurrencies),
    currencyHundredths: new Map([['分', 'CNY']]),
    measures: zhMeasures,
    ambiguousMeasures: new Set(),
    classifiers: zhClassifiers,
  },
  qualifiers: { before: zhQualifiersBefore.map((w) => [w]), after: zhQualifiersAfter.map((w) => [w]) },
  time: { units: new Set(zhTimeWords), months: new Set(), frames: new Set(['过去', '未来', '近', '前', '后']) },
  identifiers: { before: zhCodeWords, ordinalPrefixes: ['第'], ordinalSuffixes: new Set() },
  sentences: { neverFinal: new Set(), maybeFinal: new Set(), openers: new Set(), quoteTagVerbs: ['称', '表示', '说', '指出', '认为', '介绍', '强调'] },
  listMarkers: {
    after: ['、', '.', '．', ')', '）'],
    enclosing: [['(', ')'], ['（', '）']],
    symbols: [...'①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'],
  },
  referenceHeadings: ['参考文献', '参考资料', '资料来源', '注释', '注释与参考文献', '脚注'],
  attribution: {
    reportingVerbs,
    irregularForms: new Map(),
    inflect: (lemma) => [lemma],
    sourceOpeners: [['据'], ['根据'], ...sourceLabels.map((label) => [label])],
    sourceLabels,
    creditLabels: [],
    sourceNouns: new Set(['报告', '调查', '数据', '统计', '研究', '报道', '公报', '白皮书', '年鉴']),
    genericSpeakers: new Set(['专家', '业内人士', '分析人士', '有关人士', '相关人士', '业界', '市场', '媒体', '有', '有人', '有媒体', '有报道', '相关机构']),
    pronouns: new Set(['他', '她', '他们', '她们', '我们', '我', '它', '它们', '其', '对方']),
    determiners: new Set(),
    roleNouns: new Set(['发言人', '负责人', '部长', '局长', '主任', '市长', '官员']),
    verbsNeedingAfter: new Map(),
    tagOnlyVerbs: [],
  },
  numerals: zhNumeralGrammar,
  quantities: zhQuantityGrammar,
  writing: zhWriting,
};
