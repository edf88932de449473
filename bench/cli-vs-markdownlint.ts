// `claimlens check` on one 5 KB and one 2 MB generated article, whole
// process, beside `markdownlint-cli2` on the same file: the cost a writer
// pays for one more check in a pre-commit hook or an editor's save action.
// Runs are interleaved and the medians compared.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateArticle } from './generate';
import { claimlensBin, machineLine, median, printTable, ratioCell, temporaryFolder, timeInterleaved, timesCell } from './whole-process';

/** markdownlint-cli2's own entry (a dev dependency), run with this Node. */
function markdownlintBin(): string {
  const folder = resolve('node_modules/markdownlint-cli2');
  const { bin } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return join(folder, bin['markdownlint-cli2']);
}

const inputs = [
  { name: '5 KB article', bytes: 5 * 1024, runs: 7, target: 0.3 },
  { name: '2 MB article', bytes: 2 * 1024 * 1024, runs: 3, target: 0.2 },
];

function main(): void {
  const folder = temporaryFolder('single');
  const markdownlint = markdownlintBin();
  console.log(`claimlens check beside markdownlint-cli2 on one file, whole process, medians (${machineLine()})`);
  const rows: string[][] = [['input', 'claimlens check (CPU)', 'markdownlint-cli2 (CPU)', 'ratio (wall)', 'ratio (CPU)']];
  const lines: string[] = [];
  for (const input of inputs) {
    const file = `article-${input.bytes}.md`;
    writeFileSync(join(folder, file), generateArticle(input.bytes, 42).markdown);
    // Both exit 1 when they find something, which they do here.
    const [claimlens, lint] = timeInterleaved(
      [
        { argv: [process.execPath, claimlensBin, 'check', '--no-color', file], cwd: folder, okStatuses: [0, 1] },
        { argv: [process.execPath, markdownlint, file], cwd: folder, okStatuses: [0, 1] },
      ],
      input.runs,
    );
    const ratio = (key: 'wall' | 'cpu') => median(claimlens.map((t) => t[key])) / median(lint.map((t) => t[key]));
    rows.push([`${input.name} (${input.runs} runs)`, timesCell(claimlens), timesCell(lint), ratioCell(ratio('wall'), input.target), ratioCell(ratio('cpu'), input.target)]);
    lines.push(`  requirement: ${input.name}, claimlens check at most ${input.target}× of markdownlint-cli2 (wall): ${ratioCell(ratio('wall'), input.target)}`);
  }
  printTable(rows);
  for (const line of lines) console.log(line);
}

main();
