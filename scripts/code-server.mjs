// Shared launch code for `npm start` and the integration runner: starts
// code-server (the web build of VS Code, installed by setup-host.mjs into
// test/host) on 127.0.0.1 with throw-away state, builds workbench URLs that
// load the extension from this checkout, and opens them in headless Chromium.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const hostDir = join(repoRoot, 'test', 'host');
export const codeServerEntry = join(hostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.CLAIMLENS_CHROMIUM ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings of the throw-away profile: no welcome page, prompts or telemetry in the way. */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
};

/** Resolves to `port` if it is free on 127.0.0.1, else to undefined. */
function tryPort(port) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(undefined));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      server.close(() => done(bound));
    });
  });
}

/** The first free port on 127.0.0.1 from `from` upwards; any free port when `from` is 0. */
export async function findFreePort(from = 0) {
  if (from === 0) return tryPort(0);
  for (let port = from; port < from + 200; port++) {
    if (await tryPort(port)) return port;
  }
  throw new Error(`no free port on 127.0.0.1 between ${from} and ${from + 199}`);
}

/** A temporary directory with a short path (code-server puts a Unix socket in it). */
export function makeTempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * User settings for a code-server that keeps workspace trust: no folder is
 * trusted (the user data is fresh), so every one opens in Restricted Mode,
 * without the startup dialog that would ask.
 */
const restrictedSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};

/**
 * Starts code-server on 127.0.0.1:`port` with its user data, extensions,
 * config and XDG dirs under `stateDir`, and waits until `/healthz` answers.
 * `env` is added to its environment, which the extension host inherits.
 * Workspace trust is off (every folder trusted) unless `restricted`, which
 * opens every folder in Restricted Mode.
 * Returns `{ origin, child, output, stop }`; `stop()` ends the whole process group.
 */
export async function startCodeServer({ port, stateDir, env = {}, echo = false, timeoutMs = 60_000, restricted = false }) {
  if (!existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed in ${hostDir}: run \`node scripts/setup-host.mjs\` first`);
  }
  const dirs = {
    userData: join(stateDir, 'user-data'),
    extensions: join(stateDir, 'extensions'),
    xdgConfig: join(stateDir, 'xdg-config'),
    xdgData: join(stateDir, 'xdg-data'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  const settings = restricted ? { ...userSettings, ...restrictedSettings } : userSettings;
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);

  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(restricted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--disable-proxy',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', join(stateDir, 'config.yaml'),
  ];
  const childEnv = { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, ...env };
  // npm passes its own settings down as npm_config_*; code-server has no use for them.
  for (const key of Object.keys(childEnv)) if (/^npm_/i.test(key)) delete childEnv[key];

  const child = spawn(process.execPath, args, {
    cwd: stateDir,
    env: childEnv,
    detached: true, // own process group, so stop() also ends the extension host and watchers
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const collect = (chunk) => {
    const text = chunk.toString();
    output.push(text);
    if (output.length > 2000) output.splice(0, output.length - 2000);
    if (echo) process.stderr.write(text);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = null;
  const exitPromise = new Promise((done) => child.once('exit', (code, signal) => {
    exited = { code, signal };
    done(exited);
  }));

  const stop = async () => {
    if (exited) return;
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 3_000);
    await exitPromise;
    clearTimeout(timer);
    // Stray children (watchers, the extension host) may outlive the server.
    signalGroup(child.pid, 'SIGKILL');
  };
  liveGroups.add(child.pid);
  exitPromise.then(() => liveGroups.delete(child.pid));

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      throw new Error(`code-server exited early (${exited.code ?? exited.signal}):\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs / 1000} s:\n${output.join('')}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return { origin, child, output, stop, exited: exitPromise };
}

const liveGroups = new Set();

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Last resort when the process exits without cleaning up: end every code-server it started. */
process.on('exit', () => {
  for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
});

/**
 * The workbench URL that opens `folder` (or the `.code-workspace` file
 * `workspace`) with the extension at `extensionDevelopmentPath` loaded from
 * disk, and, when `extensionTestsPath` is given, runs that test entry in the
 * extension host. Paths are absolute paths on this machine.
 */
export function workbenchUrl({ origin, folder, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = new URL(origin).host;
  const remote = (path) => `vscode-remote://${authority}${encodeURI(path)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = workspace
    ? `workspace=${encodeURIComponent(workspace)}`
    : `folder=${encodeURIComponent(folder)}`;
  return `${origin}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Headless Chromium from Debian, driven by playwright-core (which never downloads a browser). */
export async function launchChromium() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} not found: run \`apt-get install -y chromium\``);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    // The runners handle Ctrl+C themselves, so the browser closes in order.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** Removes a temporary directory, ignoring errors (a process may still hold a file). */
export function removeDir(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // best effort
  }
}

/**
 * Ctrl+C, SIGTERM and SIGHUP run `cleanUp` (stop code-server and the browser,
 * remove temporary folders), then exit 130; a second signal exits at once.
 * The returned object's `interrupted` turns true when a signal came.
 */
export function stopOnSignals(cleanUp) {
  const state = { interrupted: false };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (state.interrupted) process.exit(130);
      state.interrupted = true;
      console.error(`\n${signal}: stopping code-server and the browser…`);
      cleanUp().finally(() => process.exit(130));
    });
  }
  return state;
}

/**
 * What a run of code-server and Chromium holds (`live.server`, `live.browser`,
 * `live.tempDir`) and one `cleanUp()` that ends it all, safe to call more than
 * once. With `keepTemp`, the temporary folder is kept and named.
 */
export function createRun({ keepTemp = false } = {}) {
  const live = { browser: undefined, server: undefined, tempDir: undefined };
  let cleaning;
  return {
    live,
    /** Whether `cleanUp()` has been called. */
    get cleaningUp() {
      return cleaning !== undefined;
    },
    cleanUp() {
      cleaning ??= (async () => {
        await live.browser?.close().catch(() => {});
        await live.server?.stop().catch(() => {});
        if (live.tempDir) {
          if (keepTemp) console.log(`temporary folder kept: ${live.tempDir}`);
          else removeDir(live.tempDir);
        }
      })();
      return cleaning;
    },
  };
}
