// `npm run bench`, verification: the confusion table of the labelled claim and
// source pairs (test/fixtures/verification), and the time to verify 200 cited
// claims from a warm cache (target: under 1 s). The sources are served once by
// a server on 127.0.0.1 to fill a disk cache; the timed runs read that cache
// only, each with a fresh fetcher and verifier as a new `claimlens check
// --verify` would have.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyze, type Analysis } from '../src/core/index';
import { DiskCache, SourceFetcher, Verifier } from '../src/verify/index';
import { confusionTable, loadSet, memoryFetcher, scoreSet } from '../test/fixtures/verification/evaluate';

const claims = 200;
const pages = 100;
const runs = 7;

const topics = ['solar output', 'wind generation', 'retail sales', 'patent filings', 'rail journeys', 'hospital admissions', 'exports of machinery', 'school places'];
const regions = ['Spain', 'Norfolk', 'Ontario', 'Bavaria', 'Victoria', 'Gujarat', 'Jiangsu', 'Lombardy', 'Texas', 'Kerala'];
const filler = 'The report sets out its method in the notes, with the sample sizes, the sources of each series and the revisions made since the last edition, and compares every region with the national average over the decade.';

/** A page of about 10 KB: paragraphs of filler with two figures a claim cites. */
function sourcePage(i: number): string {
  const topic = topics[i % topics.length];
  const region = regions[i % regions.length];
  const paragraphs: string[] = [];
  for (let p = 0; p < 40; p++) {
    if (p === 6) paragraphs.push(`<p>In ${region}, ${topic} rose ${10 + (i % 50)}.${i % 10} per cent over the year, the statistics office said.</p>`);
    else if (p === 27) paragraphs.push(`<p>The programme in ${region} cost US$${1 + (i % 9)}.${(i * 7) % 10}bn, of which half came from the national budget.</p>`);
    else paragraphs.push(`<p>${filler} Table ${p} gives ${200 + p * 13} rows for ${region}.</p>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>${region}: ${topic}</title><script>var x = 1;</script></head><body><nav>Home</nav><main>${paragraphs.join('\n')}</main></body></html>`;
}

/** Articles citing the pages: two claims per page, 200 in all. */
function articles(base: string): Analysis[] {
  const out: Analysis[] = [];
  for (let a = 0; a < 10; a++) {
    const lines: string[] = [];
    for (let k = 0; k < claims / 10 / 2; k++) {
      const i = a * (pages / 10) + k;
      const topic = topics[i % topics.length];
      const region = regions[i % regions.length];
      lines.push(`${region}'s ${topic} grew [${10 + (i % 50)}.${i % 10}%](${base}/page/${i}) last year.`, '');
      lines.push(`The ${region} programme cost [$${1 + (i % 9)}.${(i * 7) % 10} billion](${base}/page/${i}).`, '');
    }
    out.push(analyze(lines.join('\n'), { format: 'markdown' }));
  }
  return out;
}

async function main(): Promise<void> {
  const { pairs, sources } = loadSet(resolve('test/fixtures/verification'));
  const score = await scoreSet(pairs, new Verifier({ fetcher: memoryFetcher(sources), archiveApi: null }));
  process.stdout.write(`\nVerification: the labelled set, ${pairs.length} claim and source pairs\n${confusionTable(score)}\n`);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  process.stdout.write(
    `right ${pct(score.accuracy)} (target ≥ 90%), precision of not-found ${pct(score.notFoundPrecision)} (target ≥ 95%), ` +
      `precision of supported ${pct(score.supportedPrecision)}, recall of supported ${pct(score.supportedRecall)}\n`,
  );

  const server = createServer((req, res) => {
    const m = /^\/page\/(\d+)$/u.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: `"p${m[1]}"` });
    res.end(sourcePage(Number(m[1])));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cacheDir = mkdtempSync(join(tmpdir(), 'claimlens-bench-cache-'));
  try {
    const analyses = articles(base);
    const verifyAll = async (fetcher: SourceFetcher) => {
      const verifier = new Verifier({ fetcher, archiveApi: null });
      return (await Promise.all(analyses.map((a) => verifier.verifyAnalysis(a)))).flat();
    };
    const fetcher = (offline: boolean) => new SourceFetcher({ userAgent: 'ClaimLens/bench', cache: new DiskCache(cacheDir), spacingMs: 0, maxAgeMs: 3600_000, offline });
    const cold = performance.now();
    const first = await verifyAll(fetcher(false));
    const coldMs = performance.now() - cold;
    const times: number[] = [];
    let last = first;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      last = await verifyAll(fetcher(false));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const supported = last.filter((v) => v.status === 'supported').length;
    process.stdout.write(
      `\nVerifying ${last.length} cited claims (${pages} source pages of ${(sourcePage(0).length / 1024).toFixed(0)} KB): ` +
        `first run, filling the cache from a local server, ${coldMs.toFixed(0)} ms; from the warm cache, median of ${runs} ` +
        `${times[Math.floor(runs / 2)].toFixed(0)} ms (fastest ${times[0].toFixed(0)} ms; target < 1000 ms); ${supported} supported\n`,
    );
  } finally {
    server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
