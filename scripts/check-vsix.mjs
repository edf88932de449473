// `npm run test:vsix`: checks the packaged extension as a user gets it. Installs
// claimlens-<version>.vsix into a fresh code-server extensions folder (with
// code-server's own --install-extension), checks what was installed, then
// serves a temporary copy of examples/ with that folder (no
// extensionDevelopmentPath: only the installed copy can run) and, in headless
// Chromium, opens articles as a person would and reads the status bar, the
// squiggles and the Extensions view.
//
//   node scripts/check-vsix.mjs                 packages first when the .vsix is missing or older than its sources
//   node scripts/check-vsix.mjs --package       always packages first
//   node scripts/check-vsix.mjs --vsix FILE     checks FILE as it is
//   node scripts/check-vsix.mjs --keep-temp     leaves the temporary folder for a look
//
// Prints "N passed, N failed" last; exits non-zero when a check failed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  codeServerEntry,
  findFreePort,
  launchChromium,
  makeTempDir,
  repoRoot,
  startCodeServer,
  createRun,
  stopOnSignals,
} from './code-server.mjs';
import { setupHost } from './setup-host.mjs';

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string' },
    package: { type: 'boolean', default: false },
    'keep-temp': { type: 'boolean', default: false },
  },
});

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
const defaultVsix = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
const screenshotDir = join(repoRoot, 'test', 'screenshots', 'tmp');
/**
 * The packaged extension may not grow past this without someone noticing.
 * Compressed, the language server's bundle (which the extension also takes
 * the core from) is about 410 KB, the extension's own (the language client)
 * about 120 KB, pdf.js (read only when a cited source is a PDF) about 505 KB,
 * Citation.js about 70 KB, the walkthrough's screenshots about 290 KB, and
 * VS Code for the Web's language server (dist/web/server.js, Citation.js
 * inside) about 410 KB and its extension about 95 KB: some 1.9 MB in all.
 * The desktop language server, which analyses for the extension since it
 * became a client, added 410 KB and took 250 KB off the extension's bundle.
 * zod and the settings schemas sit in their own file, dist/settings-schema.js,
 * loaded only when there are settings to check.
 */
const maxVsixBytes = 1946 * 1024;
/** What may be in the installed extension's folder, besides what code-server adds itself. */
const allowedFiles = [
  /^package\.json$/,
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^LICENSE(\.txt)?$/,
  /^dist\/extension\.js$/,
  /^dist\/server\.js$/,
  /^dist\/pdf\.js$/,
  /^dist\/citation\.js$/,
  /^dist\/settings-schema\.js$/,
  /^dist\/web\/(?:extension|server)\.js$/,
  /^images\/icon\.png$/,
  /^docs\/walkthrough\/[^/]+\.md$/,
  /^docs\/images\/(?:hover|quick-fix|report-light|report-dark)\.png$/,
  /^syntaxes\/[^/]+\.json$/,
  /^schemas\/[^/]+\.json$/,
  /^\.vsixmanifest$/,
];
const articles = [
  { file: 'offshore-wind.md', uncitedExpected: true },
  { file: 'water-tariffs.html', uncitedExpected: false },
];
const timeoutMs = 60_000;

// ---------------------------------------------------------------- checks

const results = [];

/** Runs one named check and records it; a check fails by throwing. */
async function check(name, body) {
  const started = Date.now();
  try {
    const detail = await body();
    results.push({ name, ok: true });
    console.log(`  ok  ${name}${detail ? ` (${detail})` : ''} [${((Date.now() - started) / 1000).toFixed(1)} s]`);
    return true;
  } catch (error) {
    results.push({ name, ok: false });
    // Playwright's call logs follow the first lines of its messages: only those are kept.
    const message = (error instanceof Error ? error.message : String(error)).split('\nCall log:')[0].trimEnd();
    console.log(`  FAIL  ${name}: ${message}`);
    return false;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Polls `probe` until it returns a truthy value and returns it; throws `what` (and the last value seen) at the deadline. */
async function waitFor(probe, what, timeout = timeoutMs) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}${last ? ` (last seen: ${JSON.stringify(last)})` : ''}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}

// ---------------------------------------------------------------- the .vsix

/** Every file under `dir`, as paths relative to it with forward slashes. */
function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/** The newest modification time among the files that go into the package. */
function newestSourceTime() {
  const roots = ['src', 'syntaxes', 'schemas', 'images', 'docs', 'package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'esbuild.mjs'];
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const root of roots) visit(join(repoRoot, root));
  return newest;
}

