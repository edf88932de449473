import * as vscode from 'vscode';
import type { DocumentAnalyses } from './document-analyses';
import { claimHoverMarkdown, claimsAt, problemHoverMarkdown } from './hover-card';

/** Hover cards for claims and broken sources, from the cached analysis. */
export class ClaimHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const entry = await this.analyses.ensure(document);
    if (!entry || token.isCancellationRequested || entry.version !== document.version) return undefined;
    const offset = document.offsetAt(position);
    const cards: string[] = [];
    let start = Infinity;
    let end = -Infinity;
    for (const claim of claimsAt(entry.analysis, offset)) {
      cards.push(claimHoverMarkdown(claim));
      start = Math.min(start, claim.range.start);
      end = Math.max(end, claim.range.end);
    }
    for (const problem of entry.analysis.problems) {
      if (problem.range.start <= offset && offset <= problem.range.end) {
        cards.push(problemHoverMarkdown(problem));
        start = Math.min(start, problem.range.start);
        end = Math.max(end, problem.range.end);
      }
    }
    if (!cards.length) return undefined;
    const markdown = new vscode.MarkdownString(cards.join('\n\n---\n\n'));
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(start), document.positionAt(end)));
  }
}
