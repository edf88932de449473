import * as assert from 'node:assert/strict';
import { generateArticle, Random } from '../../bench/generate';
import { analyze, createAnalyzer, type Analysis, type Format, type Range } from '../../src/core/index';

// Seeded random, mutated and pathological documents. For each, `analyze()`
// in every format must not throw and must return well-formed results; and
// its time must grow linearly with the input. Time is CPU time of this
// process, and the bounds are ratios (time at 8× the size against time at
// the smaller size, and against a prose article of the same size measured
// in the same run), so a busy machine does not fail them but quadratic
// behaviour does.

const formats: readonly Format[] = ['markdown', 'mdx', 'html', 'text', 'wordpress'];
const claimKinds = new Set(['count', 'percent', 'money', 'multiplier', 'fraction', 'measure', 'rank', 'change']);
const sourceKinds = new Set(['link', 'footnote', 'citation', 'textual']);

function rangeProblem(text: string, range: Range | undefined, what: string): string | undefined {
  if (!range || !Number.isInteger(range.start) || !Number.isInteger(range.end)) return `${what}: not a range ${JSON.stringify(range)}`;
  if (range.start < 0 || range.end > text.length || range.start > range.end) {
    return `${what}: range ${range.start}–${range.end} outside 0–${text.length} or reversed`;
  }
  return undefined;
}

/** What is wrong with an analysis of `text`, or undefined when it is well formed. */
function problemsOf(text: string, format: Format, a: Analysis): string | undefined {
  if (a.format !== format) return `format ${a.format}, expected ${format}`;
  for (let i = 0; i < a.sources.length; i++) {
    const s = a.sources[i];
    if (s.id !== i) return `source ${i} has id ${s.id}`;
    if (!sourceKinds.has(s.kind)) return `source ${i} has kind ${s.kind}`;
    const bad = rangeProblem(text, s.range, `source ${i}`);
    if (bad) return bad;
  }
  let last = 0;
  for (let i = 0; i < a.claims.length; i++) {
    const c = a.claims[i];
    const what = `claim ${i} (${JSON.stringify(c.text?.slice(0, 40))})`;
    const bad = rangeProblem(text, c.range, what) ?? rangeProblem(text, c.sentenceRange, `${what} sentence`);
    if (bad) return bad;
    if (c.range.start < last) return `${what} at ${c.range.start} comes after a claim at ${last}: not sorted`;
    last = c.range.start;
    // A WordPress post's claims read as the HTML does, JSON escapes decoded.
    if (format !== 'wordpress' && c.text !== text.slice(c.range.start, c.range.end)) return `${what}: text is not the raw text of its range`;
    if (c.id !== `${c.range.start}:${c.text}`) return `${what}: id ${c.id}`;
    if (c.sentenceRange.start > c.range.start || c.sentenceRange.end < c.range.end) {
      return `${what}: range ${c.range.start}–${c.range.end} not inside its sentence ${c.sentenceRange.start}–${c.sentenceRange.end}`;
    }
    if (!claimKinds.has(c.kind)) return `${what}: kind ${c.kind}`;
    if (c.value !== null && Number.isNaN(c.value)) return `${what}: value NaN`;
    for (const s of c.sources) {
      if (a.sources[s.id] !== s) return `${what}: source ${s.id} is not the analysis's source ${s.id}`;
    }
    const linked = c.sources.some((s) => s.kind !== 'textual');
    const expected = linked ? 'cited' : c.sources.length ? 'attributed' : 'uncited';
    if (c.status !== expected && c.status !== 'ignored') return `${what}: status ${c.status} with ${c.sources.length} sources`;
  }
  let lastProblem = 0;
  for (let i = 0; i < a.problems.length; i++) {
    const p = a.problems[i];
    const bad = rangeProblem(text, p.range, `problem ${i} (${p.code})`);
    if (bad) return bad;
    if (p.range.start < lastProblem) return `problem ${i} not sorted`;
    lastProblem = p.range.start;
  }
  return undefined;
}

function describeInput(text: string): string {
  const head = JSON.stringify(text.slice(0, 120));
  return `${text.length} chars: ${head}${text.length > 120 ? '…' : ''}`;
}

/** Analyses `text` in `format` and fails with the input when it throws or returns something malformed. */
function analyzeChecked(text: string, format: Format, label: string): Analysis {
  let a: Analysis;
  try {
    a = analyze(text, { format });
  } catch (error) {
    assert.fail(`${label}: analyze(…, {format: '${format}'}) threw ${String(error)} on ${describeInput(text)}`);
  }
  const bad = problemsOf(text, format, a);
  if (bad) assert.fail(`${label}, ${format}: ${bad} — input ${describeInput(text)}`);
  return a;
}

