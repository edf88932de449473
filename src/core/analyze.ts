import type { Bibliography } from './index';
import { findClaims, type ClaimMatch } from './claims/find-claims';
import type { FootnoteDefinition, InlineMark, ProseBlock, ProseDocument } from './formats/prose';
import { splitSentences, type Sentence } from './sentences';
import type { Settings } from './settings';
import { findAttributions, type Attribution } from './sources/attribution';
import { isWeakLink } from './sources/weak-links';
import { TokenPool } from './claims/tokens';
import type { RuleFiring as ProseFiring } from './claims/rules/types';
import { fromAllPacks } from './lang';
import { nextNumberWord } from './number-words';
import { wordGroup } from './lang/patterns';
import { isPageCount, pageCountRule } from './claims/rules/exclude/page-furniture';
import { findDirectives, type Suppression } from './suppression';
import { compileIgnorePatterns, type IgnorePattern } from './ignore-patterns';
import type { Analysis, Claim, ClaimStatus, Format, Problem, Range, RuleFiring, Source } from './types';

/**
 * "Source: ONS", "Source – ONS", "Source - ONS": a colon or a dash after the word, perhaps after
 * a credit set off by a slash or bar ("Chart: Halford Herald / Source: Halford Council").
 */
const sourceLines = fromAllPacks((packs) => {
  const credits = wordGroup(packs.flatMap((p) => p.attribution.creditLabels));
  const labels = wordGroup(packs.flatMap((p) => p.attribution.sourceLabels));
  const body = String.raw`\s*(?:${credits}\s*[:：][^/|\n]{0,80}[/|]\s*)?${labels}\s*(?:[:：–—]|-\s)`;
  return {
    /** A block that starts with a "Source:" line. */
    start: new RegExp(`^${body}`, 'iu'),
    /** The same at a given offset (set `lastIndex`): a sentence that is a "Source:" line. */
    at: new RegExp(body, 'iuy'),
  };
});

/** What one block's prose yields, in prose offsets: a pure function of the text and settings. */
interface BlockFindings {
  readonly claims: readonly ClaimMatch[];
  readonly sentences: readonly Sentence[];
  readonly attributions: readonly Attribution[];
  /** Index of a "Source:" sentence that cites the sentences above it, or -1. */
  readonly sourceSentence: number;
  /** The named rules that fired, by prose offsets, when asked for. */
  readonly firings?: readonly ProseFiring[];
}

/**
 * Remembers what each block's prose yielded, so that re-analysing an edited
 * article redoes only the blocks whose text changed. Create one per document
 * with `createBlockCache()`; it is tied to the settings it was first used with.
 */
export class BlockCache {
  private current = new Map<string, BlockFindings>();
  private previous = new Map<string, BlockFindings>();
  private settings: Settings | undefined;

  /** Findings for a block's text, computed at most once per generation. */
  get(text: string, settings: Settings, compute: () => BlockFindings): BlockFindings {
    if (this.settings !== settings) {
      this.settings = settings;
      this.current.clear();
      this.previous.clear();
    }
    let found = this.current.get(text) ?? this.previous.get(text);
    if (!found) found = compute();
    this.current.set(text, found);
    return found;
  }

