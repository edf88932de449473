/**
 * Claim Lens's language server in a web worker (VS Code for the Web): the
 * same server as `claimlens lsp`, speaking over the worker's messages, with
 * files read through the client (`claimlens/readFile`).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createBrowserHost } from './browser-host';
import { startServer } from './server';

/** The worker's global scope, as the message reader and writer take it. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, createBrowserHost(connection));
