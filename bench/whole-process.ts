// Whole-process timing for the benchmarks that run `claimlens check` (and
// the tools it is compared with) as a user would: a fresh `node` each time,
// start-up and module loading included. Temporary folders are removed on
// exit, also when the run is interrupted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join, resolve } from 'node:path';

/** `bin/claimlens.js`, the entry `npx claimlens` runs. */
export const claimlensBin = resolve('bin/claimlens.js');

const folders: string[] = [];
let cleanupRegistered = false;

/** A new empty folder under the system's temporary folder, removed when the process ends. */
export function temporaryFolder(prefix: string): string {
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on('exit', removeTemporaryFolders);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        removeTemporaryFolders();
        process.exit(130);
      });
    }
  }
  const folder = mkdtempSync(join(os.tmpdir(), `claimlens-bench-${prefix}-`));
  folders.push(folder);
  return folder;
}

function removeTemporaryFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** A command to time: the program and its arguments, and the exit codes that mean it ran (findings are not failures). */
export interface Command {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly okStatuses: readonly number[];
}

/** The time of one whole run: wall clock, and CPU time of all its threads (user and system), ms. */
export interface RunTime {
  readonly wall: number;
  readonly cpu: number;
}

let probeFolder: string | undefined;

/**
 * A script loaded (`--require`) into each Node process timed: at exit it
 * writes the process's CPU time, all threads together, to the file its
 * environment names. On a shared machine the wall clock counts the other
 * programs too; the CPU time does not.
 */
function cpuProbe(): { script: string; output: string } {
  probeFolder ??= temporaryFolder('cpu');
  const script = join(probeFolder, 'cpu-probe.js');
  writeFileSync(script, `process.once('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(process.env.CLAIMLENS_BENCH_CPU, String((u.user + u.system) / 1000)); });\n`);
  return { script, output: join(probeFolder, 'cpu.txt') };
}

/** The time of one whole run, ms. Throws when the command fails. */
export function timeCommand(command: Command): RunTime {
  const [program, ...args] = command.argv;
  const probe = program === process.execPath ? cpuProbe() : undefined;
  if (probe) rmSync(probe.output, { force: true });
  const started = performance.now();
  const result = spawnSync(program, probe ? ['--require', probe.script, ...args] : args, {
    cwd: command.cwd,
    encoding: 'utf8',
    maxBuffer: 1024 ** 3,
    ...(probe ? { env: { ...process.env, CLAIMLENS_BENCH_CPU: probe.output } } : {}),
  });
  const elapsed = performance.now() - started;
  if (result.error) throw new Error(`${command.argv.join(' ')} could not run`, { cause: result.error });
  if (result.status === null || !command.okStatuses.includes(result.status)) {
    throw new Error(`${command.argv.join(' ')} exited ${result.status ?? result.signal}: ${result.stderr.slice(0, 500)}`);
  }
  return { wall: elapsed, cpu: probe ? Number(readFileSync(probe.output, 'utf8')) : Number.NaN };
}

/**
 * Times each command `runs` times, interleaved (a, b, a, b, …) so that a slow
 * spell of a shared machine weighs on all of them; returns the times by command.
 */
export function timeInterleaved(commands: readonly Command[], runs: number): RunTime[][] {
  const times = commands.map(() => [] as RunTime[]);
  // One run of each first, not counted: the disk cache, and the code cache a first run of the CLI writes.
  for (const command of commands) timeCommand(command);
  for (let run = 0; run < runs; run++) commands.forEach((command, i) => times[i].push(timeCommand(command)));
  return times;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `1.23 s` or `456 ms`. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

/** The machine, as printed above each table: cores and load, which the figures depend on. */
export function machineLine(): string {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(', ');
  return `${os.availableParallelism()} cores, load average ${load}, Node ${process.version}`;
}

/** Prints rows as a table with aligned columns; the first row is the header. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: readonly string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(`  ${line(rows[0])}`);
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows.slice(1)) console.log(`  ${line(row)}`);
}

/** The median wall and CPU times of runs, and each run's wall time: `1.23 s (CPU 2.10 s)`. */
export function timesCell(times: readonly RunTime[]): string {
  return `${formatMs(median(times.map((t) => t.wall)))} (CPU ${formatMs(median(times.map((t) => t.cpu)))})`;
}

/** `0.42× (target ≤ 0.6×, met)`. */
export function ratioCell(ratio: number, target: number): string {
  return `${ratio.toFixed(2)}× (≤ ${target}×: ${ratio <= target ? 'met' : 'missed'})`;
}
