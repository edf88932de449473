// Runs the UI test (test/ui/claim-lens.ui.mjs): the workbench of code-server
// in headless Chromium at 1400×900, with the extension loaded from this
// checkout (dist/, built by `node esbuild.mjs`) and a temporary copy of
// test/fixtures/ui (with examples/ in it) open, driven with the keyboard and
// mouse as a person would.
// Screenshots go to test/screenshots/tmp/; with --update-screenshots a run
// that passed also copies them to docs/images/ (for the README).
//
//   node scripts/run-ui.mjs                       the test
//   node scripts/run-ui.mjs --update-screenshots  …and refresh docs/images/
//   node scripts/run-ui.mjs --keep-temp           keep the temporary folder
//   node scripts/run-ui.mjs --grep TEXT           only the steps whose name holds TEXT, in any case (and the required ones)
//
// Prints "N passed, N failed" last; exits non-zero when a step failed.
import { cpSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  findFreePort,
  launchChromium,
  makeTempDir,
  repoRoot,
  startCodeServer,
  workbenchUrl,
  createRun,
  stopOnSignals,
} from './code-server.mjs';
import { steps } from '../test/ui/claim-lens.ui.mjs';
import { Workbench } from '../test/ui/workbench.mjs';

const fixture = join(repoRoot, 'test', 'fixtures', 'ui');
const screenshotDir = join(repoRoot, 'test', 'screenshots', 'tmp');
const docsImages = join(repoRoot, 'docs', 'images');
const extensionEntry = join(repoRoot, 'dist', 'extension.js');
/** The whole run, server start to shutdown. */
const runTimeoutMs = Number(process.env.CLAIMLENS_UI_TIMEOUT_MS ?? 360_000);
const stepTimeoutMs = 60_000;

const { values: options } = parseArgs({
  options: {
    'update-screenshots': { type: 'boolean', default: false },
    'keep-temp': { type: 'boolean', default: false },
    grep: { type: 'string' },
  },
});
/** The steps this run takes: all, or those `--grep` picks and the required ones before them. */
const chosen = options.grep ? steps.filter((step) => step.required || step.name.toLowerCase().includes(options.grep.toLowerCase())) : steps;

const run = createRun({ keepTemp: options['keep-temp'] });
const { live, cleanUp } = run;

const signals = stopOnSignals(cleanUp);

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Rejects after `ms` with `message`; the timer does not keep the process alive. */
function deadline(ms, message) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
    timer.unref();
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Outcomes of the steps run so far, in order. */
const results = [];

async function runSteps(wb, context, pageLog) {
  for (const [index, step] of chosen.entries()) {
    if (signals.interrupted) return;
    const blocker = results.find((r, at) => chosen[at].required && !r.ok);
    if (blocker) {
      results.push({ name: step.name, ok: false, error: new Error(`not run: "${blocker.name}" failed`) });
      console.log(`  ✘ ${step.name} (not run)`);
      continue;
    }
    const started = Date.now();
    const limit = step.timeout ?? stepTimeoutMs;
    const timer = deadline(limit, `the step took longer than ${limit / 1000} s`);
    try {
      await Promise.race([step.run(wb, context), timer.promise]);
      results.push({ name: step.name, ok: true });
      console.log(`  ✔ ${step.name} (${seconds(started)})`);
    } catch (error) {
      if (signals.interrupted) return;
      results.push({ name: step.name, ok: false, error });
      console.log(`  ✘ ${step.name} (${seconds(started)})`);
      console.log(`    ${String(error instanceof Error ? error.message : error).split('\n').join('\n    ')}`);
      const shot = `ui-failure-${index + 1}.png`;
      await wb.page.screenshot({ path: join(screenshotDir, shot), timeout: 10_000 }).then(
        () => console.log(`    screenshot: ${relative(repoRoot, join(screenshotDir, shot))}`),
        () => {},
      );
      if (pageLog.length) console.log(`    workbench errors:\n      ${pageLog.slice(-10).join('\n      ')}`);
      // Leave no menu or hover behind for the next step.
      await wb.keyboard.press('Escape').catch(() => {});
      await wb.keyboard.press('Escape').catch(() => {});
    } finally {
      timer.cancel();
    }
  }
}

async function main() {
  const started = Date.now();
  if (!existsSync(extensionEntry)) throw new Error(`${relative(repoRoot, extensionEntry)} is missing: build first with \`node esbuild.mjs\``);
  console.log(`== UI test: ${relative(repoRoot, fixture)} in code-server and headless Chromium`);

  live.tempDir = makeTempDir('claimlens-ui-');
  const folder = join(live.tempDir, 'articles');
  cpSync(fixture, folder, { recursive: true });
  cpSync(join(repoRoot, 'examples'), join(folder, 'examples'), { recursive: true });
  const port = await findFreePort();
  live.server = await startCodeServer({ port, stateDir: join(live.tempDir, 'state'), env: { EXTENSIONS_GALLERY: '{}' } });
  live.browser = await launchChromium();
  const page = await live.browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(30_000);
  const pageLog = [];
  page.on('pageerror', (error) => pageLog.push(error.message.split('\n')[0]));
  live.server.exited.then((how) => {
    if (!signals.interrupted && !run.cleaningUp) pageLog.push(`code-server exited (${how.code ?? how.signal})`);
  });

  await page.goto(workbenchUrl({ origin: live.server.origin, folder, extensionDevelopmentPath: repoRoot }));
  const wb = new Workbench(page, screenshotDir);
  await wb.ready();
  console.log(`  workbench up (${seconds(started)})`);

  await runSteps(wb, { folder }, pageLog);
  const failed = results.filter((r) => !r.ok).length;
  if (options['update-screenshots']) {
    if (options.grep) {
      console.log(`  ${relative(repoRoot, docsImages)} left as it was: --grep runs only some steps`);
    } else if (failed === 0) {
      for (const file of wb.copyScreenshots(docsImages)) console.log(`  updated ${relative(repoRoot, file)}`);
    } else {
      console.log(`  ${relative(repoRoot, docsImages)} left as it was: a step failed`);
    }
  }
  if (!signals.interrupted) console.log(`== UI test: ${seconds(started)}`);
}

/** Steps that did not pass, or did not run, count as failed. */
function counts() {
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: chosen.length - passed };
}

const watchdog = deadline(runTimeoutMs, `the UI test took longer than ${runTimeoutMs / 1000} s`);
Promise.race([main(), watchdog.promise]).then(
  async () => {
    watchdog.cancel();
    await cleanUp();
    const { passed, failed } = counts();
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(signals.interrupted ? 130 : failed > 0 ? 1 : 0);
  },
  async (error) => {
    watchdog.cancel();
    if (!signals.interrupted) console.error(`run-ui: ${error instanceof Error ? error.message : error}`);
    await cleanUp();
    const { passed, failed } = counts();
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(signals.interrupted ? 130 : 1);
  },
);
