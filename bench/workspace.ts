// `claimlens check` on a folder of 1,000 generated articles (about 10 MB),
// whole process: with the default number of threads, with one per core,
// and limited to one (`--jobs 1`). Runs are interleaved so that a slow
// spell of the machine weighs on all; prints the medians and the ratios.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { idleCores } from '../src/workspace/analyse-files';
import { generateArticle } from './generate';
import { claimlensBin, formatMs, machineLine, median, printTable, ratioCell, temporaryFolder, timeInterleaved, type Command } from './whole-process';

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
  const cores = os.availableParallelism();
  const check = (extra: readonly string[]): Command => ({
    argv: [process.execPath, claimlensBin, 'check', '--format', 'json', ...extra, '.'],
    cwd: folder,
    okStatuses: [0, 1],
  });
  const variants = [
    // The default counts idle cores: on a busy machine it is one thread, and the same run as `--jobs 1`.
    { name: `default --jobs (${idleCores()} now)`, args: [] },
    ...(cores > 1 ? [{ name: `--jobs ${cores} (every core)`, args: ['--jobs', String(cores)] }] : []),
    { name: '--jobs 1', args: ['--jobs', '1'] },
  ];
  console.log(`claimlens check on ${articles} articles (${(bytes / 1024 ** 2).toFixed(1)} MB), whole process, medians of ${runs} (${machineLine()})`);
  const times = timeInterleaved(variants.map((v) => check(v.args)), runs);
  const single = median(times[times.length - 1]);
  const rows: string[][] = [['run', 'median', 'runs', 'ratio to --jobs 1']];
  variants.forEach((variant, i) => {
    const last = i === variants.length - 1;
    rows.push([variant.name, formatMs(median(times[i])), times[i].map(formatMs).join(', '), last ? '1' : ratioCell(median(times[i]) / single, 0.6)]);
  });
  printTable(rows);
}

main();
