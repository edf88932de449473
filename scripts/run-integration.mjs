// Runs the integration suite (out/test/integration, built by `node esbuild.mjs`)
// in a real VS Code: code-server on 127.0.0.1 and its workbench in headless
// Chromium. The suite runs once per workspace: a single folder, a
// multi-root workspace, then a hostile folder opened in Restricted Mode;
// the extension host sees which as CLAIMLENS_TEST_WORKSPACE=single|multi|restricted.
// Each run gets a fresh code-server and a temporary copy of test/fixtures,
// since quick fixes save files.
//
//   node scripts/run-integration.mjs                  every run
//   node scripts/run-integration.mjs --only single    one of them
//   node scripts/run-integration.mjs --folder DIR     the suite on another folder
//   node scripts/run-integration.mjs --workspace F    …or on a .code-workspace file
//   node scripts/run-integration.mjs --grep TEXT      only tests whose title matches
//
// Prints "N passed, N failed, N skipped" last; exits non-zero when a test failed.
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import {
  findFreePort,
  launchChromium,
  makeTempDir,
  removeDir,
  repoRoot,
  startCodeServer,
  workbenchUrl,
  stopOnSignals,
} from './code-server.mjs';

// Lines that test/integration/index.ts prints around the mocha run.
const beginMarker = 'claimlens-integration-begin';
const statsMarker = 'claimlens-integration-stats ';
const fixturesRoot = join(repoRoot, 'test', 'fixtures');
const builtTests = join(repoRoot, 'out', 'test', 'integration');
const screenshotDir = join(repoRoot, 'test', 'screenshots', 'tmp');
const runTimeoutMs = Number(process.env.CLAIMLENS_TEST_TIMEOUT_MS ?? 5 * 60_000);

const defaultRuns = [
  { kind: 'single', folder: join(fixturesRoot, 'workspace') },
  { kind: 'multi', workspace: join(fixturesRoot, 'multi-root', 'claimlens.code-workspace') },
  { kind: 'restricted', folder: join(fixturesRoot, 'restricted'), restricted: true },
];

const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    folder: { type: 'string' },
    workspace: { type: 'string' },
    grep: { type: 'string' },
    'keep-temp': { type: 'boolean', default: false },
  },
});

function chooseRuns() {
  if (options.folder) return [{ kind: 'single', folder: resolve(options.folder) }];
  if (options.workspace) return [{ kind: 'multi', workspace: resolve(options.workspace) }];
  const runs = options.only ? defaultRuns.filter((run) => run.kind === options.only) : defaultRuns;
  if (runs.length === 0) throw new Error(`--only takes ${defaultRuns.map((run) => run.kind).join(' or ')}`);
  // Without its fixture the multi-root run is left out rather than failed.
  return runs.filter((run) => {
    if (run.kind !== 'multi' || options.only || existsSync(run.workspace)) return true;
    console.log(`(no ${relative(repoRoot, run.workspace)}: the multi-root run is left out)`);
    return false;
  });
}

/** What is live right now, so Ctrl+C and fatal errors can end it. */
const live = { browser: undefined, server: undefined, tempDir: undefined, snapshot: undefined };
let cleaning = Promise.resolve();

/**
 * Ends what is live (the suite's snapshot too, unless `keepSnapshot`); a call
 * while another is under way waits for it too.
 */
function cleanUp({ keepSnapshot = false } = {}) {
  const { browser, server, tempDir } = live;
  const snapshot = keepSnapshot ? undefined : live.snapshot;
  live.browser = live.server = live.tempDir = undefined;
  if (!keepSnapshot) live.snapshot = undefined;
  cleaning = cleaning.then(async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    if (tempDir && !options['keep-temp']) removeDir(tempDir);
    if (snapshot) removeDir(snapshot);
  });
  return cleaning;
}

const signals = stopOnSignals(cleanUp);

/**
 * Copies the fixture tree to `tempDir` and returns where `path` (a folder or
 * workspace file) lands in the copy. Copying all of test/fixtures keeps the
 * relative folder paths of a .code-workspace file valid.
 */
function copyFixture(path, tempDir) {
  const inFixtures = !relative(fixturesRoot, path).startsWith('..');
  const source = inFixtures ? fixturesRoot : dirname(path);
  const target = join(tempDir, 'fixtures');
  cpSync(source, target, { recursive: true });
  return join(target, relative(source, path));
}

/** Turns one codeAutomationLog call (console arguments from the extension host, or a message) into text. */
function logText(args) {
  return Array.isArray(args) ? format(...args) : String(args);
}

/**
 * Copies the built suite aside, so that a rebuild while the tests run (a
 * watch build, `node esbuild.mjs`, which empties out/) cannot pull files away
 * from under the extension host. The copy sits three levels below the
 * repository, as out/test/integration does, so the source maps still point at
 * test/integration/*.ts, and `mocha` and `vscode` resolve as before.
 */
