/** The `claimlens` command line. */
import { join } from 'node:path';
import { version } from '../../package.json';
import { helpText, parseCommand, UsageError, type Command } from './args';
import { runCheck } from './check';
import type { CliIo } from './io';

/**
 * Runs the command line `argv` (without `node` and the script) and returns
 * the exit code: 0 clean, 1 too many uncited claims, 2 usage or I/O error.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`claimlens: ${error.message}\nRun 'claimlens --help' for usage.\n`);
    return 2;
  }
  switch (command.kind) {
    case 'help':
      io.stdout.write(helpText);
      return 0;
    case 'version':
      io.stdout.write(`${version}\n`);
      return 0;
    case 'check':
      return runCheck(command.options, io, version);
    case 'lsp':
      return runServer();
    case 'cache':
      // The verify layer, whose cache this is, is loaded for this command (and `check --verify`) only.
      return (require('./verify-sources') as typeof import('./verify-sources')).runCache(command.options, io);
  }
}

/**
 * Runs the language server, built beside this file as `server.js` and loaded
 * only now, so `check` does not pay for it. The server owns the process from
 * here: it exits when its client says so.
 */
function runServer(): Promise<number> {
  const server = require(join(__dirname, 'server.js')) as { main(): void };
  server.main();
  return new Promise<number>(() => undefined);
}

let outputGuarded = false;
let outputFailed = false;

function processIo(): CliIo {
  if (!outputGuarded) {
    outputGuarded = true;
    // A full disk (`> /dev/full`) or a reader gone (`| head`, EPIPE): one line on stderr and exit 2, not a stack trace and 1.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (!outputFailed) {
        outputFailed = true;
        const words: Record<string, string> = { EPIPE: 'the reader closed the pipe', ENOSPC: 'no space left on the device' };
        const why = error.code && words[error.code] ? `${words[error.code]} (${error.code})` : error.message;
        process.stderr.write(`claimlens: cannot write the output: ${why}\n`);
      }
      process.exitCode = 2;
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = outputFailed ? 2 : code;
    },
    (error: unknown) => {
      process.stderr.write(`claimlens: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
