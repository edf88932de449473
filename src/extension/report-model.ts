import {
  claimSourceSays,
  claimSentence,
  citedOnlyByNameLinks,
  coveragePercent,
  formatClaimValueWithQualifier,
  formatEntry,
  languageOfText,
  linkableUrl,
  LineIndex,
  listedSources,
  sourceSaysByClaim,
  sourceSaysLabels,
  summarize,
  addTotals,
  type Analysis,
  type JsonFile,
  type ClaimKind,
  type ClaimStatus,
  type Source,
  type SourceKind,
  type Totals,
  type SourceVerification,
  type VerificationStatus,
} from '../core/index';
import { describeSource } from '../shared/claim-format';

/** How the report names a source's kind. */
export const sourceKindLabels: Readonly<Record<SourceKind, string>> = {
  link: 'link',
  footnote: 'footnote',
  citation: 'citation',
  textual: 'named',
};

/** A source as the report shows it. */
export interface ReportSource {
  readonly kind: SourceKind;
  /** "link", "footnote", "citation" or "named". */
  readonly kindLabel: string;
  /** What to show: the link text, the footnote's text, the citation's entry, the name. */
  readonly label: string;
  /** Where the source leads, when it is an http, https or mailto URL; any other URL stays in `label` or `text`. */
  readonly url?: string;
  /** The source in one line of plain text, as quick picks and exports write it. */
  readonly text: string;
}

/** A claim as the report shows it. Lines and columns are 1-based. */
export interface ReportClaim {
  readonly id: string;
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly kind: ClaimKind;
  /** The normalised value as the article's language writes it, with its qualifier: "over $40 billion", "two-thirds (0.67)", "1.2万亿元". */
  readonly value: string;
  /** The number behind `value`, for sorting; null when the claim has none. */
  readonly amount: number | null;
  readonly status: ClaimStatus;
  /** "cited only by a link on a name", when its only links are links on a name (weak sources). */
  readonly note?: string;
  readonly sentence: string;
  /** The sources nearest the claim (all of them, unless its sentence holds many). */
  readonly sources: readonly ReportSource[];
  /** How many more sources the claim has than `sources` lists. */
  readonly moreSources?: number;
  /** What checking its sources found, when *Verify Sources* ran on the article as it stands. */
  readonly sourceSays?: ReportSourceSays;
}

/** What the article report shows; kept after rendering so it can be read back. */
export interface ArticleReportModel {
  readonly kind: 'article';
  readonly uri: string;
  /** The file name, or the path relative to its workspace folder. */
  readonly name: string;
  /** The code of the language the article's values are written in. */
  readonly language: string;
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
  /** What its claims' sources say, when *Verify Sources* checked the file as it stands. */
  readonly sourceSays?: SourceSaysCounts;
}

/** How many claims each "Source says" result stands for; `unverified`: claims none of whose sources was checked. */
export type SourceSaysCounts = Readonly<Record<VerificationStatus | 'unverified', number>>;

/** The totals of one folder of the workspace report (its own files, not its subfolders'). */
export interface WorkspaceReportFolder {
  /** The folder's path as the files' paths start with it; "" for the top of the workspace. */
  readonly path: string;
  readonly totals: Totals;
  readonly coverage: number;
  /** Over its files whose sources were checked, when any was. */
  readonly sourceSays?: SourceSaysCounts;
}

/** What the workspace report shows. */
export interface WorkspaceReportModel {
  readonly kind: 'workspace';
  /** Files sorted by uncited claims, most first, then by path. */
  readonly files: readonly WorkspaceReportFile[];
  /** Folders that hold articles, sorted by path. */
  readonly folders: readonly WorkspaceReportFolder[];
  readonly totals: Totals;
  readonly coverage: number;
  /** How many articles the scan found, read or not. */
  readonly found: number;
  /** Files left out, and why (too large, unreadable). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** True when the run was cancelled before every file was read. */
  readonly cancelled: boolean;
  /** How many files *Verify Sources* checked as they stand: the "Source says" column shows when there is one. */
  readonly verified: number;
}

/** A claim's checked sources in a word, for the report's "Source says" column. */
export interface ReportSourceSays {
  /** The best result over the claim's sources: supported, else not-found, unreachable, not-checked. */
  readonly status: VerificationStatus;
  readonly label: string;
  /** The passage, or the reason, for the tooltip. */
  readonly detail: string;
}

