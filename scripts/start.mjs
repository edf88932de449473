// `npm start`: builds the extension, makes sure code-server is installed, and
// serves VS Code on 127.0.0.1 with Claim Lens loaded from this checkout and
// the examples/ folder open. Open the printed URL in a browser; Ctrl+C stops it.
//
//   PORT=9000 npm start            another port (default: the first free from 8080)
//   npm start -- --folder ~/drafts another folder of articles
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap } from './bootstrap.mjs';
import { findFreePort, makeTempDir, removeDir, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';
import { setupHost } from './setup-host.mjs';

const { values: options } = parseArgs({
  options: {
    folder: { type: 'string', default: join(repoRoot, 'examples') },
    verbose: { type: 'boolean', default: false },
  },
});

async function main() {
  const folder = resolve(options.folder);
  if (!existsSync(folder)) throw new Error(`${folder} does not exist`);

  bootstrap();
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`the build failed (exit ${build.status ?? build.signal})`);
  setupHost();

  const requested = process.env.PORT ? Number(process.env.PORT) : undefined;
  if (requested !== undefined && !Number.isInteger(requested)) throw new Error(`PORT=${process.env.PORT} is not a port number`);
  const port = requested ?? (await findFreePort(8080));
  const stateDir = makeTempDir('claimlens-start-');
  let server;
  let stopping = false;
  const stop = async (code) => {
    stopping = true;
    await server?.stop().catch(() => {});
    removeDir(stateDir);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(0));

  try {
    server = await startCodeServer({ port, stateDir, echo: options.verbose });
  } catch (error) {
    removeDir(stateDir);
    throw error;
  }
  const url = workbenchUrl({ origin: server.origin, folder, extensionDevelopmentPath: repoRoot });
  console.log(`\nClaim Lens is running: ${url}\n`);
  console.log(`Serving ${folder}. After a rebuild (\`node esbuild.mjs\`), reload the page to load the new build. Ctrl+C stops.`);
  const how = await server.exited;
  if (stopping) return;
  console.error(`code-server stopped (${how.code ?? how.signal})`);
  if (!options.verbose) console.error(server.output.join('').trimEnd());
  await stop(1);
}

main().catch((error) => {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
