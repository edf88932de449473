// Load times of bibliographies: a 5,000-entry .bib made in memory, the same
// references as CSL-JSON and CSL-YAML, the .bib with broken entries (the
// recovery path), and a cache hit. Prints the median of several runs after
// warm-up, in wall-clock time and in CPU time (the process's, garbage
// collection included), which a busy machine disturbs less.
// Run: node esbuild.mjs && node out/bench/bibliography.js [entries]
import { BibliographyCache, parseBibliography } from '../src/core';

const count = Number(process.argv[2] ?? 5000);

const families = ['M{\\"u}ller', 'Garc{\\\'\\i}a', 'Stra{\\ss}er', 'Smith', 'van der Berg', 'Nguyen', 'O\'Brien', 'Dupont'];
const givens = ['J{\\"o}rg', 'Ana', 'Karl', 'Jane', 'Piet', 'Thi', 'Siobhan', '{\\\'E}lise'];
const words = ['Patent', 'Innovation', 'Growth', 'Filings', 'Economic', 'Effects', 'Regional', 'Trade', 'Licensing', 'Markets'];

/** A .bib of `n` entries: macros, accents, nested braces, abstracts, crossrefs. */
function makeBib(n: number): string {
  const parts = ['@string{ wipo = "World Intellectual Property Organization" }', '@string{ jep = "Journal of " # "Economic Perspectives" }'];
  for (let i = 0; i < n; i++) {
    const author = [0, 1, 2]
      .slice(0, 1 + (i % 3))
      .map((k) => `${families[(i + k) % families.length]}, ${givens[(i + 2 * k) % givens.length]}`)
      .join(' and ');
    const title = `{${words[i % words.length]}} and {{${words[(i * 7) % words.length]}}}: {\\"U}ber \\& Beyond, part ${i}`;
    const abstract = `We study ${words[i % 10].toLowerCase()} across 38 countries from 1990--2020 and find effects of 5\\% to 12\\%. `.repeat(3);
    switch (i % 5) {
      case 0:
        parts.push(`@article{key${i},\n  author = {${author}},\n  title = {${title}},\n  journal = jep,\n  year = {${1990 + (i % 30)}},\n  volume = {${i % 40}},\n  pages = {1--20},\n  doi = {10.1000/jep.${i}},\n  abstract = {${abstract}},\n  keywords = {patents, growth},\n}`);
        break;
      case 1:
        parts.push(`@report{key${i},\n  author = {{World Intellectual Property Organization}},\n  title = {${title}},\n  institution = wipo,\n  date = {${2000 + (i % 24)}-0${1 + (i % 9)}-15},\n  url = {https://example.org/reports/${i}?lang=en&format=pdf},\n}`);
        break;
      case 2:
        parts.push(`@inproceedings{key${i},\n  author = {${author}},\n  title = {${title}},\n  crossref = {key${i + 1}},\n  pages = {45--58},\n}`);
        break;
      case 3:
        parts.push(`@proceedings{key${i},\n  title = {Proceedings of the ${i}th Conference on Patent Informatics},\n  editor = {Lee, Min-jun},\n  publisher = {Springer},\n  year = {2021},\n}`);
        break;
      default:
        parts.push(`@book{key${i},\n  author = {${author}},\n  title = "${title}",\n  publisher = {MIT Press} # { and } # {Harvard University Press},\n  year = 2020,\n  isbn = {978-0-262-04396-1},\n}`);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

/** The same references as CSL items. */
function makeCsl(n: number): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    items.push({
      id: `key${i}`,
      type: ['article-journal', 'report', 'paper-conference', 'book', 'book'][i % 5],
      author: [0, 1, 2].slice(0, 1 + (i % 3)).map((k) => ({ family: ['Müller', 'García', 'Straßer', 'Smith'][(i + k) % 4], given: ['Jörg', 'Ana', 'Karl'][(i + k) % 3] })),
      title: `${words[i % words.length]} and ${words[(i * 7) % words.length]}: Über & Beyond, part ${i}`,
      'container-title': i % 5 === 0 ? 'Journal of Economic Perspectives' : undefined,
      publisher: i % 5 === 4 ? 'MIT Press' : undefined,
      issued: { 'date-parts': [[1990 + (i % 30)]] },
      DOI: i % 5 === 0 ? `10.1000/jep.${i}` : undefined,
      URL: i % 5 === 1 ? `https://example.org/reports/${i}` : undefined,
      abstract: `We study ${words[i % 10].toLowerCase()} across 38 countries from 1990–2020. `.repeat(3),
    });
  }
  return items;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(name: string, run: () => { entries: readonly unknown[]; problems: readonly unknown[] }, warmup: number, runs: number): void {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  const cpu: number[] = [];
  let last = run();
  for (let i = 0; i < runs; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    last = run();
    times.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const row = [
    name.padEnd(30),
    `${median(times).toFixed(1).padStart(7)} ms median`,
    `(min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${runs} runs)`,
    `cpu ${median(cpu).toFixed(1)} ms`,
    `${last.entries.length} entries, ${last.problems.length} problems`,
  ];
  process.stdout.write(`${row.join('  ')}\n`);
}

const bib = makeBib(count);
const items = makeCsl(count);
const json = JSON.stringify(items, null, 2);
const yaml = items
  .map((item) =>
    [
      `- id: ${String(item.id)}`,
      `  type: ${String(item.type)}`,
      `  title: ${JSON.stringify(item.title)}`,
      '  author:',
      ...(item.author as { family: string; given: string }[]).map((a) => `    - family: ${a.family}\n      given: ${a.given}`),
      `  issued: ${(item.issued as { 'date-parts': number[][] })['date-parts'][0][0]}`,
    ].join('\n'),
  )
  .join('\n');
// Two broken entries (an unclosed brace, a missing comma) send the reader down its recovery path.
const brokenBib = bib
  .replace(`title = {Proceedings of the 103th`, `title = {{Proceedings of the 103th`)
  .replace(`@book{key${count - 6},\n  author`, `@book{key${count - 6}\n  author`);

process.stdout.write(
  `Bibliography load times, ${count} entries (.bib ${(bib.length / 1e6).toFixed(1)} MB, CSL-JSON ${(json.length / 1e6).toFixed(1)} MB, CSL-YAML ${(yaml.length / 1e6).toFixed(1)} MB)\n`,
);
measure('BibTeX (.bib)', () => parseBibliography(bib, 'refs.bib'), 3, 9);
measure('BibTeX with 2 broken entries', () => parseBibliography(brokenBib, 'refs.bib'), 2, 5);
measure('CSL-JSON (.json)', () => parseBibliography(json, 'refs.json'), 3, 9);
measure('CSL-YAML (.yaml)', () => parseBibliography(yaml, 'refs.yaml'), 1, 3);
const cache = new BibliographyCache();
cache.load('refs.bib', bib);
measure('BibTeX, cache hit (hash only)', () => cache.load('refs.bib', bib), 3, 9);
