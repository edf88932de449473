// `claimlens check` on a folder of 1,000 generated articles (about 10 MB),
// whole process, with its worker threads (one per core) and limited to one
// thread (`--jobs 1`), runs interleaved so a slow spell of the machine
// weighs on both. Prints the medians and their ratio.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join, resolve } from 'node:path';
import { generateArticle } from './generate';

const cli = resolve('dist/cli.js');
const articles = 1000;
const runs = 3;

function timeCheck(folder: string, extra: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...extra, folder], { encoding: 'utf8', maxBuffer: 1024 ** 3 });
  const elapsed = performance.now() - started;
  if (result.status !== 1 && result.status !== 0) throw new Error(`claimlens check exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return elapsed;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const folder = mkdtempSync(join(os.tmpdir(), 'claimlens-bench-workspace-'));
  try {
    let bytes = 0;
    for (let i = 0; i < articles; i++) {
      const sub = join(folder, `section-${Math.floor(i / 100)}`);
      mkdirSync(sub, { recursive: true });
      const text = generateArticle(10 * 1024, 1000 + i).markdown;
      bytes += Buffer.byteLength(text);
      writeFileSync(join(sub, `article-${i}.md`), text);
    }
    console.log(`claimlens check on ${articles} articles (${(bytes / 1024 ** 2).toFixed(1)} MB), whole process, ${os.availableParallelism()} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
    const pooled: number[] = [];
    const single: number[] = [];
    for (let run = 0; run < runs; run++) {
      pooled.push(timeCheck(folder, []));
      single.push(timeCheck(folder, ['--jobs', '1']));
    }
    const ratio = median(pooled) / median(single);
    console.log(`  worker threads: median ${median(pooled).toFixed(0)} ms (${pooled.map((t) => t.toFixed(0)).join(', ')})`);
    console.log(`  --jobs 1:       median ${median(single).toFixed(0)} ms (${single.map((t) => t.toFixed(0)).join(', ')})`);
    console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ 0.6×) ${ratio <= 0.6 ? 'met' : 'MISSED'}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
