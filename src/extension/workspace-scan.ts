import * as vscode from 'vscode';
import type { JsonFile, ReportFile, Totals } from '../core/index';
import type { WorkspaceReportResult } from '../server/protocol';
import type { ClaimLensClient } from './client';

/** Every article of the workspace, as the report or the analyses read them. */
export interface WorkspaceScan<F> {
  readonly files: readonly F[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  readonly cancelled: boolean;
  /** How many articles were found, read or not. */
  readonly found: number;
}

/**
 * One file of the workspace report: what `claimlens check --format json`
 * prints of it (its claims with their status, kind, value, place and
 * sources, its problems), and its URI.
 */
export interface ReportScanFile {
  readonly uri: string;
  readonly report: JsonFile;
}

/** The workspace report: its files, and the totals `claimlens check` prints under them. */
export interface ReportScan extends WorkspaceScan<ReportScanFile> {
  readonly summary: Omit<Totals, 'coverage'>;
}

/** One file with its text and whole analysis, for what needs more than the report: verifying sources, exports. */
export type AnalysedScanFile = ReportFile & { readonly uri: string };

/**
 * Asks the language server for the report of every article of each
 * workspace folder, read as `claimlens check` reads that folder: the same
 * files, decoding, `.gitignore` rules, `.claimlensrc` settings and skipped
 * files with the same reasons, so the editor's report and the command line
 * give one answer. The server sends the report alone, not the files' texts
 * and analyses. In a multi-root workspace each path starts with its
 * folder's name. Reports the server's progress and stops when cancelled.
 */
export async function scanWorkspace(
  client: ClaimLensClient,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<ReportScan> {
  const summary = { files: 0, claims: 0, cited: 0, attributed: 0, uncited: 0, ignored: 0 };
  const scan = await scanFolders<ReportScanFile>(client, false, progress, token, (folder, result, path) => {
    for (const key of Object.keys(summary) as (keyof typeof summary)[]) summary[key] += result.report.summary[key];
    return result.report.files.map((report) => ({
      // A post of a WordPress export (`export.xml#post-slug`) opens as its file.
      uri: vscode.Uri.joinPath(folder.uri, ...report.path.replace(/#.*$/u, '').split('/')).toString(),
      report: { ...report, path: path(report.path) },
    }));
  });
  return { ...scan, summary };
}

/**
 * Every article of each workspace folder as `scanWorkspace` reads them,
 * with each file's text and whole analysis: for verifying every source of
 * the workspace, and for exports that need more than the report.
 */
export async function scanWorkspaceAnalyses(
  client: ClaimLensClient,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<WorkspaceScan<AnalysedScanFile>> {
  return scanFolders<AnalysedScanFile>(client, true, progress, token, (_folder, result, path) =>
    (result.files ?? []).map((file) => ({ ...file, path: path(file.path) })));
}

async function scanFolders<F>(
  client: ClaimLensClient,
  withAnalyses: boolean,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
  filesOf: (folder: vscode.WorkspaceFolder, result: WorkspaceReportResult, path: (path: string) => string) => F[],
): Promise<WorkspaceScan<F>> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const files: F[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const stopped = (): WorkspaceScan<F> => ({ files, skipped, cancelled: true, found: files.length + skipped.length });
  for (const folder of folders) {
    if (token.isCancellationRequested) return stopped();
    const prefix = (path: string): string => (folders.length > 1 ? `${folder.name}/${path}` : path);
    let shown = 0;
    const name = folders.length > 1 ? `${folder.name}: ` : '';
    let result: WorkspaceReportResult;
    try {
      result = await client.workspaceReport(folder.uri, withAnalyses, token, (message, percentage) => {
        const share = percentage === undefined ? 0 : percentage / folders.length;
        progress.report({ message: `${name}${filesRead(message)}`, increment: Math.max(0, share - shown) });
        shown = Math.max(shown, share);
      });
    } catch (cause) {
      if (token.isCancellationRequested) return stopped();
      throw new Error(`The workspace report of ${folder.name} failed`, { cause });
    }
    progress.report({ increment: Math.max(0, 100 / folders.length - shown) });
    files.push(...filesOf(folder, result, prefix));
    for (const skip of result.skipped) skipped.push({ path: prefix(skip.path), reason: skip.reason });
  }
  return { files, skipped, cancelled: false, found: files.length + skipped.length };
}

/** The server's "12/1340 files" as "12 of 1,340 files"; other messages as they are. */
function filesRead(message: string): string {
  const counts = /^(\d+)\/(\d+) files$/u.exec(message);
  return counts ? `${Number(counts[1]).toLocaleString('en-US')} of ${Number(counts[2]).toLocaleString('en-US')} files` : message;
}
