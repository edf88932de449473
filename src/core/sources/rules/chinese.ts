import type { Token } from '../../claims/tokens';
import type { Named } from '../attribution';
import { counted, endsAccordingName, isUnnamedZh, nameStartBefore, rawNameBefore, tidyZh } from '../chinese-names';
import { registerWordClass } from '../../claims/tokens';
import { wordGroup } from '../../lang/patterns';
import { attributionRule, type AttributionContext } from './types';
import { accordingVerbWords, sourceLineStarts, speakerVerbWords, titleVerbWords, type ZhWord } from '../../lang/zh/rule-words';

/** Verbs that close "据…": 据X统计, 据X显示 (not the 统计 of 统计局). */
const accordingVerbs = byFirstChar(accordingVerbWords);
/** Reporting verbs after a named speaker, in the order they are tried at one place (longer first). */
const reportingVerbs = byFirstChar(speakerVerbWords);
/** Verbs of showing after a book title: "《报告》显示". */
const titleVerbs = byFirstChar(titleVerbWords);
/** Characters the Chinese phrases start with: other characters are passed over by their class. */
const accordingStart = registerWordClass(['据']);
const sourceLineStart = registerWordClass(sourceLineStarts);
const speakerVerbStart = registerWordClass([...reportingVerbs.keys(), ...titleVerbs.keys()]);
/** "记者从市交通局获悉": what comes before the verb's `heardFrom` word (从) is who heard it, made once per word. */
const heardFromPatterns = new Map(speakerVerbWords.flatMap((w) => (w.heardFrom ? [[w.heardFrom, new RegExp(`^(?:(?!${wordGroup([w.heardFrom])})[^]){0,12}${wordGroup([w.heardFrom])}`, 'u')] as const] : [])));
/** The names after "来源：": "国家统计局", "海关总署、商务部". */
const sourceNames = /\s{0,2}([^，。！？,!?\n（）()“”]{1,60})/uy;

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** The end offset of `w` written at token `k` (each Han character a token, none apart), or -1. */
function wordAt(ctx: AttributionContext, k: number, w: ZhWord): number {
  const { tokens, text } = ctx;
  for (let c = 0; c < w.word.length; c++) {
    const t: Token | undefined = tokens[k + c];
    if (!t || t.kind !== 'han' || t.text !== w.word[c] || (c > 0 && t.space)) return -1;
  }
  const end = tokens[k + w.word.length - 1].end;
  const after = end < ctx.to ? text[end] : '';
  if (w.next !== undefined && !(after && w.next.includes(after))) return -1;
  if (w.notNext !== undefined && after && w.notNext.includes(after)) return -1;
  if (w.nextWords && !w.nextWords.some((n) => text.startsWith(n, end) && end + n.length <= ctx.to)) return -1;
  if (w.notNextWords?.some((n) => text.startsWith(n, end) && end + n.length <= ctx.to)) return -1;
  return end;
}

/** Words by their first character, in the order given. */
function byFirstChar(words: readonly ZhWord[]): ReadonlyMap<string, readonly ZhWord[]> {
  const map = new Map<string, ZhWord[]>();
  for (const w of words) {
    const list = map.get(w.word[0]);
    if (list) list.push(w);
    else map.set(w.word[0], [w]);
  }
  return map;
}

/** The first of `words` written at token `k`: its word and end offset. */
function firstWordAt(ctx: AttributionContext, k: number, words: ReadonlyMap<string, readonly ZhWord[]>): { word: string; end: number; entry: ZhWord } | null {
  const candidates = words.get(ctx.tokens[k].text);
  if (!candidates) return null;
  for (const w of candidates) {
    const end = wordAt(ctx, k, w);
    if (end >= 0) return { word: w.word, end, entry: w };
  }
  return null;
}

/** The token index that starts at or after offset `end`. */
function tokenAfter(tokens: readonly Token[], k: number, end: number): number {
  while (k < tokens.length && tokens[k].start < end) k++;
  return k;
}

export const zhAccording = attributionRule({
  id: 'zh-according',
  languages: ['zh'],
  stage: 'attribute',
  overlap: 'phrase',
  triggers: accordingStart,
  description: '据…统计, 据…显示, 据…报道: the name between 据 and its verb is the source.',
  examples: { fires: ['据国家统计局统计，全年增长5%。', '根据中国汽车工业协会数据，销量增长12%。'], doesNotFire: ['据统计，全年增长5%。', '据他介绍，全年增长5%。'] },
  find(ctx, i) {
    const { tokens, text } = ctx;
    if (tokens[i].text !== '据' || tokens[i].kind !== 'han') return undefined;
    const nameStart = tokens[i].end;
    for (let k = i + 1; k < tokens.length; k++) {
      const t = tokens[k];
      if (t.start - nameStart > 40 || endsAccordingName(text.charCodeAt(t.start)) || (t.space && hasLineBreak(text, tokens[k - 1].end, t.start))) return undefined;
      if (k === i + 1 || t.kind !== 'han') continue; // a name of one character at least
      const verb = firstWordAt(ctx, k, accordingVerbs);
      if (!verb) continue;
      const name = tidyZh(text.slice(nameStart, t.start));
      return isUnnamedZh(name) ? null : { start: tokens[i].start, end: verb.end, name, phrase: `据…${verb.word}` };
    }
    return undefined;
  },
});

