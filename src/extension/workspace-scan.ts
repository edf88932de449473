import * as vscode from 'vscode';
import { analyze, formatOfPath, withBibliographyProblems, type ReportFile } from '../core/index';
import type { DocumentAnalyses } from './document-analyses';
import type { Log } from './log';

/** The file extensions Claim Lens reads, as the CLI does. */
export const articleExtensions = ['md', 'markdown', 'qmd', 'rmd', 'mdx', 'html', 'htm', 'txt', 'text'] as const;
const include = `**/*.{${articleExtensions.join(',')}}`;
const exclude = '**/{node_modules,.git}/**';

/** Every article of the workspace, analysed, for the workspace report and exports. */
export interface WorkspaceScan {
  readonly files: readonly (ReportFile & { readonly uri: string })[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  readonly cancelled: boolean;
  /** How many articles were found, read or not. */
  readonly found: number;
}

/**
 * Finds and analyses every article in the workspace folders (skipping
 * `node_modules` and `.git`), each with the settings of its own folder
 * and configuration file. Open documents are read as they stand in the
 * editor. Reports progress and stops early when cancelled.
 */
export async function scanWorkspace(
  analyses: DocumentAnalyses,
  log: Log,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<WorkspaceScan> {
  const uris = (await vscode.workspace.findFiles(include, exclude, undefined, token))
    .filter((uri) => formatOfPath(uri.path) !== undefined)
    .sort((a, b) => a.toString().localeCompare(b.toString()));
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const files: (ReportFile & { uri: string })[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let done = 0;
  for (const uri of uris) {
    if (token.isCancellationRequested) return { files, skipped, cancelled: true, found: uris.length };
    const path = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    progress.report({ message: progressMessage(done + 1, uris.length, path), increment: 100 / uris.length });
    done++;
    try {
      const resolved = await analyses.settingsFor(uri);
      const document = open.get(uri.toString());
      const text = document ? document.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (text.length / 1024 > resolved.editor.maxFileSizeKB) {
        skipped.push({ path, reason: `larger than claimlens.maxFileSizeKB (${resolved.editor.maxFileSizeKB} KB)` });
        continue;
      }
      const format = document ? analyses.formatOf(document) : formatOfPath(uri.path) ?? 'text';
      const { bibliography, problems } = await analyses.bibliographyFor(uri, text, format, resolved);
      const analysis = withBibliographyProblems(
        analyze(text, { format, settings: resolved.settings, ignoredClaims: resolved.ignoredClaims, ...(bibliography ? { bibliography } : {}) }),
        problems,
      );
      files.push({ uri: uri.toString(), path, text, analysis, settings: resolved.settings });
    } catch (cause) {
      log.error(`Could not analyse ${uri.toString(true)}.`, cause);
      skipped.push({ path, reason: cause instanceof Error ? cause.message : String(cause) });
    }
    // Let the extension host breathe between files.
    if (done % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { files, skipped, cancelled: false, found: uris.length };
}

/** The progress line of a scan: "12 of 340 files · desk/budget.md". */
export function progressMessage(n: number, total: number, path: string): string {
  return `${n.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} file${total === 1 ? '' : 's'} · ${path}`;
}
