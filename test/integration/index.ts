// The test entry VS Code runs inside the extension host (`extensionTestsPath`):
// every `*.test.js` built next to this file, in one programmatic mocha run.
import Mocha from 'mocha';
import { globSync } from 'tinyglobby';

/**
 * Marks the line that carries the run's counts; scripts/run-integration.mjs
 * reads it from the extension host's output to print the closing totals.
 */
export const statsMarker = 'claimlens-integration-stats ';
/** Printed when mocha starts; the runner shows the workbench's own log only up to here, and only on failure. */
export const beginMarker = 'claimlens-integration-begin';

/** Counts of one mocha run, as printed after {@link statsMarker}. */
export interface RunStats {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly durationMs: number;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 20_000,
    color: false,
    reporter: 'spec',
    // Set by the runners from `--grep`, to run a few tests while working on them.
    ...(process.env.CLAIMLENS_TEST_GREP ? { grep: process.env.CLAIMLENS_TEST_GREP } : {}),
  });
  // `color: false` leaves the pass and fail marks coloured: mocha takes them
  // from log-symbols, which colours them whenever CI is set. Use plain ones.
  Mocha.reporters.Base.symbols.ok = '✔';
  Mocha.reporters.Base.symbols.err = '✖';
  const files = globSync('**/*.test.js', { cwd: __dirname, absolute: true }).sort();
  for (const file of files) mocha.addFile(file);

  console.log(beginMarker);
  const stats = await new Promise<RunStats>((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        resolve({
          passed: runner.stats?.passes ?? 0,
          failed: runner.stats?.failures ?? 0,
          skipped: runner.stats?.pending ?? 0,
          durationMs: runner.stats?.duration ?? 0,
        });
      });
    } catch (error) {
      reject(new Error('mocha could not start the integration suite', { cause: error }));
    }
  });
  console.log(`${statsMarker}${JSON.stringify(stats)}`);
  if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}`);
  if (stats.failed > 0) throw new Error(`${stats.failed} integration test(s) failed`);
}
