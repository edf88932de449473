import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { reportableStatuses, type Claim } from '../core';
import { claimCodes, claimMessage, documentationBase, statusOfCode } from '../shared/diagnostic-codes';
import type { DocumentAnalysis } from './analyses';
import type { SeverityChoice, SeverityKind } from './settings';

const severities: Record<Exclude<SeverityChoice, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a Claim Lens diagnostic carries in `data`, so a code action finds its claim without matching text. */
export interface DiagnosticData {
  readonly claimId?: string;
}

/** The source every Claim Lens diagnostic names. */
export const diagnosticSource = 'Claim Lens';

/** A range of the document from 0-based offsets. */
export function rangeOf(document: Pick<TextDocument, 'positionAt'>, start: number, end: number): Diagnostic['range'] {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/**
 * The diagnostics of one analysed document: a claim of each status the
 * `report` setting names, at the severity its setting gives (none when
 * `off`), and every broken source. Uncited claims come first, then the rest
 * in document order, so a client that shows only the first N keeps the
 * ones that matter most.
 */
export function toDiagnostics(
  entry: Pick<DocumentAnalysis, 'uri' | 'analysis' | 'editor'> & { readonly settings: { readonly report: readonly string[] } },
  document: Pick<TextDocument, 'positionAt'>,
): Diagnostic[] {
  const reported = new Set<string>(entry.settings.report.filter((s) => (reportableStatuses as readonly string[]).includes(s)));
  const claims: Diagnostic[] = [];
  const rest: Diagnostic[] = [];
  for (const claim of entry.analysis.claims) {
    if (!reported.has(claim.status)) continue;
    const severity = entry.editor.severity[claim.status as SeverityKind];
    if (severity === 'off') continue;
    const code = claimCodes[claim.status];
    const diagnostic: Diagnostic = {
      range: rangeOf(document, claim.range.start, claim.range.end),
      severity: severities[severity],
      source: diagnosticSource,
      code,
      codeDescription: { href: `${documentationBase}#${code}` },
      message: claimMessage(claim),
      data: { claimId: claim.id } satisfies DiagnosticData,
    };
    if (claim.status === 'ignored') diagnostic.tags = [DiagnosticTag.Unnecessary];
    const named = claim.sources.filter((s) => s.kind === 'textual');
    if (claim.status === 'attributed' && named.length) {
      diagnostic.relatedInformation = named.map((s) => ({
        location: { uri: entry.uri, range: rangeOf(document, s.range.start, s.range.end) },
        message: `Named here: ${s.name ?? s.label}`,
      }));
    }
    (claim.status === 'uncited' ? claims : rest).push(diagnostic);
  }
  const problemSeverity = entry.editor.severity.brokenSource;
  if (problemSeverity !== 'off') {
    for (const problem of entry.analysis.problems) {
      rest.push({
        range: rangeOf(document, problem.range.start, problem.range.end),
        severity: severities[problemSeverity],
        source: diagnosticSource,
        code: problem.code,
        codeDescription: { href: `${documentationBase}#${problem.code}` },
        message: problem.message,
      });
    }
  }
  return [...claims, ...rest.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)];
}

/**
 * The claim a diagnostic stands for: by the id it carries, else by its code
 * and range (clients that drop `data`); either way at the diagnostic's range.
 */
export function claimOfDiagnostic(entry: DocumentAnalysis, document: Pick<TextDocument, 'offsetAt'>, diagnostic: Diagnostic): Claim | undefined {
  if (diagnostic.source !== diagnosticSource) return undefined;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const data = diagnostic.data as DiagnosticData | undefined;
  if (data && typeof data.claimId === 'string') {
    // The id holds only while the claim stands where the diagnostic says: diagnostics may be a version behind.
    const byId = entry.analysis.claims.find((c) => c.id === data.claimId);
    if (byId && byId.range.start === start && byId.range.end === end) return byId;
  }
  const status = statusOfCode(String(diagnostic.code ?? ''));
  if (!status) return undefined;
  return entry.analysis.claims.find((c) => c.status === status && c.range.start === start && c.range.end === end);
}
