/**
 * Fetching cited sources politely and within bounds: HTTP(S) GETs only,
 * redirects followed by hand (at most `maxRedirects`, loops caught), a
 * time-out per request, a size cap enforced while the body streams, at most
 * `perHost` requests at once to one host with `spacingMs` between their
 * starts, retries with back-off on 429 and 5xx that honour `Retry-After`,
 * and a `User-Agent` that names Claim Lens. Responses are cached (see
 * `SourceCache`) and revalidated with `ETag` / `Last-Modified` once older
 * than `maxAgeMs`. Only the cited addresses are ever requested.
 */
import type { SourceCache } from './cache';

/** How the fetcher behaves; every field has a default (`defaultFetchOptions`). */
export interface FetchOptions {
  readonly userAgent: string;
  /** Per request, from sending to the last byte of the body. */
  readonly timeoutMs: number;
  /** Bodies larger than this are not read. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Requests at once to one host. */
  readonly perHost: number;
  /** Requests at once in all. */
  readonly maxConcurrent: number;
  /** Least time between the starts of two requests to one host. */
  readonly spacingMs: number;
  /** Further tries after a 429, a 5xx or a dropped connection. */
  readonly retries: number;
  /** First back-off; it doubles with each retry. */
  readonly backoffMs: number;
  /** A `Retry-After` longer than this is not waited for. */
  readonly maxRetryAfterMs: number;
  readonly cache?: SourceCache;
  /** Cached responses younger than this are used without asking the server. */
  readonly maxAgeMs: number;
  /** Use the cache only; never touch the network. */
  readonly offline: boolean;
}

export const defaultFetchOptions: Omit<FetchOptions, 'userAgent'> = {
  timeoutMs: 15_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  perHost: 2,
  maxConcurrent: 8,
  spacingMs: 250,
  retries: 2,
  backoffMs: 1_000,
  maxRetryAfterMs: 60_000,
  maxAgeMs: 24 * 60 * 60 * 1000,
  offline: false,
};

/** The `User-Agent` of Claim Lens: `ClaimLens/0.1.0 (+https://…)`. */
export function userAgentOf(version: string, homepage: string): string {
  return `ClaimLens/${version} (+${homepage})`;
}

/** A response read whole. */
export interface FetchedPage {
  readonly ok: true;
  /** The address asked for. */
  readonly url: string;
  /** The address the body came from, after redirects. */
  readonly finalUrl: string;
  readonly status: number;
  readonly contentType?: string;
  /** Response headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** `network`: fetched now; `cache`: young enough to use; `revalidated`: the server said 304. */
  readonly from: 'network' | 'cache' | 'revalidated';
}

/** A source that gave no readable response, and why, in words a writer understands. */
export interface FetchFailure {
  readonly ok: false;
  /** `unreachable`: gone or not answering; `not-checked`: there, but not for us to read. */
  readonly status: 'unreachable' | 'not-checked';
  readonly reason: string;
  readonly httpStatus?: number;
  /** The body of an error response, for telling a bot wall (at most the size cap). */
  readonly body?: Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Fetched = FetchedPage | FetchFailure;

/** Fetches cited sources; one instance per run, so that its per-host limits hold across articles. */
export class SourceFetcher {
  readonly options: FetchOptions;
  private readonly hosts = new Map<string, HostGate>();
  private readonly all: HostGate;
  private readonly inFlight = new Map<string, Promise<Fetched>>();

  constructor(options: Partial<FetchOptions> & Pick<FetchOptions, 'userAgent'>) {
    this.options = { ...defaultFetchOptions, ...options };
    this.all = new HostGate(this.options.maxConcurrent, 0);
  }

  /** GETs `url` (through the cache). Never throws; a second call for the same address shares the first. */
  get(url: string, signal?: AbortSignal): Promise<Fetched> {
    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.load(url, signal).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    return pending;
  }

