import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { main } from '../../../src/cli/main';
import { DiskCache } from '../../../src/verify/index';
import type { CliIo } from '../../../src/cli/io';
import { makePdf, TestServer } from './server';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    env: { NO_COLOR: '1', ...env },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

interface JsonVerification {
  status: string;
  url: string;
  quote: string | null;
  reason: string | null;
  link?: string;
  archived?: string;
}
interface JsonOut {
  files: { claims: { text: string; sources: { kind: string; url?: string; verification?: JsonVerification }[] }[] }[];
}

const filler = 'The survey was carried out in every region, and its method is set out in the notes, with the sample sizes and the questions asked of each household.';

describe('cli: check --verify', function () {
  this.timeout(20000);
  const server = new TestServer();
  let root: string;

  before(async () => {
    await server.start();
    server.page('/solar', `<html><body><p>${filler}</p><p>Spain saw its solar output climb 67 per cent last year.</p><p>${filler}</p></body></html>`);
    server.page('/wind', `<html><body><p>${filler}</p><p>Wind output in Spain fell 3 per cent in the year.</p><p>${filler}</p></body></html>`);
    server.route('/denied', (_req, res) => { res.writeHead(403); res.end(); });
    server.route('/wayback/available', (req, res) => {
      const asked = new URL(req.url ?? '', 'http://x').searchParams.get('url');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ archived_snapshots: { closest: { status: '200', available: true, url: `http://archive.test/web/2024/${asked}` } } }));
    });
    root = mkdtempSync(join(tmpdir(), 'claimlens-verify-cli-'));
    writeFileSync(join(root, 'energy.md'), [
      `Solar output rose [67%](${server.url('/solar')}) in Spain last year.`,
      '',
      `Wind output in Spain rose [12%](${server.url('/wind')}) in the year.`,
      '',
      `Hydro output fell [8%](${server.url('/gone')}) after the drought.`,
      '',
      `Nuclear output rose 4%.[^1]`,
      '',
      `Coal use fell [20%](${server.url('/denied')}) in the year.`,
      '',
      `[^1]: Grid operator, annual figures, ${server.url('/solar')}`,
      '',
    ].join('\n'));
  });
  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const cacheArgs = () => ['--cache', join(root, '.cache'), '--archive-api', server.url('/wayback/available')];

  it('adds a verification to every checked link and footnote in JSON', async () => {
    const result = await run(root, ['check', 'energy.md', '--format', 'json', '--verify', ...cacheArgs()]);
    assert.equal(result.code, 0, result.stderr);
    const claims = (JSON.parse(result.stdout) as JsonOut).files[0].claims;
    const byText = new Map(claims.map((c) => [c.text, c.sources[0].verification]));
    assert.equal(byText.get('67%')?.status, 'supported');
    assert.match(byText.get('67%')?.quote ?? '', /67 per cent/u);
    assert.match(byText.get('67%')?.link ?? '', /#:~:text=.*67%20per%20cent$/u);
    assert.equal(byText.get('12%')?.status, 'not-found');
    assert.equal(byText.get('12%')?.quote, null);
    assert.equal(byText.get('8%')?.status, 'unreachable');
    assert.equal(byText.get('8%')?.archived, `http://archive.test/web/2024/${server.url('/gone')}`);
    assert.equal(byText.get('4%')?.status, 'not-found');
    assert.equal(claims.find((c) => c.text === '4%')?.sources[0].kind, 'footnote');
    assert.equal(byText.get('20%')?.status, 'not-checked');
    assert.match(byText.get('20%')?.reason ?? '', /403/u);
  });

  it('reports figure-not-in-source and dead-source in text, and says why a source was not checked', async () => {
    const result = await run(root, ['check', 'energy.md', '--verify', ...cacheArgs()]);
    const lines = result.stdout.split('\n');
    assert.ok(lines.some((l) => /^energy\.md:3:\d+ warning figure-not-in-source Figure "12%" is not in its source http:\/\/127\.0\.0\.1:\d+\/wind/u.test(l)), result.stdout);
    assert.ok(lines.some((l) => /^energy\.md:5:\d+ warning dead-source Source http:\/\/127\.0\.0\.1:\d+\/gone cannot be reached: the page is not there \(HTTP 404\)\. An archived copy: http:\/\/archive\.test\//u.test(l)), result.stdout);
    assert.ok(lines.some((l) => /^energy\.md:9:\d+ info source-not-checked .*access denied \(HTTP 403\)/u.test(l)), result.stdout);
    assert.equal(lines.filter((l) => l.includes('67%')).length, 0, 'a supported figure is no finding');
  });

  it('reports them in SARIF', async () => {
    const result = await run(root, ['check', 'energy.md', '--format', 'sarif', '--verify', ...cacheArgs()]);
    const ids = (JSON.parse(result.stdout) as { runs: { results: { ruleId: string }[] }[] }).runs[0].results.map((r) => r.ruleId);
    assert.deepEqual(ids.filter((id) => id !== 'cited-claim').sort(), ['dead-source', 'figure-not-in-source', 'figure-not-in-source', 'source-not-checked']);
  });

  it('--fail-on-unsupported counts claims not found or with a dead source like uncited ones', async () => {
    assert.equal((await run(root, ['check', 'energy.md', '--verify', ...cacheArgs()])).code, 0);
    assert.equal((await run(root, ['check', 'energy.md', '--verify', '--fail-on-unsupported', ...cacheArgs()])).code, 1);
    assert.equal((await run(root, ['check', 'energy.md', '--verify', '--fail-on-unsupported', '--max-uncited', '3', ...cacheArgs()])).code, 0);
    assert.equal((await run(root, ['check', 'energy.md', '--verify', '--fail-on-unsupported', '--max-uncited', '2', ...cacheArgs()])).code, 1);
  });

  it('--offline answers from the cache without a request', async () => {
    await run(root, ['check', 'energy.md', '--verify', ...cacheArgs()]);
    const before = server.requests.length;
    const result = await run(root, ['check', 'energy.md', '--format', 'json', '--verify', '--offline', '--cache-max-age', '0s', ...cacheArgs()]);
    assert.equal(server.requests.length, before);
    const claims = (JSON.parse(result.stdout) as JsonOut).files[0].claims;
    assert.equal(claims.find((c) => c.text === '67%')?.sources[0].verification?.status, 'supported');
    const empty = await run(root, ['check', 'energy.md', '--format', 'json', '--verify', '--offline', '--cache', join(root, 'empty-cache')]);
    const statuses = (JSON.parse(empty.stdout) as JsonOut).files[0].claims.map((c) => c.sources[0].verification?.status);
    assert.deepEqual([...new Set(statuses)], ['not-checked']);
    assert.equal(server.requests.length, before);
  });

  it('fetches nothing and adds no verification without --verify', async () => {
    const before = server.requests.length;
    const result = await run(root, ['check', 'energy.md', '--format', 'json']);
    assert.equal(server.requests.length, before);
    assert.ok(!result.stdout.includes('"verification"'));
  });

  it('caches under $XDG_CACHE_HOME/claimlens by default', async () => {
    const xdg = join(root, 'xdg');
    await run(root, ['check', 'energy.md', '--verify', '--no-archive'], { XDG_CACHE_HOME: xdg });
    assert.ok(existsSync(join(xdg, 'claimlens')));
    assert.ok(readdirSync(join(xdg, 'claimlens')).some((f) => f.endsWith('.json')));
  });

  it('reads a PDF source in the built CLI, which loads pdf.js from its own file', async () => {
    server.page('/review.pdf', makePdf([['Annual review of the power system.'], ['Spain saw its solar output climb 67 per cent last year,', 'the grid operator said in its review of the whole system.']]), 'application/pdf');
    writeFileSync(join(root, 'pdf.md'), `Solar output rose [67%](${server.url('/review.pdf')}) in Spain last year.\n`);
    const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'check', 'pdf.md', '--format', 'json', '--verify', '--no-archive', '--cache', join(root, '.pdf-cache')], { cwd: root });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(code, 0);
    const verification = (JSON.parse(stdout) as JsonOut).files[0].claims[0].sources[0].verification;
    assert.equal(verification?.status, 'supported', JSON.stringify(verification));
    assert.equal(verification?.link, `${server.url('/review.pdf')}#page=2`);
  });

  it('prunes the cache after the run: entries unused for long, then the least recently used over --cache-max-size, never what the run used', async () => {
    const dir = join(root, 'pruned-cache');
    const seed = new DiskCache(dir);
    const body = (n: number) => new Uint8Array(n).fill(65);
    await seed.put({ url: 'https://example.org/stale', finalUrl: 'https://example.org/stale', status: 200, storedAt: Date.now() }, body(100));
    await seed.put({ url: 'https://example.org/big', finalUrl: 'https://example.org/big', status: 200, storedAt: Date.now() }, body(40_000));
    const urls = () => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { url: string }).url).sort();
    const age = (url: string, days: number) => {
      for (const f of readdirSync(dir)) {
        if (f.endsWith('.json') && (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { url: string }).url === url) {
          const at = new Date(Date.now() - days * 86_400_000);
          for (const ext of ['json', 'body']) utimesSync(join(dir, f.replace(/json$/u, ext)), at, at);
        }
      }
    };
    age('https://example.org/stale', 40);
    age('https://example.org/big', 1);
    const run1 = await run(root, ['check', 'energy.md', '--verify', '--cache', dir, '--no-archive']);
    assert.notEqual(run1.code, 2, run1.stderr);
    // The defaults (200 MB, 30 days): only the entry unused for 40 days goes.
    assert.deepEqual(urls().filter((u) => u.startsWith('https://example.org/')), ['https://example.org/big']);
    const used = urls().filter((u) => !u.startsWith('https://example.org/'));
    // A 403 is not cached.
    assert.deepEqual(used, ['/gone', '/solar', '/wind'].map((p) => server.url(p)).sort());
    // 20 KB holds the run's own entries but not the big one, which no run used since: it goes; the run's stay though they are over the cap together with it.
    await run(root, ['check', 'energy.md', '--verify', '--cache', dir, '--no-archive', '--cache-max-size', '20kb']);
    assert.deepEqual(urls(), used);
    await run(root, ['check', 'energy.md', '--verify', '--cache', dir, '--no-archive', '--cache-max-size', '1kb']);
    assert.deepEqual(urls(), used, 'the entries a run used stay, whatever the cap');
  });

  it('cache info tells the folder, entries and size; cache clear empties it', async () => {
    const dir = join(root, 'info-cache');
    await run(root, ['check', 'energy.md', '--verify', '--cache', dir, '--no-archive']);
    const info = await run(root, ['cache', 'info', '--cache', dir]);
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout, new RegExp(`^Cache: ${dir.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\nEntries: 3\nSize: \\d+(?:\\.\\d)? (?:bytes|KB)\n$`, 'u'));
    const clear = await run(root, ['cache', 'clear', '--cache', dir]);
    assert.equal(clear.code, 0, clear.stderr);
    assert.match(clear.stdout, /^Removed 3 cached sources \(\d+(?:\.\d)? (?:bytes|KB)\) from /u);
    assert.deepEqual(readdirSync(dir), []);
    assert.match((await run(root, ['cache', 'info', '--cache', dir])).stdout, /\nEntries: 0\nSize: 0 bytes\n$/u);
    // By default, the folder --verify caches in.
    const xdg = join(root, 'xdg-info');
    assert.equal((await run(root, ['cache', 'info'], { XDG_CACHE_HOME: xdg })).stdout.split('\n')[0], `Cache: ${join(xdg, 'claimlens')}`);
    const bad = await run(root, ['cache', 'empty']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /cache must be one of info, clear/u);
  });

  it('rejects the options of --verify without it', async () => {
    for (const args of [['--offline'], ['--cache', 'x'], ['--fail-on-unsupported'], ['--cache-max-size', '1mb'], ['--cache-max-unused', '7d']]) {
      const result = await run(root, ['check', 'energy.md', ...args]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /needs --verify/u);
    }
    const bad = await run(root, ['check', 'energy.md', '--verify', '--cache-max-age', 'soon']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--cache-max-age must be a duration/u);
    const size = await run(root, ['check', 'energy.md', '--verify', '--cache-max-size', 'big']);
    assert.equal(size.code, 2);
    assert.match(size.stderr, /--cache-max-size must be a size/u);
  });
});
