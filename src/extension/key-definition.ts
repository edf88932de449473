import * as vscode from 'vscode';
import { citedKeyAt } from '../core/index';
import type { Bibliographies } from './bibliographies';
import type { DocumentAnalyses } from './document-analyses';

/** Go to Definition on a citation key: the entry's line in its `.bib`, `.json` or `.yaml` file (or the front matter). */
export class CitationDefinitionProvider implements vscode.DefinitionProvider {
  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly bibliographies: Bibliographies,
  ) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.LocationLink[] | undefined> {
    const entry = await this.analyses.ensure(document);
    if (!entry || token.isCancellationRequested || entry.version !== document.version) return undefined;
    const cited = citedKeyAt(document.getText(), entry.analysis, document.offsetAt(position));
    const bibEntry = cited?.source.entry;
    if (!cited || !bibEntry || bibEntry.file === undefined) return undefined;
    const origin = new vscode.Range(document.positionAt(cited.range.start), document.positionAt(cited.range.end));
    let target = this.bibliographies.rangeOf(bibEntry);
    if (!target && bibEntry.file === document.uri.toString() && bibEntry.offset !== undefined) {
      const at = document.positionAt(bibEntry.offset);
      target = { uri: document.uri, range: new vscode.Range(at, document.lineAt(at.line).range.end) };
    }
    if (!target && bibEntry.line !== undefined) {
      target = { uri: vscode.Uri.parse(bibEntry.file), range: new vscode.Range(bibEntry.line - 1, 0, bibEntry.line - 1, 0) };
    }
    if (!target) return undefined;
    return [{ originSelectionRange: origin, targetUri: target.uri, targetRange: target.range, targetSelectionRange: target.range }];
  }
}
