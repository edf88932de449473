import { LineIndex } from '../lines';
import type { Source } from '../types';
import { describeSource, type ReportFile } from './findings';
import { listedSources } from './shared-sentence';
import { sourceSaysByClaim, sourceSaysLabels } from './source-says';
import { summarize, summaryLine, type Totals } from './summary';
import { formatClaimValueWithQualifier, languageOfText } from './values';
import { escapeMarkdown } from './escape-markdown';

export { escapeMarkdown };

/**
 * A Markdown report: the summary line, then for each file a heading and a
 * table of its claims (line, claim, kind, value as the article's language
 * writes it, status, sources, and what the sources say when they were
 * checked), then its problems as a list. Cell text is escaped so that no markup in an article
 * changes the table.
 */
export function toMarkdown(files: readonly ReportFile[]): string {
  const checked = files.some((file) => file.verifications !== undefined);
  return markdownHead(summarize(files)) + files.map((file) => markdownFile(file, checked)).join('');
}

/** The start of `toMarkdown`: the title and the summary line of these totals. */
export function markdownHead(totals: Totals): string {
  return `# Claim Lens report\n\n${summaryLine(totals)}\n`;
}

/** One file's part of `toMarkdown`: its heading, its table of claims and its problems; `checked`: with what the sources say. */
export function markdownFile(file: ReportFile, checked: boolean): string {
  const out: string[] = [];
  const lines = new LineIndex(file.text);
  const says = sourceSaysByClaim(file.verifications ?? []);
  out.push(`## ${escapeMarkdown(file.path)}`, '');
  if (file.analysis.claims.length) {
    const language = languageOfText(file.text);
    out.push(
      checked ? '| Line | Claim | Kind | Value | Status | Sources | Source says |' : '| Line | Claim | Kind | Value | Status | Sources |',
      checked ? '| ---: | --- | --- | --- | --- | --- | --- |' : '| ---: | --- | --- | --- | --- | --- |',
    );
    for (const claim of file.analysis.claims) {
      const { line } = lines.lineColumn(claim.range.start);
      const { listed, omitted } = listedSources(claim, file.analysis.claims);
      const sources = (listed.map(sourceCell).join('<br>') || '—') + (omitted ? `<br>and ${omitted} more` : '');
      const status = says.get(claim.id);
      const said = checked ? ` ${status ? sourceSaysLabels[status] : '—'} |` : '';
      out.push(`| ${line} | ${escapeMarkdown(claim.text)} | ${claim.kind} | ${escapeMarkdown(formatClaimValueWithQualifier(claim, language))} | ${claim.status} | ${sources} |${said}`);
    }
  } else {
    out.push('No claims.');
  }
  if (file.analysis.problems.length) {
    out.push('', 'Problems:', '');
    for (const problem of file.analysis.problems) {
      const { line, column } = lines.lineColumn(problem.range.start);
      out.push(`- Line ${line}, column ${column}: ${escapeMarkdown(problem.message)} (\`${problem.code}\`)`);
    }
  }
  out.push('');
  // Each line after a line end: the file's part follows the line before it.
  return out.map((line) => `\n${line}`).join('');
}

function sourceCell(source: Source): string {
  const said = escapeMarkdown(describeSource(source));
  // A "|" in the destination would end the table cell: it is percent-encoded like "<", ">" and spaces.
  return source.url && /^https?:\/\//i.test(source.url) ? `[${said}](<${source.url.replace(/[<>\s|\\]/g, encodeURIComponent)}>)` : said;
}
