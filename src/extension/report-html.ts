import type { Totals } from '../core/index';
import { statusLabels } from './claim-format';
import type { ArticleReportModel, WorkspaceReportModel } from './report-model';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c] ?? c);
}

/** What a page needs from its webview: a fresh nonce and the webview's CSP source. */
export interface PageContext {
  readonly nonce: string;
  readonly cspSource: string;
}

const style = `
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.2em 2em; }
  h1 { font-size: 1.4em; font-weight: 600; margin-bottom: .2em; }
  .summary { color: var(--vscode-descriptionForeground); margin: .2em 0 1em; }
  .coverage { font-size: 2.2em; font-weight: 600; margin-right: .3em; }
  svg.bar { width: 100%; height: 14px; display: block; margin: .6em 0 .3em; border-radius: 3px; }
  .legend span { margin-right: 1.2em; white-space: nowrap; }
  .legend i { display: inline-block; width: .8em; height: .8em; margin-right: .3em; vertical-align: middle; border-radius: 2px; }
  .cited { fill: var(--vscode-charts-green); background: var(--vscode-charts-green); }
  .attributed { fill: var(--vscode-charts-yellow); background: var(--vscode-charts-yellow); }
  .uncited { fill: var(--vscode-charts-red); background: var(--vscode-charts-red); }
  .ignored { fill: var(--vscode-charts-foreground); background: var(--vscode-charts-foreground); opacity: .4; }
  table { border-collapse: collapse; width: 100%; margin-top: 1em; }
  th, td { text-align: left; vertical-align: top; padding: .35em .6em; border-bottom: 1px solid var(--vscode-editorWidget-border, rgba(128,128,128,.25)); }
  th { font-weight: 600; color: var(--vscode-descriptionForeground); }
  tbody tr { cursor: pointer; }
  tbody tr:hover, tbody tr:focus { background: var(--vscode-list-hoverBackground); outline: none; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .status { white-space: nowrap; font-weight: 600; }
  .status.s-uncited { color: var(--vscode-editorWarning-foreground); }
  .status.s-attributed { color: var(--vscode-editorInfo-foreground); }
  .status.s-cited { color: var(--vscode-charts-green); }
  .status.s-ignored { color: var(--vscode-disabledForeground); }
  .sentence { color: var(--vscode-descriptionForeground); font-size: .92em; }
  .note { color: var(--vscode-descriptionForeground); font-size: .85em; font-weight: normal; }
  ul.sources { margin: 0; padding-left: 1.1em; }
  .empty { color: var(--vscode-descriptionForeground); margin-top: 2em; }
  .filters button { margin-right: .4em; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: .25em .7em; border-radius: 2px; cursor: pointer; }
  .filters button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
`;

function page(context: PageContext, title: string, body: string, script: string): string {
  const csp = `default-src 'none'; style-src ${context.cspSource} 'nonce-${context.nonce}'; script-src 'nonce-${context.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${context.nonce}">${style}</style>
</head>
<body>
${body}
<script nonce="${context.nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  ${script}
})();
</script>
</body>
</html>`;
}

