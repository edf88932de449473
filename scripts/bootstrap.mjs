// Set-up shared by `npm start` and `npm test`, so that either one works on a
// fresh clone: Debian packages the VS Code host needs, then `npm ci` when the
// installed dependencies are missing or older than package-lock.json.
// Node built-ins only: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** chromium shows the workbench; ripgrep stands in for the rg code-server would download; libkrb5-dev builds its kerberos module; neovim's LSP client drives the language server in a unit test. */
const systemPackages = ['chromium', 'ripgrep', 'libkrb5-dev', 'neovim'];

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function missingPackages() {
  const dpkg = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...systemPackages], { encoding: 'utf8' });
  if (dpkg.error) return []; // not a Debian system: setup-host.mjs names what it cannot find
  const installed = new Set(dpkg.stdout.split('\n').filter((l) => l.endsWith('install ok installed')).map((l) => l.split(' ')[0]));
  return systemPackages.filter((p) => !installed.has(p));
}

/**
 * Installs what is missing, or says exactly what to run. `system: false`
 * skips the Debian packages, which only the VS Code host needs.
 */
export function bootstrap({ system = true } = {}) {
  const missing = system ? missingPackages() : [];
  if (missing.length) {
    const asRoot = process.getuid?.() === 0;
    const command = ['apt-get', 'install', '-y', '-qq', ...missing];
    if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
      throw new Error(`missing system packages: run  sudo apt-get update && sudo ${command.join(' ')}`);
    }
    const prefix = asRoot ? [] : ['sudo', '-n'];
    console.log(`== installing ${missing.join(', ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run(prefix[0] ?? 'apt-get', [...prefix.slice(1), ...(asRoot ? [] : ['apt-get']), 'update', '-qq'], { env });
    run(prefix[0] ?? 'apt-get', [...prefix.slice(1), ...(asRoot ? [] : ['apt-get']), ...command.slice(1)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const stamp = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(lock).mtimeMs) {
    console.log('== npm ci');
    run('npm', ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  bootstrap({ system: !process.argv.includes('--no-system') });
  if (process.argv.includes('--build')) run(process.execPath, ['esbuild.mjs']);
}