/** The "Source says" of one claim from the results of its sources, or undefined when none was checked. */
export function sourceSaysOf(results: readonly SourceVerification[]): ReportSourceSays | undefined {
  const status = claimSourceSays(results);
  if (!status) return undefined;
  const detail = results.filter((r) => r.status === status).map((r) => (r.quote ? `“${r.quote}” (${r.url})` : `${r.url}: ${r.reason ?? status}`)).join('\n');
  return { status, label: sourceSaysLabels[status], detail };
}

/** Builds the article report of one analysed text, with what checking its sources found when given. */
export function buildArticleReport(uri: string, name: string, text: string, analysis: Analysis, verifications: readonly SourceVerification[] = []): ArticleReportModel {
  const lines = new LineIndex(text);
  const totals = summarize([{ analysis }]);
  const language = languageOfText(text);
  return {
    kind: 'article',
    uri,
    name,
    language,
    totals,
    coverage: coveragePercent(totals.coverage),
    claims: analysis.claims.map((claim) => {
      const at = lines.lineColumn(claim.range.start);
      // Bounded per claim: a sentence of many claims and many sources is listed in full nowhere twice.
      const { listed, omitted } = listedSources(claim, analysis.claims);
      return {
        id: claim.id,
        line: at.line,
        column: at.column,
        text: claim.text,
        kind: claim.kind,
        value: formatClaimValueWithQualifier(claim, language),
        amount: claim.value,
        status: claim.status,
        ...(citedOnlyByNameLinks(claim) ? { note: 'cited only by a link on a name' } : {}),
        sentence: claimSentence(claim).replace(/\s+/gu, ' ').trim(),
        sources: listed.map(reportSource),
        ...(omitted ? { moreSources: omitted } : {}),
        ...sayOf(verifications.filter((v) => v.claimId === claim.id)),
      };
    }),
    problems: analysis.problems.map((problem) => ({ code: problem.code, message: problem.message, ...lines.lineColumn(problem.range.start) })),
  };
}

function sayOf(results: readonly SourceVerification[]): { sourceSays?: ReportSourceSays } {
  const says = sourceSaysOf(results);
  return says ? { sourceSays: says } : {};
}

/** A source for the report: its kind in a word, what to show, and where it leads when that is safe to follow. */
export function reportSource(source: Source): ReportSource {
  const text = describeSource(source);
  const base = { kind: source.kind, kindLabel: sourceKindLabels[source.kind], text };
  switch (source.kind) {
    case 'link': {
      const url = linkableUrl(source.url);
      // A link on a name (its text only a name, its target a topic or profile page) is told apart.
      if (source.weak) return { ...base, kindLabel: 'link on a name', label: source.label.trim() || source.url || '(empty link)', ...(url ? { url } : {}) };
      return { ...base, label: source.label.trim() || source.url || '(empty link)', ...(url ? { url } : {}) };
    }
    case 'footnote': {
      const url = linkableUrl(source.url ?? source.urls?.[0]);
      return { ...base, label: `[^${source.label}] ${source.text?.trim() || '(no definition)'}`, ...(url ? { url } : {}) };
    }
    case 'citation': {
      const entry = source.entry;
      const url = linkableUrl(entry?.url ?? (entry?.doi ? `https://doi.org/${entry.doi}` : source.url));
      const key = /^\d+$/u.test(source.key ?? '') ? `[${source.key}]` : `@${source.key ?? source.label}`;
      const said = entry ? formatEntry(entry) : source.text?.trim();
      return { ...base, label: said ? `${key} ${said}` : key, ...(url ? { url } : {}) };
    }
    case 'textual':
      return { ...base, label: source.name ?? source.label };
  }
}

/** The folder part of a workspace-relative path: "desk/a.md" → "desk"; "a.md" → "". */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** One file of the workspace report before it is sorted: its counts, and what its sources say when they were checked. */
export interface WorkspaceReportRow {
  readonly uri: string;
  readonly path: string;
  readonly totals: Totals;
  readonly problems: number;
  readonly sourceSays?: SourceSaysCounts;
}

/** Builds the workspace report from per-file analyses. */
export function buildWorkspaceReport(
  files: readonly { readonly uri: string; readonly path: string; readonly analysis: Analysis; readonly verifications?: readonly SourceVerification[] }[],
  skipped: readonly { readonly path: string; readonly reason: string }[],
  cancelled: boolean,
  found = files.length + skipped.length,
): WorkspaceReportModel {
  const rows = files.map((file): WorkspaceReportRow => {
    const says = file.verifications ? sourceSaysCounts(file.analysis, file.verifications) : undefined;
    return { uri: file.uri, path: file.path, totals: summarize([file]), problems: file.analysis.problems.length, ...(says ? { sourceSays: says } : {}) };
  });
  return workspaceReportOf(rows, skipped, cancelled, found);
}

