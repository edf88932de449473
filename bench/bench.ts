// `npm run bench`: how fast `analyze()` reads generated news-style articles
// (5 KB, 100 KB, 2 MB; Markdown, HTML, plain text), against the bare parse
// of the same input; how its time grows from 100 KB to 2 MB; and how long
// one keystroke costs with `createAnalyzer`. Prints figures and the targets
// beside them; a missed target never fails the process.
// Run with `node --expose-gc out/bench/bench.js` to collect garbage before each
// series, so that one input's garbage is not billed to the next. Never between
// the runs of a series: a forced collection shrinks the young generation, and
// the run after it then pays for growing it again (several times its time).
import * as os from 'node:os';
import { GFM, parser as commonMarkParser } from '@lezer/markdown';
import { Parser } from 'htmlparser2';
import { parseTree } from '../src/core/formats/markdown-syntax';
import { readText } from '../src/core/formats/text';
import { analyze, createAnalyzer, type Analysis } from '../src/core/index';
import { benchSizes, byteLength, generateArticle, Random, type ArticleFormat, type GeneratedArticle } from './generate';

const gc = (globalThis as { gc?: () => void }).gc;

interface Timing {
  /** Median wall-clock time of one run, ms. */
  readonly median: number;
  /** Fastest run, ms: the least disturbed by other processes. */
  readonly min: number;
  readonly p95: number;
  /** Median CPU time (user + system) of one run, ms: less disturbed by a busy machine. */
  readonly cpu: number;
  readonly runs: number;
}

interface Plan {
  readonly warmup: number;
  readonly minRuns: number;
  readonly maxRuns: number;
  /** Stop adding runs past `minRuns` once the timed runs took this long, ms. */
  readonly budget: number;
}

const plans: Record<string, Plan> = {
  '5 KB': { warmup: 30, minRuns: 40, maxRuns: 400, budget: 800 },
  '100 KB': { warmup: 5, minRuns: 15, maxRuns: 60, budget: 2500 },
  '2 MB': { warmup: 1, minRuns: 5, maxRuns: 7, budget: 6000 },
};

function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

function summarize(times: number[], cpu: number[]): Timing {
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), min: times[0] ?? NaN, p95: quantile(times, 0.95), cpu: quantile(cpu, 0.5), runs: times.length };
}

/** Runs `run` once; when `times` and `cpu` are given, records its wall and CPU time there. Returns the wall time, ms. */
function timeOnce(run: () => unknown, times?: number[], cpu?: number[]): number {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const t = performance.now() - t0;
  const c = process.cpuUsage(c0);
  times?.push(t);
  cpu?.push((c.user + c.system) / 1000);
  return t;
}

function measure(run: () => unknown, plan: Plan): Timing {
  gc?.();
  for (let i = 0; i < plan.warmup; i++) run();
  const times: number[] = [];
  const cpu: number[] = [];
  let total = 0;
  while (times.length < plan.minRuns || (times.length < plan.maxRuns && total < plan.budget)) total += timeOnce(run, times, cpu);
  return summarize(times, cpu);
}

/**
 * Times the two inputs in turns: one run of the large, then runs of the small
 * for about as long, nine rounds after a warm-up round.
 */
function interleaved(large: string, small: string, format: ArticleFormat): { large: Timing; small: Timing } {
  const largeTimes: number[] = [];
  const largeCpu: number[] = [];
  const smallTimes: number[] = [];
  const smallCpu: number[] = [];
  const analyzeLarge = (): unknown => analyze(large, { format });
  const analyzeSmall = (): unknown => analyze(small, { format });
  for (let round = 0; round < 10; round++) {
    const spent = timeOnce(analyzeLarge, largeTimes, largeCpu);
    for (let total = 0; total < spent; ) total += timeOnce(analyzeSmall, smallTimes, smallCpu);
    if (round === 0) {
      largeTimes.length = largeCpu.length = smallTimes.length = smallCpu.length = 0; // warm-up
    }
  }
  return { large: summarize(largeTimes, largeCpu), small: summarize(smallTimes, smallCpu) };
}

// --- bare parsers ------------------------------------------------------------

const noop = (): void => {};

