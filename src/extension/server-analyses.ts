import * as vscode from 'vscode';
import type { Analysis, BibEntry, Bibliography, Format, Settings } from '../core/index';
import type { DocumentAnalysisResult, NotAnalysedReason } from '../server/protocol';
import type { ClaimLensClient } from './client';

/** A document's analysis at one version, as the language server made it. */
export interface AnalysedDocument {
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly format: Format;
  readonly analysis: Analysis;
  /** The settings it was analysed with: VS Code's and the nearest `.claimlensrc.*` merged. */
  readonly settings: Settings;
  /** The article's bibliography, when it names one. */
  readonly bibliography?: Bibliography;
  /** The `.claimlensrc.*` file that applies, if any. */
  readonly configFile?: vscode.Uri;
}

/**
 * The analyses of open documents, asked of the language server: the views
 * of the extension (reports, export, navigation, the walkthrough, the quick
 * fixes that ask the writer, Verify Sources) read them here. The last one
 * of each document is kept for its version; the server's status
 * notifications say when a newer one is there.
 */
export class ServerAnalyses implements vscode.Disposable {
  private readonly cache = new Map<string, AnalysedDocument>();
  private readonly notAnalysed = new Map<string, NotAnalysedReason>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Fires when the server analysed a document again (or could not). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: ClaimLensClient) {
    this.disposables.push(
      this.changed,
      client.onDidChangeStatus((status) => {
        if (status.notAnalysed) this.notAnalysed.set(status.uri, status.notAnalysed);
        else this.notAnalysed.delete(status.uri);
        this.changed.fire(vscode.Uri.parse(status.uri));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cache.delete(d.uri.toString());
        this.notAnalysed.delete(d.uri.toString());
      }),
    );
  }

  /** The analysis of `document` at its current version, if one was fetched. */
  current(document: vscode.TextDocument): AnalysedDocument | undefined {
    const entry = this.cache.get(document.uri.toString());
    return entry && entry.version === document.version ? entry : undefined;
  }

  /** The analysis of `document` at its current version; undefined when it is no article, or was not analysed. */
  async ensure(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<AnalysedDocument | undefined> {
    const cached = this.current(document);
    if (cached) return cached;
    if (!this.client.reads(document)) return undefined;
    const key = document.uri.toString();
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await this.client.analysisOf(document.uri, token);
      if (!result) return undefined;
      if ('notAnalysed' in result) {
        this.notAnalysed.set(key, result.notAnalysed);
        return undefined;
      }
      this.notAnalysed.delete(key);
      // The document moved on while the server worked: ask again for the version it is now.
      if (result.version !== document.version) continue;
      const entry = toEntry(document, result);
      this.cache.set(key, entry);
      return entry;
    }
    return undefined;
  }

  /** Why the server did not analyse an article (too large, over the time limit), if it said so. */
  notAnalysedOf(document: vscode.TextDocument): NotAnalysedReason | undefined {
    return this.notAnalysed.get(document.uri.toString());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function toEntry(document: vscode.TextDocument, result: DocumentAnalysisResult): AnalysedDocument {
  return {
    document,
    version: result.version,
    format: result.format,
    analysis: result.analysis,
    settings: result.settings,
    ...(result.bibliography ? { bibliography: bibliographyOf(result.bibliography) } : {}),
    ...(result.configFile ? { configFile: vscode.Uri.parse(result.configFile) } : {}),
  };
}

/** The entries the server sent, as the core's `Bibliography`. */
function bibliographyOf(entries: readonly BibEntry[]): Bibliography {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  return { lookup: (key) => byKey.get(key), entries: () => entries };
}