/**
 * Builds the workspace report from the files of the JSON report (as
 * `claimlens check --format json` prints them), with what checking each
 * file's sources found when it was checked.
 */
export function buildWorkspaceReportFromJson(
  files: readonly { readonly uri: string; readonly report: JsonFile; readonly sourceSays?: SourceSaysCounts }[],
  skipped: readonly { readonly path: string; readonly reason: string }[],
  cancelled: boolean,
  found = files.length + skipped.length,
): WorkspaceReportModel {
  const rows = files.map(({ uri, report, sourceSays }): WorkspaceReportRow => ({
    uri,
    path: report.path,
    totals: summarize([{ analysis: report }]),
    problems: report.problems.length,
    ...(sourceSays ? { sourceSays } : {}),
  }));
  return workspaceReportOf(rows, skipped, cancelled, found);
}

/** Sorts the rows (most uncited claims first, then by path) and adds them up by folder and in all. */
export function workspaceReportOf(
  files: readonly WorkspaceReportRow[],
  skipped: readonly { readonly path: string; readonly reason: string }[],
  cancelled: boolean,
  found = files.length + skipped.length,
): WorkspaceReportModel {
  const rows = files.map((file) => ({ ...file, coverage: coveragePercent(file.totals.coverage) }));
  rows.sort((a, b) => b.totals.uncited - a.totals.uncited || a.path.localeCompare(b.path));
  const byFolder = new Map<string, Totals[]>();
  for (const file of files) {
    const folder = folderOf(file.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file.totals]);
  }
  const saysByFolder = new Map<string, SourceSaysCounts>();
  for (const row of rows) if (row.sourceSays) saysByFolder.set(folderOf(row.path), addCounts(saysByFolder.get(folderOf(row.path)), row.sourceSays));
  const folders = [...byFolder.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, members]) => {
      const folderTotals = addTotals(members);
      const says = saysByFolder.get(path);
      return { path, totals: folderTotals, coverage: coveragePercent(folderTotals.coverage), ...(says ? { sourceSays: says } : {}) };
    });
  const totals = addTotals(files.map((file) => file.totals));
  const verified = rows.filter((row) => row.sourceSays).length;
  return { kind: 'workspace', files: rows, folders, totals, coverage: coveragePercent(totals.coverage), found, skipped, cancelled, verified };
}

/**
 * How many claims of one file of the JSON report each "Source says" result
 * stands for, from what checking the sources of the text `checked` found:
 * a claim is matched to the checked one at the same line and column with
 * the same text; a claim with no match counts as unverified.
 */
export function sourceSaysCountsOf(
  report: JsonFile,
  checked: { readonly text: string; readonly analysis: Analysis; readonly verifications: readonly SourceVerification[] },
): SourceSaysCounts {
  const lines = new LineIndex(checked.text);
  const idAt = new Map<string, string>();
  for (const claim of checked.analysis.claims) {
    const at = lines.lineColumn(claim.range.start);
    idAt.set(`${at.line}:${at.column}:${claim.text}`, claim.id);
  }
  const says = sourceSaysByClaim(checked.verifications);
  const counts = { supported: 0, 'not-found': 0, unreachable: 0, 'not-checked': 0, unverified: 0 };
  for (const claim of report.claims) {
    const id = idAt.get(`${claim.line}:${claim.column}:${claim.text}`);
    counts[(id !== undefined ? says.get(id) : undefined) ?? 'unverified']++;
  }
  return counts;
}

/** How many claims of an analysis each "Source says" result stands for (as the article report says it per claim). */
export function sourceSaysCounts(analysis: Analysis, verifications: readonly SourceVerification[]): SourceSaysCounts {
  const says = sourceSaysByClaim(verifications);
  const counts = { supported: 0, 'not-found': 0, unreachable: 0, 'not-checked': 0, unverified: 0 };
  for (const claim of analysis.claims) counts[says.get(claim.id) ?? 'unverified']++;
  return counts;
}

function addCounts(a: SourceSaysCounts | undefined, b: SourceSaysCounts): SourceSaysCounts {
  if (!a) return b;
  return {
    supported: a.supported + b.supported,
    'not-found': a['not-found'] + b['not-found'],
    unreachable: a.unreachable + b.unreachable,
    'not-checked': a['not-checked'] + b['not-checked'],
    unverified: a.unverified + b.unverified,
  };
}

/** The progress line of a workspace scan: "12 of 1,340 files · desk/budget.md". */
export function progressMessage(n: number, total: number, path: string): string {
  return `${n.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} file${total === 1 ? '' : 's'} · ${path}`;
}
