import * as vscode from 'vscode';
import type { ServerAnalyses } from './server-analyses';

/**
 * Moves the cursor to the next (or previous) uncited claim of the active
 * article, wrapping around; resolves to the claim's id, or undefined when
 * there is none.
 */
export async function goToUncitedClaim(analyses: ServerAnalyses, direction: 1 | -1): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const entry = await analyses.ensure(editor.document);
  const uncited = entry?.analysis.claims.filter((c) => c.status === 'uncited') ?? [];
  if (!entry || !uncited.length) {
    vscode.window.setStatusBarMessage('Claim Lens: no uncited claims in this article', 3000);
    return undefined;
  }
  // From the selection's start, so a selected claim counts as where the cursor is.
  const offset = editor.document.offsetAt(editor.selection.start);
  const target = direction === 1
    ? uncited.find((c) => c.range.start > offset) ?? uncited[0]
    : [...uncited].reverse().find((c) => c.range.start < offset) ?? uncited[uncited.length - 1];
  const range = new vscode.Range(editor.document.positionAt(target.range.start), editor.document.positionAt(target.range.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return target.id;
}
