import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type SourceVerification } from '../../../src/core/index';
import { DiskCache, networkFailure, SourceFetcher, Verifier, type FetchOptions } from '../../../src/verify/index';
import { makePdf, TestServer } from './server';

const filler = 'The report covers the year in detail, with tables and notes on method, and it compares the results with those of earlier years across every region it studies.';

function page(body: string, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Report</title>${head}<script>var total = "99,999 patents";</script></head>` +
    `<body><nav><a href="/">Home</a> 77% off</nav><main><h1>Annual report</h1><p>${filler}</p>${body}<p>${filler}</p></main></body></html>`;
}

describe('verifying cited figures against a local server', function () {
  this.timeout(20000);
  const server = new TestServer();
  let cacheDir: string;

  const fast: Partial<FetchOptions> = { timeoutMs: 2000, backoffMs: 20, spacingMs: 0, retries: 2 };

  function fetcher(options: Partial<FetchOptions> = {}): SourceFetcher {
    return new SourceFetcher({ userAgent: 'ClaimLens/0.0.0-test (+https://example.test)', cache: new DiskCache(cacheDir), ...fast, ...options });
  }

  /** Verifies the one cited claim of a Markdown sentence whose link goes to `path`. */
  async function verify(sentence: string, path: string, options: Partial<FetchOptions> = {}, archiveApi: string | null = null): Promise<SourceVerification> {
    const text = sentence.replace('URL', server.url(path));
    const analysis = analyze(text, { format: 'markdown' });
    const results = await new Verifier({ fetcher: fetcher(options), archiveApi }).verifyAnalysis(analysis);
    assert.equal(results.length, 1, `one cited claim and source in ${JSON.stringify(text)}: ${JSON.stringify(analysis.claims.map((c) => [c.text, c.status]))}`);
    return results[0];
  }

  before(async () => {
    await server.start();
  });
  after(async () => {
    await server.stop();
  });
  beforeEach(() => {
    cacheDir = mkdtempSync(join(tmpdir(), 'claimlens-cache-'));
  });
  afterEach(() => {
    rmSync(cacheDir, { recursive: true, force: true });
  });

  describe('supported', () => {
    const rows: [string, string, string, string][] = [
      ['space-grouped digits', 'China filed [38,210 generative AI patents](URL) in the decade.', '<p>Inventors in China filed 38 210 generative AI patents over the decade.</p>', '38 210'],
      ['a scale word', 'China filed [38,210 generative AI patents](URL) in the decade.', '<p>Chinese inventors filed some 38.2 thousand patents on generative AI in the decade.</p>', '38.2 thousand'],
      ['per cent', 'Solar output rose [67%](URL) in Spain last year.', '<p>Spain saw its solar output climb 67 per cent.</p>', '67 per cent'],
      ['percent', 'Solar output rose [67%](URL) in Spain last year.', '<p>In Spain, solar output went up 67 percent.</p>', '67 percent'],
      ['US$ and bn', 'Microsoft will invest [$40 billion](URL) in data centres.', '<p>Microsoft plans to invest US$40bn in new data centres.</p>', 'US$40bn'],
      ['dollars in words', 'Microsoft will invest [$40 billion](URL) in data centres.', '<p>The data centres will cost Microsoft 40 billion dollars.</p>', '40 billion dollars'],
      ['a hedged claim', 'About [60%](URL) of voters back the new tram line.', '<p>A poll found 59.6% of voters back the tram line.</p>', '59.6%'],
      ['Chinese claim, English source', '全国数字经济规模达到[1.2万亿元](URL)，创下新高。', '<p>The digital economy reached 1.2 trillion yuan, a record high for the national economy.</p>', '1.2 trillion yuan'],
    ];
    for (const [name, sentence, body, figure] of rows) {
      it(`finds ${figure} for a claim in another form (${name})`, async () => {
        const path = `/supported/${encodeURIComponent(name)}`;
        server.page(path, page(body));
        const result = await verify(sentence, path);
        assert.equal(result.status, 'supported', JSON.stringify(result));
        assert.ok(result.figure?.endsWith(figure), result.figure);
        assert.ok(result.quote?.includes(figure), result.quote);
        assert.ok(result.link?.startsWith(`${server.url(path)}#:~:text=`), result.link);
        assert.ok(result.link?.includes(encodeURIComponent(figure).replace(/-/gu, '%2D').replace(/%20/gu, '%20')), result.link);
      });
    }

    it('reads a Chinese page in GB18030', async () => {
      const html = page('<p>2024年全国数字经济规模达到1.2万亿元，比上年增长8.5%。</p><p>数字经济核心产业增加值占国内生产总值的比重继续上升，各地区发展更加均衡。</p>')
        .replace('charset="utf-8"', 'charset="gb18030"');
      // Node has no GB18030 encoder: write the bytes with the decoder's inverse, character by character.
      server.page('/zh', encodeGb18030(html), 'text/html; charset=gb18030');
      const result = await verify('全国数字经济规模达到[1.2万亿元](URL)。', '/zh');
      assert.equal(result.status, 'supported', JSON.stringify(result));
      assert.equal(result.figure, '1.2万亿元');
    });

    it('reads a Latin-1 page', async () => {
      const html = page('<p>The offshore wind farm off Norfolk will cost an estimated £6.2 billion, the developer\'s café-side briefing said.</p>');
      server.page('/latin1', new Uint8Array(Buffer.from(html.replace('charset="utf-8"', 'charset="iso-8859-1"'), 'latin1')), 'text/html; charset=iso-8859-1');
      const result = await verify('The Norfolk wind farm will cost [£6.2 billion](URL) to build.', '/latin1');
      assert.equal(result.status, 'supported', JSON.stringify(result));
      assert.equal(result.figure, 'an estimated £6.2 billion');
      assert.ok(result.quote?.includes('café'), result.quote);
    });

    it('finds a figure in a PDF and gives its page', async () => {
      server.page('/report.pdf', makePdf([
        ['Annual report on the energy transition.', 'This page introduces the report and its method.'],
        ['Solar output in Spain rose 67 per cent last year,', 'the largest rise of any European country.', filler.slice(0, 90)],
      ]), 'application/pdf');
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/report.pdf');
      assert.equal(result.status, 'supported', JSON.stringify(result));
      assert.equal(result.page, 2);
      assert.equal(result.link, `${server.url('/report.pdf')}#page=2`);
    });

    it('reads plain text', async () => {
      server.page('/notes.txt', `${filler}\n\nCharging points in the city grew to 4,120 by March.\n\n${filler}\n`, 'text/plain; charset=utf-8');
      const result = await verify('The city now has [4,120 charging points](URL).', '/notes.txt');
      assert.equal(result.status, 'supported', JSON.stringify(result));
    });

    it('follows a few redirects and links to the page it landed on', async () => {
      server.route('/moved', (_req, res) => { res.writeHead(301, { location: '/moved-2' }); res.end(); });
      server.route('/moved-2', (_req, res) => { res.writeHead(302, { location: '/landed' }); res.end(); });
      server.page('/landed', page('<p>Spain saw its solar output climb 67 per cent.</p>'));
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/moved');
      assert.equal(result.status, 'supported');
      assert.equal(result.url, server.url('/moved'));
      assert.ok(result.link?.startsWith(server.url('/landed')), result.link);
    });
  });

  describe('not found', () => {
    it('says so when the page was read and the figure is not in it', async () => {
      server.page('/other-figure', page('<p>Spain saw its solar output climb 61 per cent, and wind output 12 per cent.</p>'));
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/other-figure');
      assert.equal(result.status, 'not-found');
      assert.match(result.reason ?? '', /words\) and does not state it/u);
    });

    it('does not take the figure from scripts or navigation', async () => {
      server.page('/script-only', page('<p>Spain saw its solar output climb sharply.</p>'));
      const result = await verify('Discounts of [77%](URL) on patents are rare.', '/script-only');
      assert.equal(result.status, 'not-found');
    });

    it('tells the same number about something else', async () => {
      server.page('/trademarks', page('<p>Chinese firms registered 38,210 trademarks abroad in the decade.</p>'));
      const result = await verify('China filed [38,210 generative AI patents](URL) in the decade.', '/trademarks');
      assert.equal(result.status, 'not-found');
    });

    it('does not call a near-empty page unsupported', async () => {
      server.page('/empty', '<!doctype html><html><body><div id="app"></div></body></html>');
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/empty');
      assert.equal(result.status, 'not-checked');
      assert.match(result.reason ?? '', /almost no readable text/u);
    });

    it('does not call a paywalled page unsupported', async () => {
      server.page('/paywall', page('<p>Spain saw its solar output climb.</p><p>Subscribe to continue reading.</p>'));
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/paywall');
      assert.equal(result.status, 'not-checked');
      assert.match(result.reason ?? '', /paywall/u);
    });
  });

  describe('unreachable and not checked', () => {
    it('gives 404 as unreachable, with the archived copy the archive API names', async () => {
      server.route('/wayback/available', (req, res) => {
        const asked = new URL(req.url ?? '', 'http://x').searchParams.get('url');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ url: asked, archived_snapshots: { closest: { status: '200', available: true, url: `http://web.archive.test/web/2024/${asked}`, timestamp: '20240101000000' } } }));
      });
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/gone-404', {}, server.url('/wayback/available'));
      assert.equal(result.status, 'unreachable');
      assert.match(result.reason ?? '', /404/u);
      assert.equal(result.archived, `http://web.archive.test/web/2024/${server.url('/gone-404')}`);
    });

    it('gives 410 as unreachable, with no archived copy when the archive has none', async () => {
      server.route('/gone', (_req, res) => { res.writeHead(410); res.end('gone'); });
      server.route('/wayback/none', (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"archived_snapshots":{}}'); });
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/gone', {}, server.url('/wayback/none'));
      assert.equal(result.status, 'unreachable');
      assert.match(result.reason ?? '', /410/u);
      assert.equal(result.archived, undefined);
    });

    it('retries a 500 and reads the page the second time', async () => {
      server.route('/flaky', (_req, res, hit) => {
        if (hit === 1) { res.writeHead(500); res.end('oops'); return; }
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(page('<p>Spain saw its solar output climb 67 per cent.</p>'));
      });
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/flaky');
      assert.equal(result.status, 'supported');
      assert.equal(server.hitsOf('/flaky'), 2);
    });

    it('waits as long as Retry-After says after a 429', async () => {
      server.route('/busy', (_req, res, hit) => {
        if (hit === 1) { res.writeHead(429, { 'retry-after': '1' }); res.end(); return; }
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(page('<p>Spain saw its solar output climb 67 per cent.</p>'));
      });
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/busy');
      assert.equal(result.status, 'supported');
      const times = server.requests.filter((r) => r.path === '/busy').map((r) => r.at);
      assert.equal(times.length, 2);
      assert.ok(times[1] - times[0] >= 950, `retried after ${times[1] - times[0]} ms`);
    });

    it('gives up on a Retry-After longer than it will wait', async () => {
      server.route('/very-busy', (_req, res) => { res.writeHead(429, { 'retry-after': '3600' }); res.end(); });
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/very-busy', { maxRetryAfterMs: 5000 });
      assert.equal(result.status, 'not-checked');
      assert.match(result.reason ?? '', /429/u);
      assert.equal(server.hitsOf('/very-busy'), 1);
    });

    it('gives a time-out as unreachable', async () => {
      server.route('/slow', (_req, res) => { setTimeout(() => { res.writeHead(200); res.end('late'); }, 1500); });
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/slow', { timeoutMs: 200 });
      assert.equal(result.status, 'unreachable');
      assert.match(result.reason ?? '', /no answer within 200 ms/u);
    });

    it('catches a redirect loop', async () => {
      server.route('/loop-a', (_req, res) => { res.writeHead(302, { location: '/loop-b' }); res.end(); });
      server.route('/loop-b', (_req, res) => { res.writeHead(302, { location: '/loop-a' }); res.end(); });
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/loop-a');
      assert.equal(result.status, 'not-checked');
      assert.match(result.reason ?? '', /redirect loop/u);
      assert.equal(server.hitsOf('/loop-a'), 1);
    });

    it('stops after five redirects', async () => {
      for (let i = 0; i < 7; i++) server.route(`/hop-${i}`, (_req, res) => { res.writeHead(301, { location: `/hop-${i + 1}` }); res.end(); });
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/hop-0');
      assert.equal(result.status, 'not-checked');
      assert.match(result.reason ?? '', /more than 5 redirects/u);
      assert.equal(server.hitsOf('/hop-6'), 0);
    });

    it('stops reading a body over the size cap', async () => {
      server.route('/huge', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        // No Content-Length: the cap must hold while the body streams.
        for (let i = 0; i < 20; i++) res.write(`<p>${'x'.repeat(1000)}</p>`);
        res.end();
      });
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/huge', { maxBytes: 5000 });
      assert.equal(result.status, 'not-checked');
      assert.match(result.reason ?? '', /larger than the size cap of 4\.9 KB/u);
    });

    it('does not read a binary response', async () => {
      server.page('/chart.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png');
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/chart.png');
      assert.equal(result.status, 'not-checked');
      assert.match(result.reason ?? '', /format Claim Lens does not read \(image\/png\)/u);
    });

    it('says a Cloudflare challenge (403) is a bot wall', async () => {
      server.route('/walled', (_req, res) => {
        res.writeHead(403, { 'content-type': 'text/html' });
        res.end('<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script>Enable JavaScript and cookies to continue</body></html>');
      });
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/walled');
      assert.equal(result.status, 'not-checked');
      assert.match(result.reason ?? '', /bot wall \(Cloudflare challenge\)/u);
    });

    it('says a 200 page that asks for JavaScript is not checked', async () => {
      server.page('/js-wall', '<html><body><noscript>x</noscript><p>Please enable JavaScript to continue.</p></body></html>');
      const result = await verify('Solar output rose [67%](URL) in Spain last year.', '/js-wall');
      assert.equal(result.status, 'not-checked');
      assert.match(result.reason ?? '', /JavaScript/u);
    });

    it('gives a refused connection as unreachable', async () => {
      const closed = new TestServer();
      await closed.start();
      const url = closed.url('/solar');
      await closed.stop();
      const analysis = analyze(`Solar output rose [67%](${url}) in Spain last year.`, { format: 'markdown' });
      const [result] = await new Verifier({ fetcher: fetcher(), archiveApi: null }).verifyAnalysis(analysis);
      assert.equal(result.status, 'unreachable');
      assert.match(result.reason ?? '', /refused the connection/u);
    });

    it('gives a failed DNS lookup as unreachable and a dropped connection as worth a retry', () => {
      // As undici reports them: a TypeError whose cause carries the system error code.
      const failed = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
      assert.deepEqual(networkFailure(failed('ENOTFOUND')), { ok: false, status: 'unreachable', reason: 'no such host (DNS lookup failed)' });
      assert.equal((networkFailure(failed('EAI_AGAIN')) as { status: string }).status, 'unreachable');
      assert.deepEqual(networkFailure(failed('ECONNRESET')), { retry: 'the server dropped the connection' });
      assert.match((networkFailure(failed('CERT_HAS_EXPIRED')) as { reason: string }).reason, /TLS certificate/u);
    });

    it('gives 401 and 403 as not checked', async () => {
      server.route('/login', (_req, res) => { res.writeHead(401); res.end(); });
      server.route('/denied', (_req, res) => { res.writeHead(403, { 'content-type': 'text/plain' }); res.end('Forbidden'); });
      assert.match((await verify('Solar output rose [67%](URL) in Spain.', '/login')).reason ?? '', /login \(HTTP 401\)/u);
      assert.match((await verify('Solar output rose [67%](URL) in Spain.', '/denied')).reason ?? '', /access denied \(HTTP 403\)/u);
    });
  });

  describe('politeness and the cache', () => {
    it('names Claim Lens in the User-Agent and sends nothing but a GET of the cited address', async () => {
      server.page('/ua', page('<p>Spain saw its solar output climb 67 per cent.</p>'));
      await verify('Solar output rose [67%](URL) in Spain last year.', '/ua');
      const seen = server.requests.filter((r) => r.path === '/ua');
      assert.equal(seen.length, 1);
      assert.equal(seen[0].method, 'GET');
      assert.equal(seen[0].headers['user-agent'], 'ClaimLens/0.0.0-test (+https://example.test)');
    });

    it('sends at most two requests at once to one host, spaced apart', async () => {
      let active = 0;
      let most = 0;
      for (let i = 0; i < 6; i++) {
        server.route(`/slowish-${i}`, (_req, res) => {
          active++;
          most = Math.max(most, active);
          setTimeout(() => {
            active--;
            res.writeHead(200, { 'content-type': 'text/html' });
            res.end(page('<p>Spain saw its solar output climb 67 per cent.</p>'));
          }, 80);
        });
      }
      const text = Array.from({ length: 6 }, (_, i) => `Solar output rose [67%](${server.url(`/slowish-${i}`)}) in Spain last year.`).join('\n\n');
      const started = server.requests.length;
      const results = await new Verifier({ fetcher: fetcher({ spacingMs: 40 }), archiveApi: null }).verifyAnalysis(analyze(text, { format: 'markdown' }));
      assert.deepEqual(results.map((r) => r.status), Array(6).fill('supported'));
      assert.equal(most, 2);
      // Six starts 40 ms apart span 200 ms at least; arrival times may jitter by a few ms each.
      const starts = server.requests.slice(started).map((r) => r.at).sort((a, b) => a - b);
      assert.ok(starts[5] - starts[0] >= 180, `six requests within ${starts[5] - starts[0]} ms`);
    });

    it('sends at most maxConcurrent requests at once in all', async () => {
      // Hosts differ by name only: 127.0.0.1 and localhost reach the same server.
      let active = 0;
      let most = 0;
      for (let i = 0; i < 4; i++) {
        server.route(`/capped-${i}`, (_req, res) => {
          active++;
          most = Math.max(most, active);
          setTimeout(() => {
            active--;
            res.writeHead(200, { 'content-type': 'text/html' });
            res.end(page('<p>Spain saw its solar output climb 67 per cent.</p>'));
          }, 60);
        });
      }
      const hosts = [server.url(''), server.url('').replace('127.0.0.1', 'localhost')];
      const text = Array.from({ length: 4 }, (_, i) => `Solar output rose [67%](${hosts[i % 2]}/capped-${i}) in Spain last year.`).join('\n\n');
      const results = await new Verifier({ fetcher: fetcher({ maxConcurrent: 1 }), archiveApi: null }).verifyAnalysis(analyze(text, { format: 'markdown' }));
      assert.deepEqual(results.map((r) => r.status), Array(4).fill('supported'));
      assert.equal(most, 1);
    });

    it('fetches an address once for every claim that cites it', async () => {
      server.page('/shared', page('<p>Spain saw its solar output climb 67 per cent, and wind output 12 per cent.</p>'));
      const url = server.url('/shared');
      const text = `Solar output rose [67%](${url}) in Spain.\n\nWind output in Spain rose [12%](${url}).`;
      const results = await new Verifier({ fetcher: fetcher(), archiveApi: null }).verifyAnalysis(analyze(text, { format: 'markdown' }));
      assert.deepEqual(results.map((r) => r.status), ['supported', 'supported']);
      assert.equal(server.hitsOf('/shared'), 1);
    });

    it('revalidates a cached page with its ETag', async () => {
      let etagHits = 0;
      server.route('/etag', (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') {
          etagHits++;
          res.writeHead(304, { etag: '"v1"' });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' });
        res.end(page('<p>Spain saw its solar output climb 67 per cent.</p>'));
      });
      const first = await fetcher({ maxAgeMs: 0 }).get(server.url('/etag'));
      const second = await fetcher({ maxAgeMs: 0 }).get(server.url('/etag'));
      const third = await fetcher({ maxAgeMs: 60_000 }).get(server.url('/etag'));
      assert.ok(first.ok && second.ok && third.ok);
      assert.equal(first.from, 'network');
      assert.equal(second.from, 'revalidated');
      assert.equal(third.from, 'cache');
      assert.equal(etagHits, 1);
      assert.equal(server.hitsOf('/etag'), 2);
      assert.deepEqual(second.body, first.body);
    });

    it('revalidates with Last-Modified when there is no ETag', async () => {
      server.route('/dated', (req, res) => {
        if (req.headers['if-modified-since'] === 'Mon, 01 Jan 2024 00:00:00 GMT') { res.writeHead(304); res.end(); return; }
        res.writeHead(200, { 'content-type': 'text/plain', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' });
        res.end('plain');
      });
      await fetcher({ maxAgeMs: 0 }).get(server.url('/dated'));
      const again = await fetcher({ maxAgeMs: 0 }).get(server.url('/dated'));
      assert.ok(again.ok);
      assert.equal(again.from, 'revalidated');
    });

    it('offline, uses the cache only', async () => {
      server.page('/cached', page('<p>Spain saw its solar output climb 67 per cent.</p>'));
      await verify('Solar output rose [67%](URL) in Spain last year.', '/cached');
      const hits = server.hitsOf('/cached');
      const cached = await verify('Solar output rose [67%](URL) in Spain last year.', '/cached', { offline: true, maxAgeMs: 0 });
      assert.equal(cached.status, 'supported');
      assert.equal(server.hitsOf('/cached'), hits);
      const missing = await verify('Solar output rose [67%](URL) in Spain last year.', '/never-fetched', { offline: true });
      assert.equal(missing.status, 'not-checked');
      assert.match(missing.reason ?? '', /offline/u);
      assert.equal(server.hitsOf('/never-fetched'), 0);
    });

    it('keeps a dead page dead offline', async () => {
      await verify('Solar output rose [67%](URL) in Spain last year.', '/dead-then-offline');
      const offline = await verify('Solar output rose [67%](URL) in Spain last year.', '/dead-then-offline', { offline: true });
      assert.equal(offline.status, 'unreachable');
    });
  });
});

/** GB18030 bytes of a string, found through Node's decoder (it has no encoder): each character by a search of the two-byte table. */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
