// `npm test`: set-up when needed (system packages, npm ci), then build,
// type-check, unit tests, grammar tests, the integration and UI suites in a
// real VS Code (code-server + headless Chromium), and the packaged .vsix
// installed into code-server and checked. Ends with one line that
// counts every test of every step: "N passed, N failed".
import { spawn } from 'node:child_process';
import { bootstrap } from './bootstrap.mjs';

const steps = [
  ['build', 'node', ['esbuild.mjs']],
  ['typecheck', 'npx', ['tsc', '-p', '.', '--noEmit']],
  ['unit tests', 'npx', ['mocha', '--config', '.mocharc.json']],
  ['grammar tests', 'npm', ['run', '--silent', 'test:grammar']],
  ['integration host', 'node', ['scripts/setup-host.mjs']],
  ['integration tests', 'node', ['scripts/run-integration.mjs']],
  ['UI test', 'node', ['scripts/run-ui.mjs']],
  ['package and install the .vsix', 'node', ['scripts/check-vsix.mjs', '--package']],
];

const totals = { passed: 0, failed: 0, skipped: 0 };

/** Counts from a step's output: mocha's "N passing / N failing / N pending", or a "N passed, N failed" line. */
function count(output) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const found = { passed: 0, failed: 0, skipped: 0 };
  const summary = [...plain.matchAll(/^\s*(?:\w+:\s*)?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/gm)];
  if (summary.length) {
    for (const m of summary) {
      found.passed += Number(m[1]);
      found.failed += Number(m[2]);
      found.skipped += Number(m[3] ?? 0);
    }
    return found;
  }
  for (const m of plain.matchAll(/^\s*(\d+) passing\b/gm)) found.passed += Number(m[1]);
  for (const m of plain.matchAll(/^\s*(\d+) failing\b/gm)) found.failed += Number(m[1]);
  for (const m of plain.matchAll(/^\s*(\d+) pending\b/gm)) found.skipped += Number(m[1]);
  // vscode-tmgrammar-test prints one line per file.
  for (const m of plain.matchAll(/^\s*✓ .*$/gm)) if (m) found.passed += 1;
  for (const m of plain.matchAll(/^\s*✖ .*$/gm)) if (m) found.failed += 1;
  return found;
}

function runStep(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

function closingLine() {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
}

try {
  bootstrap();
} catch (error) {
  console.error(`set-up failed: ${error.message}`);
  process.exit(2);
}

for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`);
  const { code, output } = await runStep(cmd, args);
  const found = count(output);
  totals.passed += found.passed;
  totals.failed += found.failed;
  totals.skipped += found.skipped;
  if (code !== 0) {
    console.error(`\n${name} failed (exit ${code})`);
    if (!found.failed) totals.failed += 1; // a step that failed without counting a test still counts as one failure
    closingLine();
    process.exit(code || 1);
  }
}
closingLine();
