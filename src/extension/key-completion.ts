import * as vscode from 'vscode';
import { keyCompletionAt } from '../core/index';
import type { DocumentAnalyses } from './document-analyses';
import { authorsAndYear } from '../shared/claim-format';
import { entryMarkdown } from '../shared/hover-card';

/**
 * Completes citation keys after `[@` and `@` in Markdown articles (not in
 * code, front matter, HTML or e-mail addresses) from the article's
 * bibliography. Each item shows authors and year beside the key and the
 * whole reference as its documentation; typing an author's name or a word
 * of the title finds the key too.
 */
export class CitationCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['@'];

  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    // The bibliography seldom changes with a keystroke: the last analysis will do when the current one is not ready.
    const entry = this.analyses.latest(document) ?? (await this.analyses.ensure(document));
    if (!entry?.bibliography || token.isCancellationRequested) return undefined;
    const offset = document.offsetAt(position);
    const at = keyCompletionAt(document.getText(), offset, entry.format);
    if (!at) return undefined;
    const replacing = new vscode.Range(document.positionAt(at.range.start), document.positionAt(at.range.end));
    const inserting = new vscode.Range(replacing.start, position);
    const items: vscode.CompletionItem[] = [];
    for (const bibEntry of entry.bibliography.entries()) {
      const description = authorsAndYear(bibEntry);
      const item = new vscode.CompletionItem({ label: bibEntry.key, ...(description ? { description } : {}) }, vscode.CompletionItemKind.Reference);
      item.detail = [description, bibEntry.title].filter((p) => p !== undefined && p !== '').join(' — ');
      const documentation = new vscode.MarkdownString(entryMarkdown(bibEntry));
      documentation.isTrusted = false;
      documentation.supportHtml = false;
      item.documentation = documentation;
      item.filterText = [bibEntry.key, ...bibEntry.authors, bibEntry.year, bibEntry.title].filter((p) => p !== undefined && p !== '').join(' ');
      item.insertText = bibEntry.key;
      item.range = { inserting, replacing };
      items.push(item);
    }
    return items;
  }
}
