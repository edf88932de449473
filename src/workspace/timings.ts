/**
 * Where a run over many files spends its time, per thread, when the
 * environment sets `CLAIMLENS_TIMINGS=1`: each thread adds up the time of
 * its phases (discovery, reading, analysis, rendering, writing) and its
 * own CPU time, and the command line prints one line per thread on stderr
 * at the end. Off, the marks cost one check each.
 */
import { readFileSync } from 'node:fs';

/** One thread's phases: milliseconds by name, the thread's CPU time, and its wall time since it started. */
export interface ThreadTimings {
  readonly thread: string;
  readonly phases: Readonly<Record<string, number>>;
  readonly cpu: number;
  readonly wall: number;
}

/** Whether `env` asks for timings. */
export function timingsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CLAIMLENS_TIMINGS;
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** Adds up the time of phases in one thread; does nothing when off. */
export class PhaseTimer {
  private readonly phases = new Map<string, number>();
  private readonly started = performance.now();

  constructor(
    readonly thread: string,
    readonly on: boolean = timingsWanted(),
  ) {}

  /**
   * Runs `work`, counting its time under `phase (awaited)`: the time from
   * its start to its end, waits included. Files are read several at once,
   * so these times overlap and may add up to more than the wall time.
   */
  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    if (!this.on) return work();
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(`${phase} (awaited)`, performance.now() - start);
    }
  }

  /** Runs `work` (synchronous), counting its time under `phase`. */
  timeSync<T>(phase: string, work: () => T): T {
    if (!this.on) return work();
    const start = performance.now();
    try {
      return work();
    } finally {
      this.add(phase, performance.now() - start);
    }
  }

  add(phase: string, ms: number): void {
    if (this.on) this.phases.set(phase, (this.phases.get(phase) ?? 0) + ms);
  }

  /** What was counted so far, with the thread's CPU time. */
  snapshot(): ThreadTimings {
    return { thread: this.thread, phases: Object.fromEntries(this.phases), cpu: threadCpuMs(), wall: performance.now() - this.started };
  }
}

/** `thread: wall 1234 ms, CPU 1100 ms; read 120 ms, analyse 800 ms, …` */
export function timingsLine(timings: ThreadTimings): string {
  const phases = Object.entries(timings.phases).map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`);
  const cpu = Number.isNaN(timings.cpu) ? '' : `, CPU ${timings.cpu.toFixed(0)} ms`;
  return `claimlens timings: ${timings.thread}: wall ${timings.wall.toFixed(0)} ms${cpu}${phases.length ? `; ${phases.join(', ')}` : ''}`;
}

/**
 * The CPU time of the calling thread, ms: from `/proc/thread-self/stat` on
 * Linux (user and system time, in clock ticks of 10 ms); elsewhere NaN,
 * since `process.cpuUsage()` counts every thread of the process.
 */
function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
