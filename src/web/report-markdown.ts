import type { JsonClaim, JsonReport, JsonSource } from '../core/report/json';
import { escapeMarkdown } from '../core/report/escape-markdown';

/**
 * The article report of VS Code for the Web, from the server's
 * `claimlens/documentReport`: the counts, then a table of the claims (line,
 * claim, value, status, sources) and the broken sources, as Markdown.
 */
export function reportMarkdown(name: string, report: JsonReport): string {
  const s = report.summary;
  const checked = s.claims - s.ignored;
  const coverage = checked ? Math.round(((s.cited + s.attributed) / checked) * 100) : 100;
  const out = [
    `# Claim report: ${escapeMarkdown(name)}`,
    '',
    `${s.claims} claims: ${s.cited} cited, ${s.attributed} attributed, ${s.uncited} uncited, ${s.ignored} ignored; ${coverage}% name a source.`,
    '',
  ];
  for (const file of report.files) {
    if (file.claims.length) {
      out.push('| Line | Claim | Value | Status | Sources |', '| ---: | --- | --- | --- | --- |');
      for (const claim of file.claims) {
        const sources = (claim.sources.map(sourceCell).join('<br>') || '—') + (claim.moreSources ? `<br>and ${claim.moreSources} more` : '');
        out.push(`| ${claim.line} | ${escapeMarkdown(claim.text)} | ${escapeMarkdown(valueText(claim))} | ${claim.status} | ${sources} |`);
      }
    } else {
      out.push('No claims.');
    }
    if (file.problems.length) {
      out.push('', '## Broken sources', '');
      for (const problem of file.problems) out.push(`- Line ${problem.line}, column ${problem.column}: ${escapeMarkdown(problem.message)} (\`${problem.code}\`)`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** A claim's value with its qualifier and unit: "over 40%", "3400 tonnes", "2×"; "—" when it has none. */
function valueText(claim: JsonClaim): string {
  if (claim.value === null) return '—';
  const unit = claim.unit ? ` ${claim.unit}` : claim.kind === 'percent' ? '%' : claim.kind === 'multiplier' ? '×' : '';
  return `${claim.qualifier ? `${claim.qualifier} ` : ''}${claim.value}${unit}`;
}

function sourceCell(source: JsonSource): string {
  const said = escapeMarkdown(source.title ?? source.name ?? source.label);
  return source.url && /^https?:\/\//iu.test(source.url) ? `[${said}](<${source.url.replace(/[<>\s|\\]/gu, encodeURIComponent)}>)` : said;
}