  /** Starts a new generation: entries not used since the last one are dropped. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** Token objects shared by every sentence of every block: none outlives the sentence it was made for. */
const tokenPool = new TokenPool();

function findInBlock(text: string, settings: Settings, cache: BlockCache | undefined, explain = false): BlockFindings {
  const compute = (): BlockFindings => {
    const firings: ProseFiring[] | undefined = explain ? [] : undefined;
    const sentences = splitSentences(text);
    const claims: ClaimMatch[] = [];
    let attributions: Attribution[] = [];
    // The next number word found so far: each stretch of the text is searched once, however many sentences it holds.
    let wordAt = -1;
    for (const s of sentences) {
      if (!s.numeric) {
        if (wordAt < s.start) wordAt = nextNumberWord(text, s.start);
        if (wordAt >= s.end) continue;
      }
      const tokens = tokenPool.tokenize(text, s.start, s.end);
      const found = findClaims(text, settings.languages, tokens, firings);
      if (!found.length) continue;
      for (const c of found) claims.push(c);
      if (settings.scope === 'sentence') for (const a of findAttributions(text, settings, tokens, s.start, s.end, s.han)) attributions.push(a);
    }
    if (!claims.length) return { claims, sentences: [], attributions: [], sourceSentence: -1, firings };
    if (settings.scope === 'paragraph') attributions = findAttributions(text, settings);
    // "Costs rose 12% in two years. Source: Halford Council" in a caption or paragraph: the line cites the sentences above it.
    const sourceSentence = settings.scope === 'sentence' && sentences.length > 1 ? lastSourceSentence(text, sentences) : -1;
    if (sourceSentence > 0) {
      const line = sentences[sourceSentence];
      if (!attributions.some((a) => a.start >= line.start && a.start < line.end)) {
        for (const a of findAttributions(text, settings, undefined, line.start, line.end, line.han)) attributions.push(a);
        attributions.sort((a, b) => a.start - b.start);
      }
    }
    if (firings) for (const a of attributions) firings.push({ rule: a.rule, start: a.start, end: a.end, effect: 'attributed' });
    return { claims, sentences, attributions, sourceSentence, firings };
  };
  return cache && !explain ? cache.get(text, settings, compute) : compute();
}

/** One source found in a block, by prose position, before it is numbered. */
interface Found {
  readonly at: number;
  readonly source: Draft;
}

/**
 * Runs claim and source finding over prose blocks and puts the result
 * together. Pure: the same inputs give the same `Analysis`.
 */
export function analyzeProse(
  text: string,
  prose: ProseDocument,
  format: Format,
  settings: Settings,
  bibliography: Bibliography | undefined,
  cache?: BlockCache,
  explain = false,
): Analysis {
  const firings: RuleFiring[] | undefined = explain ? [] : undefined;
  const suppression = prose.suppression ?? findDirectives(text);
  const strongOnly = settings.linkSources === 'strong';
  const ignorePatterns = compileIgnorePatterns(settings.ignorePatterns);
  const sources: Source[] = [];
  const claims: Claim[] = [];
  const problems: Problem[] = [...prose.problems];

  const addSource = (draft: Draft): Source => {
    draft.id = sources.length;
    const source = draft as Source;
    sources.push(source);
    return source;
  };

  // Whether the claims so far stand in document order, and where the last one starts.
  let ordered = true;
  let lastStart = -1;
  // Claims of the previous table or list, for a "Source:" line under it.
  let lastGroup = -1;
  let groupClaims: number[] = [];
  let groupIsBlockList = false;

  for (const block of prose.blocks) {
    // A "Source:" line right under a table, list or figure, or as its last item or row, cites all of it.
    if (groupIsBlockList && groupClaims.length && sourceLines().start.test(block.text)) {
      const found = blockSources(block, prose, bibliography, findAttributions(block.text, settings));
      const added = found.map((f) => addSource(f.source));
      for (const index of groupClaims) addSources(claims[index], added, strongOnly);
      continue;
    }
    if (block.group !== lastGroup) {
      lastGroup = block.group;
      groupClaims = [];
      groupIsBlockList = block.kind === 'table-cell' || block.kind === 'list-item' || block.figure === true;
    }

    const analysable = block.kind === 'paragraph' || block.kind === 'list-item' || block.kind === 'table-cell' ||
      block.kind === 'blockquote' || (settings.includeHeadings && (block.kind === 'heading' || block.kind === 'title'));
    const found = analysable ? findInBlock(block.text, settings, cache, explain) : undefined;
    if (firings && found?.firings) {
      for (const f of found.firings) firings.push({ rule: f.rule, effect: f.effect, range: block.map.toRaw(f.start, f.end) });
    }
    if (!found || !found.claims.length) {
      for (const mark of block.marks) addSource(markSource(mark, prose, bibliography));
      continue;
    }
    // The block's sources in order of position, in arrays of their exact size: claims keep them.
    const located = blockSources(block, prose, bibliography, found.attributions);
    const all: Source[] = new Array(located.length);
    const ats: number[] = new Array(located.length);
    for (let k = 0; k < located.length; k++) {
      all[k] = addSource(located[k].source);
      ats[k] = located[k].at;
    }
    const whole = settings.scope === 'paragraph' || found.sentences.length <= 1;
    const sourceSentence = whole ? -1 : found.sourceSentence;
    // Claims of one sentence share its text, raw range and sources.
    let lastSentence = -1;
    let sentenceText = '';
    let sentenceRange: Range = { start: 0, end: 0 };
    let own: readonly Source[] = [];
    let ownStatus: ClaimStatus = 'uncited';
    for (const match of found.claims) {
      const s = found.sentences.length <= 1 ? 0 : sentenceOf(found.sentences, match.start);
      if (s !== lastSentence) {
        lastSentence = s;
        const span = found.sentences[s];
        sentenceText = block.text.slice(span.start, span.end);
        sentenceRange = block.map.toRaw(span.start, span.end);
        own = whole ? all : sentenceSources(all, ats, found.sentences, s);
        if (s < sourceSentence) own = [...own, ...sentenceSources(all, ats, found.sentences, sourceSentence)];
        // Once per sentence, not per claim: a sentence may hold thousands of claims and sources.
        ownStatus = statusOf(own, strongOnly);
      }
      // "48 comments", "1.4K views | 2.1k shares" in a byline or share bar: page furniture, not a claim.
      if (block.kind !== 'table-cell' && isPageCount(block.text, match)) {
        firings?.push({ rule: pageCountRule.id, effect: 'left out', range: block.map.toRaw(match.start, match.end) });
        continue;
      }
      groupClaims.push(claims.length);
      const claim = buildClaim(text, prose, block, match, sentenceText, sentenceRange, own, ownStatus, suppression, ignorePatterns);
      if (claim.range.start < lastStart) ordered = false;
      lastStart = claim.range.start;
      claims.push(claim);
    }
  }

  if (bibliography) {
    for (const source of sources) {
      if (source.kind === 'citation' && source.key && !source.entry) {
        problems.push({
          code: 'unknown-citation-key',
          message: `No bibliography holds the citation key "${source.key}".`,
          range: source.range,
        });
      }
    }
  }

  cache?.sweep();
  // Blocks come in document order, so claims almost always do too: sort only when they do not.
  if (!ordered) claims.sort((a, b) => a.range.start - b.range.start);
  ignoreNextClaims(claims, suppression.nextClaim);
  problems.sort((a, b) => a.range.start - b.range.start);
  if (firings) {
    firings.sort((a, b) => a.range.start - b.range.start);
    return { format, claims, sources, problems, firings };
  }
  return { format, claims, sources, problems };
}

const noSources: readonly Source[] = Object.freeze([]);

/** Gives the first claim at or after each `<!-- claimlens-ignore -->` comment's end the status `ignored`. */
function ignoreNextClaims(claims: Claim[], commentEnds: readonly number[]): void {
  for (const end of commentEnds) {
    let lo = 0;
    let hi = claims.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (claims[mid].range.start < end) lo = mid + 1;
      else hi = mid;
    }
    if (lo < claims.length && claims[lo].status !== 'ignored') claims[lo] = { ...claims[lo], status: 'ignored' };
  }
}

