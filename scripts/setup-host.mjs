// Installs code-server (VS Code 1.100.3 for the web) into test/host/node_modules
// without reaching anything but the npm registry, so the integration tests and
// `npm start` can run a real VS Code. Quick no-op when it is already installed.
//
// Offline-safe: code-server's postinstall installs VS Code's own modules,
// where @vscode/ripgrep would download `rg`; it first looks for a cached
// archive in the temp dir, which is seeded here with Debian's /usr/bin/rg.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hostDir, makeTempDir, removeDir } from './code-server.mjs';

const codeServerVersion = '4.100.3';
const ripgrepPackageVersion = '1.15.11';
const ripgrepAsset = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const stampFile = join(hostDir, 'node_modules', '.claimlens-host-stamp');
const codeServerDir = join(hostDir, 'node_modules', 'code-server');
const vscodeModules = join(codeServerDir, 'lib', 'vscode', 'node_modules');

/** Files that only exist once code-server's postinstall has run to the end. */
const installedMarkers = [
  join(codeServerDir, 'out', 'node', 'entry.js'),
  join(vscodeModules, '@vscode', 'ripgrep', 'bin', 'rg'),
  join(vscodeModules, 'node-pty', 'build', 'Release', 'pty.node'),
  join(codeServerDir, 'lib', 'vscode', 'node_modules.asar'),
];

/** Debian packages the host needs: [file that proves it is there, package, why]. */
const systemPackages = [
  ['/usr/bin/chromium', 'chromium', 'the browser that shows the workbench'],
  ['/usr/bin/rg', 'ripgrep', 'search in VS Code, instead of downloading rg'],
];
/** Only needed while code-server's native modules are built. */
const buildPackages = [
  ['/usr/bin/krb5-config', 'libkrb5-dev', "headers for code-server's kerberos module"],
];

function missingPackages(list) {
  return list.filter(([file]) => !existsSync(file));
}

function lockHash() {
  const lock = join(hostDir, 'package-lock.json');
  const text = existsSync(lock) ? readFileSync(lock) : readFileSync(join(hostDir, 'package.json'));
  return createHash('sha256').update(text).digest('hex');
}

function isInstalled() {
  if (!installedMarkers.every((file) => existsSync(file))) return false;
  if (!existsSync(stampFile)) return false;
  return readFileSync(stampFile, 'utf8').trim() === lockHash();
}

/** Puts Debian's rg where @vscode/ripgrep looks for a previous download. */
function seedRipgrepCache() {
  const cacheDir = join(tmpdir(), `vscode-ripgrep-cache-${ripgrepPackageVersion}`);
  const archive = join(cacheDir, ripgrepAsset);
  if (existsSync(archive)) return archive;
  mkdirSync(cacheDir, { recursive: true });
  const staging = makeTempDir('claimlens-rg-');
  try {
    copyFileSync('/usr/bin/rg', join(staging, 'rg'));
    const partial = `${archive}.partial`;
    const tar = spawnSync('tar', ['-czf', partial, '-C', staging, 'rg'], { stdio: 'inherit' });
    if (tar.status !== 0) throw new Error(`tar failed (exit ${tar.status ?? tar.signal}) writing ${archive}`);
    // Renamed into place so a half-written archive is never taken for a download.
    spawnSync('mv', [partial, archive]);
  } finally {
    removeDir(staging);
  }
  return archive;
}

/**
 * Makes sure code-server is installed in test/host. Throws with the exact
 * `apt-get install` line when a system package is missing.
 */
export function setupHost({ quiet = false } = {}) {
  const log = quiet ? () => {} : (message) => console.log(message);
  const missing = missingPackages(systemPackages);
  if (missing.length) {
    throw new Error(
      `missing ${missing.map(([file, , why]) => `${file} (${why})`).join(', ')}: ` +
      `run \`apt-get install -y ${missing.map(([, pkg]) => pkg).join(' ')}\``,
    );
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    throw new Error(`code-server ${codeServerVersion} (VS Code 1.100) needs Node 20; this is Node ${process.versions.node}`);
  }
  if (isInstalled()) {
    log(`code-server ${codeServerVersion} is installed in ${hostDir}`);
    return;
  }
  const missingBuild = missingPackages(buildPackages);
  if (missingBuild.length) {
    throw new Error(
      `installing code-server builds native modules and needs ${missingBuild.map(([, , why]) => why).join(', ')}: ` +
      `run \`apt-get install -y ${missingBuild.map(([, pkg]) => pkg).join(' ')}\``,
    );
  }

  const archive = seedRipgrepCache();
  log(`ripgrep cache: ${archive}`);
  const hasLock = existsSync(join(hostDir, 'package-lock.json'));
  const npmArgs = hasLock ? ['ci'] : ['install'];
  log(`installing code-server ${codeServerVersion} in ${hostDir} (npm ${npmArgs.join(' ')}, about a minute)…`);
  const started = Date.now();
  // test/host/.npmrc holds the settings code-server's install needs (scripts
  // allowed, unsafe-perm for root, yes for npx node-gyp). Settings that npm
  // passes down as npm_config_* when this runs under `npm test` would win over
  // that file, so they are dropped.
  const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  const npm = spawnSync('npm', [...npmArgs, '--no-audit', '--no-fund'], {
    cwd: hostDir,
    env,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (npm.status !== 0) {
    const detail = quiet ? `\n${npm.stdout}\n${npm.stderr}` : '';
    throw new Error(`npm ${npmArgs.join(' ')} in ${hostDir} failed (exit ${npm.status ?? npm.signal})${detail}`);
  }
  const notBuilt = installedMarkers.filter((file) => !existsSync(file));
  if (notBuilt.length) {
    throw new Error(
      `npm ${npmArgs.join(' ')} finished, but code-server's postinstall did not complete (missing ${notBuilt.join(', ')}); ` +
      `check that test/host/.npmrc allows install scripts`,
    );
  }
  writeFileSync(stampFile, `${lockHash()}\n`);
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    setupHost();
  } catch (error) {
    console.error(`setup-host: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
