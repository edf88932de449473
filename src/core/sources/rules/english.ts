import { registerWordClass, type Token } from '../../claims/tokens';
import {
  backward, byAfter, forward, isCapitalised, isDash, isDomainEnd, isLineStart, isQuoteOrComma, isTagEnd, speechVerbNeeds, speechVerbs, tagVerbs,
  tokenBefore,
} from '../english-names';
import { en } from '../../lang/en';
import { byParticiples, claimsObjects, evidenceFigureVerbs, evidenceLinks, evidenceNouns, leadingFiller, nounsToo, phraseStarts } from '../../lang/en/rule-words';
import { seq } from '../../claims/pattern';
import type { RuleInfo } from '../../claims/rules/types';
import { attributionRule } from './types';

/** Every word that can start a built-in English phrase. */
/** Labels of a line of sources: "Source:", "Sources:". */
const sourceLabels: ReadonlySet<string> = new Set(en.attribution.sourceLabels);
const triggers = registerWordClass([...phraseStarts, ...sourceLabels, ...tagVerbs, ...evidenceNouns, ...byParticiples, ...speechVerbs]);
const inTheJournal = seq('in', 'the', 'journal');

export const accordingTo = attributionRule({
  id: 'according-to',
  languages: ['en'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: '"according to" names the source after it: "according to WIPO", "according to the research firm IDC".',
  examples: { fires: ['Sales rose 5%, according to WIPO.'], doesNotFire: ['Sales rose 5%, according to him.'] },
  find: (ctx, i) => (ctx.tokens[i].lower === 'according' && ctx.tokens[i + 1]?.lower === 'to' ? forward(ctx.text, ctx.tokens, i, i + 2, 'according to') : undefined),
});

export const perSource = attributionRule({
  id: 'per-source',
  languages: ['en'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: '"per" before a name or a piece of evidence names a source ("per McKinsey", "per data from IDC"), not a rate ("per cent", "per share").',
  examples: { fires: ['Revenue hit $4bn, per McKinsey.', 'Use rose 9%, per statista.com data.'], doesNotFire: ['Revenue hit $4 per share.'] },
  find(ctx, i) {
    const { tokens } = ctx;
    const next = tokens[i + 1];
    if (tokens[i].lower !== 'per' || next?.kind !== 'word') return undefined;
    const named = isCapitalised(next) || leadingFiller.has(next.lower) || evidenceNouns.has(next.lower) || (!!tokens[i + 3] && isDomainEnd(tokens[i + 3]));
    return named ? forward(ctx.text, tokens, i, i + 1, 'per') : undefined;
  },
});

export const inJournal = attributionRule({
  id: 'in-the-journal',
  languages: ['en'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: '"in the journal" names the journal as the source: "reported in the journal Nature Astronomy".',
  examples: { fires: ['Ice loss tripled, as reported in the journal Nature Climate Change.'], doesNotFire: ['Ice loss tripled, as noted in the journal.'] },
  find(ctx, i) {
    const { tokens } = ctx;
    const next = tokens[i + 1];
    if (tokens[i].lower !== 'journal' || !inTheJournal.endsBefore(tokens, i + 1) || next?.kind !== 'word' || !isCapitalised(next)) return undefined;
    return forward(ctx.text, tokens, i - 2, i + 1, 'in the journal');
  },
});

export const citing = attributionRule({
  id: 'citing',
  languages: ['en'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: '"citing" names the source after it: "citing figures from the ONS".',
  examples: { fires: ['Prices rose 4%, the paper said, citing the Office for National Statistics.'], doesNotFire: ['Prices rose 4%, citing nothing.'] },
  find: (ctx, i) => (ctx.tokens[i].lower === 'citing' ? forward(ctx.text, ctx.tokens, i, i + 1, 'citing') : undefined),
});

export const sourceLine = attributionRule({
  id: 'source-line',
  languages: ['en'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: '"Source:" names every source of its list; a dash may stand for the colon where the line starts ("Source – ONS").',
  examples: { fires: ['Costs rose 12% (Source: Halford Council).', 'Costs rose 12%. Source – Office for National Statistics'], doesNotFire: ['The source of the 12% rise is unclear.'] },
  find(ctx, i) {
    const { tokens } = ctx;
    const lower = tokens[i].lower;
    const next = tokens[i + 1];
    if (!sourceLabels.has(lower) || !(next?.text === ':' || (isDash(next) && isLineStart(tokens, i)))) return undefined;
    return forward(ctx.text, tokens, i, i + 2, 'source:');
  },
});

export const evidenceBy = attributionRule({
  id: 'evidence-by',
  languages: ['en'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: 'A kind of evidence "by" or "from" a maker names the maker: "a report by IDC", "data from the ONS".',
  examples: { fires: ['A report by IDC put growth at 12%.', 'Data from the ONS show a 3% rise.'], doesNotFire: ['A report put growth at 12%.'] },
  find(ctx, i) {
    const { tokens } = ctx;
    const lower = tokens[i].lower;
    const link = tokens[i + 1]?.lower;
    if (!evidenceNouns.has(lower) || link === undefined || !evidenceLinks.has(link)) return undefined;
    return forward(ctx.text, tokens, i, i + 2, `${lower} ${link}`);
  },
});

export const evidencePutsFigure = attributionRule({
  id: 'evidence-puts-figure',
  languages: ['en'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: 'Evidence that puts a figure speaks for its maker: "the Treasury\'s own analysis puts the cost at £3.1bn".',
  examples: { fires: ["The Treasury's own analysis puts the cost at £3.1bn."], doesNotFire: ['The company put the cost at £3.1bn.'] },
  find(ctx, i) {
    const { tokens } = ctx;
    const next = tokens[i + 1];
    if (!evidenceNouns.has(tokens[i].lower) || next?.kind !== 'word' || !evidenceFigureVerbs.has(next.text)) return undefined;
    return backward(ctx.text, tokens, i + 1);
  },
});

export const participleBy = attributionRule({
  id: 'participle-by',
  languages: ['en'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: 'A participle of publishing "by" a maker names the maker: "released by the ONS", "carried out by Savanta".',
  examples: { fires: ['Figures released by the ONS show a 3% rise.', 'A poll carried out by Savanta found 40% support.'], doesNotFire: ['The motion was carried by 320 votes.'] },
  find(ctx, i) {
    const { tokens } = ctx;
    const lower = tokens[i].lower;
    if (!byParticiples.has(lower)) return undefined;
    const by = byAfter(tokens, i);
    return by > 0 ? forward(ctx.text, tokens, i, by + 1, `${lower} by`) : undefined;
  },
});

/** Whether `word` stands within `span` tokens from `from`. */
function wordWithin(tokens: readonly Token[], from: number, word: string, span: number): boolean {
  for (let k = from; k < tokens.length && k < from + span; k++) if (tokens[k].lower === word) return true;
  return false;
}

export const reportingVerb = attributionRule({
  id: 'reporting-verb',
  languages: ['en'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: 'A verb of saying, finding or estimating names its subject when the subject is named: "PitchBook found", "Apple Inc. said".',
  examples: {
    fires: ['PitchBook found that 40% of deals closed.', 'Four Seasons said revenue rose 5%.', '“We grew 5%,” said Ruth Adebayo.'],
    doesNotFire: ['Experts say revenue rose 5%.', 'He said revenue rose 5%.', 'Jobless claims fell by 5%.'],
  },
  find(ctx, i) {
    const { tokens } = ctx;
    const t = tokens[i];
    const lower = t.lower;
    const next = tokens[i + 1];
    if (!speechVerbs.has(lower) || (next?.lower === 'of' && nounsToo.has(lower))) return undefined;
    const needs = speechVerbNeeds.get(lower);
    if (needs !== undefined && !wordWithin(tokens, i + 1, needs, 6)) return undefined;
    // A capitalised verb after a word is part of a name: "the United States", "Consumer Reports".
    if (isCapitalised(t) && tokens[i - 1]?.kind === 'word') return undefined;
    // "jobless claims fell" is a noun; "Labour claims the cuts…" reports.
    if (lower === 'claims' && !((next?.kind === 'word' && claimsObjects.has(next.lower)) || isTagEnd(next))) return undefined;
    return backward(ctx.text, tokens, i) ?? (isQuoteOrComma(tokens[i - 1]) ? forward(ctx.text, tokens, i, i + 1, lower) : null);
  },
});

export const reportingTag = attributionRule({
  id: 'reporting-tag',
  languages: ['en'],
  stage: 'attribute',
  overlap: 'name',
  triggers,
  description: 'Verbs such as "added" or "confirmed" attribute only as a tag set off from what was said: "…,” added Paul Draycott".',
  examples: { fires: ['“Sales rose 5%,” added Paul Draycott.', 'Sales rose 5%, Draycott added.'], doesNotFire: ['The firm added 300 jobs.'] },
  find(ctx, i) {
    const { tokens, text } = ctx;
    const t = tokens[i];
    if (!tagVerbs.has(t.lower) || (isCapitalised(t) && tokens[i - 1]?.kind === 'word')) return undefined;
    if (isQuoteOrComma(tokens[i - 1])) return forward(text, tokens, i, i + 1, t.lower);
    if (!isTagEnd(tokens[i + 1])) return null;
    const named = backward(text, tokens, i);
    return named && isQuoteOrComma(tokenBefore(tokens, i, named.start)) ? named : null;
  },
});

/** Found with a reporting verb, beside the source it names: the engine adds it after `reporting-verb` or `reporting-tag`. */
export const makerOfEvidence: RuleInfo = {
  id: 'maker-of-evidence',
  languages: ['en'],
  stage: 'attribute',
  description: 'The maker of evidence done "for" a client is a source beside the client: "a YouGov poll for The Times shows".',
  examples: { fires: ['A YouGov poll for The Times shows 46% support.'], doesNotFire: ['A poll for The Times shows 46% support.'] },
};