/** Index of the last sentence after the first that is a "Source:" line, or -1. */
function lastSourceSentence(text: string, sentences: readonly Sentence[]): number {
  for (let s = sentences.length - 1; s > 0; s--) {
    const sourceLineAt = sourceLines().at;
    sourceLineAt.lastIndex = sentences[s].start;
    if (sourceLineAt.test(text)) return s;
  }
  return -1;
}

/**
 * The sources of sentence `s`: those standing from its start to the next
 * sentence's (a note marker after the full stop belongs to the sentence it
 * follows; anything before the first sentence, to the first). `ats` holds
 * the sources' positions, in order.
 */
function sentenceSources(all: readonly Source[], ats: readonly number[], sentences: readonly Sentence[], s: number): readonly Source[] {
  const lo = s === 0 ? 0 : lowerBound(ats, sentences[s].start);
  const hi = s + 1 < sentences.length ? lowerBound(ats, sentences[s + 1].start) : ats.length;
  return lo < hi ? all.slice(lo, hi) : noSources;
}

/** The first index of sorted `values` holding `value` or more. */
function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds sources to a claim this analysis built (no one else holds it yet): in place, since a spread copies it into a slower shape. */
function addSources(claim: Claim, extra: readonly Source[], strongOnly: boolean): void {
  const all = [...claim.sources, ...extra];
  const c = claim as { -readonly [K in keyof Claim]: Claim[K] };
  c.sources = all;
  if (c.status !== 'ignored') c.status = statusOf(all, strongOnly);
}

/** Cited by a link, note or citation; attributed by a name (and, when `strongOnly`, by a link on a name); else uncited. */
function statusOf(sources: readonly Source[], strongOnly: boolean): ClaimStatus {
  for (let i = 0; i < sources.length; i++) if (sources[i].kind !== 'textual' && !(strongOnly && sources[i].weak)) return 'cited';
  return sources.length ? 'attributed' : 'uncited';
}

