import * as vscode from 'vscode';
import { documentationBase } from '../shared/diagnostic-codes';
import { configFileNames, configNotice, parseConfigText, type ConfigIssue, type ParsedConfig } from '../core/index';
import type { Log } from './log';
import { maxConfigBytes, readGuarded } from '../workspace/guarded-read';

/** A `.claimlensrc.*` file read and checked. */
export interface LoadedConfig {
  readonly uri: vscode.Uri;
  readonly parsed: ParsedConfig;
}

const watchedGlob = `**/{${configFileNames.join(',')}}`;

/**
 * Finds the `.claimlensrc.*` file nearest to a document (its folder, then
 * upward, never above its workspace folder), reads it through
 * `workspace.fs` and reports what is wrong in it: a diagnostic at the
 * field and one notification naming the field. Results are cached until a
 * configuration file is created, changed or deleted.
 */
export class ConfigFiles implements vscode.Disposable {
  private readonly nearestByFolder = new Map<string, Promise<vscode.Uri | undefined>>();
  private readonly loaded = new Map<string, Promise<LoadedConfig | undefined>>();
  private readonly notified = new Set<string>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('claimlens-config');
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Fires after a configuration file was created, changed or deleted (and the caches were dropped). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(watchedGlob);
    const onChange = (uri: vscode.Uri, deleted: boolean): void => {
      this.nearestByFolder.clear();
      this.loaded.delete(uri.toString());
      if (deleted) this.diagnostics.delete(uri);
      else void this.load(uri);
      this.changed.fire(uri);
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => onChange(uri, false)),
      watcher.onDidChange((uri) => onChange(uri, false)),
      watcher.onDidDelete((uri) => onChange(uri, true)),
      this.diagnostics,
      this.changed,
    );
  }

  /** Checks every configuration file of the workspace, so a broken one is reported before any article opens. */
  async checkAll(): Promise<void> {
    try {
      const uris = await vscode.workspace.findFiles(watchedGlob, '**/{node_modules,.git}/**', 200);
      await Promise.all(uris.map((uri) => this.load(uri)));
    } catch (cause) {
      this.log.error('Could not look for .claimlensrc files.', cause);
    }
  }

  /** The configuration file that applies to `uri`, or undefined when there is none. */
  async nearest(uri: vscode.Uri): Promise<LoadedConfig | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const found = await this.findUpward(vscode.Uri.joinPath(uri, '..'), folder.uri);
    return found ? this.load(found) : undefined;
  }

  /** Reads and checks one configuration file (cached). */
  load(uri: vscode.Uri): Promise<LoadedConfig | undefined> {
    const key = uri.toString();
    let pending = this.loaded.get(key);
    if (!pending) {
      pending = this.read(uri);
      this.loaded.set(key, pending);
    }
    return pending;
  }

  private async read(uri: vscode.Uri): Promise<LoadedConfig | undefined> {
    let text: string;
    try {
      text = new TextDecoder().decode(await readConfigBytes(uri));
    } catch (cause) {
      this.log.error(`Could not read ${uri.toString(true)}.`, cause);
      this.diagnostics.delete(uri);
      return undefined;
    }
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const parsed = parseConfigText(text, name);
    this.report(uri, text, parsed.issues);
    return { uri, parsed };
  }

  private report(uri: vscode.Uri, text: string, issues: readonly ConfigIssue[]): void {
    const lines = text.split('\n');
    this.diagnostics.set(
      uri,
      issues.map((issue) => {
        const diagnostic = new vscode.Diagnostic(issueRange(lines, issue), describeIssue(issue), vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'Claim Lens';
        // The same code as the CLI's, linking to its README section.
        diagnostic.code = { value: 'config-error', target: vscode.Uri.parse(`${documentationBase}#config-error`) };
        return diagnostic;
      }),
    );
    if (!issues.length) return;
    for (const issue of issues) this.log.warn(`${uri.toString(true)}:${issue.line ?? 1}:${issue.column ?? 1}: ${describeIssue(issue)}`);
    const signature = `${uri.toString()}\u0000${issues.map(describeIssue).join('\u0000')}`;
    if (this.notified.has(signature)) return;
    this.notified.add(signature);
    const first = issues[0];
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const message = configNotice(name, issues);
    void vscode.window.showWarningMessage(message, 'Open File').then(
      (choice) => (choice ? vscode.window.showTextDocument(uri, { selection: issueRange(lines, first) }) : undefined),
      (cause: unknown) => this.log.error('Could not show a notification.', cause),
    );
  }

  private findUpward(dir: vscode.Uri, root: vscode.Uri): Promise<vscode.Uri | undefined> {
    const key = dir.toString();
    let pending = this.nearestByFolder.get(key);
    if (!pending) {
      pending = this.search(dir, root);
      this.nearestByFolder.set(key, pending);
    }
    return pending;
  }

  private async search(dir: vscode.Uri, root: vscode.Uri): Promise<vscode.Uri | undefined> {
    for (const name of configFileNames) {
      const candidate = vscode.Uri.joinPath(dir, name);
      try {
        const stat = await vscode.workspace.fs.stat(candidate);
        if (stat.type & vscode.FileType.File) return candidate;
      } catch {
        // Not there: look further.
      }
    }
    const rootPath = root.path.replace(/\/+$/u, '');
    if (dir.path.replace(/\/+$/u, '') === rootPath || !dir.path.startsWith(`${rootPath}/`)) return undefined;
    return this.findUpward(vscode.Uri.joinPath(dir, '..'), root);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * A configuration file's bytes: regular files only, at most `maxConfigBytes`
 * (on disk through the guarded reader, whose open cannot block on a FIFO).
 */
async function readConfigBytes(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme === 'file') {
    const read = await readGuarded(uri.fsPath, { maxBytes: maxConfigBytes });
    if (!read.ok) throw new Error(`${uri.fsPath}: ${read.reason}`);
    return read.bytes;
  }
  const stat = await vscode.workspace.fs.stat(uri);
  if (!(stat.type & vscode.FileType.File) || stat.size > maxConfigBytes) throw new Error(`${uri.toString(true)}: not a regular file, or larger than ${maxConfigBytes} bytes; not read`);
  return vscode.workspace.fs.readFile(uri);
}

function describeIssue(issue: ConfigIssue): string {
  return issue.field === '(syntax)' || issue.field === '(root)' ? issue.message : `"${issue.field}": ${issue.message}`;
}

/** The range of the field an issue names: from its position to the end of its key or value token. */
function issueRange(lines: readonly string[], issue: ConfigIssue): vscode.Range {
  const line = Math.max(0, Math.min((issue.line ?? 1) - 1, lines.length - 1));
  const text = (lines[line] ?? '').replace(/\r$/u, '');
  const start = Math.max(0, Math.min((issue.column ?? 1) - 1, text.length));
  let end = start;
  if (text[start] === '"' || text[start] === '\'') {
    const close = text.indexOf(text[start], start + 1);
    end = close > start ? close + 1 : text.length;
  } else {
    while (end < text.length && !/[\s:,\]}]/u.test(text[end])) end++;
  }
  if (end === start) end = Math.min(text.length, start + 1);
  return new vscode.Range(line, start, line, end);
}
