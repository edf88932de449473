import * as vscode from 'vscode';
import { analyzeArticles, formatOfContent, formatOfPath, mayBeArticlePath, withBibliographyProblems, type ReportFile } from '../core/index';
import { decodeText } from '../workspace/decode';
import { GitignoreRules, ignoreTop } from '../workspace/gitignore';
import type { DocumentAnalyses } from './document-analyses';
import type { Log } from './log';
import { progressMessage } from './report-model';

/** The file extensions Claim Lens reads, as the CLI does (`.json` and `.xml` when they hold WordPress posts). */
export const articleExtensions = ['md', 'markdown', 'qmd', 'rmd', 'mdx', 'html', 'htm', 'txt', 'text', 'json', 'xml'] as const;
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
 * `node_modules`, `.git` and, in folders on disk, what `.gitignore` files
 * ignore), each with the settings of its own folder and configuration
 * file. Files are decoded as `claimlens check` decodes them (UTF-8,
 * UTF-16; binary and non-UTF-8 files skipped with the same reasons); open
 * documents are read as they stand in the editor. Reports progress and stops early when cancelled.
 */
export async function scanWorkspace(
  analyses: DocumentAnalyses,
  log: Log,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<WorkspaceScan> {
  const candidates = (await vscode.workspace.findFiles(include, exclude, undefined, token)).filter((uri) => mayBeArticlePath(uri.path));
  const uris = (await withoutGitignored(candidates)).sort((a, b) => a.toString().localeCompare(b.toString()));
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const files: (ReportFile & { uri: string })[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let done = 0;
  // .json and .xml files that hold no WordPress post are not articles; an export counts once per post.
  let notArticles = 0;
  let morePosts = 0;
  const found = (): number => uris.length - notArticles + morePosts;
  for (const uri of uris) {
    if (token.isCancellationRequested) return { files, skipped, cancelled: true, found: found() };
    const path = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    progress.report({ message: progressMessage(done + 1, uris.length, path), increment: 100 / uris.length });
    done++;
    try {
      const resolved = await analyses.settingsFor(uri);
      const document = open.get(uri.toString());
      const byName = formatOfPath(uri.path) !== undefined;
      let text: string;
      if (document) {
        text = document.getText();
      } else {
        // Decoded as `claimlens check` decodes it: binary and non-UTF-8 files are skipped with its reasons.
        const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
        if (!decoded.ok) {
          if (byName) skipped.push({ path, reason: decoded.reason });
          else notArticles++;
          continue;
        }
        text = decoded.text;
      }
      if (text.length / 1024 > resolved.editor.maxFileSizeKB) {
        if (byName) skipped.push({ path, reason: `larger than claimlens.maxFileSizeKB (${resolved.editor.maxFileSizeKB} KB)` });
        else notArticles++;
        continue;
      }
      // A .json or .xml file is an article only when it is a WordPress post or export; other data files pass unnoticed.
      const format = byName ? (document ? analyses.formatOf(document) : formatOfPath(uri.path) ?? 'text') : formatOfContent(uri.path, text);
      if (!format) {
        notArticles++;
        continue;
      }
      const { bibliography, problems } = await analyses.bibliographyFor(uri, text, format, resolved);
      // An export or a list of posts is reported post by post: `export.xml#post-slug`.
      const options = { format, settings: resolved.settings, ignoredClaims: resolved.ignoredClaims, ...(bibliography ? { bibliography } : {}) };
      const articles = analyzeArticles(text, options);
      morePosts += articles.length - 1;
      for (const article of articles) {
        const analysis = withBibliographyProblems(article.analysis, problems);
        files.push({ uri: uri.toString(), path: article.name === undefined ? path : `${path}#${article.name}`, text, analysis, settings: resolved.settings });
      }
    } catch (cause) {
      log.error(`Could not analyse ${uri.toString(true)}.`, cause);
      skipped.push({ path, reason: cause instanceof Error ? cause.message : String(cause) });
    }
    // Let the extension host breathe between files.
    if (done % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { files, skipped, cancelled: false, found: found() };
}

/** Drops the files on disk that the `.gitignore` files of their workspace folder (or git work tree) ignore, as `claimlens check` does. */
async function withoutGitignored(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const rules = new GitignoreRules();
  const tops = new Map<string, Promise<string>>();
  const kept: vscode.Uri[] = [];
  for (const uri of uris) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (uri.scheme !== 'file' || !folder || folder.uri.scheme !== 'file') {
      kept.push(uri);
      continue;
    }
    const folderPath = folder.uri.fsPath;
    let top = tops.get(folderPath);
    if (!top) tops.set(folderPath, (top = ignoreTop(folderPath, folderPath)));
    if (!(await rules.ignores(await top, uri.fsPath, false))) kept.push(uri);
  }
  return kept;
}
