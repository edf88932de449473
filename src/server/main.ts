/**
 * Claim Lens's language server, as a program: `node dist/server.js --stdio`
 * (or `--node-ipc`, `--socket=PORT`, `--pipe=NAME`), which
 * `claimlens lsp --stdio` runs too. With `--stdio`, stdout carries protocol
 * messages only: `console` output goes to the client's log.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { AnalysisThread, analysisThreadMarker, serveAnalyses } from './analysis-thread';
import { createNodeHost } from './node-host';
import { startServer } from './server';

export * from './extension-library';

/** Starts the server on the transport the command line names. */
export function main(): void {
  startServer(createConnection(ProposedFeatures.all), createNodeHost(), {
    // The analysis thread runs this same bundle, which then serves analyses instead of starting a server.
    createAnalysisThread: (log) => new AnalysisThread(__filename, log),
  });
}

if (!isMainThread && workerData === analysisThreadMarker) serveAnalyses();
else if (require.main === module) main();
