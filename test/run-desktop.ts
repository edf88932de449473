// `npm run test:desktop`: the integration suite in desktop VS Code (Electron),
// through @vscode/test-electron, on machines that can download VS Code.
// Offline, use `npm run test:integration`, which runs the same suite in
// code-server. On a Linux machine without a display: `xvfb-run -a npm run test:desktop`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = resolve(__dirname, '..', '..');
const fixturesRoot = join(repoRoot, 'test', 'fixtures');
const version = process.env.CLAIMLENS_VSCODE_VERSION ?? '1.100.3';

interface Run {
  readonly kind: 'single' | 'multi';
  /** Path inside test/fixtures: a folder, or a .code-workspace file. */
  readonly target: string;
}

const runs: readonly Run[] = [
  { kind: 'single', target: 'workspace' },
  { kind: 'multi', target: join('multi-root', 'claimlens.code-workspace') },
];

async function download(): Promise<string> {
  try {
    return await downloadAndUnzipVSCode({
      version,
      cachePath: join(repoRoot, '.test-host', 'vscode-desktop'),
      timeout: 20_000,
    });
  } catch (error) {
    throw new Error(
      `could not download VS Code ${version} for the desktop tests (this needs access to Microsoft's download servers). ` +
      'Without it, run the same suite in code-server: npm run test:integration',
      { cause: error },
    );
  }
}

async function main(): Promise<number> {
  const vscodeExecutablePath = await download();
  let failed = 0;
  for (const run of runs) {
    // A copy per run: quick fixes save the files they change.
    const temp = mkdtempSync(join(tmpdir(), 'claimlens-desktop-'));
    try {
      cpSync(fixturesRoot, join(temp, 'fixtures'), { recursive: true });
      console.log(`\n== desktop integration (${run.kind})`);
      const code = await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'index.js'),
        extensionTestsEnv: { CLAIMLENS_TEST_WORKSPACE: run.kind },
        launchArgs: [
          join(temp, 'fixtures', run.target),
          '--disable-extensions',
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          '--user-data-dir', join(temp, 'user-data'),
        ],
      }).catch(() => 1);
      if (code !== 0) failed++;
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:desktop: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.cause) console.error(`  cause: ${String(error.cause)}`);
    process.exit(1);
  },
);
