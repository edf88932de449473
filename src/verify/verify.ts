/**
 * Checking cited claims against what they cite: for each cited claim and
 * each of its links, footnote URLs and bibliography URLs or DOIs, fetch the
 * source (once per address), read it, and look for the claim's figure.
 * Only the cited addresses are requested; the article's text is never sent.
 */
import type { Analysis, Claim, Source, SourceVerification } from '../core/index';
import type { Fetched } from './fetch';
import { findFigure, indexSource, valuesAgree, type IndexedSource } from './match';
import { readSource } from './read-source';

/** The default of the web archive's availability API. */
export const defaultArchiveApi = 'https://archive.org/wayback/available';

/** What the verifier fetches through: a `SourceFetcher`, or pages held in memory. */
export interface PageFetcher {
  get(url: string, signal?: AbortSignal): Promise<Fetched>;
}

export interface VerifyOptions {
  readonly fetcher: PageFetcher;
  /** The availability API asked for an archived copy of an unreachable source; null to ask none. */
  readonly archiveApi?: string | null;
  readonly languages?: readonly string[];
  readonly signal?: AbortSignal;
  /** Called as each claim-and-source pair is done. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A cited claim and one of its sources, to be checked. */
export interface VerifyTarget {
  readonly claim: Claim;
  readonly source: Source;
  /** The addresses to fetch, in order: the first that states the figure wins. */
  readonly urls: readonly string[];
}

/** At most this many addresses of one footnote or entry are fetched. */
const maxUrlsPerSource = 3;
/** A page with fewer words than this was not really read. */
const minWords = 25;

/** The web addresses a source points to: a link's, a footnote's, a bibliography entry's URL or DOI. */
export function urlsOfSource(source: Source): string[] {
  const urls: string[] = [];
  const add = (url: string | undefined) => {
    if (url && /^https?:\/\//iu.test(url.trim()) && !urls.includes(url.trim())) urls.push(url.trim());
  };
  switch (source.kind) {
    case 'link':
      add(source.url);
      break;
    case 'footnote':
      for (const url of source.urls ?? []) add(url);
      add(source.url);
      break;
    case 'citation':
      add(source.entry?.url);
      add(source.url);
      if (source.entry?.doi) add(doiUrl(source.entry.doi));
      break;
    case 'textual':
      break;
  }
  return urls.slice(0, maxUrlsPerSource);
}

/** `https://doi.org/…` for a DOI written bare, with `doi:` or as a URL. */
export function doiUrl(doi: string): string {
  const bare = doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/iu, '');
  return `https://doi.org/${bare.split('/').map((part, i) => (i === 0 ? part : encodeURIComponent(part).replace(/%2F/giu, '/'))).join('/')}`;
}

/** The cited claims of an analysis and the sources to check for each. */
export function targetsOf(analysis: Analysis): VerifyTarget[] {
  const targets: VerifyTarget[] = [];
  for (const claim of analysis.claims) {
    if (claim.status !== 'cited' || claim.value === null) continue;
    for (const source of claim.sources) {
      if (source.kind === 'textual') continue;
      const urls = urlsOfSource(source);
      if (urls.length) targets.push({ claim, source, urls });
    }
  }
  return targets;
}

/** What one address gave once fetched and read. */
type SourceState =
  | { readonly ok: true; readonly url: string; readonly finalUrl: string; readonly format: 'html' | 'text' | 'pdf'; readonly index: IndexedSource; readonly paywall?: string }
  | { readonly ok: false; readonly url: string; readonly status: 'unreachable' | 'not-checked'; readonly reason: string; readonly archived?: string };

/**
 * Checks claims against their sources. One verifier per run: it fetches and
 * reads each address once, however many claims and articles cite it.
 */
export class Verifier {
  private readonly states = new Map<string, Promise<SourceState>>();

  constructor(private readonly options: VerifyOptions) {}

  /** Checks every cited claim of an analysis; one result per claim and checked source. */
  async verifyAnalysis(analysis: Analysis): Promise<SourceVerification[]> {
    return this.verifyTargets(targetsOf(analysis));
  }

  async verifyTargets(targets: readonly VerifyTarget[]): Promise<SourceVerification[]> {
    let done = 0;
    return Promise.all(targets.map(async (target) => {
      const result = await this.verify(target);
      this.options.onProgress?.(++done, targets.length);
      return result;
    }));
  }

  /** Checks one claim against one source. */
  async verify(target: VerifyTarget): Promise<SourceVerification> {
    const ids = { claimId: target.claim.id, sourceId: target.source.id };
    let fallback: SourceVerification | undefined;
    for (const url of target.urls) {
      const state = await this.stateOf(url);
      const result = { ...ids, ...judge(target.claim, state) };
      if (result.status === 'supported') return result;
      if (!fallback || rank[result.status] < rank[fallback.status]) fallback = result;
    }
    return fallback ?? { ...ids, status: 'not-checked', url: target.urls[0] ?? '', reason: 'no web address to fetch' };
  }

