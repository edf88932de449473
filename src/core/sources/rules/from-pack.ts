import type { Named } from '../attribution';
import type { Token } from '../../claims/tokens';
import { packWordClass, type Language } from '../../lang';
import { startsUpper } from '../../text-tests';
import { attributionRule, type AttributionContext } from './types';

/**
 * Attribution read from a language pack's data alone, for a language with no
 * rules of its own: the pack's phrases that open an attribution, its
 * reporting verbs in every form its `inflect` gives, and names as runs of
 * capitalised words after its determiners.
 */

const forms = new WeakMap<Language, ReadonlySet<string>>();

/** Every written form of the pack's reporting verbs, made once per pack. */
function formsOf(pack: Language): ReadonlySet<string> {
  let set = forms.get(pack);
  if (!set) {
    set = new Set(pack.attribution.reportingVerbs.flatMap((lemma) => pack.attribution.inflect(lemma).map((f) => f.toLowerCase())));
    forms.set(pack, set);
  }
  return set;
}

/** Words that can start a pack's phrase: the first word of each opener, each source label, and every form of each reporting verb. */
const triggers = packWordClass((pack) => [...pack.attribution.sourceOpeners.map((o) => o[0]), ...pack.attribution.sourceLabels, ...formsOf(pack)]);

/** Longest run of names this reads: a body's name is rarely longer. */
const maxNameWords = 6;

function isNameWord(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'word' && startsUpper(t.text);
}

/** The name as a source, unless it is a pronoun or a generic speaker of the pack. */
function named(ctx: AttributionContext, pack: Language, first: number, last: number, start: number, end: number, phrase: string): Named | null {
  const { tokens, text } = ctx;
  let k = first;
  while (k <= last && pack.attribution.determiners.has(tokens[k].lower)) k++;
  if (k > last) return null;
  const head = tokens[last].lower;
  if (pack.attribution.pronouns.has(head) || (k === last && pack.attribution.genericSpeakers.has(head))) return null;
  return { start, end, name: text.slice(tokens[k].start, tokens[last].end), phrase };
}

/** The capitalised words from token `k`, after the pack's determiners: [first, last], or null. */
function nameAfter(tokens: readonly Token[], k: number, pack: Language): [number, number] | null {
  let first = k;
  while (tokens[first]?.kind === 'word' && pack.attribution.determiners.has(tokens[first].lower)) first++;
  let last = -1;
  for (let j = first; j < first + maxNameWords && isNameWord(tokens[j]); j++) last = j;
  return last < 0 ? null : [first, last];
}

/** The capitalised words right before token `k`: [first, last], or null. */
function nameBefore(tokens: readonly Token[], k: number): [number, number] | null {
  let first = -1;
  for (let j = k - 1; j >= 0 && j >= k - maxNameWords && isNameWord(tokens[j]); j--) first = j;
  return first < 0 ? null : [first, k - 1];
}

export const packSourceOpener = attributionRule({
  id: 'pack-source-opener',
  languages: ['*'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: 'In a language read from its pack alone, a phrase of the pack that opens an attribution, or a source label and a colon, names the source after it: "laut dem Statistischen Bundesamt", "Quelle: Destatis".',
  examples: {
    settings: { languages: ['de'] },
    fires: ['Laut dem Statistischen Bundesamt stieg die Quote um 3,5 Prozent.'],
    doesNotFire: ['Die Quote stieg um 3,5 Prozent.', 'Laut ihm stieg die Quote um 3,5 Prozent.'],
  },
  find(ctx, i) {
    const { tokens } = ctx;
    for (const pack of ctx.packs) {
      for (const opener of pack.attribution.sourceOpeners) {
        if (!opener.every((w, k) => tokens[i + k]?.lower === w)) continue;
        const name = nameAfter(tokens, i + opener.length, pack);
        if (!name) return null;
        return named(ctx, pack, name[0], name[1], tokens[i].start, tokens[name[1]].end, opener.join(' '));
      }
      // "Quelle: Destatis": a source label and its colon.
      const colon = tokens[i + 1]?.text;
      if ((colon === ':' || colon === '：') && pack.attribution.sourceLabels.includes(tokens[i].lower)) {
        const name = nameAfter(tokens, i + 2, pack);
        if (!name) return null;
        return named(ctx, pack, name[0], name[1], tokens[i].start, tokens[name[1]].end, `${tokens[i].lower}:`);
      }
    }
    return undefined;
  },
});

export const packReportingVerb = attributionRule({
  id: 'pack-reporting-verb',
  languages: ['*'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: 'In a language read from its pack alone, any form of a reporting verb of the pack names the speaker after it or before it: "sagte Müller", "Müller sagte".',
  examples: {
    settings: { languages: ['de'] },
    fires: ['Der Umsatz stieg um 3,5 Prozent, sagte Müller.', 'Müller sagte, der Umsatz sei um 3,5 Prozent gestiegen.'],
    doesNotFire: ['Der Umsatz stieg um 3,5 Prozent, sagte er.', 'Experten sagten, der Umsatz stieg um 3,5 Prozent.'],
  },
  find(ctx, i) {
    const { tokens } = ctx;
    const t = tokens[i];
    for (const pack of ctx.packs) {
      if (!formsOf(pack).has(t.lower)) continue;
      const after = nameAfter(tokens, i + 1, pack);
      if (after) return named(ctx, pack, after[0], after[1], t.start, tokens[after[1]].end, t.lower);
      const before = nameBefore(tokens, i);
      if (before) return named(ctx, pack, before[0], before[1], tokens[before[0]].start, t.end, t.lower);
      return null;
    }
    return undefined;
  },
});
