import { citedOnlyByNameLinks, coveragePercent, LineIndex, summarize, type Analysis, type ClaimStatus, type SourceKind, type Totals } from '../core/index';
import { describeClaim, describeSource } from './claim-format';

/** A claim as the report shows it. Lines and columns are 1-based. */
export interface ReportClaim {
  readonly id: string;
  readonly line: number;
  readonly column: number;
  readonly text: string;
  /** "money · US$ 40,000,000,000 · qualifier: over" */
  readonly value: string;
  readonly status: ClaimStatus;
  /** "cited only by a link on a name", when its only links are links on a name. */
  readonly note?: string;
  readonly sentence: string;
  readonly sources: readonly { readonly kind: SourceKind; readonly text: string }[];
}

/** What the article report shows; kept after rendering so it can be read back. */
export interface ArticleReportModel {
  readonly kind: 'article';
  readonly uri: string;
  /** The file name, or the path relative to its workspace folder. */
  readonly name: string;
  readonly totals: Totals;
  /** Whole percent of claims (ignored ones aside) that name a source. */
  readonly coverage: number;
  readonly claims: readonly ReportClaim[];
  readonly problems: readonly { readonly code: string; readonly message: string; readonly line: number; readonly column: number }[];
}

/** One file of the workspace report. */
export interface WorkspaceReportFile {
  readonly uri: string;
  readonly path: string;
  readonly totals: Totals;
  readonly coverage: number;
  readonly problems: number;
}

/** What the workspace report shows. */
export interface WorkspaceReportModel {
  readonly kind: 'workspace';
  /** Files sorted by uncited claims, most first, then by path. */
  readonly files: readonly WorkspaceReportFile[];
  readonly totals: Totals;
  readonly coverage: number;
  /** Files left out, and why (too large, unreadable). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** True when the run was cancelled before every file was read. */
  readonly cancelled: boolean;
}

/** Builds the article report of one analysed text. */
export function buildArticleReport(uri: string, name: string, text: string, analysis: Analysis): ArticleReportModel {
  const lines = new LineIndex(text);
  const totals = summarize([{ analysis }]);
  return {
    kind: 'article',
    uri,
    name,
    totals,
    coverage: coveragePercent(totals.coverage),
    claims: analysis.claims.map((claim) => {
      const at = lines.lineColumn(claim.range.start);
      return {
        id: claim.id,
        line: at.line,
        column: at.column,
        text: claim.text,
        value: describeClaim(claim),
        status: claim.status,
        ...(citedOnlyByNameLinks(claim) ? { note: 'cited only by a link on a name' } : {}),
        sentence: claim.sentence,
        sources: claim.sources.map((source) => ({ kind: source.kind, text: describeSource(source) })),
      };
    }),
    problems: analysis.problems.map((problem) => ({ code: problem.code, message: problem.message, ...lines.lineColumn(problem.range.start) })),
  };
}

/** Builds the workspace report from per-file results. */
export function buildWorkspaceReport(
  files: readonly { readonly uri: string; readonly path: string; readonly analysis: Analysis }[],
  skipped: readonly { readonly path: string; readonly reason: string }[],
  cancelled: boolean,
): WorkspaceReportModel {
  const rows = files.map((file) => {
    const totals = summarize([file]);
    return { uri: file.uri, path: file.path, totals, coverage: coveragePercent(totals.coverage), problems: file.analysis.problems.length };
  });
  rows.sort((a, b) => b.totals.uncited - a.totals.uncited || a.path.localeCompare(b.path));
  const totals = summarize(files);
  return { kind: 'workspace', files: rows, totals, coverage: coveragePercent(totals.coverage), skipped, cancelled };
}
