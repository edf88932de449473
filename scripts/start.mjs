// `npm start`: builds the extension, makes sure code-server is installed, and
// serves VS Code on 127.0.0.1 with Claim Lens loaded from this checkout and
// the examples/ folder open. Open the printed URL in a browser; Ctrl+C stops it.
//
//   PORT=9000 npm start            another port (default: the first free from 8080)
//   npm start -- --port 9000       the same
//   npm start -- --folder ~/drafts another folder of articles
//   npm start -- ~/drafts          the same
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap } from './bootstrap.mjs';
import { findFreePort, makeTempDir, removeDir, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';
import { setupHost } from './setup-host.mjs';

const usage = `Usage: npm start [-- [--folder] FOLDER] [--port PORT] [--verbose]

Serves VS Code in the browser with Claim Lens loaded from this checkout.
  --folder FOLDER  the folder of articles to open (default: examples/); "~" is your home
  --port PORT      the port on 127.0.0.1 (default: $PORT, else the first free from 8080)
  --verbose        show code-server's own output`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      folder: { type: 'string' },
      port: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`npm start: ${error.message}\n\n${usage}`);
  process.exit(2);
}
const { values: options, positionals } = parsed;
if (options.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length > 1 || (positionals.length && options.folder)) {
  console.error(`npm start: one folder only; got ${[options.folder, ...positionals].filter(Boolean).join(', ')}\n\n${usage}`);
  process.exit(2);
}

/** A path as a shell would read it: "~" and "~/…" start at the home folder (npm passes "--folder=~/x" on unexpanded). */
function expandHome(path) {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

async function main() {
  const folder = resolve(expandHome(options.folder ?? positionals[0] ?? join(repoRoot, 'examples')));
  if (!existsSync(folder)) throw new Error(`${folder} does not exist`);
  if (!statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  const given = options.port ?? process.env.PORT;
  const requested = given ? Number(given) : undefined;
  if (requested !== undefined && !(Number.isInteger(requested) && requested > 0 && requested < 65536)) {
    throw new Error(`${options.port ? '--port ' : 'PORT='}${given} is not a port number`);
  }

  bootstrap();
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`the build failed (exit ${build.status ?? build.signal})`);
  setupHost();

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