/** A stacked bar of cited, attributed, uncited and ignored claims, drawn as SVG (no inline styles, which the CSP forbids). */
function bar(totals: Totals): string {
  const parts = (['cited', 'attributed', 'uncited', 'ignored'] as const).filter((s) => totals[s] > 0);
  if (!totals.claims) return '<svg class="bar" role="img" aria-label="No claims"></svg>';
  let x = 0;
  const rects = parts.map((s) => {
    const width = (totals[s] / totals.claims) * 100;
    const rect = `<rect class="${s}" x="${x.toFixed(3)}%" y="0" width="${width.toFixed(3)}%" height="100%"><title>${totals[s]} ${s}</title></rect>`;
    x += width;
    return rect;
  });
  const label = parts.map((s) => `${totals[s]} ${s}`).join(', ');
  return `<svg class="bar" role="img" aria-label="${escapeHtml(label)}">${rects.join('')}</svg>
<div class="legend">${(['cited', 'attributed', 'uncited', 'ignored'] as const).map((s) => `<span><i class="${s}"></i>${totals[s]} ${s}</span>`).join('')}</div>`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The article report page: coverage, the status bar, and a table of claims; a row click asks the editor to reveal the claim. */
export function renderArticleReport(model: ArticleReportModel, context: PageContext): string {
  const rows = model.claims.map((claim) => `<tr tabindex="0" data-claim="${escapeHtml(claim.id)}" data-status="${claim.status}">
  <td class="num">${claim.line}</td>
  <td><strong>${escapeHtml(claim.text)}</strong><div class="sentence">${escapeHtml(claim.sentence)}</div></td>
  <td>${escapeHtml(claim.value)}</td>
  <td class="status s-${claim.status}">${escapeHtml(statusLabels[claim.status])}${claim.note ? `<div class="note">${escapeHtml(claim.note)}</div>` : ''}</td>
  <td>${claim.sources.length ? `<ul class="sources">${claim.sources.map((s) => `<li>${escapeHtml(s.text)}</li>`).join('')}</ul>` : '—'}</td>
</tr>`);
  const problems = model.problems.length
    ? `<h2>Broken sources</h2><table><thead><tr><th>Line</th><th>Code</th><th>Problem</th></tr></thead><tbody>${model.problems
        .map((p) => `<tr tabindex="0" data-line="${p.line}" data-column="${p.column}"><td class="num">${p.line}</td><td>${escapeHtml(p.code)}</td><td>${escapeHtml(p.message)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const t = model.totals;
  const body = `<h1>${escapeHtml(model.name)}</h1>
<div class="summary"><span class="coverage">${model.coverage}%</span> of claims name a source · ${plural(t.claims, 'claim')}: ${t.cited} cited, ${t.attributed} attributed, ${t.uncited} uncited, ${t.ignored} ignored</div>
${bar(t)}
${model.claims.length
    ? `<div class="filters" role="toolbar">${['all', 'uncited', 'attributed', 'cited', 'ignored'].map((f) => `<button data-filter="${f}" aria-pressed="${f === 'all'}">${f}</button>`).join('')}</div>
<table><thead><tr><th>Line</th><th>Claim</th><th>Value</th><th>Status</th><th>Sources</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`
    : '<p class="empty">No numeric claims in this article.</p>'}
${problems}`;
  const script = `
  const post = (row) => {
    if (row.dataset.claim) vscode.postMessage({ type: 'reveal', claimId: row.dataset.claim });
    else if (row.dataset.line) vscode.postMessage({ type: 'revealPosition', line: Number(row.dataset.line), column: Number(row.dataset.column) });
  };
  for (const row of document.querySelectorAll('tbody tr')) {
    row.addEventListener('click', () => post(row));
    row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); post(row); } });
  }
  for (const button of document.querySelectorAll('.filters button')) {
    button.addEventListener('click', () => {
      const filter = button.dataset.filter;
      for (const b of document.querySelectorAll('.filters button')) b.setAttribute('aria-pressed', String(b === button));
      for (const row of document.querySelectorAll('tr[data-claim]')) row.hidden = filter !== 'all' && row.dataset.status !== filter;
    });
  }`;
  return page(context, `Claim Lens: ${model.name}`, body, script);
}

/** The workspace report page: totals and one row per file, most uncited claims first; a row click opens the file. */
export function renderWorkspaceReport(model: WorkspaceReportModel, context: PageContext): string {
  const t = model.totals;
  const rows = model.files.map((f) => `<tr tabindex="0" data-uri="${escapeHtml(f.uri)}">
  <td>${escapeHtml(f.path)}</td><td class="num">${f.totals.claims}</td><td class="num">${f.totals.uncited}</td><td class="num">${f.totals.attributed}</td><td class="num">${f.totals.cited}</td><td class="num">${f.totals.ignored}</td><td class="num">${f.coverage}%</td><td class="num">${f.problems}</td>
</tr>`);
  const skipped = model.skipped.length
    ? `<h2>Skipped</h2><ul>${model.skipped.map((s) => `<li>${escapeHtml(s.path)}: ${escapeHtml(s.reason)}</li>`).join('')}</ul>`
    : '';
  const body = `<h1>Claim Lens: workspace</h1>
${model.cancelled ? '<p class="summary">Cancelled: only the files read before cancelling are counted.</p>' : ''}
<div class="summary"><span class="coverage">${model.coverage}%</span> of claims name a source · ${plural(t.files, 'file')}, ${plural(t.claims, 'claim')}: ${t.cited} cited, ${t.attributed} attributed, ${t.uncited} uncited, ${t.ignored} ignored</div>
${bar(t)}
${model.files.length
    ? `<table><thead><tr><th>File</th><th>Claims</th><th>Uncited</th><th>Attributed</th><th>Cited</th><th>Ignored</th><th>Coverage</th><th>Broken sources</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`
    : '<p class="empty">No articles found.</p>'}
${skipped}`;
  const script = `
  for (const row of document.querySelectorAll('tbody tr[data-uri]')) {
    const open = () => vscode.postMessage({ type: 'open', uri: row.dataset.uri });
    row.addEventListener('click', open);
    row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
  }`;
  return page(context, 'Claim Lens: workspace', body, script);
}
