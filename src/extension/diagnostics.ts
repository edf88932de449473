import * as vscode from 'vscode';
import { reportableStatuses, type Claim } from '../core/index';
import { claimCodes, claimMessage, codeValue, documentationBase, statusOfCode } from '../shared/diagnostic-codes';
import type { AnalysedDocument, DocumentAnalyses } from './document-analyses';
import type { SeverityChoice, SeverityKind } from './editor-settings';

const severities: Record<Exclude<SeverityChoice, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Publishes every analysed article's findings as diagnostics, and clears them when it closes. */
export function registerDiagnostics(analyses: DocumentAnalyses): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('claimlens');
  return vscode.Disposable.from(
    collection,
    analyses.onDidAnalyse((entry) => collection.set(entry.document.uri, toDiagnostics(entry))),
    analyses.onDidSkip((skip) => collection.delete(skip.document.uri)),
    analyses.onDidForget((uri) => collection.delete(uri)),
  );
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