/** htmlparser2's callback parser with no-op callbacks and the options the HTML reader uses. */
function parseHtmlBare(text: string): void {
  const parser = new Parser(
    { onopentag: noop, onclosetag: noop, ontext: noop, oncomment: noop, onprocessinginstruction: noop },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
}

const bareParsers: Record<ArticleFormat, { readonly name: string; readonly run: (text: string) => unknown }> = {
  markdown: { name: 'lezer parseTree (GFM + footnotes + citations)', run: (text) => parseTree(text, false) },
  html: { name: 'htmlparser2 Parser, no-op callbacks', run: parseHtmlBare },
  text: { name: 'readText (the plain-text reader: line split + blocks)', run: readText },
};

// --- report ----------------------------------------------------------------

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const verdicts: string[] = [];

/** Records whether `value` is below `limit` (or at it, when `inclusive`) and returns "met" or "MISSED". */
function target(label: string, value: number, limit: number, unit: string, inclusive = false): string {
  const met = inclusive ? value <= limit : value < limit;
  const text = `${label}: ${unit === '×' ? value.toFixed(1) : fmt(value)}${unit} (target ${limit}${unit}) ${met ? 'met' : 'MISSED'}`;
  verdicts.push(text);
  return met ? 'met' : 'MISSED';
}

function header(): void {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');
  console.log(`Node ${process.version} on ${process.platform}/${process.arch}`);
  console.log(`CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`);
  console.log(`load average (1, 5, 15 min): ${load}${gc ? '' : '; gc not exposed (run with --expose-gc to collect before each series)'}`);
  console.log('');
}

// --- the benchmark -------------------------------------------------------------

const formats: readonly ArticleFormat[] = ['markdown', 'html', 'text'];

interface Row {
  readonly format: ArticleFormat;
  readonly size: string;
  readonly bytes: number;
  readonly analysis: Timing;
  readonly bare: Timing;
  readonly claims: number;
  readonly sources: number;
}

function benchFormats(articles: ReadonlyMap<string, GeneratedArticle>): Row[] {
  const rows: Row[] = [];
  for (const format of formats) {
    for (const size of benchSizes) {
      const text = articles.get(size.name)![format];
      const plan = plans[size.name];
      let result: Analysis | undefined;
      const analysis = measure(() => (result = analyze(text, { format })), plan);
      const bare = measure(() => bareParsers[format].run(text), plan);
      rows.push({
        format,
        size: size.name,
        bytes: byteLength(text),
        analysis,
        bare,
        claims: result?.claims.length ?? 0,
        sources: result?.sources.length ?? 0,
      });
    }
  }
  return rows;
}

/** Offsets inside paragraph lines (not headings, tables, lists, quotes, code or note definitions), after a space. */
function paragraphPositions(markdown: string): number[] {
  const positions: number[] = [];
  let inCode = false;
  let inFront = markdown.startsWith('---\n');
  let start = 0;
  for (const line of markdown.split('\n')) {
    if (inFront) {
      if (line === '---' && start > 0) inFront = false;
    } else if (line.startsWith('```')) {
      inCode = !inCode;
    } else if (!inCode && /^[A-Za-z“\u4e00-\u9fff]/u.test(line) && !line.startsWith('Source:')) {
      for (let i = line.indexOf(' ') + 1; i > 0 && i < line.length; i = line.indexOf(' ', i) + 1) positions.push(start + i);
    }
    start += line.length + 1;
  }
  return positions;
}

interface Keystrokes {
  readonly first: number;
  readonly timing: Timing;
  readonly count: number;
}

/** Types and deletes one character at a time at varied places in the paragraphs of a 100 KB article. */
function benchKeystrokes(markdown: string): Keystrokes {
  const analyzer = createAnalyzer({ format: 'markdown' });
  const t0 = performance.now();
  analyzer.update(markdown);
  const first = performance.now() - t0;

  const positions = paragraphPositions(markdown);
  const r = new Random(42);
  const letters = 'etaoinshrdlu0123456789';
  let text = markdown;
  const times: number[] = [];
  const cpu: number[] = [];
  const warmup = 20;
  const count = 300;
  for (let k = 0; k < warmup + count; k += 2) {
    // Type a character at a word start, then delete it again: two keystrokes.
    const at = r.pick(positions);
    const ch = letters[r.int(0, letters.length - 1)];
    const steps = [
      { change: { start: at, end: at, text: ch }, next: text.slice(0, at) + ch + text.slice(at) },
      { change: { start: at, end: at + 1, text: '' }, next: text },
    ];
    for (const step of steps) {
      const measured = k >= warmup;
      timeOnce(() => analyzer.update(step.next, [step.change]), measured ? times : undefined, measured ? cpu : undefined);
      text = step.next;
    }
  }
  return { first, timing: summarize(times, cpu), count: times.length };
}

function main(): void {
  header();
  const t0 = performance.now();
  const articles = new Map<string, GeneratedArticle>();
  for (const size of benchSizes) articles.set(size.name, generateArticle(size.bytes, 2024));
  console.log(`articles generated in ${fmt(performance.now() - t0)} ms (seed 2024)`);
  console.log('');

  const rows = benchFormats(articles);
  console.log('analyze(text, {format}): median wall time after warm-up, fastest run, 95th percentile; cpu = median CPU time of the process per run');
  console.log(
    table(
      ['format', 'size', 'bytes', 'runs', 'analyze ms', 'min ms', 'p95 ms', 'cpu ms', 'MB/s', 'bare ms', 'analyze/bare', 'claims', 'sources'],
      rows.map((row) => [
        row.format,
        row.size,
        String(row.bytes),
        String(row.analysis.runs),
        fmt(row.analysis.median),
        fmt(row.analysis.min),
        fmt(row.analysis.p95),
        fmt(row.analysis.cpu),
        (row.bytes / 1e6 / (row.analysis.median / 1000)).toFixed(1),
        fmt(row.bare.median),
        `${(row.analysis.median / row.bare.median).toFixed(1)}×`,
        String(row.claims),
        String(row.sources),
      ]),
    ),
  );
  console.log('bare parse:');
  for (const format of formats) console.log(`  ${format}: ${bareParsers[format].name}`);
  console.log('');

  // The configured Markdown parser skips runs of plain text before lezer's inline parsers see them,
  // so it is faster than @lezer/markdown as shipped; the stock parse is shown beside it for comparison.
  // At 100 KB only: the stock parser knows no footnote definitions, reads the 2 MB article's
  // 290 KB of them as one paragraph, and takes about a second over its inline content.
  const stock = commonMarkParser.configure(GFM);
  console.log('Markdown, 100 KB: the configured parse above against stock @lezer/markdown (CommonMark + GFM), median ms (no target)');
  console.log(
    table(
      ['size', 'configured', 'stock', 'analyze/configured', 'analyze/stock'],
      rows
        .filter((row) => row.format === 'markdown' && row.size === '100 KB')
        .map((row) => {
          const timing = measure(() => stock.parse(articles.get(row.size)!.markdown), plans[row.size]);
          return [row.size, fmt(row.bare.median), fmt(timing.median), `${(row.analysis.median / row.bare.median).toFixed(1)}×`, `${(row.analysis.median / timing.median).toFixed(1)}×`];
        }),
    ),
  );
  console.log('');

  console.log('growth, 2 MB / 100 KB (size ratio beside it; linear time grows like the size)');
  console.log('  medians from one interleaved series per format (2 MB, then 100 KB runs for as long, and again),');
  console.log('  so that a slow spell of the machine weighs on both sizes alike; the table above, for comparison');
  const growth = formats.map((format) => {
    const small = rows.find((r) => r.format === format && r.size === '100 KB')!;
    const large = rows.find((r) => r.format === format && r.size === '2 MB')!;
    const series = interleaved(articles.get('2 MB')![format], articles.get('100 KB')![format], format);
    return {
      format,
      size: large.bytes / small.bytes,
      analysis: series.large.median / series.small.median,
      table: large.analysis.median / small.analysis.median,
      bare: large.bare.median / small.bare.median,
      series,
    };
  });
  console.log(
    table(
      ['format', 'size ×', '2 MB ms', '100 KB ms', 'analyze ×', 'table ×', 'bare ×', 'target'],
      growth.map((g) => [
        g.format,
        g.size.toFixed(1),
        fmt(g.series.large.median),
        fmt(g.series.small.median),
        g.analysis.toFixed(1),
        g.table.toFixed(1),
        g.bare.toFixed(1),
        `≤ 25× ${target(`growth ${g.format}`, g.analysis, 25, '×', true)}`,
      ]),
    ),
  );
  console.log('');

  const keys = benchKeystrokes(articles.get('100 KB')!.markdown);
  console.log(`keystroke: createAnalyzer({format: 'markdown'}).update(text, [change]) on the 100 KB article`);
  console.log(`  first full analysis ${fmt(keys.first)} ms; ${keys.count} one-character inserts and deletes inside paragraphs`);
  console.log(`  median ${fmt(keys.timing.median)} ms, p95 ${fmt(keys.timing.p95)} ms, median cpu ${fmt(keys.timing.cpu)} ms`);
  console.log('');

  const md100 = rows.find((r) => r.format === 'markdown' && r.size === '100 KB')!;
  const md2 = rows.find((r) => r.format === 'markdown' && r.size === '2 MB')!;
  target('100 KB Markdown analyze', md100.analysis.median, 12, ' ms', true);
  target('2 MB Markdown analyze', md2.analysis.median, 300, ' ms');
  for (const row of rows) {
    if (row.size !== '5 KB') target(`analysis ≤ 3× bare parse, ${row.format} ${row.size}`, row.analysis.median / row.bare.median, 3, '×', true);
  }
  target('keystroke median', keys.timing.median, 3, ' ms', true);
  console.log('targets');
  for (const v of verdicts) console.log(`  ${v}`);
  console.log('');
  console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
}

main();
