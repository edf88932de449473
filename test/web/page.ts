/**
 * The page the web server test opens in Chromium: a client of the language
 * server in a web worker, speaking JSON-RPC with vscode-jsonrpc's browser
 * transport, as vscode-languageclient does in VS Code for the Web. It
 * answers `claimlens/readFile` with the web client's own rules
 * (`src/web/read-file.ts`) over files held in memory, and
 * `claimlens/findFiles` with minimatch over their names.
 */
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/browser';
import { minimatch } from 'minimatch';
import type { FindFilesParams, ReadFileParams } from '../../src/server/protocol';
import { answerFindFiles, answerReadFile, type ClientFileSystem } from '../../src/web/read-file';

declare const Worker: new (url: string) => ConstructorParameters<typeof BrowserMessageReader>[0];

interface Page {
  /** Starts the server's worker; `files` are the text of files by URI, `folders` the workspace folders' URIs. */
  start(serverUrl: string, folders: string[], files: Record<string, string>): void;
  request(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): void;
  /** Every `textDocument/publishDiagnostics` received, in order. */
  readonly diagnostics: unknown[];
  /** Every `claimlens/readFile` request, in order. */
  readonly readRequests: ReadFileParams[];
  /** Every `claimlens/findFiles` request, in order. */
  readonly findRequests: FindFilesParams[];
  /** The URIs whose bytes were read from memory. */
  readonly bytesRead: string[];
}

let connection: MessageConnection | undefined;
const page: Page = {
  diagnostics: [],
  readRequests: [],
  findRequests: [],
  bytesRead: [],
  start(serverUrl, folders, files) {
    const worker = new Worker(serverUrl);
    connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
    const fs: ClientFileSystem = {
      stat: async (uri) => (uri in files ? { isFile: true, isSymbolicLink: false, size: new TextEncoder().encode(files[uri]).length } : undefined),
      readFile: async (uri) => {
        page.bytesRead.push(uri);
        return new TextEncoder().encode(files[uri]);
      },
    };
    connection.onRequest('claimlens/readFile', (params: ReadFileParams) => {
      page.readRequests.push(params);
      return answerReadFile(params, folders, fs);
    });
    // The editor's search: every file under the base whose relative name the glob matches (the rules come after).
    const find = async (base: string, pattern: string): Promise<string[]> =>
      Object.keys(files).filter((uri) => uri.startsWith(`${base}/`) && minimatch(uri.slice(base.length + 1), pattern));
    connection.onRequest('claimlens/findFiles', (params: FindFilesParams) => {
      page.findRequests.push(params);
      return answerFindFiles(params, folders, find);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('textDocument/publishDiagnostics', (params: unknown) => {
      page.diagnostics.push(params);
    });
    connection.listen();
  },
  request: (method, params) => connection!.sendRequest(method, params),
  notify: (method, params) => void connection!.sendNotification(method, params),
};

(globalThis as unknown as { claimlensPage: Page }).claimlensPage = page;
