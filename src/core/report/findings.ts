import { LineIndex } from '../lines';
import { defaultSettings, type Settings } from '../settings';
import type { Analysis, Claim, ClaimStatus, LineColumn, Problem, ProblemCode, Range, Source, SourceVerification } from '../types';

/** One analysed file, as every report takes it. */
export interface ReportFile {
  /** The path to show: relative to the working folder, with `/` separators. */
  readonly path: string;
  /** The analysed text (offsets in `analysis` index into it). */
  readonly text: string;
  readonly analysis: Analysis;
  /** The file's settings: `report` picks the statuses shown as findings, `scope` words the messages. Defaults when omitted. */
  readonly settings?: Pick<Settings, 'report' | 'scope'>;
  /** What checking the cited sources found, when they were checked (`claimlens check --verify`). */
  readonly verifications?: readonly SourceVerification[];
}

/** How serious a finding is, as editors and problem matchers name it. */
export type Severity = 'error' | 'warning' | 'info';

/** Codes of findings about claims, one per status. */
export type ClaimFindingCode = 'uncited-claim' | 'attributed-claim' | 'cited-claim' | 'ignored-claim';

/** Codes of findings about checked sources. */
export type VerificationFindingCode = 'figure-not-in-source' | 'dead-source' | 'source-not-checked';

/** Every finding code: a claim's status, a problem's code or a checked source's. */
export type FindingCode = ClaimFindingCode | ProblemCode | VerificationFindingCode;

/** A claim or problem worth showing: a CLI line, a diagnostic, a SARIF result. */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** A sentence a writer understands. */
  readonly message: string;
  /** 0-based UTF-16 offsets into the file's text; `end` exclusive. */
  readonly range: Range;
  /** 1-based line and column (UTF-16 code units) of `range.start`. */
  readonly start: LineColumn;
  /** 1-based line and exclusive column of `range.end`. */
  readonly end: LineColumn;
  /** The claim, for claim findings. */
  readonly claim?: Claim;
  /** The problem, for problem findings. */
  readonly problem?: Problem;
  /** The check of a cited source, for verification findings. */
  readonly verification?: SourceVerification;
}

/** What each finding code means, for help texts and SARIF rules. */
export interface Rule {
  readonly id: FindingCode;
  /** PascalCase name, as SARIF rules carry. */
  readonly name: string;
  readonly severity: Severity;
  readonly description: string;
}

const claimCodes: Record<ClaimStatus, ClaimFindingCode> = {
  uncited: 'uncited-claim',
  attributed: 'attributed-claim',
  cited: 'cited-claim',
  ignored: 'ignored-claim',
};

const ruleTable: Record<FindingCode, Omit<Rule, 'id'>> = {
  'uncited-claim': {
    name: 'UncitedClaim',
    severity: 'warning',
    description: 'A numeric claim with no link, footnote, citation or named source where it stands.',
  },
  'attributed-claim': {
    name: 'AttributedClaim',
    severity: 'info',
    description: 'A numeric claim attributed to a named source in words, with no link, footnote or citation.',
  },
  'cited-claim': {
    name: 'CitedClaim',
    severity: 'info',
    description: 'A numeric claim backed by a link, footnote or citation.',
  },
  'ignored-claim': {
    name: 'IgnoredClaim',
    severity: 'info',
    description: 'A numeric claim the writer chose to ignore, by an ignore comment or setting.',
  },
  'missing-footnote': {
    name: 'MissingFootnote',
    severity: 'warning',
    description: 'A footnote reference with no definition.',
  },
  'duplicate-footnote': {
    name: 'DuplicateFootnote',
    severity: 'warning',
    description: 'A footnote defined more than once.',
  },
  'empty-link': {
    name: 'EmptyLink',
    severity: 'warning',
    description: 'A link with no destination.',
  },
  'unknown-citation-key': {
    name: 'UnknownCitationKey',
    severity: 'warning',
    description: 'A citation key that no bibliography holds.',
  },
  'missing-bibliography': {
    name: 'MissingBibliography',
    severity: 'warning',
    description: 'A bibliography file that cannot be found.',
  },
  'bibliography-error': {
    name: 'BibliographyError',
    severity: 'warning',
    description: 'A bibliography file that cannot be read or parsed.',
  },
  'figure-not-in-source': {
    name: 'FigureNotInSource',
    severity: 'warning',
    description: 'A cited source was read, and the claim\'s figure is not in it.',
  },
  'dead-source': {
    name: 'DeadSource',
    severity: 'warning',
    description: 'A cited source cannot be reached: gone (404, 410), no such host, or no answer in time.',
  },
  'source-not-checked': {
    name: 'SourceNotChecked',
    severity: 'info',
    description: 'A cited source could not be read: a paywall, a login, a bot wall or a format Claim Lens does not read.',
  },
};

/** Every rule, claim statuses first, then problem codes; the order is stable. */
export const rules: readonly Rule[] = Object.entries(ruleTable).map(([id, rule]) => ({ id: id as FindingCode, ...rule }));

/** The finding code of a claim status (`uncited` → `uncited-claim`). */
export function findingCodeOf(status: ClaimStatus): ClaimFindingCode {
  return claimCodes[status];
}

/**
 * The findings of one file, in text order: claims whose status is in the
 * file's `settings.report` (default: uncited and attributed), and every
 * problem. Uncited claims and problems are warnings; the rest are info.
 */
