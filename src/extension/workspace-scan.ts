import * as vscode from 'vscode';
import { analyzeArticles, formatOfContent, formatOfPath, mayBeArticlePath, withBibliographyProblems, type ReportFile } from '../core/index';
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
    .filter((uri) => mayBeArticlePath(uri.path))
    .sort((a, b) => a.toString().localeCompare(b.toString()));
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
      const text = document ? document.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const byName = formatOfPath(uri.path) !== undefined;
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
