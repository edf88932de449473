/**
 * Claim Lens in VS Code for the Web (vscode.dev, github.dev): the language
 * server runs in a web worker (dist/web/server.js) and this client gives
 * its diagnostics, hovers, quick fixes, citation key completion and
 * definitions to the editor. The server asks for bibliographies and
 * `.claimlensrc.*` files with `claimlens/readFile` (and the files a glob
 * matches with `claimlens/findFiles`), answered here through `workspace.fs`
 * inside the workspace folders only. What needs a disk or
 * Node (verifying sources, the workspace report, the command line) is not
 * here: those commands say so.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import type { JsonReport } from '../core/report/json';
import { documentReportRequest, findFilesRequest, readFileRequest } from '../server/protocol';
import { answerFindFiles, answerReadFile, type ClientFileSystem } from './read-file';
import { reportMarkdown } from './report-markdown';

/** A dedicated worker, as the extension host of VS Code for the Web starts one. */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

/** The languages whose documents the server is given; it decides itself which are articles (a JSON file may be a WordPress export). */
const languages = ['markdown', 'mdx', 'html', 'plaintext', 'quarto', 'rmd', 'json', 'jsonc', 'xml'];

/** Commands of the desktop extension that need a disk, the network or Node. */
const desktopOnly: Record<string, string> = {
  'claimlens.showWorkspaceReport': 'The workspace report reads every file of the folder',
  'claimlens.exportReport': 'Exporting a report',
  'claimlens.verifySources': 'Verifying sources fetches what articles cite',
  'claimlens.verifyWorkspaceSources': 'Verifying sources fetches what articles cite',
  'claimlens.openExample': 'The example article',
};

const fileSystem: ClientFileSystem = {
  async stat(uri) {
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
      return {
        isFile: (stat.type & vscode.FileType.File) !== 0,
        isSymbolicLink: (stat.type & vscode.FileType.SymbolicLink) !== 0,
        size: stat.size,
      };
    } catch (cause) {
      if (cause instanceof vscode.FileSystemError && cause.code === 'FileNotFound') return undefined;
      throw cause;
    }
  },
  readFile: (uri) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true))),
};

/** The editor's file search under a folder, leaving out node_modules and .git as the command line does. */
async function findFiles(base: string, pattern: string): Promise<string[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(base, true), pattern), '**/{node_modules,.git}/**', 1000);
  return found.map((uri) => uri.toString());
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverUrl = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.map((language) => ({ language })),
  };
  const client = new LanguageClient('claimlens', 'Claim Lens', clientOptions, new Worker(serverUrl.toString(true), { name: 'Claim Lens' }));
  const folders = (): string[] => (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
  client.onRequest(readFileRequest, (params) => answerReadFile(params, folders(), fileSystem));
  client.onRequest(findFilesRequest, (params) => answerFindFiles(params, folders(), findFiles));
  context.subscriptions.push(
    client,
    vscode.commands.registerCommand('claimlens.showOutput', () => client.outputChannel.show()),
    vscode.commands.registerCommand('claimlens.showReport', () => showReport(client)),
    vscode.commands.registerCommand('claimlens.nextUncitedClaim', () => goToUncited(1)),
    vscode.commands.registerCommand('claimlens.previousUncitedClaim', () => goToUncited(-1)),
    ...Object.entries(desktopOnly).map(([id, what]) =>
      vscode.commands.registerCommand(id, () => vscode.window.showInformationMessage(`${what}: this needs Claim Lens in VS Code on the desktop (or the claimlens command line), not VS Code for the Web.`))),
  );
  await client.start();
}

/** The active article's report, as Markdown beside it (its preview when the Markdown extension is there). */
async function showReport(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open an article to see its claim report.');
    return;
  }
  const report = (await client.sendRequest(documentReportRequest, { textDocument: { uri: editor.document.uri.toString() } })) as JsonReport | null;
  if (!report) {
    void vscode.window.showInformationMessage('Claim Lens does not read this document (not an article, too large, or switched off).');
    return;
  }
  const name = vscode.workspace.asRelativePath(editor.document.uri);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: reportMarkdown(name, report) });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/** Moves the cursor to the next (or previous) uncited claim of the active article, by its diagnostics. */
function goToUncited(step: 1 | -1): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const ranges = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'Claim Lens' && (typeof d.code === 'object' ? d.code.value : d.code) === 'uncited-claim')
    .map((d) => d.range)
    .sort((a, b) => a.start.compareTo(b.start));
  if (!ranges.length) {
    void vscode.window.showInformationMessage('No uncited claims in this article.');
    return;
  }
  const at = editor.selection.active;
  const target = step > 0 ? (ranges.find((r) => r.start.isAfter(at)) ?? ranges[0]) : ([...ranges].reverse().find((r) => r.start.isBefore(at)) ?? ranges[ranges.length - 1]);
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function deactivate(): void {
  // The client is disposed with the extension's subscriptions.
}
