import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver';
import type { TextChange } from '../core';

/** An open document, and the edits made to it since it was last analysed. */
export interface OpenDocument {
  readonly document: TextDocument;
  /** Edits since the last analysis, as 0-based offsets into the text before each; undefined: analyse afresh. */
  changes?: TextChange[];
}

/**
 * The documents a client has open, kept in step with incremental
 * `didChange` notifications. Each edit is recorded as offsets too, so the
 * analyser can re-use the parts of the document it did not touch.
 */
export class OpenDocuments {
  private readonly open = new Map<string, OpenDocument>();

  get(uri: string): OpenDocument | undefined {
    return this.open.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.open.values()];
  }

  didOpen(params: DidOpenTextDocumentParams): OpenDocument {
    const { uri, languageId, version, text } = params.textDocument;
    const entry: OpenDocument = { document: TextDocument.create(uri, languageId, version, text) };
    this.open.set(uri, entry);
    return entry;
  }

  didChange(params: DidChangeTextDocumentParams): OpenDocument | undefined {
    const entry = this.open.get(params.textDocument.uri);
    if (!entry) return undefined;
    let document = entry.document;
    let changes = entry.changes;
    for (const change of params.contentChanges) {
      if ('range' in change) {
        const start = document.offsetAt(change.range.start);
        const end = document.offsetAt(change.range.end);
        changes?.push({ start, end, text: change.text });
      } else {
        changes = undefined; // the whole text: nothing to re-use
      }
      // Each change applies to the text the previous one left.
      document = TextDocument.update(document, [change], params.textDocument.version);
    }
    const updated: OpenDocument = { document, ...(changes ? { changes } : {}) };
    this.open.set(params.textDocument.uri, updated);
    return updated;
  }

  /**
   * The edits since the last call (undefined when the document must be
   * analysed afresh), and from now on records the next ones.
   */
  takeChanges(uri: string): TextChange[] | undefined {
    const entry = this.open.get(uri);
    if (!entry) return undefined;
    const changes = entry.changes;
    entry.changes = [];
    return changes;
  }

  didClose(uri: string): void {
    this.open.delete(uri);
  }
}