  private stateOf(url: string): Promise<SourceState> {
    let state = this.states.get(url);
    if (!state) {
      state = this.load(url);
      this.states.set(url, state);
    }
    return state;
  }

  private async load(url: string): Promise<SourceState> {
    const fetched = await this.options.fetcher.get(url, this.options.signal);
    if (!fetched.ok) {
      // A 403 or 503 page may be a bot wall: say so rather than "access denied".
      const wall = fetched.body?.length && fetched.httpStatus && fetched.httpStatus >= 400 ? await readSource(fetched.body, fetched.headers?.['content-type'], fetched.headers) : undefined;
      const reason = wall && !wall.ok && /bot wall|JavaScript/u.test(wall.reason) ? wall.reason : fetched.reason;
      const archived = fetched.status === 'unreachable' ? await this.archivedCopy(url) : undefined;
      return { ok: false, url, status: fetched.status, reason, ...(archived ? { archived } : {}) };
    }
    const read = await readSource(fetched.body, fetched.contentType, fetched.headers);
    if (!read.ok) return { ok: false, url, status: 'not-checked', reason: read.reason };
    return {
      ok: true,
      url,
      finalUrl: fetched.finalUrl,
      format: read.format,
      index: indexSource(read.text, this.options.languages),
      ...(read.paywall ? { paywall: read.paywall } : {}),
    };
  }

  /** The closest archived copy of `url` the web archive has, if any. */
  private async archivedCopy(url: string): Promise<string | undefined> {
    const api = this.options.archiveApi === undefined ? defaultArchiveApi : this.options.archiveApi;
    if (!api) return undefined;
    let fetched: Fetched;
    try {
      fetched = await this.options.fetcher.get(`${api}${api.includes('?') ? '&' : '?'}url=${encodeURIComponent(url)}`, this.options.signal);
    } catch {
      return undefined;
    }
    if (!fetched.ok) return undefined;
    try {
      const answer = JSON.parse(new TextDecoder().decode(fetched.body)) as { archived_snapshots?: { closest?: { available?: boolean; url?: string; status?: string } } };
      const closest = answer.archived_snapshots?.closest;
      if (!closest?.available || !closest.url || (closest.status && !/^2/u.test(closest.status))) return undefined;
      return closest.url;
    } catch {
      return undefined;
    }
  }
}

/** Best first: a result for a read page beats one for a page that could not be read. */
const rank: Record<SourceVerification['status'], number> = { supported: 0, 'not-found': 1, 'not-checked': 2, unreachable: 3 };

function judge(claim: Claim, state: SourceState): Omit<SourceVerification, 'claimId' | 'sourceId'> {
  if (!state.ok) return { status: state.status, url: state.url, reason: state.reason, ...(state.archived ? { archived: state.archived } : {}) };
  const match = findFigure(claim, state.index);
  if (match) {
    return {
      status: 'supported',
      url: state.url,
      quote: match.quote,
      figure: match.figure,
      link: deepLink(state.finalUrl, match.figure, match.prefix, match.page),
      ...(match.page !== undefined ? { page: match.page } : {}),
    };
  }
  // Never call a figure unsupported unless the page was really read.
  if (state.index.words < minWords) {
    return { status: 'not-checked', url: state.url, reason: `the page has almost no readable text (${state.index.words} words); it may be built by JavaScript` };
  }
  if (state.paywall) return { status: 'not-checked', url: state.url, reason: state.paywall };
  const sameValue = state.index.figures.some(({ figure }) => valuesAgree(claim, figure));
  const what = state.format === 'pdf' ? 'the PDF' : 'the page';
  return {
    status: 'not-found',
    url: state.url,
    reason: sameValue
      ? `${what} has the number, but not about what the claim says (${state.index.words.toLocaleString('en')} words read)`
      : `${what} was read (${state.index.words.toLocaleString('en')} words) and does not state it`,
  };
}

/**
 * A link to the passage: a text fragment (`#:~:text=prefix-,figure`) for a
 * web page, `#page=N` for a PDF.
 */
export function deepLink(url: string, figure: string, prefix: string, page?: number): string {
  const base = url.replace(/#.*$/u, '');
  if (page !== undefined) return `${base}#page=${page}`;
  const encode = (text: string) => encodeURIComponent(text.replace(/\s+/gu, ' ').trim()).replace(/-/gu, '%2D');
  return `${base}#:~:text=${prefix ? `${encode(prefix)}-,` : ''}${encode(figure)}`;
}