function buildClaim(
  text: string,
  prose: ProseDocument,
  block: ProseBlock,
  match: ClaimMatch,
  sentenceText: string,
  sentenceRange: Range,
  sources: readonly Source[],
  sourcesStatus: ClaimStatus,
  suppression: Suppression,
  ignorePatterns: readonly IgnorePattern[],
): Claim {
  const range = block.map.toRaw(match.start, match.end);
  const raw = prose.textOf ? prose.textOf(range) : text.slice(range.start, range.end);
  const ignored = suppression.isIgnored(range.start) || (ignorePatterns.length > 0 && ignorePatterns.some((p) => p.test(raw)));
  const claim: { -readonly [K in keyof Claim]: Claim[K] } = {
    id: `${range.start}:${raw}`,
    range,
    text: raw,
    kind: match.kind,
    value: match.value,
    unit: match.unit,
    sentence: sentenceText,
    sentenceRange,
    status: ignored ? 'ignored' : sourcesStatus,
    sources,
  };
  if (match.valueMax !== undefined) claim.valueMax = match.valueMax;
  if (match.qualifier) claim.qualifier = match.qualifier;
  return claim;
}

/** Index of the sentence a prose position belongs to: markers after a sentence's end belong to it. */
function sentenceOf(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Links, notes, citations and named attributions of a block, by prose position. */
function blockSources(
  block: ProseBlock,
  prose: ProseDocument,
  bibliography: Bibliography | undefined,
  attributions: readonly Attribution[],
): Found[] {
  const found: Found[] = block.marks.map((mark) => ({ at: mark.start, source: markSource(mark, prose, bibliography) }));
  for (const a of attributions) {
    // "according to <cite>Gallup</cite>": the <cite> already names the source.
    if (block.marks.some((m) => m.kind === 'cite' && m.start >= a.start && m.end <= a.end)) continue;
    found.push({
      at: a.start,
      source: {
        kind: 'textual',
        range: block.map.toRaw(a.start, a.end),
        label: a.name,
        name: a.name,
        phrase: a.phrase,
      },
    });
  }
  for (let i = 1; i < found.length; i++) {
    if (found[i].at < found[i - 1].at) {
      found.sort((a, b) => a.at - b.at);
      break;
    }
  }
  return found;
}

/** A source before it is numbered: built field by field, since spreads cost on the hot path. */
type Draft = { -readonly [K in keyof Source]?: Source[K] } & Pick<Source, 'kind' | 'range' | 'label'>;

function markSource(mark: InlineMark, prose: ProseDocument, bibliography: Bibliography | undefined): Draft {
  const d: Draft = { kind: 'link', range: mark.raw, label: mark.label };
  switch (mark.kind) {
    case 'link':
      if (mark.url) d.url = mark.url;
      if (mark.title) d.title = mark.title;
      if (isWeakLink(mark.label, mark.url)) d.weak = true;
      return d;
    case 'footnote':
      d.kind = 'footnote';
      addDefinition(d, prose.footnotes.get(mark.label));
      return d;
    case 'numbered':
      d.kind = 'citation';
      d.key = mark.label;
      addDefinition(d, referenceByLabel(prose, mark.label) ?? prose.references[Number(mark.label) - 1]);
      return d;
    case 'citation': {
      d.kind = 'citation';
      d.key = mark.key ?? mark.label;
      if (mark.locator) d.text = mark.locator;
      const entry = bibliography?.lookup(d.key);
      if (entry) {
        d.entry = entry;
        if (entry.title) d.title = entry.title;
        const url = entry.url ?? (entry.doi ? `https://doi.org/${entry.doi}` : undefined);
        if (url) d.url = url;
      }
      return d;
    }
    case 'cite':
      d.kind = 'textual';
      d.name = mark.label;
      return d;
  }
}

const referenceIndexes = new WeakMap<ProseDocument, Map<string, FootnoteDefinition>>();

/** A numbered reference list entry by its own label ("12"), indexed once per document. */
function referenceByLabel(prose: ProseDocument, label: string): FootnoteDefinition | undefined {
  let index = referenceIndexes.get(prose);
  if (!index) {
    index = new Map();
    for (const r of prose.references) if (!index.has(r.label)) index.set(r.label, r);
    referenceIndexes.set(prose, index);
  }
  return index.get(label);
}

function addDefinition(d: Draft, def: FootnoteDefinition | undefined): void {
  if (!def) return;
  d.text = def.text;
  d.urls = def.urls;
  if (def.urls.length) d.url = def.urls[0];
}