// --- random inputs -----------------------------------------------------------

/** Pieces of markup, numbers and prose that random documents are made of. */
const soup = [
  '[', ']', '(', ')', '[^', '[^1]', '[^1]: ', '[@', '[@key]', '](', '![', '^', '@', '*', '**', '_', '`', '```', '~~', '\\',
  '<', '>', '</', '<a href="', '">', '</a>', '<sup>', '</sup>', '<p>', '</p>', '<li id="fn1">', '<br>', '<!--', '-->',
  '<script>', '</script>', '<div>', '&amp;', '&#', '&#x', ';', '&', '!', '#', '## ', '|', '| --- |', '-', '- ', '1. ', '> ',
  ':', '\n', '\n\n', '\r\n', '\r', '  ', '    ', '\t', ' ', ' ', ' ', '0', '1', '2', '7', '12', '38,210', '1,000,', '3.5',
  ',', '.', '. ', '%', '$', '€', '¥', '£', '−', '–', '万', '亿', '万亿元', '百分之', '六十', '据', '统计', '。', '，',
  'according to ', ' said', 'WIPO', 'PitchBook', 'percent', 'million', 'billion', ' times', 'a quarter', 'of the top ',
  'https://x.org/a(b)', 'www.', '---\n', '+++\n', '{', '}', 'import x from "y"\n', 'export const a = 1\n', '<Chart />',
  '"', "'", '“', '”', '\u0000', '\ud800', '\udc00', '\u200b', '\ufeff', '\u00a0', '\u3000', '😀', '６０％', 'Sales rose ',
  ' in 2024', 'Source: ', 'References\n', '<!-- claimlens-ignore-next-line -->', '<!-- claimlens-disable -->',
];

function soupDocument(r: Random, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += r.pick(soup);
  return s;
}

function utf16Document(r: Random, length: number): string {
  const codes = new Uint16Array(length);
  for (let i = 0; i < length; i++) {
    const roll = r.next();
    codes[i] = roll < 0.5 ? r.int(0, 0x7f) : roll < 0.8 ? r.int(0x80, 0x7ff) : r.int(0x800, 0xffff);
  }
  // In chunks: a spread of 200k arguments would overflow the stack. Lone surrogates stay.
  let s = '';
  for (let i = 0; i < length; i += 8192) s += String.fromCharCode(...codes.subarray(i, i + 8192));
  return s;
}

function bytesDocument(r: Random, length: number): string {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = r.int(0, 255);
  return r.chance(0.5) ? new TextDecoder('utf-8').decode(bytes) : new TextDecoder('latin1').decode(bytes);
}

/** One random change to a document: deletes, duplicates or swaps slices, inserts pieces, truncates. */
function mutate(r: Random, text: string): string {
  const at = (): number => r.int(0, text.length);
  const slice = (): [number, number] => {
    const start = at();
    return [start, Math.min(text.length, start + r.int(1, 400))];
  };
  switch (r.int(0, 5)) {
    case 0: {
      const [s, e] = slice();
      return text.slice(0, s) + text.slice(e);
    }
    case 1: {
      const [s, e] = slice();
      const to = at();
      return text.slice(0, to) + text.slice(s, e) + text.slice(to);
    }
    case 2: {
      const [a, b] = [slice(), slice()].sort((x, y) => x[0] - y[0]);
      if (a[1] > b[0]) return text;
      return text.slice(0, a[0]) + text.slice(b[0], b[1]) + text.slice(a[1], b[0]) + text.slice(a[0], a[1]) + text.slice(b[1]);
    }
    case 3: {
      const to = at();
      return text.slice(0, to) + soupDocument(r, r.int(1, 6)) + text.slice(to);
    }
    case 4:
      return text.slice(0, at());
    default: {
      const to = at();
      return text.slice(0, to) + String.fromCharCode(r.int(0, 0xffff)) + text.slice(to + 1);
    }
  }
}

