import { forward } from '../english-names';
import { isUnnamedZh, tidyZh } from '../chinese-names';
import type { Named } from '../attribution';
import { attributionRule, type AttributionContext } from './types';

/** The name after a Chinese phrase: past a colon, up to the next mark. */
const zhNameAfter = /\s{0,2}[：:]?\s{0,2}([^，。；！？、,;!?\n（）()“”《》]{1,40})/uy;

function chineseAfter(ctx: AttributionContext, i: number, last: number, phrase: string): Named | null {
  zhNameAfter.lastIndex = ctx.tokens[last].end;
  const m = zhNameAfter.exec(ctx.text.slice(0, ctx.to));
  if (!m) return null;
  const name = tidyZh(m[1]);
  return isUnnamedZh(name) ? null : { start: ctx.tokens[i].start, end: zhNameAfter.lastIndex, name, phrase };
}

export const settingPhrase = attributionRule({
  id: 'setting-phrase',
  languages: ['*'],
  stage: 'attribute',
  overlap: 'name',
  triggers: 0,
  description: 'A phrase from the attributionPhrases setting names the source after it, in any language ("as reported by", "数据来源").',
  examples: {
    settings: { attributionPhrases: ['as tallied by', '数据来源'] },
    fires: ['Votes rose 12%, as tallied by Ipsos.', '销量增长12%，数据来源国家统计局。'],
    doesNotFire: ['Votes rose 12%, as tallied by him.', 'Votes rose 12%, as counted by Ipsos.'],
  },
  find(ctx, i) {
    const { tokens } = ctx;
    for (const words of ctx.phrasesByFirst.get(tokens[i].lower) ?? []) {
      if (!words.every((w, k) => tokens[i + k]?.lower === w)) continue;
      const last = i + words.length - 1;
      const han = tokens[last].kind === 'han';
      const found = han ? chineseAfter(ctx, i, last, words.join('')) : forward(ctx.text, tokens, i, i + words.length, words.join(' '));
      if (found) return found;
    }
    return undefined;
  },
});