async function snapshotTests() {
  const entry = join(builtTests, 'index.js');
  // A build that is under way right now empties out/ for a few seconds.
  for (let waited = 0; !existsSync(entry); waited += 500) {
    if (waited >= 20_000) throw new Error(`${relative(repoRoot, entry)} is missing: build first with \`node esbuild.mjs\``);
    await new Promise((done) => setTimeout(done, 500));
  }
  const runsDir = join(repoRoot, '.test-host', 'runs');
  mkdirSync(runsDir, { recursive: true });
  live.snapshot = mkdtempSync(join(runsDir, 'integration-'));
  cpSync(builtTests, live.snapshot, { recursive: true });
  return join(live.snapshot, 'index.js');
}

async function runSuite(run, testsEntry) {
  const target = run.folder ?? run.workspace;
  if (!existsSync(target)) throw new Error(`${target} does not exist`);
  console.log(`\n== integration (${run.kind}): ${relative(repoRoot, target) || '.'}`);
  const started = Date.now();
  live.tempDir = makeTempDir('claimlens-it-');
  const copied = copyFixture(target, live.tempDir);
  const port = await findFreePort();
  // No extension gallery: the tests need none, and nothing should reach out of the machine.
  const env = { CLAIMLENS_TEST_WORKSPACE: run.kind, EXTENSIONS_GALLERY: '{}' };
  if (options.grep) env.CLAIMLENS_TEST_GREP = options.grep;
  live.server = await startCodeServer({ port, stateDir: join(live.tempDir, 'state'), env, restricted: run.restricted === true });
  const server = live.server;

  live.browser = await launchChromium();
  const page = await live.browser.newPage({ viewport: { width: 1400, height: 900 } });
  let stats;
  let settle;
  const exited = new Promise((done) => (settle = done));
  // Everything the workbench logs before the suite starts is kept back and
  // shown only when the run fails; from then on, the extension host's output
  // (mocha's report) is printed as it comes.
  const before = [];
  let begun = false;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = logText(args);
    if (text.includes(beginMarker)) {
      begun = true;
      return;
    }
    const at = text.indexOf(statsMarker);
    if (at >= 0) {
      stats = JSON.parse(text.slice(at + statsMarker.length).split('\n')[0]);
      return;
    }
    if (!begun) before.push(`[${type}] ${text}`);
    else (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
  page.on('pageerror', (error) => {
    if (begun) console.error(`[page] ${error.message}`);
    else before.push(`[page] ${error.message}`);
  });
  page.on('crash', () => settle({ code: 1, reason: 'the workbench page crashed' }));
  server.exited.then((how) => settle({ code: 1, reason: `code-server exited (${how.code ?? how.signal})` }));
  const timer = setTimeout(
    () => settle({ code: 1, reason: `no result within ${runTimeoutMs / 1000} s` }),
    runTimeoutMs,
  );

  const url = workbenchUrl({
    origin: server.origin,
    [run.folder ? 'folder' : 'workspace']: copied,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsEntry,
  });
  await page.goto(url);
  const result = await exited;
  clearTimeout(timer);
  if (signals.interrupted) return { code: 130, stats };
  // The counts travel on the log channel, the exit code on another: give a late line a moment.
  for (let waited = 0; !stats && result.code !== undefined && !result.reason && waited < 3_000; waited += 100) {
    await new Promise((done) => setTimeout(done, 100));
  }

  if (result.code !== 0 || !stats) {
    if (result.reason) console.error(`integration (${run.kind}): ${result.reason}`);
    if (!stats) console.error(`integration (${run.kind}): the suite reported no counts`);
    if (!begun) console.error(`workbench log:\n${before.join('\n')}`);
    await saveScreenshot(page, run.kind);
    if (result.reason) console.error(`code-server output:\n${server.output.join('').trimEnd()}`);
  }
  await cleanUp({ keepSnapshot: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`== integration (${run.kind}): exit ${result.code} in ${seconds} s`);
  return { code: result.code, stats };
}

async function saveScreenshot(page, kind) {
  try {
    mkdirSync(screenshotDir, { recursive: true });
    const file = join(screenshotDir, kind === 'single' ? 'failure.png' : `failure-${kind}.png`);
    await page.screenshot({ path: file, timeout: 10_000 });
    console.error(`screenshot: ${relative(repoRoot, file)}`);
  } catch (error) {
    console.error(`could not save a screenshot: ${error instanceof Error ? error.message : error}`);
  }
}

async function main() {
  const testsEntry = await snapshotTests();
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let exitCode = 0;
  for (const run of chooseRuns()) {
    const { code, stats } = await runSuite(run, testsEntry);
    if (stats) {
      totals.passed += stats.passed;
      totals.failed += stats.failed;
      totals.skipped += stats.skipped;
    } else {
      totals.failed += 1; // the run itself failed before mocha could count
    }
    if (code !== 0 || !stats) exitCode = 1;
  }
  if (totals.failed > 0) exitCode = 1;
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return exitCode;
}

main().then(
  async (code) => {
    await cleanUp();
    process.exit(signals.interrupted ? 130 : code);
  },
  async (error) => {
    if (!signals.interrupted) console.error(`run-integration: ${error instanceof Error ? error.message : error}`);
    await cleanUp();
    process.exit(signals.interrupted ? 130 : 1);
  },
);
