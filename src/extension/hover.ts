import * as vscode from 'vscode';
import type { Claim, Source } from '../core/index';
import { fixCommandIds } from './fix-commands';
import type { AnalysedDocument, DocumentAnalyses } from './document-analyses';
import { hoverCardsAt } from '../shared/hover-card';

/** Hover cards for claims, citation keys and broken sources, from the cached analysis. */
export class ClaimHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const entry = await this.analyses.ensure(document);
    if (!entry || token.isCancellationRequested || entry.version !== document.version) return undefined;
    const uri = document.uri.toString();
    const notesEditable = entry.format === 'markdown' || entry.format === 'mdx' || entry.format === 'html';
    const hover = hoverCardsAt({
      text: document.getText(),
      format: entry.format,
      settings: entry.resolved.settings,
      analysis: entry.analysis,
      bibliography: entry.bibliography,
      statusShown: (claim) => hasDiagnostic(entry, claim),
      whereDefined: (bibEntry) => whereDefined(entry, bibEntry),
      editNoteLink: (source: Source) =>
        notesEditable ? `command:${fixCommandIds.editNote}?${encodeURIComponent(JSON.stringify([{ uri, label: source.label }]))}` : undefined,
    }, document.offsetAt(position));
    if (!hover) return undefined;
    const { start, end } = hover;
    const markdown = new vscode.MarkdownString(hover.markdown);
    // Only the note editor may run from a link; every article string in the card is escaped.
    markdown.isTrusted = { enabledCommands: [fixCommandIds.editNote] };
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(start), document.positionAt(end)));
  }
}

/** Whether the claim has a diagnostic, which the same hover shows with its message. */
function hasDiagnostic(entry: AnalysedDocument, claim: Claim): boolean {
  const status = claim.status;
  return (entry.resolved.settings.report as readonly string[]).includes(status) && entry.resolved.editor.severity[status] !== 'off';
}

/** "references/milling.bib, line 1": where an entry stands, relative to the workspace. */
export function whereDefined(entry: AnalysedDocument, bibEntry: { file?: string; line?: number }): string | undefined {
  if (bibEntry.file === undefined) return undefined;
  const uri = vscode.Uri.parse(bibEntry.file);
  const name = uri.toString() === entry.document.uri.toString() ? 'this article’s front matter' : vscode.workspace.asRelativePath(uri, false);
  return bibEntry.line === undefined ? name : `${name}, line ${bibEntry.line}`;
}