export function findingsOf(file: ReportFile, lines: LineIndex = new LineIndex(file.text)): Finding[] {
  const settings = file.settings ?? defaultSettings;
  const reported = new Set<ClaimStatus>(settings.report);
  const findings: Finding[] = [];
  const at = (range: Range) => ({ range, start: lines.lineColumn(range.start), end: lines.lineColumn(range.end) });
  for (const claim of file.analysis.claims) {
    if (!reported.has(claim.status)) continue;
    const code = claimCodes[claim.status];
    findings.push({ code, severity: ruleTable[code].severity, message: claimMessage(claim, settings.scope), ...at(claim.range), claim });
  }
  for (const problem of file.analysis.problems) {
    findings.push({ code: problem.code, severity: ruleTable[problem.code].severity, message: problem.message, ...at(problem.range), problem });
  }
  const sources = new Map<number, Source>();
  for (const source of file.analysis.sources) sources.set(source.id, source);
  const claims = new Map<string, Claim>();
  for (const claim of file.analysis.claims) claims.set(claim.id, claim);
  const sourcesReported = new Set<number>();
  for (const verification of file.verifications ?? []) {
    const code = verificationCodes[verification.status];
    if (!code) continue;
    const claim = claims.get(verification.claimId);
    const source = sources.get(verification.sourceId);
    if (code === 'figure-not-in-source') {
      if (!claim) continue;
      findings.push({ code, severity: ruleTable[code].severity, message: verificationMessage(verification, claim), ...at(claim.range), claim, verification });
      continue;
    }
    // A dead or unreadable source is one finding where it stands, however many claims cite it.
    if (!source || sourcesReported.has(source.id)) continue;
    sourcesReported.add(source.id);
    findings.push({ code, severity: ruleTable[code].severity, message: verificationMessage(verification, claim), ...at(source.range), verification });
  }
  // Stable: a claim and a problem at the same offset keep claims first.
  return findings.sort((a, b) => a.range.start - b.range.start);
}

/**
 * Whether a claim's only links, notes and citations are links on a name
 * (`Source.weak`): "Yahoo" linking to a topic page. Such a claim is cited
 * when the `linkSources` setting is `any`, attributed when it is `strong`.
 */
export function citedOnlyByNameLinks(claim: Pick<Claim, 'sources'>): boolean {
  let weak = false;
  for (const s of claim.sources) {
    if (s.kind === 'textual') continue;
    if (!s.weak) return false;
    weak = true;
  }
  return weak;
}

const verificationCodes: Partial<Record<SourceVerification['status'], VerificationFindingCode>> = {
  'not-found': 'figure-not-in-source',
  unreachable: 'dead-source',
  'not-checked': 'source-not-checked',
};

/**
 * The message of a verification finding, e.g. `Figure "38,210" is not in its
 * source https://…` or `Source https://… cannot be reached: HTTP 404.`
 */
export function verificationMessage(verification: SourceVerification, claim?: Claim): string {
  const why = verification.reason ? `: ${verification.reason}` : '';
  switch (verification.status) {
    case 'not-found':
      return `Figure "${shorten(claim?.text ?? '')}" is not in its source ${verification.url}${why}.`;
    case 'unreachable':
      return `Source ${verification.url} cannot be reached${why}.${verification.archived ? ` An archived copy: ${verification.archived}` : ''}`;
    case 'not-checked':
      return `Source ${verification.url} was not checked${why}.`;
    case 'supported':
      return `Source ${verification.url} states "${shorten(verification.figure ?? '')}"${verification.page ? ` on page ${verification.page}` : ''}.`;
  }
}

/** The message of a claim finding, e.g. `Uncited claim "$40 billion": no link, footnote or citation in its sentence.` */
export function claimMessage(claim: Claim, scope: Settings['scope'] = 'sentence'): string {
  const quoted = `"${shorten(claim.text)}"`;
  switch (claim.status) {
    case 'uncited':
      return `Uncited claim ${quoted}: no link, footnote or citation in its ${scope}.`;
    case 'attributed':
      if (citedOnlyByNameLinks(claim)) {
        return `Claim ${quoted} is cited only by a link on a name (${describeSources(claim.sources.filter((s) => s.weak))}), which leads to no evidence for it.`;
      }
      return `Claim ${quoted} is attributed to ${namesOf(claim.sources)}, but no link, footnote or citation backs it.`;
    case 'cited':
      if (citedOnlyByNameLinks(claim)) return `Claim ${quoted} is cited only by a link on a name: ${describeSources(claim.sources.filter((s) => s.weak))}.`;
      return `Claim ${quoted} is cited: ${describeSources(claim.sources.filter((s) => s.kind !== 'textual'))}.`;
    case 'ignored':
      return `Claim ${quoted} is ignored.`;
  }
}

function namesOf(sources: readonly Source[]): string {
  const names = [...new Set(sources.map((s) => shorten(s.name ?? s.label)).filter(Boolean))];
  return names.length ? joinWords(names.map((n) => n)) : 'a named source';
}

/** A short description of sources, as a writer reads it: `link to https://…, footnote [^2]`. */
export function describeSources(sources: readonly Source[]): string {
  const parts = sources.map(describeSource);
  if (parts.length <= 3) return parts.join(', ') || 'no source';
  return `${parts.slice(0, 3).join(', ')} and ${parts.length - 3} more`;
}

/** One source in a few words: `link to URL`, `footnote [^2]`, `citation @key`, `McKinsey`. */
export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'link':
      return source.url ? `link to ${source.url}` : `link "${shorten(source.label)}"`;
    case 'footnote':
      return `footnote [^${source.label}]`;
    case 'citation':
      return /^\d+$/.test(source.key ?? '') ? `reference [${source.key}]` : `citation @${source.key ?? source.label}`;
    case 'textual':
      return shorten(source.name ?? source.label);
  }
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Collapses white space and cuts long text to `max` characters with an ellipsis. */
export function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
