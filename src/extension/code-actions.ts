import * as vscode from 'vscode';
import { ignoreClaim } from '../core/index';
import { codeValue } from '../shared/diagnostic-codes';
import { claimOfDiagnostic } from './diagnostics';
import type { DocumentAnalyses } from './document-analyses';
import { fixCommandIds, sourceChoices, workspaceEditOf, type FixArgs } from './fix-commands';

const fixableCodes = new Set(['uncited-claim', 'attributed-claim']);

/** Titles of the quick fixes, shared with the tests that look for them. */
export const fixTitles = {
  cite: 'Cite a source already in this article…',
  add: 'Add a new source…',
  ignore: 'Ignore this claim',
} as const;

/**
 * Quick fixes on uncited and attributed claims. The claim is found from the
 * diagnostic's code and range in the cached analysis; detection never runs
 * again here.
 */
export class ClaimCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const ours = context.diagnostics.filter((d) => d.source === 'Claim Lens' && fixableCodes.has(codeValue(d.code) ?? ''));
    if (!ours.length) return [];
    const entry = await this.analyses.ensure(document);
    if (!entry || token.isCancellationRequested) return [];
    const hasSources = sourceChoices(entry).length > 0;
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const claim = claimOfDiagnostic(entry, diagnostic);
      if (!claim) continue;
      const args: FixArgs = { uri: document.uri.toString(), claimId: claim.id };
      const make = (title: string): vscode.CodeAction => {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        return action;
      };
      if (hasSources) {
        const cite = make(fixTitles.cite);
        cite.command = { command: fixCommandIds.citeExistingSource, title: fixTitles.cite, arguments: [args] };
        cite.isPreferred = true;
        actions.push(cite);
      }
      const add = make(fixTitles.add);
      add.command = { command: fixCommandIds.addSource, title: fixTitles.add, arguments: [args] };
      actions.push(add);
      const ignore = make(fixTitles.ignore);
      const fix = ignoreClaim(document.getText(), claim, entry.format, entry.analysis.claims);
      if (fix.kind === 'edit') ignore.edit = workspaceEditOf(document, fix.edits);
      else ignore.command = { command: fixCommandIds.ignoreClaim, title: fixTitles.ignore, arguments: [args] };
      actions.push(ignore);
    }
    return actions;
  }
}
