// `npm test`: build, type-check, lint the core's imports, unit tests, then the
// integration suite in a real VS Code (code-server + headless Chromium).
import { spawnSync } from 'node:child_process';

const steps = [
  ['build', 'node', ['esbuild.mjs']],
  ['typecheck', 'npx', ['tsc', '-p', '.', '--noEmit']],
  ['unit tests', 'npx', ['mocha', '--config', '.mocharc.json']],
  ['grammar tests', 'npm', ['run', '--silent', 'test:grammar']],
  ['integration host', 'node', ['scripts/setup-host.mjs']],
  ['integration tests', 'node', ['scripts/run-integration.mjs']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}