  private async load(url: string, signal: AbortSignal | undefined): Promise<Fetched> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, status: 'not-checked', reason: 'not a valid web address' };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return { ok: false, status: 'not-checked', reason: `only http and https addresses are fetched, not ${parsed.protocol}` };
    }
    const { cache } = this.options;
    const cached = cache ? await cache.get(url) : undefined;
    if (this.options.offline) {
      if (!cached) return { ok: false, status: 'not-checked', reason: 'offline, and not in the cache' };
      return fromCache(cached.meta, cached.body, 'cache');
    }
    if (cached && Date.now() - cached.meta.storedAt < this.options.maxAgeMs) return fromCache(cached.meta, cached.body, 'cache');

    const validators: Record<string, string> = {};
    if (cached?.meta.status === 200) {
      if (cached.meta.etag) validators['if-none-match'] = cached.meta.etag;
      if (cached.meta.lastModified) validators['if-modified-since'] = cached.meta.lastModified;
    }
    const result = await this.follow(url, validators, signal);
    if (result.kind === 'not-modified' && cached) {
      const storedAt = Date.now();
      await cache?.touch(url, storedAt).catch(() => undefined);
      return fromCache(cached.meta, cached.body, 'revalidated');
    }
    if (result.kind === 'failure') return result.failure;
    if (result.kind === 'not-modified') return { ok: false, status: 'not-checked', reason: 'the server answered 304 to a request that had no cached copy' };
    const { response, finalUrl, body } = result;
    const headers = headersOf(response.headers);
    if (response.status === 200) {
      const meta = {
        url,
        finalUrl,
        status: 200,
        ...(headers['content-type'] ? { contentType: headers['content-type'] } : {}),
        ...(headers.etag ? { etag: headers.etag } : {}),
        ...(headers['last-modified'] ? { lastModified: headers['last-modified'] } : {}),
        storedAt: Date.now(),
      };
      await cache?.put(meta, body).catch(() => undefined);
      return { ok: true, url, finalUrl, status: 200, ...(meta.contentType ? { contentType: meta.contentType } : {}), headers, body, from: 'network' };
    }
    if (response.status === 404 || response.status === 410) {
      await cache?.put({ url, finalUrl, status: response.status, storedAt: Date.now() }, new Uint8Array()).catch(() => undefined);
    }
    return failureOf(response.status, headers, body);
  }

  /** Follows redirects by hand, counting them and catching loops. */
  private async follow(url: string, validators: Record<string, string>, signal: AbortSignal | undefined): Promise<
    | { kind: 'response'; response: Response; finalUrl: string; body: Uint8Array }
    | { kind: 'not-modified' }
    | { kind: 'failure'; failure: FetchFailure }
  > {
    const seen = new Set<string>();
    let current = url;
    for (let hop = 0; ; hop++) {
      seen.add(current);
      const outcome = await this.request(current, validators, signal);
      if (!('response' in outcome)) return { kind: 'failure', failure: outcome };
      const { response, body } = outcome;
      if (response.status === 304) return { kind: 'not-modified' };
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return { kind: 'failure', failure: { ok: false, status: 'not-checked', reason: `a redirect to a bad address (${location})` } };
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return { kind: 'failure', failure: { ok: false, status: 'not-checked', reason: `a redirect to a ${next.protocol} address` } };
        }
        next.hash = '';
        if (seen.has(next.href)) return { kind: 'failure', failure: { ok: false, status: 'not-checked', reason: 'a redirect loop' } };
        if (hop + 1 > this.options.maxRedirects) {
          return { kind: 'failure', failure: { ok: false, status: 'not-checked', reason: `more than ${this.options.maxRedirects} redirects` } };
        }
        current = next.href;
        continue;
      }
      return { kind: 'response', response, finalUrl: current, body };
    }
  }

  /** One GET, with retries on 429, 5xx and dropped connections. */
  private async request(url: string, validators: Record<string, string>, signal: AbortSignal | undefined): Promise<{ response: Response; body: Uint8Array } | FetchFailure> {
    const host = new URL(url).host;
    let gate = this.hosts.get(host);
    if (!gate) this.hosts.set(host, (gate = new HostGate(this.options.perHost, this.options.spacingMs)));
    for (let attempt = 0; ; attempt++) {
      // The host's slot first, then one of the run's: a request waiting for its host holds no slot of another host's.
      const release = await gate.acquire();
      const releaseAll = await this.all.acquire();
      let outcome: { response: Response; body: Uint8Array } | FetchFailure | { retry: string };
      try {
        outcome = await this.once(url, validators, signal);
      } finally {
        releaseAll();
        release();
      }
      if ('retry' in outcome) {
        if (attempt < this.options.retries && !signal?.aborted) {
          await sleep(this.options.backoffMs * 2 ** attempt, signal);
          continue;
        }
        return { ok: false, status: 'not-checked', reason: outcome.retry };
      }
      if (!('response' in outcome)) return outcome;
      const status = outcome.response.status;
      if (status !== 429 && !(status >= 500 && status <= 599)) return outcome;
      if (attempt >= this.options.retries) return outcome;
      const wait = retryAfterMs(outcome.response.headers.get('retry-after')) ?? this.options.backoffMs * 2 ** attempt;
      if (wait > this.options.maxRetryAfterMs) return outcome;
      await sleep(wait, signal);
      if (signal?.aborted) return outcome;
    }
  }

  private async once(url: string, validators: Record<string, string>, signal: AbortSignal | undefined): Promise<{ response: Response; body: Uint8Array } | FetchFailure | { retry: string }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort);
    try {
      const response = await fetch(url, {
        method: 'GET',
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          'user-agent': this.options.userAgent,
          accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5',
          'accept-language': 'en;q=0.9,zh;q=0.8,*;q=0.5',
          ...validators,
        },
      });
      const body = await readCapped(response, this.options.maxBytes, controller);
      if (body === 'too-large') {
        return { ok: false, status: 'not-checked', reason: `larger than the size cap of ${formatBytes(this.options.maxBytes)}`, httpStatus: response.status };
      }
      return { response, body };
    } catch (error) {
      if (timedOut) return { ok: false, status: 'unreachable', reason: `no answer within ${formatSeconds(this.options.timeoutMs)}` };
      if (signal?.aborted) return { ok: false, status: 'not-checked', reason: 'cancelled' };
      return networkFailure(error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** Reads a body up to `max` bytes; more than that aborts the request. */
async function readCapped(response: Response, max: number, controller: AbortController): Promise<Uint8Array | 'too-large'> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    controller.abort();
    return 'too-large';
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** What a failed request means for checking the source, by its error code; `retry` for a dropped connection. */
export function networkFailure(error: unknown): FetchFailure | { retry: string } {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? '';
  switch (code) {
    case 'ENOTFOUND':
      return { ok: false, status: 'unreachable', reason: 'no such host (DNS lookup failed)' };
    case 'EAI_AGAIN':
      return { ok: false, status: 'unreachable', reason: 'the host name could not be looked up (DNS failure)' };
    case 'ECONNREFUSED':
      return { ok: false, status: 'unreachable', reason: 'the server refused the connection' };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { ok: false, status: 'unreachable', reason: 'the host cannot be reached' };
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return { retry: 'the server dropped the connection' };
    default:
      if (/CERT|SSL|TLS/u.test(code)) return { ok: false, status: 'not-checked', reason: `a TLS certificate problem (${code})` };
      return { ok: false, status: 'not-checked', reason: `the request failed (${code || cause?.message || (error instanceof Error ? error.message : String(error))})` };
  }
}

/** What an HTTP status other than 200 means for checking the source. */
function failureOf(status: number, headers: Record<string, string>, body: Uint8Array): FetchFailure {
  const base = { ok: false as const, httpStatus: status, body, headers };
  if (status === 404) return { ...base, status: 'unreachable', reason: 'the page is not there (HTTP 404)' };
  if (status === 410) return { ...base, status: 'unreachable', reason: 'the page is gone (HTTP 410)' };
  if (status === 401) return { ...base, status: 'not-checked', reason: 'the page needs a login (HTTP 401)' };
  if (status === 402) return { ...base, status: 'not-checked', reason: 'a paywall (HTTP 402)' };
  if (status === 403) return { ...base, status: 'not-checked', reason: 'access denied (HTTP 403)' };
  if (status === 451) return { ...base, status: 'not-checked', reason: 'unavailable for legal reasons (HTTP 451)' };
  if (status === 429) return { ...base, status: 'not-checked', reason: 'the server asked for fewer requests (HTTP 429)' };
  if (status >= 500) return { ...base, status: 'not-checked', reason: `a server error (HTTP ${status})` };
  if (status >= 300 && status < 400) return { ...base, status: 'not-checked', reason: `a redirect with no address (HTTP ${status})` };
  return { ...base, status: 'not-checked', reason: `HTTP ${status}` };
}

function fromCache(meta: { url: string; finalUrl: string; status: number; contentType?: string }, body: Uint8Array, from: 'cache' | 'revalidated'): Fetched {
  if (meta.status !== 200) return failureOf(meta.status, {}, body);
  return { ok: true, url: meta.url, finalUrl: meta.finalUrl, status: 200, ...(meta.contentType ? { contentType: meta.contentType } : {}), headers: meta.contentType ? { 'content-type': meta.contentType } : {}, body, from };
}

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

/** `Retry-After` in ms: seconds or an HTTP date. */
export function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/u.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** At most `limit` holders at once, and `spacing` ms between two acquisitions. */
class HostGate {
  private active = 0;
  private lastStart = -Infinity;
  private readonly waiting: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly limit: number, private readonly spacing: number) {}

  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      this.waiting.push(() => {
        this.active++;
        this.lastStart = Date.now();
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.active--;
          this.pump();
        });
      });
      this.pump();
    });
  }

  private pump(): void {
    if (this.timer || !this.waiting.length || this.active >= this.limit) return;
    const wait = this.lastStart + this.spacing - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      return;
    }
    this.waiting.shift()?.();
    this.pump();
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
