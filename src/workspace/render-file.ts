/**
 * The reports of `claimlens check`, one file at a time: each file's part of
 * the JSON, text, CSV or Markdown report, rendered in the thread that
 * analysed the file, so that what goes between threads is text, not
 * analyses. The command line writes the parts in path order between a head
 * and a tail that depend only on the totals.
 */
import { ansiStyles, csvFileRows, findingLine, findingsOf, jsonFileText, markdownFile, plainStyles, type ReportFile } from '../core';

/** Which report each file is rendered for; `text`: in which colours, and without `info` findings when quiet. */
export type RenderFormat =
  | { readonly kind: 'json' }
  | { readonly kind: 'text'; readonly quiet: boolean; readonly color: boolean }
  | { readonly kind: 'csv' }
  | { readonly kind: 'markdown' };

/** One file's part of the report: the JSON report's `files` entry (without a separator), the text report's lines, the CSV rows, the Markdown section. */
export function renderFile(file: ReportFile, format: RenderFormat): string {
  switch (format.kind) {
    case 'json':
      return jsonFileText(file);
    case 'text': {
      const styles = format.color ? ansiStyles : plainStyles;
      let lines = '';
      for (const finding of findingsOf(file)) {
        if (format.quiet && finding.severity === 'info') continue;
        lines += `${findingLine(file.path, finding, styles)}\n`;
      }
      return lines;
    }
    case 'csv':
      return csvFileRows(file, false);
    case 'markdown':
      return markdownFile(file, false);
  }
}
