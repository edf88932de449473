import { LineIndex } from '../lines';
import type { ClaimKind, ClaimStatus, ProblemCode, SourceKind, SourceVerification, VerificationStatus } from '../types';
import type { ReportFile } from './findings';
import { claimSentence, listedSources } from './shared-sentence';
import { citedOnlyByNameLinks } from './findings';
import { addTotals, summarize, type Totals } from './summary';

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
  /** The claim's sources; when its sentence holds many, the few nearest to it. */
  readonly sources: readonly JsonSource[];
  /** How many sources of the claim are not listed in `sources` (present only when some are not). */
  readonly moreSources?: number;
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

/**
 * One file of the JSON report as text, as it stands in the report the CLI
 * prints (`JSON.stringify(report, null, 2)`: indented two levels, in the
 * `files` list).
 */
export function jsonFileText(file: ReportFile): string {
  // Stringified where it stands in the report, so that it is indented as there; then cut out.
  const text = JSON.stringify({ files: [jsonFile(file)] }, null, 2);
  return text.slice(filesHead.length, text.length - filesTail.length);
}

const filesHead = '{\n  "files": [\n';
const filesTail = '\n  ]\n}';

/**
 * Files rendered for the JSON report: their texts (`jsonFileText`) and
 * their totals, all the report needs of them. Worker threads render the
 * files they analyse and send this, so that the thread that prints only
 * joins texts and adds totals.
 */
export interface RenderedJson {
  readonly texts: readonly string[];
  readonly totals: Totals;
}

/** Renders `files` for the JSON report. */
export function renderJson(files: readonly ReportFile[]): RenderedJson {
  return { texts: files.map(jsonFileText), totals: summarize(files) };
}

/** Files rendered apart, in order, as one: their texts one after the other, their totals added. */
export function joinRendered(parts: readonly RenderedJson[]): RenderedJson {
  return { texts: parts.flatMap((part) => part.texts), totals: addTotals(parts.map((part) => part.totals)) };
}

/**
 * The JSON report as `JSON.stringify(toJsonReport(files), null, 2)` gives
 * it, byte for byte, in pieces to write one after the other (the report of
 * many files is larger than one string should be), from the files or from
 * their rendering.
 */
export function jsonReportText(files: readonly ReportFile[] | RenderedJson): string[] {
  const { texts, totals } = 'texts' in files ? files : renderJson(files);
  const frame = jsonReportFrame(totals, texts.length);
  const pieces: string[] = [frame.head];
  texts.forEach((text, i) => pieces.push(i ? `${frame.separator}${text}` : text));
  pieces.push(frame.tail);
  return pieces;
}

/**
 * What stands around the files' texts in the JSON report of `count` files
 * with these totals: the report is `head`, the texts with `separator`
 * between them, then `tail`.
 */
export function jsonReportFrame(totals: Totals, count: number): { readonly head: string; readonly separator: string; readonly tail: string } {
  const { coverage: _coverage, ...summary } = totals;
  const summaryText = JSON.stringify(summary, null, 2).replace(/\n/gu, '\n  ');
  if (!count) return { head: `{\n  "files": [],\n  "summary": ${summaryText}\n}`, separator: '', tail: '' };
  return { head: '{\n  "files": [\n', separator: ',\n', tail: `\n  ],\n  "summary": ${summaryText}\n}` };
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
      const { listed, omitted } = listedSources(claim, file.analysis.claims);
      return {
        text: claim.text,
        kind: claim.kind,
        value: claim.value,
        unit: claim.unit,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        sentence: flatten(claimSentence(claim)),
        status: claim.status,
        ...(claim.qualifier !== undefined ? { qualifier: claim.qualifier } : {}),
        ...(citedOnlyByNameLinks(claim) ? { citedOnlyByNameLinks: true as const } : {}),
        ...(omitted ? { moreSources: omitted } : {}),
        sources: listed.map((source) => ({
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
