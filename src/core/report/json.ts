import { LineIndex } from '../lines';
import type { ClaimKind, ClaimStatus, ProblemCode, SourceKind, SourceVerification, VerificationStatus } from '../types';
import type { ReportFile } from './findings';
import { citedOnlyByNameLinks } from './findings';
import { summarize, type Totals } from './summary';

/** A sentence on one line: the source's line breaks and runs of white space become one space. */
export function flatten(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A source in the JSON report: only the fields the source has, and where it stands. */
export interface JsonSource {
  readonly kind: SourceKind;
  readonly label: string;
  readonly url?: string;
  readonly key?: string;
  readonly title?: string;
  readonly name?: string;
  readonly text?: string;
  /** A link whose text is only a name and whose target is a topic or profile page. */
  readonly weak?: true;
  /** 1-based line and column (UTF-16 code units) where the source's marker starts. */
  readonly line: number;
  readonly column: number;
  /** What checking the source found, when it was checked (`--verify`). */
  readonly verification?: JsonVerification;
}

/** A checked source: its status, the address fetched, the passage or the reason. */
export interface JsonVerification {
  readonly status: VerificationStatus;
  readonly url: string;
  /** The passage that states the figure (`supported`), else null. */
  readonly quote: string | null;
  /** Why it is `unreachable` or `not-checked`, or what was read (`not-found`), else null. */
  readonly reason: string | null;
  /** The figure as the source writes it. */
  readonly figure?: string;
  /** A deep link to the passage. */
  readonly link?: string;
  /** The PDF page of the passage, 1-based. */
  readonly page?: number;
  /** An archived copy of an unreachable source. */
  readonly archived?: string;
}

/** A claim in the JSON report. Lines and columns are 1-based, columns in UTF-16 code units, `endColumn` exclusive. */
export interface JsonClaim {
  readonly text: string;
  readonly kind: ClaimKind;
  readonly value: number | null;
  readonly unit: string | null;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly sentence: string;
  readonly status: ClaimStatus;
  /** "over", "nearly", "about", "超过"…: the qualifier the hover shows, when the claim has one. */
  readonly qualifier?: string;
  /** True when the claim's only links are links on a name (`weak` sources). */
  readonly citedOnlyByNameLinks?: true;
  readonly sources: readonly JsonSource[];
}

/** A problem in the JSON report. */
export interface JsonProblem {
  readonly code: ProblemCode;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** One file in the JSON report. */
export interface JsonFile {
  readonly path: string;
  readonly claims: readonly JsonClaim[];
  readonly problems: readonly JsonProblem[];
}

/** The object `claimlens check --format json` prints (spec, section 5). */
export interface JsonReport {
  readonly files: readonly JsonFile[];
  /** The counts of `summarize`, without the coverage share. */
  readonly summary: Omit<Totals, 'coverage'>;
}

/** The machine-readable report of the spec's section 5: every claim of every file, with its sources, and every problem. */
export function toJsonReport(files: readonly ReportFile[]): JsonReport {
  const { coverage: _coverage, ...summary } = summarize(files);
  return { files: files.map(jsonFile), summary };
}

function jsonFile(file: ReportFile): JsonFile {
  const lines = new LineIndex(file.text);
  const verifications = new Map<string, SourceVerification>();
  for (const v of file.verifications ?? []) verifications.set(`${v.claimId}\u0000${v.sourceId}`, v);
  return {
    path: file.path,
    claims: file.analysis.claims.map((claim) => {
      const start = lines.lineColumn(claim.range.start);
      const end = lines.lineColumn(claim.range.end);
      return {
        text: claim.text,
        kind: claim.kind,
        value: claim.value,
        unit: claim.unit,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        sentence: flatten(claim.sentence),
        status: claim.status,
        ...(claim.qualifier !== undefined ? { qualifier: claim.qualifier } : {}),
        ...(citedOnlyByNameLinks(claim) ? { citedOnlyByNameLinks: true as const } : {}),
        sources: claim.sources.map((source) => ({
          kind: source.kind,
          label: source.label,
          ...(source.url !== undefined ? { url: source.url } : {}),
          ...(source.key !== undefined ? { key: source.key } : {}),
          ...(source.title !== undefined ? { title: source.title } : {}),
          ...(source.name !== undefined ? { name: source.name } : {}),
          ...(source.text !== undefined ? { text: source.text } : {}),
          ...(source.weak ? { weak: true as const } : {}),
          ...lines.lineColumn(source.range.start),
          ...jsonVerification(verifications.get(`${claim.id}\u0000${source.id}`)),
        })),
      };
    }),
    problems: file.analysis.problems.map((problem) => ({
      code: problem.code,
      message: problem.message,
      ...lines.lineColumn(problem.range.start),
    })),
  };
}

function jsonVerification(v: SourceVerification | undefined): { verification?: JsonVerification } {
  if (!v) return {};
  return {
    verification: {
      status: v.status,
      url: v.url,
      quote: v.quote ?? null,
      reason: v.reason ?? null,
      ...(v.figure !== undefined ? { figure: v.figure } : {}),
      ...(v.link !== undefined ? { link: v.link } : {}),
      ...(v.page !== undefined ? { page: v.page } : {}),
      ...(v.archived !== undefined ? { archived: v.archived } : {}),
    },
  };
}
