import * as vscode from 'vscode';
import { toCsv, toJsonReport, toMarkdown, toSarif, type JsonReport, type ReportFile } from '../core/index';
import type { ClaimLensClient } from './client';
import type { ReportPanels } from './report-panel';
import type { ServerAnalyses } from './server-analyses';

/** Export formats, with their file extension and save-dialog filter name. */
export const exportFormats = {
  json: { extension: 'json', label: 'JSON (claimlens check --format json)' },
  csv: { extension: 'csv', label: 'CSV (one row per claim)' },
  markdown: { extension: 'md', label: 'Markdown' },
  sarif: { extension: 'sarif', label: 'SARIF 2.1.0 (code scanning)' },
} as const;
export type ExportFormat = keyof typeof exportFormats;

/** Arguments of `claimlens.exportReport`; each given one skips its prompt. */
export interface ExportArgs {
  readonly format?: ExportFormat;
  /** `article`: the active (or given) article; `workspace`: every article. */
  readonly scope?: 'article' | 'workspace';
  readonly uri?: string | vscode.Uri;
  /** Where to write (skips the save dialog). */
  readonly target?: string | vscode.Uri;
}

/** Renders report files in a format, with the same formatters as the CLI. */
export function renderExport(format: ExportFormat, files: readonly ReportFile[]): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(toJsonReport(files), null, 2)}\n`;
    case 'csv':
      return toCsv(files);
    case 'markdown':
      return toMarkdown(files);
    case 'sarif':
      return `${JSON.stringify(toSarif(files), null, 2)}\n`;
  }
}

/**
 * Exports the report of the active article or of the whole workspace as
 * JSON, CSV, Markdown or SARIF. Resolves to the URI written, or undefined
 * when cancelled.
 */
export async function exportReport(analyses: ServerAnalyses, client: ClaimLensClient, panels: ReportPanels, args: ExportArgs = {}): Promise<string | undefined> {
  const format = args.format ?? (await pickFormat());
  if (!format || !(format in exportFormats)) return undefined;
  const given = args.uri ? (typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri) : undefined;
  const active = vscode.window.activeTextEditor?.document;
  const article = given ? await vscode.workspace.openTextDocument(given) : active && client.reads(active) && client.statusOf(active.uri)?.counts ? active : undefined;
  let scope = args.scope;
  if (!scope) {
    if (!article) scope = 'workspace';
    else {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'This article', description: vscode.workspace.asRelativePath(article.uri), scope: 'article' as const },
          { label: 'Every article in the workspace', scope: 'workspace' as const },
        ],
        { title: 'Claim Lens: export which report?' },
      );
      scope = picked?.scope;
    }
  }
  if (!scope) return undefined;
  let files: ReportFile[] | undefined;
  let report: JsonReport | undefined;
  if (scope === 'article') {
    if (!article) throw new Error('No article is open to export.');
    const entry = await analyses.ensure(article);
    if (!entry) throw new Error(`${vscode.workspace.asRelativePath(article.uri)} was not analysed (not an article, or too large).`);
    const text = article.getText();
    const verifications = panels.sourceResults(article.uri, text);
    files = [{ path: vscode.workspace.asRelativePath(article.uri, false), text, analysis: entry.analysis, settings: entry.settings, ...(verifications ? { verifications } : {}) }];
  } else if (format === 'json' && !panels.anySourceResults()) {
    // The JSON report is what the server sends for the workspace report: no file's analysis is needed.
    const scan = await panels.scan();
    if (!scan || scan.cancelled) return undefined;
    report = { files: scan.files.map((file) => file.report), summary: scan.summary };
  } else {
    // Other formats, and checked sources, need each file's text and whole analysis.
    const scan = await panels.scanAnalyses();
    if (!scan || scan.cancelled) return undefined;
    files = panels.withSourceResults(scan);
  }
  const info = exportFormats[format];
  let target = args.target ? (typeof args.target === 'string' ? vscode.Uri.parse(args.target) : args.target) : undefined;
  if (!target) {
    const folder = (article && vscode.workspace.getWorkspaceFolder(article.uri)) ?? vscode.workspace.workspaceFolders?.[0];
    const base = scope === 'article' && article ? article.uri.path.slice(article.uri.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/u, '') : 'claimlens-report';
    target = await vscode.window.showSaveDialog({
      title: 'Claim Lens: export report',
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, `${base}.claims.${info.extension}`) } : {}),
      filters: { [info.label]: [info.extension] },
    });
  }
  if (!target) return undefined;
  const text = report ? `${JSON.stringify(report, null, 2)}\n` : renderExport(format, files ?? []);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`Claim Lens: report written to ${vscode.workspace.asRelativePath(target)}.`);
  return target.toString();
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    (Object.keys(exportFormats) as ExportFormat[]).map((format) => ({ label: exportFormats[format].label, format })),
    { title: 'Claim Lens: export format' },
  );
  return picked?.format;
}
