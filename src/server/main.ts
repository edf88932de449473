/**
 * Claim Lens's language server, as a program: `node dist/server.js --stdio`
 * (or `--node-ipc`, `--socket=PORT`, `--pipe=NAME`), which
 * `claimlens lsp --stdio` runs too. With `--stdio`, stdout carries protocol
 * messages only: `console` output goes to the client's log.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodeHost } from './node-host';
import { startServer } from './server';

/** Starts the server on the transport the command line names. */
export function main(): void {
  startServer(createConnection(ProposedFeatures.all), createNodeHost());
}

if (require.main === module) main();