/** A WordPress REST API post holding `html`, escaped as WordPress escapes it. */
function restPost(html: string): string {
  const escaped = JSON.stringify(html).replace(/\//g, '\\/').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `{"id":7,"slug":"a-post","title":{"rendered":"A title with 12 numbers"},"content":{"rendered":${escaped},"protected":false},"categories":[243]}`;
}

/** A WordPress export of two posts holding `html`. */
function exportOf(html: string): string {
  const item = (slug: string) => `<item><title>${slug}</title><wp:post_name><![CDATA[${slug}]]></wp:post_name><wp:post_type><![CDATA[post]]></wp:post_type><content:encoded><![CDATA[${html}]]></content:encoded></item>`;
  return `<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>${item('one')}\n${item('two')}</channel></rss>\n`;
}

describe('robustness: random and mutated documents', function () {
  // Thousands of analyses: a busy machine stretches them.
  this.timeout(120_000);

  it('analyses 400 documents of random markup, numbers and prose in every format', () => {
    const r = new Random(101);
    for (let i = 0; i < 400; i++) {
      const text = soupDocument(r, r.chance(0.9) ? r.int(0, 120) : r.int(300, 1500));
      for (const format of formats) analyzeChecked(text, format, `soup #${i}`);
    }
  });

  it('analyses 200 documents of random UTF-16 code units and decoded random bytes in every format', () => {
    const r = new Random(202);
    for (let i = 0; i < 200; i++) {
      const text = i % 2 ? utf16Document(r, r.int(0, 2000)) : bytesDocument(r, r.int(0, 2000));
      for (const format of formats) analyzeChecked(text, format, `random #${i}`);
    }
  });

  it('analyses 160 mutated WordPress posts and exports', () => {
    const r = new Random(505);
    const article = generateArticle(4 * 1024, 19);
    const originals = [restPost(article.html), exportOf(article.html)];
    for (const original of originals) assert.ok(analyzeChecked(original, 'wordpress', 'unmutated').claims.length >= 20);
    for (let i = 0; i < 160; i++) {
      let text = originals[i % 2];
      for (let k = r.int(1, 3); k > 0; k--) text = mutate(r, text);
      analyzeChecked(text, 'wordpress', `wordpress mutation #${i}`);
    }
  });

  it('analyses 240 mutated copies of an article (Markdown, HTML and text) in every format', () => {
    const r = new Random(303);
    const article = generateArticle(4 * 1024, 17);
    const originals = [article.markdown, article.html, article.text];
    for (let i = 0; i < 240; i++) {
      let text = originals[i % 3];
      for (let k = r.int(1, 4); k > 0; k--) text = mutate(r, text);
      for (const format of formats) analyzeChecked(text, format, `mutation #${i}`);
    }
  });

  it('finds claims in the unmutated articles and gives the same result twice', () => {
    const article = generateArticle(6 * 1024, 17);
    const cases: [string, Format][] = [[article.markdown, 'markdown'], [article.markdown, 'mdx'], [article.html, 'html'], [article.text, 'text']];
    for (const [text, format] of cases) {
      const first = analyzeChecked(text, format, 'article');
      assert.ok(first.claims.length >= 20, `${format}: only ${first.claims.length} claims in a generated article`);
      assert.ok(first.sources.length >= 10, `${format}: only ${first.sources.length} sources in a generated article`);
      assert.deepEqual(analyze(text, { format }), first);
    }
  });

  it('createAnalyzer().update() gives what analyze() gives, after each of 200 random edits', () => {
    const r = new Random(404);
    const article = generateArticle(6 * 1024, 23);
    const starts: Record<Format, string> = { markdown: article.markdown, mdx: article.markdown, html: article.html, text: article.text, wordpress: restPost(article.html) };
    for (const format of formats) {
      const analyzer = createAnalyzer({ format });
      let text = starts[format];
      assert.deepEqual(analyzer.update(text), analyze(text, { format }));
      for (let i = 0; i < 50; i++) {
        const changes: { start: number; end: number; text: string }[] = [];
        for (let k = r.chance(0.2) ? r.int(2, 3) : 1; k > 0; k--) {
          const start = r.int(0, text.length);
          const end = r.chance(0.5) ? start : Math.min(text.length, start + r.int(1, 30));
          const inserted = r.chance(0.6) ? soupDocument(r, r.int(1, 3)) : '';
          changes.push({ start, end, text: inserted });
          text = text.slice(0, start) + inserted + text.slice(end);
        }
        let updated: Analysis;
        try {
          updated = analyzer.update(text, changes);
        } catch (error) {
          assert.fail(`${format} edit #${i}: update threw ${String(error)} after ${JSON.stringify(changes)}`);
        }
        assert.deepEqual(updated, analyze(text, { format }), `${format} edit #${i}: ${JSON.stringify(changes)}`);
      }
    }
  });
});

// --- pathological inputs and growth --------------------------------------------

/** `unit` repeated to exactly `n` characters. */
function repeat(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

let proseLine: string | undefined;
/** One line of prose, markup included, at least `n` characters long. */
function longProseLine(n: number): string {
  if (!proseLine || proseLine.length < n) proseLine = generateArticle(Math.max(n, 1 << 20), 31).markdown.replace(/\n+/g, ' ');
  return proseLine.slice(0, n);
}

function footnoteDefinitions(n: number): string {
  const parts = ['Sales rose 5%.[^1] Costs fell 3%.[^2]\n'];
  let length = parts[0].length;
  for (let i = 1; length < n; i++) {
    const line = `[^${i}]: WIPO, p. ${i % 300}.\n`;
    parts.push(line);
    length += line.length;
  }
  return parts.join('').slice(0, n);
}

function indentedList(n: number): string {
  let s = '';
  for (let i = 0; s.length < n; i++) s += `${' '.repeat(2 * (i % 400))}- item ${i}: 5%\n`;
  return s.slice(0, n);
}

function wideTable(n: number): string {
  const row = `|${repeat(' 5% |', n / 3)}`;
  return `${row}\n${row.replace(/5%/g, '---')}\n${row}\n`;
}

interface Family {
  readonly name: string;
  /** A document of about `n` characters. */
  readonly make: (n: number) => string;
  /** The largest size tested, in characters. */
  readonly size: number;
  /** MDX too, for markup the MDX reader treats on its own. */
  readonly mdx?: boolean;
}

const families: readonly Family[] = [
  { name: 'random UTF-16 code units', make: (n) => utf16Document(new Random(n), n), size: 50_000, mdx: true },
  { name: '[ repeated (unclosed brackets)', make: (n) => repeat('[', n), size: 100_000, mdx: true },
  { name: '[ nested: [[[…x…]]]', make: (n) => `${repeat('[', n >> 1)}x${repeat(']', n >> 1)}`, size: 100_000, mdx: true },
  { name: '( repeated', make: (n) => repeat('(', n), size: 100_000 },
  { name: '[a]( repeated (unclosed link destinations)', make: (n) => repeat('[a](', n), size: 100_000, mdx: true },
  { name: '] and ) repeated', make: (n) => repeat('])', n), size: 100_000 },
  { name: '1 MB of digits', make: (n) => repeat('7', n), size: 1_000_000 },
  { name: '1 MB of 1,000, repeated', make: (n) => repeat('1,000,', n), size: 1_000_000 },
  { name: 'digits with dots 1.2.3.', make: (n) => repeat('1.2.', n), size: 200_000 },
  { name: 'numbers separated by spaces', make: (n) => repeat('12 ', n), size: 100_000 },
  { name: '$ repeated', make: (n) => repeat('$', n), size: 100_000, mdx: true },
  { name: 'money and percent claims in one sentence', make: (n) => repeat('$1 5% ', n), size: 100_000 },
  { name: 'lone surrogates among claims', make: (n) => repeat('\ud800a\udc00 12% \udfff', n), size: 100_000 },
  { name: 'NUL bytes among claims', make: (n) => repeat('\0 3\0% 4 ', n), size: 100_000, mdx: true },
  { name: 'one huge line of prose', make: longProseLine, size: 500_000 },
  { name: 'one paragraph of many short sentences with claims', make: (n) => repeat('Sales rose 5%. ', n), size: 100_000 },
  { name: 'one sentence with many claims and links', make: (n) => repeat('Sales rose 5% [x](https://x.org) ', n), size: 100_000 },
  { name: 'many footnote references in one paragraph', make: (n) => `${repeat('5%.[^1] ', n)}\n\n[^1]: WIPO.\n`, size: 200_000 },
  { name: '50k footnote definitions', make: footnoteDefinitions, size: 1_100_000 },
  { name: 'deeply nested block quotes', make: (n) => `${repeat('> ', n)}Sales rose 5%.`, size: 20_000, mdx: true },
  { name: 'deeply nested lists', make: (n) => `${repeat('- ', n)}Sales rose 5%.`, size: 20_000, mdx: true },
  { name: 'lists in block quotes, nested', make: (n) => `${repeat('> - ', n)}Sales rose 5%.`, size: 20_000 },
  { name: 'indented nested list items', make: indentedList, size: 200_000 },
  { name: '*a repeated (unclosed emphasis)', make: (n) => repeat('*a ', n), size: 200_000 },
  { name: '` repeated', make: (n) => repeat('`', n), size: 200_000, mdx: true },
  { name: '[@ and [^ repeated', make: (n) => repeat('[@[^', n), size: 200_000, mdx: true },
  { name: '< repeated', make: (n) => repeat('<', n), size: 200_000, mdx: true },
  { name: '{ repeated', make: (n) => repeat('{', n), size: 200_000, mdx: true },
  { name: '<div> repeated, never closed', make: (n) => repeat('<div>', n), size: 100_000, mdx: true },
  { name: '<a href> repeated, never closed', make: (n) => repeat('<a href="#fn1">12% ', n), size: 100_000, mdx: true },
  { name: '<sup> repeated', make: (n) => repeat('<sup>5%', n), size: 100_000 },
  { name: 'JSX elements with expressions', make: (n) => repeat('<Chart value={5} /> {12%} ', n), size: 100_000, mdx: true },
  { name: 'an HTML comment never closed', make: (n) => `<!--${repeat('a 5% ', n)}`, size: 100_000, mdx: true },
  { name: 'entities', make: (n) => repeat('&amp;&#12;&#x41;&nbsp;&', n), size: 200_000 },
  { name: '| repeated', make: (n) => repeat('|', n), size: 200_000 },
  { name: 'a table 20k cells wide', make: wideTable, size: 200_000 },
  { name: 'a table 10k rows long', make: (n) => `| a | b |\n|---|---|\n${repeat('| 12% | $4 billion |\n', n)}`, size: 200_000 },
  { name: 'a URL 200k characters long', make: (n) => `See https://${repeat('a', n)}`, size: 200_000 },
  { name: '"according to" repeated', make: (n) => `${repeat('according to ', n)}5%.`, size: 200_000 },
  { name: '"WIPO said" repeated', make: (n) => `${repeat('WIPO said ', n)}5%.`, size: 200_000 },
  { name: 'Chinese numerals and scale words', make: (n) => repeat('一二三四五六七八九十百千万亿', n), size: 100_000 },
  { name: '据 repeated', make: (n) => `${repeat('据', n)}统计，5%。`, size: 100_000 },
  { name: 'number words', make: (n) => repeat('one two three ', n), size: 100_000 },
  { name: 'hyphenated numbers 1-1-1', make: (n) => repeat('1-', n), size: 100_000 },
  { name: 'newlines', make: (n) => repeat('\n', n), size: 400_000 },
  { name: 'CRLF lines of prose', make: (n) => repeat('Sales rose 5% in 2024.\r\n', n), size: 200_000 },
];

/** CPU time of this process spent in `run`, in ms. */
function cpuTime(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** CPU time of one call: the mean of as many calls as take 5 ms, so that small inputs time reliably. */
function timePerCall(run: () => void): number {
  let calls = 0;
  const start = process.cpuUsage();
  let total = 0;
  do {
    run();
    calls++;
    const used = process.cpuUsage(start);
    total = (used.user + used.system) / 1000;
  } while (total < 5 && calls < 200);
  return total / calls;
}

/**
 * Growth allowed between sizes 8× apart (smaller, larger step): linear time
 * grows 8×, quadratic 64×. Linear work that allocates much can grow 30×
 * where the garbage collector changes pace (an analysis outgrows the young
 * generation); `forgiven` below tells the two apart.
 */
const maxGrowth = [24, 24];
/** How much slower per character than a prose article of the same size a pathological input may be. */
const maxSlowdown = 20;
/**
 * Growth past the bound is forgiven while the input still costs no more per
 * character than this many times prose (smaller, larger step): a change of
 * pace of the collector can look like growth, while quadratic work soon
 * costs far more than prose. Lenient at the small end, where work that is
 * quadratic only up to a fixed size (a parser's chunk) grows too. Inputs
 * that are nothing but claims (`$1 5% ` repeated) hold a claim every few
 * characters, where prose holds one every seventy: they cost up to about six
 * times prose per character in linear time, and the collector's threads add
 * to the CPU time of the largest. Quadratic work at 100k characters cost
 * fifty times prose and more (`[a](` repeated, before its paragraphs were cut).
 */
const forgiven = [20, 10];
/** Below this, time is too small to judge (ms of CPU). */
const floor = 10;

const proseRates = new Map<Format, number>();
let proseArticle: ReturnType<typeof generateArticle> | undefined;

/** CPU ms per character for a 100 KB prose article in `format`, measured once. */
function proseRate(format: Format): number {
  let rate = proseRates.get(format);
  if (rate === undefined) {
    proseArticle ??= generateArticle(100 * 1024, 37);
    const text = format === 'html' ? proseArticle.html : format === 'text' ? proseArticle.text : proseArticle.markdown;
    analyze(text, { format });
    rate = Math.min(timePerCall(() => analyze(text, { format })), timePerCall(() => analyze(text, { format }))) / text.length;
    proseRates.set(format, rate);
  }
  return rate;
}

interface Sample {
  readonly text: string;
  time: number;
}

function measureAgain(sample: Sample, format: Format): void {
  sample.time = Math.min(sample.time, timePerCall(() => analyze(sample.text, { format })));
}

/**
 * Times `family` at three sizes 8× apart and fails when the time grows much
 * faster than the size, or when the largest is far slower than prose. Time
 * is CPU time; a run that looks too slow is measured again (the fastest
 * counts), since a busy machine, the compiler and the collector's threads
 * can slow any one run.
 */
function checkGrowth(family: Family, format: Format): void {
  const sizes = [Math.round(family.size / 64), Math.round(family.size / 8), family.size];
  let previous: Sample | undefined;
  for (let step = 0; step < sizes.length; step++) {
    const text = family.make(sizes[step]);
    const sample: Sample = { text, time: cpuTime(() => analyzeChecked(text, format, `${family.name} (${text.length} chars)`)) };
    if (step === 0) {
      // Warm up on the small input, so that compiling the code paths it takes is not timed.
      for (let spent = 0, runs = 0; spent < 20 && runs < 20; runs++) spent += cpuTime(() => analyze(text, { format }));
      sample.time = timePerCall(() => analyze(text, { format }));
    } else if (step < sizes.length - 1) {
      measureAgain(sample, format);
    }
    if (previous) {
      const before: Sample = previous;
      const bound = maxGrowth[step - 1];
      const grows = (): boolean =>
        sample.time > floor && sample.time > bound * before.time && sample.time > forgiven[step - 1] * proseRate(format) * text.length;
      // Up to three more measurements, fewer when each takes long (quadratic input stays slow, so the verdict holds).
      for (let retry = 0, spent = 0; retry < 3 && spent < 5000 && grows(); retry++) {
        spent += cpuTime(() => {
          measureAgain(before, format);
          measureAgain(sample, format);
        });
      }
      assert.ok(
        !grows(),
        `${format}: ${family.name} took ${sample.time.toFixed(1)} ms of CPU at ${text.length} chars and ${before.time.toFixed(2)} ms at ` +
          `${before.text.length}: ${(sample.time / before.time).toFixed(1)}× for 8× the input (linear is 8×, the bound ${bound}×), ` +
          `${(sample.time / (proseRate(format) * text.length)).toFixed(0)}× the time of prose of that size`,
      );
    }
    previous = sample;
  }
  const last = previous!;
  const limit = (): number => maxSlowdown * proseRate(format) * last.text.length + floor;
  if (last.time > limit()) measureAgain(last, format);
  assert.ok(
    last.time <= limit(),
    `${format}: ${family.name} took ${last.time.toFixed(0)} ms of CPU at ${last.text.length} chars, over ${maxSlowdown}× ` +
      `the time of a prose article of that size (${limit().toFixed(0)} ms)`,
  );
}

describe('robustness: pathological inputs are read in linear time', function () {
  // Generous: the bounds are ratios of CPU time, and a busy machine only stretches wall-clock time.
  this.timeout(120_000);
  for (const family of families) {
    for (const format of formats) {
      if (format === 'wordpress') {
        // The HTML reader does the work; check that the same input inside a REST API post is read, untimed.
        const n = Math.round(family.size / 8);
        it(`${family.name}, in a WordPress post (${n} chars, untimed)`, () => void analyzeChecked(restPost(family.make(n)), format, family.name));
      } else if (format === 'mdx' && !family.mdx) {
        // The MDX reader shares the Markdown one here: check the result at a smaller size, untimed.
        const n = Math.round(family.size / 8);
        it(`${family.name}, mdx (${n} chars, untimed)`, () => void analyzeChecked(family.make(n), format, family.name));
      } else {
        it(`${family.name}, ${format}`, () => checkGrowth(family, format));
      }
    }
  }
});
