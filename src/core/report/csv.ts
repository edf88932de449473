import { LineIndex } from '../lines';
import type { Source } from '../types';
import type { ReportFile } from './findings';
import { flatten } from './json';

const header = ['path', 'line', 'column', 'endLine', 'endColumn', 'claim', 'kind', 'value', 'unit', 'status', 'sources', 'sentence'];

/**
 * Every claim of every file as CSV (RFC 4180: CRLF line ends, a header row,
 * fields with a comma, quote or line break quoted, quotes doubled): one row
 * per claim, whatever its status, for a spreadsheet. Sources are listed in
 * one field, separated by " | ": a URL when there is one, else the label or
 * name. Problems are not listed. A cell that a spreadsheet would read as a
 * formula is neutralised (`neutraliseFormula`).
 */
export function toCsv(files: readonly ReportFile[]): string {
  const rows: string[][] = [header];
  for (const file of files) {
    const lines = new LineIndex(file.text);
    for (const claim of file.analysis.claims) {
      const start = lines.lineColumn(claim.range.start);
      const end = lines.lineColumn(claim.range.end);
      rows.push([
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
        claim.sources.map(sourceCell).join(' | '),
        flatten(claim.sentence),
      ]);
    }
  }
  return rows.map((row) => row.map((cell) => csvField(neutraliseFormula(cell))).join(',')).join('\r\n') + '\r\n';
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

function sourceCell(source: Source): string {
  return source.url ?? source.name ?? source.label;
}

/** One CSV field, quoted when RFC 4180 asks for it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
