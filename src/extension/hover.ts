import * as vscode from 'vscode';
import { analyze, citedKeyAt, type Claim, type Source } from '../core/index';
import { fixCommandIds } from './fix-commands';
import type { AnalysedDocument, DocumentAnalyses } from './document-analyses';
import { claimExplanationMarkdown, claimHoverMarkdown, claimsAt, keyHoverMarkdown, problemHoverMarkdown } from '../shared/hover-card';

/** Hover cards for claims, citation keys and broken sources, from the cached analysis. */
export class ClaimHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const entry = await this.analyses.ensure(document);
    if (!entry || token.isCancellationRequested || entry.version !== document.version) return undefined;
    const offset = document.offsetAt(position);
    const cards: string[] = [];
    let start = Infinity;
    let end = -Infinity;
    const cover = (range: { start: number; end: number }): void => {
      start = Math.min(start, range.start);
      end = Math.max(end, range.end);
    };
    const uri = document.uri.toString();
    const notesEditable = entry.format === 'markdown' || entry.format === 'mdx' || entry.format === 'html';
    const editNoteLink = (source: Source): string | undefined =>
      notesEditable ? `command:${fixCommandIds.editNote}?${encodeURIComponent(JSON.stringify([{ uri, label: source.label }]))}` : undefined;
    const claims = claimsAt(entry.analysis, offset);
    // The explanation is asked for on hover only: the cached analysis does not record rule firings.
    const explained = claims.length && entry.resolved.settings.explainInHover
      ? analyze(document.getText(), { format: entry.format, settings: entry.resolved.settings, explain: true, ...(entry.bibliography ? { bibliography: entry.bibliography } : {}) })
      : undefined;
    for (const claim of claims) {
      const card = claimHoverMarkdown(claim, { statusShown: hasDiagnostic(entry, claim), editNoteLink });
      const why = explained ? claimExplanationMarkdown(claim, explained, document.getText()) : '';
      cards.push(why ? `${card}\n\n${why}` : card);
      cover(claim.range);
    }
    const cited = citedKeyAt(document.getText(), entry.analysis, offset);
    if (cited && (cited.source.entry || !entry.bibliography)) {
      cards.push(keyHoverMarkdown(cited.key, cited.source.entry, cited.source.entry ? whereDefined(entry, cited.source.entry) : undefined, entry.bibliography !== undefined));
      cover(cited.range);
    }
    for (const problem of entry.analysis.problems) {
      if (problem.range.start <= offset && offset <= problem.range.end) {
        cards.push(problemHoverMarkdown(problem));
        cover(problem.range);
      }
    }
    if (!cards.length) return undefined;
    const markdown = new vscode.MarkdownString(cards.join('\n\n---\n\n'));
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
