// `claimlens check` on a folder of 1,000 generated articles (about 10 MB),
// whole process: with the default number of threads (one per core) and
// limited to one (`--jobs 1`). Runs are interleaved so that a slow
// spell of the machine weighs on all; prints the medians and the ratios.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultJobs } from '../src/workspace/analyse-files';
import { generateArticle } from './generate';
import { claimlensBin, formatMs, machineLine, median, printTable, ratioCell, temporaryFolder, timeInterleaved, timesCell, type Command } from './whole-process';

const articles = 1000;
const runs = 3;

function main(): void {
  const folder = temporaryFolder('workspace');
  let bytes = 0;
  for (let i = 0; i < articles; i++) {
    const sub = join(folder, `section-${Math.floor(i / 100)}`);
    mkdirSync(sub, { recursive: true });
    const text = generateArticle(10 * 1024, 1000 + i).markdown;
    bytes += Buffer.byteLength(text);
    writeFileSync(join(sub, `article-${i}.md`), text);
  }
  const check = (extra: readonly string[]): Command => ({
    argv: [process.execPath, claimlensBin, 'check', '--format', 'json', ...extra, '.'],
    cwd: folder,
    okStatuses: [0, 1],
  });
  const variants = [
    // The default is one thread per core (at most 8), whatever the load.
    { name: `default --jobs (${defaultJobs()} threads)`, args: [] },
    { name: '--jobs 1', args: ['--jobs', '1'] },
  ];
  console.log(`claimlens check on ${articles} articles (${(bytes / 1024 ** 2).toFixed(1)} MB), whole process, medians of ${runs} (${machineLine()})`);
  const times = timeInterleaved(variants.map((v) => check(v.args)), runs);
  const wall = (i: number) => median(times[i].map((t) => t.wall));
  const single = wall(times.length - 1);
  const rows: string[][] = [['run', 'median wall (CPU)', 'runs (wall)', 'ratio to --jobs 1 (wall)']];
  variants.forEach((variant, i) => {
    const last = i === variants.length - 1;
    rows.push([variant.name, timesCell(times[i]), times[i].map((t) => formatMs(t.wall)).join(', '), last ? '1' : ratioCell(wall(i) / single, 0.6)]);
  });
  printTable(rows);
  console.log(`  requirement: 1,000 articles, default --jobs at most 0.6× of --jobs 1: ${ratioCell(wall(0) / single, 0.6)}`);
}

main();