function packageVsix() {
  console.log('== npm run package');
  const result = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run package failed (exit ${result.status ?? result.signal})`);
}

function chooseVsix() {
  if (options.vsix) {
    const file = resolve(options.vsix);
    if (!existsSync(file)) throw new Error(`${file} does not exist`);
    return file;
  }
  if (options.package || !existsSync(defaultVsix)) packageVsix();
  else if (statSync(defaultVsix).mtimeMs < newestSourceTime()) {
    console.log(`${relative(repoRoot, defaultVsix)} is older than its sources: packaging again`);
    packageVsix();
  }
  return defaultVsix;
}

/** code-server's CLI (test/host/node_modules/.bin/code-server) with its state (user data, XDG dirs) under `stateDir`. */
function codeServerCli(args, stateDir) {
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: join(stateDir, 'xdg-data'),
    EXTENSIONS_GALLERY: '{}',
  };
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  mkdirSync(stateDir, { recursive: true });
  const result = spawnSync(
    process.execPath,
    [codeServerEntry, ...args, '--user-data-dir', join(stateDir, 'user-data'), '--extensions-dir', join(stateDir, 'extensions')],
    { cwd: stateDir, env, encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0) {
    throw new Error(`code-server ${args.join(' ')} failed (exit ${result.status ?? result.signal ?? result.error?.message}):\n${output}`);
  }
  return output;
}

// ---------------------------------------------------------------- the workbench

const statusPattern = /(\d+) claims? · (\d+) uncited/;

/** The text of the status bar item that shows Claim Lens's counts, or undefined. */
async function claimStatus(page) {
  const item = page.locator('.part.statusbar .statusbar-item').filter({ hasText: statusPattern });
  if ((await item.count()) === 0) return undefined;
  return (await item.first().textContent({ timeout: 1_000 }))?.replace(/\u00a0/g, ' ').trim();
}

/** Ctrl+P, the file name, Enter; waits until its tab is the active one. */
async function quickOpen(page, fileName) {
  const quickInput = page.locator('.quick-input-widget').filter({ visible: true });
  await page.keyboard.press('Control+P');
  const box = quickInput.locator('input.input');
  await box.waitFor({ state: 'visible', timeout: timeoutMs });
  await box.pressSequentially(fileName, { delay: 15 });
  await waitFor(
    async () => (await quickInput.locator('.monaco-list-row.focused .label-name').first().textContent({ timeout: 1_000 }))?.trim() === fileName,
    `Quick Open to offer ${fileName}`,
  );
  await page.keyboard.press('Enter');
  await quickInput.waitFor({ state: 'hidden', timeout: timeoutMs });
  await page.locator('.tabs-container .tab.active').filter({ hasText: fileName }).waitFor({ state: 'visible', timeout: timeoutMs });
}

// ---------------------------------------------------------------- the run

const run = createRun({ keepTemp: options['keep-temp'] });
const { live, cleanUp } = run;

const signals = stopOnSignals(cleanUp);

async function saveScreenshot(page, name) {
  try {
    mkdirSync(screenshotDir, { recursive: true });
    const file = join(screenshotDir, name);
    await page.screenshot({ path: file, timeout: 10_000 });
    console.log(`  screenshot: ${relative(repoRoot, file)}`);
  } catch (error) {
    console.log(`  could not save a screenshot: ${error instanceof Error ? error.message : error}`);
  }
}

async function main() {
  const started = Date.now();
  const vsix = chooseVsix();
  const vsixBytes = statSync(vsix).size;
  console.log(`\n== ${relative(repoRoot, vsix)}: ${(vsixBytes / 1024).toFixed(1)} KB`);
  setupHost({ quiet: true });

  live.tempDir = makeTempDir('claimlens-vsix-');
  const stateDir = join(live.tempDir, 'state');
  const extensionsDir = join(stateDir, 'extensions');
  const folder = join(live.tempDir, 'examples');
  cpSync(join(repoRoot, 'examples'), folder, { recursive: true });

  await check(`the .vsix is under ${maxVsixBytes / 1024} KB`, () => {
    assert(vsixBytes <= maxVsixBytes, `${vsixBytes} bytes`);
    return `${(vsixBytes / 1024).toFixed(1)} KB`;
  });

  const installed = await check('code-server installs the .vsix', () => {
    const output = codeServerCli(['--install-extension', vsix], stateDir);
    assert(/successfully installed/i.test(output), `no success message in:\n${output}`);
    const list = codeServerCli(['--list-extensions', '--show-versions'], stateDir).split('\n').map((line) => line.trim());
    assert(list.includes(`${extensionId}@${manifest.version}`), `--list-extensions shows ${JSON.stringify(list)}`);
    return `${extensionId}@${manifest.version}`;
  });

  const installDir = join(extensionsDir, `${extensionId}-${manifest.version}`);
  await check('the installed folder holds only what the extension needs', () => {
    assert(existsSync(installDir), `${installDir} is missing`);
    const files = listFiles(installDir);
    const stray = files.filter((file) => !allowedFiles.some((pattern) => pattern.test(file)));
    assert(stray.length === 0, `unexpected files: ${stray.slice(0, 20).join(', ')}${stray.length > 20 ? ', …' : ''}`);
    return `${files.length} files`;
  });

  await check('every file package.json points at is installed', () => {
    const installedManifest = JSON.parse(readFileSync(join(installDir, 'package.json'), 'utf8'));
    const contributes = installedManifest.contributes ?? {};
    const paths = [
      installedManifest.main,
      installedManifest.browser,
      installedManifest.icon,
      ...(contributes.grammars ?? []).map((grammar) => grammar.path),
      ...(contributes.jsonValidation ?? []).map((validation) => validation.url).filter((url) => !/^https?:/.test(url)),
      // The walkthrough's media: Markdown pages and images (one, or one per theme).
      ...(contributes.walkthroughs ?? []).flatMap((walkthrough) =>
        walkthrough.steps.flatMap((step) => {
          const { markdown, image, svg } = step.media ?? {};
          return [markdown, svg, ...(typeof image === 'object' && image ? Object.values(image) : [image])];
        })),
      'docs/walkthrough/example.md',
    ].filter(Boolean);
    assert(paths.includes(installedManifest.main) && paths.includes(installedManifest.icon), 'main or icon is not set');
    const missing = paths.filter((path) => !existsSync(join(installDir, path)));
    assert(missing.length === 0, `missing: ${missing.join(', ')}`);
    const icon = readFileSync(join(installDir, installedManifest.icon));
    assert(icon.subarray(1, 4).toString('ascii') === 'PNG', 'the icon is not a PNG');
    const [width, height] = [icon.readUInt32BE(16), icon.readUInt32BE(20)];
    assert(width === height && width >= 128, `the icon is ${width}×${height}; the Marketplace wants a square of at least 128`);
    return `${paths.length} paths, icon ${width}×${height}`;
  });

  if (!installed) return;

  const port = await findFreePort();
  live.server = await startCodeServer({ port, stateDir, env: { EXTENSIONS_GALLERY: '{}' } });
  live.browser = await launchChromium();
  const page = await live.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // No extensionDevelopmentPath in the URL: the extension can only come from the extensions folder.
  await page.goto(`${live.server.origin}/?folder=${encodeURIComponent(folder)}`);
  const failedBefore = results.filter((result) => !result.ok).length;

  await check('the workbench opens the examples folder', async () => {
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 90_000 });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 90_000 });
  });

  let statusSeen = false;
  for (const article of articles) {
    const shown = await check(`${article.file}: the status bar shows "N claims · N uncited"`, async () => {
      if (await claimStatus(page)) {
        // The item keeps the last figures until the new article's analysis lands: with no editor open it
        // hides, so what shows after opening the article is that article's own.
        await page.keyboard.press('Control+K');
        await page.waitForTimeout(80);
        await page.keyboard.press('Control+W');
        await waitFor(async () => !(await claimStatus(page)), 'the status bar item to hide with no editor open');
      }
      await quickOpen(page, article.file);
      // Once the extension has failed to show up, the next article need not wait as long.
      const text = await waitFor(() => claimStatus(page), 'the Claim Lens status bar item', statusSeen || article === articles[0] ? timeoutMs : 15_000);
      statusSeen = true;
      const [, claims, uncited] = statusPattern.exec(text);
      assert(Number(claims) > 0, `no claims found: "${text}"`);
      if (article.uncitedExpected) assert(Number(uncited) > 0, `expected uncited claims: "${text}"`);
      return text;
    });
    // Without the figures the extension is not running: no squiggle to wait for.
    if (article.uncitedExpected && shown) {
      await check(`${article.file}: uncited claims are squiggled`, async () => {
        const editor = page.locator('.part.editor .editor-instance .monaco-editor').filter({ visible: true }).first();
        const count = await waitFor(async () => editor.locator('.view-overlays .squiggly-warning').count(), 'a warning squiggle');
        return `${count} visible`;
      });
    }
  }

  await check('the Extensions view lists Claim Lens with its icon', async () => {
    // With no gallery, the view opens on the installed extensions.
    await page.keyboard.press('Control+Shift+X');
    const row = page.locator('.extensions-viewlet .extension-list-item').filter({ hasText: manifest.displayName }).first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    const icon = await waitFor(
      async () => {
        const state = await row.locator('img.icon').evaluate((img) => ({ src: img.src, complete: img.complete, width: img.naturalWidth }));
        return state.complete && state.width > 0 ? state : undefined;
      },
      'the icon to load',
    );
    assert(/icon\.png/.test(icon.src), `the row shows ${icon.src}, not the extension's icon`);
    return `icon ${icon.width}px wide`;
  });

  const failedNow = results.filter((result) => !result.ok).length;
  if (failedNow > failedBefore) {
    await saveScreenshot(page, 'vsix-failure.png');
    if (pageErrors.length) console.log(`  page errors:\n    ${pageErrors.slice(0, 10).join('\n    ')}`);
    console.log(`  code-server output (last lines):\n${live.server.output.join('').trimEnd().split('\n').slice(-40).join('\n')}`);
  }
  console.log(`== test:vsix took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().then(
  async () => {
    await cleanUp();
    const passed = results.filter((result) => result.ok).length;
    const failed = results.length - passed;
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(signals.interrupted ? 130 : failed > 0 || results.length === 0 ? 1 : 0);
  },
  async (error) => {
    if (!signals.interrupted) console.error(`check-vsix: ${error instanceof Error ? error.message : error}`);
    await cleanUp();
    const passed = results.filter((result) => result.ok).length;
    console.log(`\n${passed} passed, ${results.length - passed + 1} failed`);
    process.exit(signals.interrupted ? 130 : 1);
  },
);
