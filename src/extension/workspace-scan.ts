import * as vscode from 'vscode';
import type { ReportFile } from '../core/index';
import type { ClaimLensClient } from './client';

/** Every article of the workspace, analysed, for the workspace report and exports. */
export interface WorkspaceScan {
  readonly files: readonly (ReportFile & { readonly uri: string })[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  readonly cancelled: boolean;
  /** How many articles were found, read or not. */
  readonly found: number;
}

/**
 * Asks the language server for every article of each workspace folder,
 * read as `claimlens check` reads that folder: the same files, decoding,
 * `.gitignore` rules, `.claimlensrc` settings and skipped files with the
 * same reasons, so the editor's report and the command line give one
 * answer. In a multi-root workspace each path starts with its folder's
 * name. Reports the server's progress and stops when cancelled.
 */
export async function scanWorkspace(
  client: ClaimLensClient,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<WorkspaceScan> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const files: (ReportFile & { uri: string })[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const prefix = (folder: vscode.WorkspaceFolder, path: string): string => (folders.length > 1 ? `${folder.name}/${path}` : path);
  for (const folder of folders) {
    if (token.isCancellationRequested) return { files, skipped, cancelled: true, found: files.length + skipped.length };
    let shown = 0;
    const name = folders.length > 1 ? `${folder.name}: ` : '';
    let result;
    try {
      result = await client.workspaceReport(folder.uri, token, (message, percentage) => {
        const share = percentage === undefined ? 0 : percentage / folders.length;
        progress.report({ message: `${name}${filesRead(message)}`, increment: Math.max(0, share - shown) });
        shown = Math.max(shown, share);
      });
    } catch (cause) {
      if (token.isCancellationRequested) return { files, skipped, cancelled: true, found: files.length + skipped.length };
      throw new Error(`The workspace report of ${folder.name} failed`, { cause });
    }
    progress.report({ increment: Math.max(0, 100 / folders.length - shown) });
    for (const file of result.files ?? []) files.push({ ...file, path: prefix(folder, file.path) });
    for (const skip of result.skipped) skipped.push({ path: prefix(folder, skip.path), reason: skip.reason });
  }
  return { files, skipped, cancelled: false, found: files.length + skipped.length };
}

/** The server's "12/1340 files" as "12 of 1,340 files"; other messages as they are. */
function filesRead(message: string): string {
  const counts = /^(\d+)\/(\d+) files$/u.exec(message);
  return counts ? `${Number(counts[1]).toLocaleString('en-US')} of ${Number(counts[2]).toLocaleString('en-US')} files` : message;
}
