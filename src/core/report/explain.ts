import { LineIndex } from '../lines';
import { namedRules, ruleById } from '../rules';
import type { RuleInfo } from '../claims/rules/types';
import type { Analysis, Claim, RuleFiring, Source } from '../types';
import type { ReportFile } from './findings';
import { formatClaimValueWithQualifier, languageOfText } from './values';

/** What one rule did, in words: "widened by qualifier-before: A qualifier before …". */
function ruleLine(firing: RuleFiring, text: string): string {
  const rule = ruleById(firing.rule);
  const what = text.slice(firing.range.start, firing.range.end).replace(/\s+/gu, ' ');
  const verb = firing.effect === 'left out' ? 'left out' : firing.effect === 'kind' ? 'kind set' : firing.effect === 'widened' ? 'span widened' : 'source named';
  return `${verb} by ${firing.rule} ("${what}"): ${rule?.description ?? ''}`.trimEnd();
}

const kindWords: Readonly<Record<Claim['kind'], string>> = {
  count: 'a count', percent: 'a percentage', money: 'an amount of money', multiplier: 'a multiplier', fraction: 'a fraction',
  measure: 'a measure', rank: 'a rank', change: 'a change',
};

function statusLine(claim: Claim): string {
  switch (claim.status) {
    case 'cited': return 'cited: a link, footnote or citation stands in its sentence';
    case 'attributed': return 'attributed: a named source, but no link, footnote or citation';
    case 'uncited': return 'uncited: no link, footnote, citation or named source in its sentence';
    case 'ignored': return 'ignored: suppressed by a comment, an ignore pattern or the configuration';
  }
}

function sourceLine(source: Source, firings: readonly RuleFiring[]): string {
  if (source.kind !== 'textual') return `${source.kind} ${source.label}${source.url ? ` <${source.url}>` : ''}`;
  const found = firings.find((f) => f.effect === 'attributed' && f.range.start === source.range.start && f.range.end === source.range.end);
  return `named source ${source.name ?? source.label} ("${source.phrase ?? ''}"${found ? `, found by ${found.rule}` : ''})`;
}

/**
 * The explanation of one claim, as lines a writer can read: its kind and
 * value, the rules that decided its span and kind, its status and its
 * sources. `analysis` must come from `analyze(…, { explain: true })`.
 */
export function explainClaim(claim: Claim, analysis: Analysis, text: string): string[] {
  const firings = analysis.firings ?? [];
  const own = firings.filter((f) => f.effect !== 'attributed' && f.effect !== 'left out' &&
    f.range.start >= claim.range.start && f.range.end <= claim.range.end);
  const value = formatClaimValueWithQualifier(claim, languageOfText(claim.text));
  const lines = [`"${claim.text}" is ${kindWords[claim.kind]}: ${value}`];
  if (own.length) for (const f of own) lines.push(ruleLine(f, text));
  else lines.push('span and kind as the numeral grammar read them; no rule changed them');
  lines.push(statusLine(claim));
  for (const s of claim.sources) lines.push(`source: ${sourceLine(s, firings)}`);
  return lines;
}

/**
 * `claimlens check --explain` for one file: each claim with the rules that
 * decided it, then each number the rules left out, with 1-based lines and
 * columns.
 */
export function explainFile(file: ReportFile): string {
  const lines = new LineIndex(file.text);
  const where = (offset: number) => {
    const at = lines.lineColumn(offset);
    return `${file.path}:${at.line}:${at.column}`;
  };
  const out: string[] = [];
  for (const claim of file.analysis.claims) {
    const [head, ...rest] = explainClaim(claim, file.analysis, file.text);
    out.push(`${where(claim.range.start)} ${head}`, ...rest.map((l) => `  ${l}`));
  }
  for (const f of file.analysis.firings ?? []) {
    if (f.effect === 'left out') out.push(`${where(f.range.start)} ${ruleLine(f, file.text)}`);
  }
  return out.join('\n');
}

/** How often each named rule fired over some files, and the rules that never did. */
export interface RuleStats {
  /** Every named rule with its count, in registry order. */
  readonly counts: readonly { readonly rule: RuleInfo; readonly hits: number }[];
  /** Rules that fired on none of the files. */
  readonly neverFired: readonly RuleInfo[];
}

/** Counts rule firings over files analysed with `explain: true`. */
export function ruleStats(files: readonly ReportFile[]): RuleStats {
  const hits = new Map<string, number>();
  for (const file of files) for (const f of file.analysis.firings ?? []) hits.set(f.rule, (hits.get(f.rule) ?? 0) + 1);
  const counts = namedRules.map((rule) => ({ rule, hits: hits.get(rule.id) ?? 0 }));
  return { counts, neverFired: counts.filter((c) => c.hits === 0).map((c) => c.rule) };
}

/** `claimlens check --rule-stats`: a table of hits per rule, then the rules that never fired. */
export function formatRuleStats(stats: RuleStats, fileCount: number): string {
  const width = Math.max(...stats.counts.map((c) => c.rule.id.length));
  const lines = stats.counts.map((c) => `${String(c.hits).padStart(6)}  ${c.rule.id.padEnd(width)}  ${c.rule.stage}`);
  lines.push('', `${stats.neverFired.length} of ${stats.counts.length} rules never fired over ${fileCount} ${fileCount === 1 ? 'file' : 'files'}${stats.neverFired.length ? ':' : '.'}`);
  for (const rule of stats.neverFired) lines.push(`  ${rule.id} (${rule.stage}): ${rule.description}`);
  return lines.join('\n');
}
