import * as vscode from 'vscode';
import { reportableStatuses, type Claim } from '../core/index';
import { claimCodes, claimMessage, codeValue, documentationBase, statusOfCode } from '../shared/diagnostic-codes';
import { chooseShown, rankOfCode } from '../shared/finding-order';
import type { AnalysedDocument, DocumentAnalyses } from './document-analyses';
import type { SeverityChoice, SeverityKind } from './editor-settings';

const severities: Record<Exclude<SeverityChoice, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Publishes every analysed article's findings as diagnostics, and clears
 * them when it closes. VS Code keeps 1,000 diagnostics per file and drops
 * the rest silently; when an article has more, the ones kept are chosen
 * (`chooseShown`: uncited claims first, the nearest the visible range
 * first), chosen again as the view scrolls, and the number left out is
 * kept for the status bar.
 */
export class ClaimDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('claimlens');
  private readonly hidden = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;

  /** Fires when the number of findings not shown for a document changes. */
  readonly onDidChangeHidden = this.changed.event;

  constructor(private readonly analyses: DocumentAnalyses) {
    this.disposables.push(
      this.collection,
      this.changed,
      analyses.onDidAnalyse((entry) => this.publish(entry)),
      analyses.onDidSkip((skip) => this.clear(skip.document.uri)),
      analyses.onDidForget((uri) => this.clear(uri)),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        if (!this.hidden.get(event.textEditor.document.uri.toString())) return;
        clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => {
          const entry = this.analyses.current(event.textEditor.document);
          if (entry) this.publish(entry);
        }, 150);
      }),
    );
  }

  /** How many findings of the document are not shown (0 when all are). */
  hiddenCount(uri: vscode.Uri): number {
    return this.hidden.get(uri.toString()) ?? 0;
  }

  private publish(entry: AnalysedDocument): void {
    const { document } = entry;
    const visible = vscode.window.visibleTextEditors
      .filter((editor) => editor.document.uri.toString() === document.uri.toString())
      .flatMap((editor) => editor.visibleRanges.map((r) => ({ start: document.offsetAt(r.start), end: document.offsetAt(r.end) })));
    const { shown, hidden } = chooseShown(
      toDiagnostics(entry),
      (d) => ({ start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end), rank: rankOfCode(codeValue(d.code) ?? '') }),
      visible,
    );
    this.collection.set(document.uri, [...shown]);
    this.setHidden(document.uri, hidden);
  }

  private clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.setHidden(uri, 0);
  }

  private setHidden(uri: vscode.Uri, count: number): void {
    const key = uri.toString();
    if ((this.hidden.get(key) ?? 0) === count) return;
    if (count) this.hidden.set(key, count);
    else this.hidden.delete(key);
    this.changed.fire(uri);
  }

  dispose(): void {
    clearTimeout(this.scrollTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The diagnostics of one analysed document. */
export function toDiagnostics(entry: AnalysedDocument): vscode.Diagnostic[] {
  const { document, analysis, resolved } = entry;
  const range = (start: number, end: number): vscode.Range => new vscode.Range(document.positionAt(start), document.positionAt(end));
  const reported = new Set<string>(resolved.settings.report.filter((s) => (reportableStatuses as readonly string[]).includes(s)));
  const out: vscode.Diagnostic[] = [];
  for (const claim of analysis.claims) {
    if (!reported.has(claim.status)) continue;
    const severity = resolved.editor.severity[claim.status as SeverityKind];
    if (severity === 'off') continue;
    const diagnostic = new vscode.Diagnostic(range(claim.range.start, claim.range.end), claimMessage(claim), severities[severity]);
    diagnostic.source = 'Claim Lens';
    diagnostic.code = codeOf(claimCodes[claim.status]);
    const named = claim.sources.filter((s) => s.kind === 'textual');
    if (claim.status === 'attributed' && named.length) {
      diagnostic.relatedInformation = named.map(
        (s) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, range(s.range.start, s.range.end)), `Named here: ${s.name ?? s.label}`),
      );
    }
    out.push(diagnostic);
  }
  const problemSeverity = resolved.editor.severity.brokenSource;
  if (problemSeverity !== 'off') {
    for (const problem of analysis.problems) {
      const diagnostic = new vscode.Diagnostic(range(problem.range.start, problem.range.end), problem.message, severities[problemSeverity]);
      diagnostic.source = 'Claim Lens';
      diagnostic.code = codeOf(problem.code);
      out.push(diagnostic);
    }
  }
  return out;
}

function codeOf(value: string): { value: string; target: vscode.Uri } {
  return { value, target: vscode.Uri.parse(`${documentationBase}#${value}`) };
}

/**
 * The claim a Claim Lens diagnostic stands for, found by its code and its
 * range in the analysis of the same document version. Diagnostics come
 * back to code action providers as copies, so identity cannot be used.
 */
export function claimOfDiagnostic(entry: AnalysedDocument, diagnostic: vscode.Diagnostic): Claim | undefined {
  if (diagnostic.source !== 'Claim Lens') return undefined;
  const status = statusOfCode(codeValue(diagnostic.code) ?? '');
  if (!status) return undefined;
  const start = entry.document.offsetAt(diagnostic.range.start);
  const end = entry.document.offsetAt(diagnostic.range.end);
  return entry.analysis.claims.find((c) => c.status === status && c.range.start === start && c.range.end === end);
}
