import { LineIndex } from '../lines';
import type { Claim, Source } from '../types';
import type { ReportFile } from './findings';
import { claimSentence, listedSources } from './shared-sentence';
import { flatten } from './json';
import { sourceSaysByClaim } from './source-says';

const header = ['path', 'line', 'column', 'endLine', 'endColumn', 'claim', 'kind', 'value', 'unit', 'status', 'sources', 'sentence'];

/**
 * Every claim of every file as CSV (RFC 4180: CRLF line ends, a header row,
 * fields with a comma, quote or line break quoted, quotes doubled): one row
 * per claim, whatever its status, for a spreadsheet. Sources are listed in
 * one field, separated by " | ": a URL when there is one, else the label or
 * name (at most the few nearest the claim, then "and N more"; a very long
 * sentence is cut around the claim). Problems are not listed. A cell that a spreadsheet would read as a
 * formula is neutralised (`neutraliseFormula`). When sources were checked
 * (`--verify`, the editor's "Verify Sources"), a `sourceSays` column follows
 * `sources`: `supported`, `not-found`, `unreachable`, `not-checked`, or empty
 * for a claim none of whose sources was checked.
 */
export function toCsv(files: readonly ReportFile[]): string {
  const checked = files.some((file) => file.verifications !== undefined);
  return csvHead(checked) + files.map((file) => csvFileRows(file, checked)).join('');
}

/** The header row of `toCsv`, with its line end; `checked`: with the `sourceSays` column. */
export function csvHead(checked: boolean): string {
  return csvRow(checked ? [...header.slice(0, -1), 'sourceSays', 'sentence'] : header);
}

/** The rows of one file's claims in `toCsv`, each with its line end (none for a file without claims). */
export function csvFileRows(file: ReportFile, checked: boolean): string {
  const lines = new LineIndex(file.text);
  const says = sourceSaysByClaim(file.verifications ?? []);
  let rows = '';
  for (const claim of file.analysis.claims) {
    const start = lines.lineColumn(claim.range.start);
    const end = lines.lineColumn(claim.range.end);
    rows += csvRow([
      file.path,
      String(start.line),
      String(start.column),
      String(end.line),
      String(end.column),
      claim.text,
      claim.kind,
      claim.value === null ? '' : String(claim.value),
      claim.unit ?? '',
      claim.status,
      sourcesCell(claim, file.analysis.claims),
      ...(checked ? [says.get(claim.id) ?? ''] : []),
      flatten(claimSentence(claim)),
    ]);
  }
  return rows;
}

function csvRow(cells: readonly string[]): string {
  return `${cells.map((cell) => csvField(neutraliseFormula(cell))).join(',')}\r\n`;
}

/**
 * A cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) behind a `'`, as OWASP recommends for CSV
 * injection; plain numbers ("-3", "+2.1") are left as they are.
 */
export function neutraliseFormula(cell: string): string {
  if (!/^[=+\-@\t\r]/u.test(cell) || /^[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/iu.test(cell)) return cell;
  return `'${cell}`;
}

/** The sources nearest the claim, and how many more its sentence holds. */
function sourcesCell(claim: Claim, claims: readonly Claim[]): string {
  const { listed, omitted } = listedSources(claim, claims);
  const cell = listed.map(sourceCell).join(' | ');
  return omitted ? `${cell} | and ${omitted} more` : cell;
}

function sourceCell(source: Source): string {
  return source.url ?? source.name ?? source.label;
}

/** One CSV field, quoted when RFC 4180 asks for it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
