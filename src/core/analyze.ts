import type { Bibliography } from './index';
import { findClaims, type ClaimMatch } from './claims/find-claims';
import type { FootnoteDefinition, InlineMark, ProseBlock, ProseDocument } from './formats/prose';
import { LineIndex } from './lines';
import { splitSentences, type Span } from './sentences';
import type { Settings } from './settings';
import { findAttributions } from './sources/attribution';
import { findDirectives, type Suppression } from './suppression';
import type { Analysis, Claim, ClaimStatus, Format, Problem, Source } from './types';

const sourceLine = /^\s*(?:sources?|资料来源|数据来源|来源)\s*[:：]/iu;

/** One source found in a block, by prose position, before it is numbered. */
interface Found {
  readonly at: number;
  readonly source: Omit<Source, 'id'>;
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
): Analysis {
  const lines = new LineIndex(text);
  const suppression = findDirectives(text, lines);
  const ignorePatterns = settings.ignorePatterns.map((p) => new RegExp(p, 'u'));
  const sources: Source[] = [];
  const claims: Claim[] = [];
  const problems: Problem[] = [...prose.problems];

  const addSource = (s: Omit<Source, 'id'>): Source => {
    const source = { ...s, id: sources.length } as Source;
    sources.push(source);
    return source;
  };

  // Claims of the previous table or list, for a "Source:" line under it.
  let lastGroup = -1;
  let groupClaims: { index: number; claim: Claim }[] = [];
  let groupIsBlockList = false;

  for (const block of prose.blocks) {
    if (block.group !== lastGroup) {
      if (sourceLine.test(block.text) && groupIsBlockList && groupClaims.length) {
        const found = blockSources(block, prose, settings, bibliography);
        const added = found.map((f) => addSource(f.source));
        for (const entry of groupClaims) claims[entry.index] = withSources(entry.claim, added);
        continue;
      }
      lastGroup = block.group;
      groupClaims = [];
      groupIsBlockList = block.kind === 'table-cell' || block.kind === 'list-item';
    }

    const found = blockSources(block, prose, settings, bibliography);
    const analysable = block.kind === 'paragraph' || block.kind === 'list-item' || block.kind === 'table-cell' ||
      block.kind === 'blockquote' || (settings.includeHeadings && (block.kind === 'heading' || block.kind === 'title'));
    if (!analysable) {
      for (const f of found) addSource(f.source);
      continue;
    }
    const matches = findClaims(block.text, settings.languages);
    if (!matches.length) {
      for (const f of found) addSource(f.source);
      continue;
    }
    const sentences = splitSentences(block.text);
    const placed = found.map((f) => ({ sentence: sentenceOf(sentences, f.at), source: addSource(f.source) }));
    for (const match of matches) {
      const s = sentenceOf(sentences, match.start);
      const own = placed.filter((p) => settings.scope === 'paragraph' || p.sentence === s).map((p) => p.source);
      const sentence = sentences[s];
      const claim = buildClaim(text, block, match, sentence, own, suppression, ignorePatterns);
      groupClaims.push({ index: claims.length, claim });
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

  claims.sort((a, b) => a.range.start - b.range.start);
  problems.sort((a, b) => a.range.start - b.range.start);
  return { format, claims, sources, problems };
}

function withSources(claim: Claim, extra: readonly Source[]): Claim {
  const all = [...claim.sources, ...extra];
  return { ...claim, sources: all, status: claim.status === 'ignored' ? 'ignored' : statusOf(all) };
}

function statusOf(sources: readonly Source[]): ClaimStatus {
  if (sources.some((s) => s.kind !== 'textual')) return 'cited';
  return sources.length ? 'attributed' : 'uncited';
}

function buildClaim(
  text: string,
  block: ProseBlock,
  match: ClaimMatch,
  sentence: Span,
  sources: readonly Source[],
  suppression: Suppression,
  ignorePatterns: readonly RegExp[],
): Claim {
  const range = block.map.toRaw(match.start, match.end);
  const raw = text.slice(range.start, range.end);
  const sentenceRange = block.map.toRaw(sentence.start, sentence.end);
  const ignored = suppression.isIgnored(range.start) || ignorePatterns.some((p) => p.test(raw));
  return {
    id: `${range.start}:${raw}`,
    range,
    text: raw,
    kind: match.kind,
    value: match.value,
    ...(match.valueMax !== undefined ? { valueMax: match.valueMax } : {}),
    unit: match.unit,
    ...(match.qualifier ? { qualifier: match.qualifier } : {}),
    sentence: block.text.slice(sentence.start, sentence.end),
    sentenceRange,
    status: ignored ? 'ignored' : statusOf(sources),
    sources,
  };
}

/** Index of the sentence a prose position belongs to: markers after a sentence's end belong to it. */
function sentenceOf(sentences: readonly Span[], at: number): number {
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
  settings: Settings,
  bibliography: Bibliography | undefined,
): Found[] {
  const found: Found[] = block.marks.map((mark) => ({ at: mark.start, source: markSource(mark, prose, bibliography) }));
  for (const a of findAttributions(block.text, settings)) {
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
  found.sort((a, b) => a.at - b.at);
  return found;
}

function markSource(mark: InlineMark, prose: ProseDocument, bibliography: Bibliography | undefined): Omit<Source, 'id'> {
  const base = { range: mark.raw, label: mark.label };
  switch (mark.kind) {
    case 'link':
      return { ...base, kind: 'link', ...(mark.url ? { url: mark.url } : {}), ...(mark.title ? { title: mark.title } : {}) };
    case 'footnote':
      return { ...base, kind: 'footnote', ...definitionFields(prose.footnotes.get(mark.label)) };
    case 'numbered': {
      const entry = prose.references[Number(mark.label) - 1];
      return { ...base, kind: 'citation', key: mark.label, ...definitionFields(entry) };
    }
    case 'citation': {
      const key = mark.key ?? mark.label;
      const entry = bibliography?.lookup(key);
      const url = entry?.url ?? (entry?.doi ? `https://doi.org/${entry.doi}` : undefined);
      return {
        ...base,
        kind: 'citation',
        key,
        ...(mark.locator ? { text: mark.locator } : {}),
        ...(entry ? { entry, ...(entry.title ? { title: entry.title } : {}) } : {}),
        ...(url ? { url } : {}),
      };
    }
    case 'cite':
      return { ...base, kind: 'textual', name: mark.label };
  }
}

function definitionFields(def: FootnoteDefinition | undefined): Partial<Source> {
  if (!def) return {};
  return { text: def.text, urls: def.urls, ...(def.urls.length ? { url: def.urls[0] } : {}) };
}

