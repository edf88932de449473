/**
 * A minimal LSP client for the tests: spawns the language server as a user's
 * editor would (`node dist/cli.js lsp --stdio`) and talks to it with
 * `vscode-jsonrpc`, the library under VS Code's own client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const cliPath = resolve('dist/cli.js');

export interface LspClientOptions {
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** The client's `claimlens` section, given to the server when it asks (`workspace/configuration`). */
  readonly settings?: unknown;
  readonly rootPath?: string;
  readonly transport?: 'stdio' | 'node-ipc';
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  /** Every byte the server wrote to stdout (stdio transport). */
  readonly stdout: Buffer[] = [];
  stderr = '';
  readonly logs: string[] = [];
  readonly configurationRequests: unknown[] = [];
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  readonly progress: { token: unknown; value: { kind: string; percentage?: number; message?: string } }[] = [];
  initializeResult?: InitializeResult;

  constructor(private readonly options: LspClientOptions = {}) {
    const ipc = options.transport === 'node-ipc';
    this.child = spawn(process.execPath, [cliPath, 'lsp', ipc ? '--node-ipc' : '--stdio'], {
      stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
      cwd: options.rootPath ?? process.cwd(),
    });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    if (ipc) {
      this.connection = createMessageConnection(new IPCMessageReader(this.child), new IPCMessageWriter(this.child));
    } else {
      this.child.stdout?.on('data', (chunk: Buffer) => this.stdout.push(chunk));
      this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    }
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification('$/progress', (params: { token: unknown; value: { kind: string } }) => {
      this.progress.push(params);
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      this.configurationRequests.push(params);
      return params.items.map(() => options.settings ?? null);
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const root = this.options.rootPath;
    this.initializeResult = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: root ? pathToFileURL(root).href : null,
      workspaceFolders: root ? [{ uri: pathToFileURL(root).href, name: 'root' }] : null,
      capabilities: this.options.capabilities ?? {},
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  request<R>(method: string, params: unknown, token?: CancellationTokenSource): Promise<R> {
    return token ? this.connection.sendRequest<R>(method, params, token.token) : this.connection.sendRequest<R>(method, params);
  }

  /** Waits (at most `ms`) for diagnostics of `uri` that pass `accept`. */
  async diagnosticsFor(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, ms = 10_000): Promise<Diagnostic[]> {
    const found = await this.waitFor(() => this.diagnostics.get(uri)?.find(accept), ms, `diagnostics for ${uri}`);
    return found.diagnostics;
  }

  published(uri: string): readonly PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /** Resolves with the first truthy value of `check`, re-checked on every message; rejects after `ms`. */
  waitFor<T>(check: () => T | undefined, ms: number, what: string): Promise<T> {
    return new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
      const attempt = (): void => {
        const value = check();
        if (value) {
          clearTimeout(timer);
          resolvePromise(value);
        } else {
          this.waiters.push(attempt);
        }
      };
      attempt();
    });
  }

  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((done) => {
      if (this.child.exitCode !== null) done(this.child.exitCode);
      else this.child.once('exit', (code) => done(code));
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    const timer = setTimeout(() => this.child.kill(), 5000);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  /** Re-checks every pending `waitFor` (after a message a test listens for itself). */
  wake(): void {
    const waiting = this.waiters.splice(0);
    for (const waiter of waiting) waiter();
  }
}

export { CancellationTokenSource };