/** Marks the tokens up to offset `end` as read, so the Chinese rules do not start again inside a phrase. */
function consume(ctx: AttributionContext, i: number, end: number): void {
  ctx.resumeAt = tokenAfter(ctx.tokens, i, end);
}

export const zhSourceLine = attributionRule({
  id: 'zh-source-line',
  languages: ['zh'],
  stage: 'attribute',
  overlap: 'phrase',
  triggers: sourceLineStart,
  description: '"来源：", "资料来源：", "数据来源：" name every source of the list after them.',
  examples: { fires: ['全年增长5%（来源：国家统计局）。', '全年出口增长8%（资料来源：海关总署、商务部）。'], doesNotFire: ['收入来源：工资。增长8%。'] },
  find(ctx, i) {
    const { tokens, text } = ctx;
    if (i < ctx.resumeAt) return undefined;
    const t = tokens[i];
    let k = i;
    if ((t.text === '资' && tokens[i + 1]?.text === '料') || (t.text === '数' && tokens[i + 1]?.text === '据')) k = i + 2;
    else if (t.text !== '来' || (tokens[i - 1]?.kind === 'han' && tokens[i - 1].end === t.start)) return undefined;
    if (tokens[k]?.text !== '来' || tokens[k + 1]?.text !== '源' || tokens[k + 1].space) return undefined;
    let at = tokens[k + 1].end;
    while (at < ctx.to && at - tokens[k + 1].end < 2 && /\s/u.test(text[at])) at++;
    if (text[at] !== '：' && text[at] !== ':') return undefined;
    sourceNames.lastIndex = at + 1;
    const names = sourceNames.exec(text.slice(0, ctx.to));
    if (!names) return undefined;
    consume(ctx, i, sourceNames.lastIndex);
    return namesOfList(names[1], sourceNames.lastIndex - names[1].length, t.start);
  },
});

/** Each name of a "来源：" list, parted by 、 or ；. */
function namesOfList(list: string, at: number, start: number): Named[] | null {
  const out: Named[] = [];
  for (const part of list.split(/[、；;]/u)) {
    const name = tidyZh(part);
    if (!isUnnamedZh(name)) out.push({ start, end: at + part.length, name, phrase: '来源：' });
    at += part.length + 1;
  }
  return out.length ? out : null;
}

export const zhReportingVerb = attributionRule({
  id: 'zh-reporting-verb',
  languages: ['zh'],
  stage: 'attribute',
  overlap: 'phrase',
  triggers: speakerVerbStart,
  description: 'A verb of saying, finding or publishing names the speaker before it: "王龙基称", "市长李明说，", "数据显示", "《报告》显示".',
  examples: {
    fires: ['中国半导体行业协会指出，销售额增长12%。', '市长李明说，全年增长5%。', '记者从市交通局获悉，客流增长8%。', '海关数据显示，出口增长8%。'],
    doesNotFire: ['专家称，全年增长5%。', '超过六成受访者表示支持，增长5%。', '他表示，全年增长5%。'],
  },
  find(ctx, i) {
    const { tokens, text } = ctx;
    if (i < ctx.resumeAt || tokens[i].kind !== 'han') return undefined;
    const verbStart = tokens[i].start;
    const verb = firstWordAt(ctx, i, reportingVerbs) ?? (text[verbStart - 1] === '》' ? firstWordAt(ctx, i, titleVerbs) : null);
    if (!verb) return undefined;
    consume(ctx, i, verb.end);
    const start = nameStartBefore(text, verbStart, ctx.from);
    let raw = rawNameBefore(text, start, verbStart);
    const { notAfter, heardFrom } = verb.entry;
    if (notAfter && raw && notAfter.includes(raw[raw.length - 1])) return null;
    const heard = heardFrom ? heardFromPatterns.get(heardFrom) : undefined;
    if (heard) {
      if (!heard.test(raw)) return null;
      raw = raw.replace(heard, '');
    }
    // "数据显示" with nothing before still names the data.
    const evidence = verb.word.length === 4 ? verb.word.slice(0, 2) : '';
    if (!raw && !evidence) return null;
    raw = tidyZh(raw);
    if (counted.test(raw)) return null;
    const name = (raw + evidence).trim();
    if (!name || (isUnnamedZh(raw) && !evidence)) return null;
    return { start, end: verb.end, name, phrase: verb.word };
  },
});
