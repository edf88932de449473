import { sourceSaysLabels, sourceSaysOrder, type ClaimStatus, type Totals, type VerificationStatus } from '../core/index';
import type { ArticleReportModel, ReportClaim, ReportSource, SourceSaysCounts, WorkspaceReportFile, WorkspaceReportModel } from './report-model';
import { folderOf } from './report-model';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c] ?? c);
}

/** What a page needs from its webview: a fresh nonce and the webview's CSP source. */
export interface PageContext {
  readonly nonce: string;
  readonly cspSource: string;
}

const statuses = ['uncited', 'attributed', 'cited', 'ignored'] as const satisfies readonly ClaimStatus[];

/** Status names as the report's legend, filters and rows show them. */
export const reportStatusLabels: Readonly<Record<ClaimStatus, string>> = {
  uncited: 'Uncited',
  attributed: 'Attributed',
  cited: 'Cited',
  ignored: 'Ignored',
};

/** What the "Source says" filters choose among: a result, or no source checked. */
type SaysFilter = VerificationStatus | 'unverified';
const saysFilters: readonly SaysFilter[] = [...sourceSaysOrder, 'unverified'];
const saysFilterLabels: Readonly<Record<SaysFilter, string>> = { ...sourceSaysLabels, unverified: 'Not verified' };

/** What each "Source says" result means, for the filters' and the cells' tooltips. */
const saysMeanings: Readonly<Record<SaysFilter, string>> = {
  supported: 'a cited source states the figure',
  'not-found': 'a cited source was read and does not state the figure',
  unreachable: 'a cited source cannot be reached (gone, no such host, no answer)',
  'not-checked': 'a cited source could not be read (a paywall, a login, a bot wall, a format with no text)',
  unverified: 'no source of the claim was checked: uncited, named only, or cited with no web address',
};

/** What each status means, for the legend's and the rows' tooltips. */
const statusMeanings: Readonly<Record<ClaimStatus, string>> = {
  uncited: 'no link, footnote, citation or named source in its sentence',
  attributed: 'a named source, but no link, footnote or citation to follow',
  cited: 'a link, footnote or citation',
  ignored: 'suppressed by a comment or an ignore pattern',
};

// Colours come from the theme (light, dark, high contrast): the legend's four
// chart colours mark statuses everywhere, and text stays in the foreground
// colour so it reads in every theme.
const style = `
  :root {
    --cl-cited: var(--vscode-charts-green);
    --cl-attributed: var(--vscode-charts-yellow);
    --cl-uncited: var(--vscode-charts-red);
    --cl-ignored: var(--vscode-disabledForeground, var(--vscode-descriptionForeground));
    --cl-border: var(--vscode-editorWidget-border, rgba(128, 128, 128, .35));
    --cl-muted: var(--vscode-descriptionForeground);
    --cl-line: 1.45em;
  }
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.4em 2em; line-height: var(--cl-line); }
  header.head { display: flex; align-items: baseline; gap: 1em; flex-wrap: wrap; }
  h1 { font-size: 1.35em; font-weight: 600; margin: .7em 0 .1em; flex: 1 1 auto; overflow-wrap: anywhere; }
  h2 { font-size: 1.1em; font-weight: 600; margin: 1.6em 0 .4em; }
  button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); padding: .2em .8em; border-radius: 2px; cursor: pointer; }
  button:hover { background: var(--vscode-button-secondaryHoverBackground); }
  button.primary { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
  button.primary:hover { background: var(--vscode-button-hoverBackground); }
  :focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
  a { color: var(--vscode-textLink-foreground); text-decoration: none; }
  a:hover, a:focus { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
  .summary { color: var(--cl-muted); margin: .2em 0 .6em; }
  .summary .coverage { font-size: 1.9em; font-weight: 600; color: var(--vscode-foreground); margin-right: .25em; vertical-align: -.08em; }
  .summary .defined { display: block; font-size: .92em; }
  svg.bar { width: 100%; height: 10px; display: block; margin: .5em 0 .35em; border-radius: 3px; background: var(--vscode-input-background); }
  .legend { display: flex; flex-wrap: wrap; gap: .2em 1.4em; color: var(--cl-muted); }
  .legend .count { color: var(--vscode-foreground); font-weight: 600; font-variant-numeric: tabular-nums; }
  .dot { display: inline-block; width: .7em; height: .7em; margin-right: .4em; border-radius: 50%; vertical-align: -.02em; flex: none; }
  .dot.ignored { border-radius: 1px; }
  .cited { fill: var(--cl-cited); } .dot.cited { background: var(--cl-cited); }
  .attributed { fill: var(--cl-attributed); } .dot.attributed { background: var(--cl-attributed); }
  .uncited { fill: var(--cl-uncited); } .dot.uncited { background: var(--cl-uncited); }
  .ignored { fill: var(--cl-ignored); } .dot.ignored { background: var(--cl-ignored); }
  .dot.says-supported { background: var(--cl-cited); }
  .dot.says-not-found { background: var(--cl-uncited); }
  .dot.says-unreachable { background: var(--vscode-charts-orange); border-radius: 1px; }
  .dot.says-not-checked { background: var(--cl-ignored); border-radius: 1px; }
  .dot.says-unverified { background: none; border: 1px solid var(--cl-muted); box-sizing: border-box; }
  .says { display: flex; align-items: center; }
  .says .dot { flex: none; }
  .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: .5em .9em; margin: 1em 0 .5em; }
  .toolbar input[type=search] { font: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, var(--cl-border)); padding: .25em .5em; min-width: 16em; flex: 0 1 22em; border-radius: 2px; }
  .toolbar input[type=search]::placeholder { color: var(--vscode-input-placeholderForeground); }
  .toolbar input[type=search]:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
  .filters { display: flex; flex-wrap: wrap; align-items: center; gap: .3em; }
  .filters .group-label { color: var(--cl-muted); margin-right: .2em; }
  .filters button { display: inline-flex; align-items: center; }
  .filters button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
  .filters .dot { box-shadow: 0 0 0 1px color-mix(in srgb, currentColor 45%, transparent); }
  .filters button .n { margin-left: .45em; font-variant-numeric: tabular-nums; opacity: .85; }
  .shown { color: var(--cl-muted); margin-left: auto; font-variant-numeric: tabular-nums; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  th, td { text-align: left; vertical-align: top; padding: .3em .55em; border-bottom: 1px solid var(--cl-border); overflow: hidden; }
  thead th { position: sticky; top: 0; z-index: 1; background: var(--vscode-editor-background); font-weight: 600; color: var(--cl-muted); white-space: nowrap; padding: 0; border-bottom: 1px solid var(--vscode-foreground); }
  thead th button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: .35em .55em; cursor: pointer; }
  thead th button:hover { color: var(--vscode-foreground); background: none; }
  thead th button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
  thead th button::after { content: ""; display: inline-block; width: 1em; margin-left: .2em; }
  thead th[aria-sort="ascending"] button::after { content: "▲"; font-size: .7em; }
  thead th[aria-sort="descending"] button::after { content: "▼"; font-size: .7em; }
  thead th[aria-sort] { color: var(--vscode-foreground); }
  th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
  tbody tr.row { cursor: pointer; }
  tbody tr.row:hover { background: var(--vscode-list-hoverBackground); }
  tbody tr.row:focus { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); outline: 1px solid var(--vscode-list-focusOutline, var(--vscode-focusBorder)); outline-offset: -1px; }
  tbody tr.row:focus a, tbody tr.row:focus .muted, tbody tr.row:focus .sentence { color: inherit; }
  tbody tr.row:focus .sentence mark { color: inherit; }
  .clamp { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; overflow-wrap: anywhere; max-height: calc(2 * var(--cl-line)); }
  .one { display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .claim { font-weight: 600; }
  .muted { color: var(--cl-muted); font-size: .9em; }
  .status { display: flex; align-items: center; white-space: nowrap; }
  .sentence { color: var(--cl-muted); }
  .sentence mark { background: none; color: var(--vscode-foreground); font-weight: 600; }
  .kind { display: inline-block; min-width: 4.6em; margin-right: .4em; padding: 0 .35em; border-radius: 2px; font-size: .82em; line-height: 1.5; text-align: center; color: var(--vscode-badge-foreground); background: var(--vscode-badge-background); vertical-align: .05em; }
  .kind.k-textual { color: var(--vscode-foreground); background: none; border: 1px solid var(--cl-border); }
  .more { color: var(--cl-muted); }
  tbody.folder th[scope=rowgroup] { font-weight: 600; padding-top: .8em; overflow-wrap: anywhere; }
  tr.folder-row td, tr.folder-row th { background: var(--vscode-sideBar-background, transparent); border-bottom: 1px solid var(--cl-border); }
  td.path { padding-left: 1.6em; overflow-wrap: anywhere; }
  .empty { color: var(--cl-muted); margin-top: 1.5em; }
  .note { color: var(--cl-muted); }
  body.vscode-high-contrast .dot, body.vscode-high-contrast svg.bar rect { stroke: var(--vscode-contrastBorder); outline: 1px solid var(--vscode-contrastBorder); }
  body.vscode-high-contrast .kind { border: 1px solid var(--vscode-contrastBorder); }
  body.vscode-high-contrast .filters button[aria-pressed="true"] { outline: 2px solid var(--vscode-contrastActiveBorder, var(--vscode-focusBorder)); outline-offset: 1px; }
  body.vscode-high-contrast tbody tr.row:focus { outline: 1px dashed var(--vscode-contrastActiveBorder, var(--vscode-focusBorder)); }
  @media (max-width: 820px) { .col-sentence { display: none; } }
`;

function page(context: PageContext, title: string, language: string, body: string, script: string): string {
  const csp = `default-src 'none'; img-src ${context.cspSource}; style-src ${context.cspSource} 'nonce-${context.nonce}'; script-src 'nonce-${context.nonce}';`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
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
  ${tableScript}
  ${script}
})();
</script>
</body>
</html>`;
}

/**
 * The script every report table shares: sorting by a column header (click,
 * Enter or Space; `aria-sort` tells which), filtering by text and by status,
 * and moving between rows with the arrow keys (one row in the tab order at a
 * time). Rows carry `data-search` (lower-case text) and, for each group of
 * filter buttons, the attribute the group names in its `data-by` (space-
 * separated values; `data-statuses` for status, `data-says` for what the
 * sources say); a row shows when the text and every group let it through.
 * Cells carry `data-sort`. A table's `tbody.group` rows sort within their group.
 */
const tableScript = `
  const table = document.querySelector('table.report');
  const search = document.querySelector('#filter');
  const shown = document.querySelector('#shown');
  const noun = table ? table.dataset.noun : '';
  // The sort, the text and the filter buttons outlive a re-render (the article report is rendered again after each edit).
  const state = vscode.getState() || {};
  const filterGroups = Array.from(document.querySelectorAll('.filters[data-by]')).map((element) => {
    const remembered = state[element.dataset.state];
    const known = Array.from(element.querySelectorAll('button')).some((b) => b.dataset.filter === remembered);
    return { element, by: element.dataset.by, key: element.dataset.state, value: known ? remembered : 'all' };
  });
  const remember = (change) => { Object.assign(state, change); vscode.setState(state); };
  const rows = () => Array.from(document.querySelectorAll('table.report tbody tr.row'));
  const visibleRows = () => rows().filter((row) => !row.hidden);
  rows().forEach((row, index) => { row.dataset.index = String(index); });

  function applyFilters() {
    const words = (search ? search.value : '').toLowerCase().split(/\\s+/).filter(Boolean);
    let count = 0;
    for (const row of rows()) {
      const text = row.dataset.search || '';
      const buttonsOk = filterGroups.every((g) => g.value === 'all' || (row.dataset[g.by] || '').split(' ').includes(g.value));
      row.hidden = !(buttonsOk && words.every((w) => text.includes(w)));
      if (!row.hidden) count++;
    }
    for (const group of document.querySelectorAll('table.report tbody.group')) {
      group.hidden = !group.querySelector('tr.row:not([hidden])');
    }
    if (shown) shown.textContent = count + ' of ' + rows().length + ' ' + noun;
    const empty = document.querySelector('#nothing');
    if (empty) empty.hidden = count > 0;
    resetTabStop();
  }

  function resetTabStop(preferred) {
    const visible = visibleRows();
    const keep = preferred && !preferred.hidden ? preferred : visible.find((row) => row.tabIndex === 0) || visible[0];
    for (const row of rows()) row.tabIndex = row === keep ? 0 : -1;
  }

  function focusRow(row) {
    if (!row) return;
    resetTabStop(row);
    row.focus();
  }

  function sortBy(th, direction) {
    const headers = Array.from(th.parentElement.children);
    const column = headers.indexOf(th);
    const numeric = th.dataset.type === 'number';
    for (const other of headers) if (other !== th) other.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', direction);
    remember({ sort: th.dataset.key, direction });
    const sign = direction === 'ascending' ? 1 : -1;
    const key = (row) => {
      const cell = row.children[column];
      const raw = cell ? (cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent) : '';
      return numeric ? Number(raw) : raw.toLowerCase();
    };
    for (const body of table.tBodies) {
      const list = Array.from(body.querySelectorAll('tr.row'));
      list.sort((a, b) => {
        const x = key(a), y = key(b);
        const order = numeric ? x - y : x.localeCompare(y);
        return order * sign || Number(a.dataset.index) - Number(b.dataset.index);
      });
      for (const row of list) body.appendChild(row);
    }
    resetTabStop();
  }

  for (const th of document.querySelectorAll('table.report thead th[data-type]')) {
    const button = th.querySelector('button');
    button.addEventListener('click', () => {
      const current = th.getAttribute('aria-sort');
      sortBy(th, current === 'ascending' ? 'descending' : current === 'descending' ? 'ascending' : th.dataset.first || 'ascending');
    });
  }

  const pressFilter = () => {
    for (const g of filterGroups) for (const b of g.element.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.filter === g.value));
  };
  if (search) {
    search.value = state.text || '';
    search.addEventListener('input', () => { remember({ text: search.value }); applyFilters(); });
  }
  for (const g of filterGroups) {
    for (const button of g.element.querySelectorAll('button')) {
      button.addEventListener('click', () => {
        g.value = button.dataset.filter;
        remember({ [g.key]: g.value });
        pressFilter();
        applyFilters();
      });
    }
  }
  pressFilter();
  const sorted = state.sort && document.querySelector('table.report thead th[data-key="' + state.sort + '"]');
  if (sorted) sortBy(sorted, state.direction === 'descending' ? 'descending' : 'ascending');

  function activateRow(row) { if (typeof onActivate === 'function') onActivate(row); }
  for (const row of rows()) {
    row.addEventListener('click', (event) => {
      if (event.target.closest('a')) return; // the link opens itself
      focusRow(row);
      activateRow(row);
    });
    row.addEventListener('keydown', (event) => {
      if (event.target !== row) return;
      const visible = visibleRows();
      const at = visible.indexOf(row);
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); activateRow(row); }
      else if (event.key === 'ArrowDown') { event.preventDefault(); focusRow(visible[at + 1]); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); focusRow(visible[at - 1]); }
      else if (event.key === 'Home') { event.preventDefault(); focusRow(visible[0]); }
      else if (event.key === 'End') { event.preventDefault(); focusRow(visible[visible.length - 1]); }
    });
  }
  const exportButton = document.querySelector('#export');
  if (exportButton) exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  if (table) applyFilters();
`;

/** A stacked bar of the statuses' shares, drawn as SVG (the CSP forbids inline styles), and its legend with counts. */
function bar(totals: Totals, unit: string): string {
  const order = ['cited', 'attributed', 'uncited', 'ignored'] as const;
  const legend = `<div class="legend" role="list">${order
    .map((s) => `<span role="listitem" title="${escapeHtml(`${reportStatusLabels[s]}: ${statusMeanings[s]}`)}"><i class="dot ${s}"></i><span class="count">${totals[s]}</span> ${s}</span>`)
    .join('')}</div>`;
  if (!totals.claims) return `<svg class="bar" role="img" aria-label="No ${unit}"></svg>${legend}`;
  let x = 0;
  const rects = order
    .filter((s) => totals[s] > 0)
    .map((s) => {
      const width = (totals[s] / totals.claims) * 100;
      const rect = `<rect class="${s}" x="${x.toFixed(3)}%" y="0" width="${width.toFixed(3)}%" height="100%"><title>${totals[s]} ${s}</title></rect>`;
      x += width;
      return rect;
    });
  const label = order.filter((s) => totals[s] > 0).map((s) => `${totals[s]} ${s}`).join(', ');
  return `<svg class="bar" role="img" aria-label="${escapeHtml(label)}">${rects.join('')}</svg>${legend}`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** The coverage figure and what it means, as every report shows it. */
function coverageSummary(coverage: number, totals: Totals, files?: number): string {
  const checked = totals.claims - totals.ignored;
  const named = totals.cited + totals.attributed;
  return `<p class="summary"><span class="coverage">${coverage}%</span> coverage${files === undefined ? '' : ` over ${plural(files, 'file')}`} · ${plural(totals.claims, 'claim')}
<span class="defined">Coverage is the share of claims that name a source, cited or attributed: ${named} of ${plural(checked, 'claim')}${totals.ignored ? ` (${totals.ignored} ignored left out)` : ''}.</span></p>`;
}

function filterButtons(counts: Readonly<Record<ClaimStatus, number>>, all: number, what: (status: ClaimStatus) => string): string {
  const buttons = [
    `<button type="button" data-filter="all" aria-pressed="true" title="Show every row">All<span class="n">${all}</span></button>`,
    ...statuses.map(
      (s) => `<button type="button" data-filter="${s}" aria-pressed="false" title="${escapeHtml(what(s))}"><i class="dot ${s}"></i>${reportStatusLabels[s]}<span class="n">${counts[s]}</span></button>`,
    ),
  ];
  return `<div class="filters" role="group" aria-label="Show by status" data-by="statuses" data-state="status">${buttons.join('')}</div>`;
}

/** The "Source says" filter buttons: All, each result and "Not verified", with their counts. */
function saysFilterButtons(counts: Readonly<Record<SaysFilter, number>>, all: number, what: (filter: SaysFilter) => string): string {
  const buttons = [
    `<button type="button" data-filter="all" aria-pressed="true" title="Show every row, whatever its sources say">All<span class="n">${all}</span></button>`,
    ...saysFilters.map(
      (f) => `<button type="button" data-filter="${f}" aria-pressed="false" title="${escapeHtml(what(f))}"><i class="dot says-${f}"></i>${saysFilterLabels[f]}<span class="n">${counts[f]}</span></button>`,
    ),
  ];
  return `<div class="filters" role="group" aria-label="Show by what the sources say" data-by="says" data-state="says"><span class="group-label" aria-hidden="true">Source says:</span>${buttons.join('')}</div>`;
}

/** The sentence with the claim marked, when the claim stands in it as written. */
function sentenceHtml(claim: ReportClaim): string {
  const at = claim.sentence.indexOf(claim.text);
  if (at < 0) return escapeHtml(claim.sentence);
  return `${escapeHtml(claim.sentence.slice(0, at))}<mark>${escapeHtml(claim.text)}</mark>${escapeHtml(claim.sentence.slice(at + claim.text.length))}`;
}

function sourceHtml(source: ReportSource): string {
  const kind = `<span class="kind k-${source.kind}">${escapeHtml(source.kindLabel)}</span>`;
  const label = source.url
    ? `<a href="${escapeHtml(source.url)}" title="${escapeHtml(source.url)}">${escapeHtml(source.label)}</a>`
    : `<span>${escapeHtml(source.label)}</span>`;
  return `<span class="one" title="${escapeHtml(`${source.kindLabel}: ${source.text}`)}">${kind}${label}</span>`;
}

/** Up to two sources, one a line; with more, the second line says how many more there are. */
function sourcesHtml(sources: readonly ReportSource[], unlisted = 0): string {
  if (!sources.length) return '<span class="muted">none</span>';
  if (sources.length <= 2 && !unlisted) return sources.map(sourceHtml).join('');
  const rest = sources.slice(1);
  const kinds = [...new Set(rest.map((s) => s.kindLabel))].join(', ');
  return `${sourceHtml(sources[0]!)}<span class="one more" title="${escapeHtml(rest.map((s) => `${s.kindLabel}: ${s.text}`).join('\n'))}">+ ${rest.length + unlisted} more: ${escapeHtml(kinds)}</span>`;
}

const statusRank: Readonly<Record<ClaimStatus, number>> = { uncited: 0, attributed: 1, cited: 2, ignored: 3 };

const saysRank = { supported: 0, 'not-found': 1, unreachable: 2, 'not-checked': 3 } as const;

function claimRow(claim: ReportClaim, says: boolean): string {
  const search = [claim.text, claim.value, claim.kind, claim.status, claim.note ?? '', claim.sentence, claim.sourceSays?.label ?? '', ...claim.sources.flatMap((s) => [s.kindLabel, s.label, s.url ?? ''])]
    .join(' ')
    .toLowerCase();
  const saysAttribute = says ? ` data-says="${claim.sourceSays?.status ?? 'unverified'}"` : '';
  return `<tr class="row" tabindex="-1" data-claim="${escapeHtml(claim.id)}" data-status="${claim.status}" data-statuses="${claim.status}"${saysAttribute} data-search="${escapeHtml(search)}" aria-label="${escapeHtml(`Line ${claim.line}: ${claim.text}, ${reportStatusLabels[claim.status]}`)}">
  <td class="num" data-sort="${claim.line * 100000 + claim.column}">${claim.line}</td>
  <td data-sort="${escapeHtml(claim.text)}"><span class="claim clamp" title="${escapeHtml(claim.text)}">${escapeHtml(claim.text)}</span></td>
  <td data-sort="${claim.amount ?? -Number.MAX_VALUE}"><span class="one" title="${escapeHtml(claim.value)}">${escapeHtml(claim.value)}</span><span class="one muted">${escapeHtml(claim.kind)}</span></td>
  <td data-sort="${statusRank[claim.status]}"><span class="status" title="${escapeHtml(statusMeanings[claim.status])}"><i class="dot ${claim.status}"></i>${reportStatusLabels[claim.status]}</span>${claim.note ? `<span class="one muted">${escapeHtml(claim.note)}</span>` : ''}</td>
  <td data-sort="${claim.sources.length + (claim.moreSources ?? 0)}">${sourcesHtml(claim.sources, claim.moreSources)}</td>
${says ? `  <td data-sort="${claim.sourceSays ? saysRank[claim.sourceSays.status] : 9}">${claim.sourceSays ? `<span class="one says" title="${escapeHtml(claim.sourceSays.detail)}"><i class="dot says-${claim.sourceSays.status}"></i>${escapeHtml(claim.sourceSays.label)}</span>` : '<span class="muted" title="no source of this claim was checked">—</span>'}</td>\n` : ''}  <td class="col-sentence" data-sort="${escapeHtml(claim.sentence)}"><span class="sentence clamp" title="${escapeHtml(claim.sentence)}">${sentenceHtml(claim)}</span></td>
</tr>`;
}

function header(key: string, label: string, type: 'number' | 'text', options: { sorted?: 'ascending'; first?: 'descending'; className?: string; width?: string } = {}): string {
  const attributes = [
    `data-key="${key}"`,
    `data-type="${type}"`,
    ...(options.sorted ? [`aria-sort="${options.sorted}"`] : []),
    ...(options.first ? [`data-first="${options.first}"`] : []),
    ...(options.className ? [`class="${options.className}"`] : []),
  ];
  return `<th scope="col" ${attributes.join(' ')}><button type="button" title="Sort by ${escapeHtml(label.toLowerCase())}">${escapeHtml(label)}</button></th>`;
}

/**
 * The article report page: coverage and what it means, the statuses' bar and
 * legend, and a table of claims that sorts by any column, filters by text
 * and status, and reveals a claim in the editor on a click or Enter; sources
 * are links when they lead to an http, https or mailto URL. An Export button
 * runs the export command.
 */
export function renderArticleReport(model: ArticleReportModel, context: PageContext): string {
  const t = model.totals;
  const problems = model.problems.length
    ? `<h2>Broken sources</h2><table class="problems"><colgroup><col class="c-line"><col class="c-code"><col></colgroup><thead><tr><th scope="col" class="num">Line</th><th scope="col">Code</th><th scope="col">Problem</th></tr></thead><tbody>${model.problems
        .map((p) => `<tr class="problem" tabindex="0" data-line="${p.line}" data-column="${p.column}"><td class="num">${p.line}</td><td>${escapeHtml(p.code)}</td><td>${escapeHtml(p.message)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  // The "Source says" column stands only once sources were checked.
  const says = model.claims.some((c) => c.sourceSays);
  const claims = model.claims.length
    ? `<div class="toolbar">
<input id="filter" type="search" placeholder="Filter claims, values, sources…" aria-label="Filter claims by text" aria-controls="claims">
${filterButtons(t, t.claims, (s) => `Show only ${s} claims: ${statusMeanings[s]}`)}
${says ? saysFilterButtons(saysCounts(model.claims), model.claims.length, (f) => `Show only claims where ${saysMeanings[f]}`) : ''}
<span id="shown" class="shown" role="status" aria-live="polite"></span>
</div>
<table id="claims" class="report" data-noun="claims" aria-label="Claims">
<colgroup><col class="c-line"><col class="c-claim"><col class="c-value"><col class="c-status"><col class="c-sources">${says ? '<col class="c-says">' : ''}<col class="c-sentence col-sentence"></colgroup>
<thead><tr>${header('line', 'Line', 'number', { sorted: 'ascending', className: 'num' })}${header('claim', 'Claim', 'text')}${header('value', 'Value', 'number', { first: 'descending' })}${header('status', 'Status', 'number')}${header('sources', 'Sources', 'number', { first: 'descending' })}${says ? header('says', 'Source says', 'number') : ''}${header('sentence', 'Sentence', 'text', { className: 'col-sentence' })}</tr></thead>
<tbody>
${model.claims.map((claim) => claimRow(claim, says)).join('\n')}
</tbody></table>
<p id="nothing" class="empty" hidden>No claim matches the filter.</p>`
    : '<p class="empty">No numeric claims in this article.</p>';
  const body = `<header class="head"><h1>${escapeHtml(model.name)}</h1><button id="export" type="button" title="Export this report as JSON, CSV, Markdown or SARIF">Export…</button></header>
${coverageSummary(model.coverage, t)}
${bar(t, 'claims')}
${claims}
${problems}`;
  const script = `
  var onActivate = (row) => vscode.postMessage({ type: 'reveal', claimId: row.dataset.claim });
  for (const row of document.querySelectorAll('tr.problem')) {
    const go = () => vscode.postMessage({ type: 'revealPosition', line: Number(row.dataset.line), column: Number(row.dataset.column) });
    row.addEventListener('click', go);
    row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); } });
  }`;
  return page(context, `Claim Lens: ${model.name}`, model.language, `${body}\n<style nonce="${context.nonce}">${articleColumns}</style>`, script);
}

/** How many claims each "Source says" filter shows. */
function saysCounts(claims: readonly ReportClaim[]): Record<SaysFilter, number> {
  const counts: Record<SaysFilter, number> = { supported: 0, 'not-found': 0, unreachable: 0, 'not-checked': 0, unverified: 0 };
  for (const claim of claims) counts[claim.sourceSays?.status ?? 'unverified']++;
  return counts;
}

const articleColumns = `
  col.c-line { width: 4.2em; } col.c-claim { width: 15%; } col.c-value { width: 15%; } col.c-status { width: 8.5em; } col.c-sources { width: 26%; } col.c-says { width: 8em; }
  table.problems col.c-code { width: 12em; }
  tr.problem { cursor: pointer; }
  tr.problem:hover { background: var(--vscode-list-hoverBackground); }
`;

/** The results a file's or folder's claims have, in the order of the filters. */
function saysPresent(counts: SourceSaysCounts): VerificationStatus[] {
  return sourceSaysOrder.filter((s) => counts[s] > 0);
}

/** A file's or folder's "Source says" cell: "2 supported · 1 not found", "—" when its sources were not checked. */
function saysCell(counts: SourceSaysCounts | undefined, what: 'file' | 'folder'): string {
  if (!counts) return `<td data-sort="-1"><span class="muted" title="Verify Sources has not checked ${what === 'file' ? 'this file as it stands' : 'a file of this folder'}">—</span></td>`;
  const present = saysPresent(counts);
  const words = present.map((s) => `${counts[s]} ${saysFilterLabels[s].toLowerCase()}`);
  const title = [...words, `${counts.unverified} with no source checked`].join(', ');
  const text = present.length ? present.map((s) => `<span class="says"><i class="dot says-${s}"></i>${counts[s]} ${escapeHtml(saysFilterLabels[s].toLowerCase())}</span>`).join('') : '<span class="muted">none checked</span>';
  return `<td data-sort="${counts['not-found'] + counts.unreachable}" title="${escapeHtml(title)}">${text}</td>`;
}

function fileRow(file: WorkspaceReportFile, says: boolean): string {
  const t = file.totals;
  const present = statuses.filter((s) => t[s] > 0);
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const saysAttribute = says ? ` data-says="${file.sourceSays ? saysPresent(file.sourceSays).join(' ') : 'unverified'}"` : '';
  return `<tr class="row" tabindex="-1" data-uri="${escapeHtml(file.uri)}" data-statuses="${present.join(' ')}"${saysAttribute} data-search="${escapeHtml(file.path.toLowerCase())}" aria-label="${escapeHtml(`${file.path}: ${plural(t.claims, 'claim')}, ${t.uncited} uncited`)}">
  <td class="path" data-sort="${escapeHtml(name)}"><span class="one" title="${escapeHtml(file.path)}">${escapeHtml(name)}</span></td>
  <td class="num" data-sort="${t.claims}">${t.claims}</td>
  <td class="num" data-sort="${t.uncited}">${t.uncited}</td>
  <td class="num" data-sort="${t.attributed}">${t.attributed}</td>
  <td class="num" data-sort="${t.cited}">${t.cited}</td>
  <td class="num" data-sort="${t.ignored}">${t.ignored}</td>
  <td class="num" data-sort="${file.coverage}">${file.coverage}%</td>
  <td class="num" data-sort="${file.problems}">${file.problems}</td>
${says ? `  ${saysCell(file.sourceSays, 'file')}\n` : ''}</tr>`;
}

/**
 * The workspace report page: coverage over every article, then one group of
 * rows per folder (its totals first, then its files, most uncited claims
 * first), sortable by any column and filtered by path and status; a click or
 * Enter on a file opens it with its own report.
 */
export function renderWorkspaceReport(model: WorkspaceReportModel, context: PageContext): string {
  const t = model.totals;
  // The "Source says" column stands only once Verify Sources checked a file as it stands.
  const says = model.verified > 0;
  const byFolder = new Map<string, WorkspaceReportFile[]>();
  for (const file of model.files) {
    const folder = folderOf(file.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  const groups = model.folders.map((folder) => {
    const ft = folder.totals;
    const label = folder.path ? `${folder.path}/` : 'Top folder';
    return `<tbody class="group">
<tr class="folder-row"><th scope="rowgroup" title="${escapeHtml(label)}">${escapeHtml(label)} <span class="muted">${plural(ft.files, 'file')}</span></th><td class="num">${ft.claims}</td><td class="num">${ft.uncited}</td><td class="num">${ft.attributed}</td><td class="num">${ft.cited}</td><td class="num">${ft.ignored}</td><td class="num">${folder.coverage}%</td><td class="num"></td>${says ? saysCell(folder.sourceSays, 'folder') : ''}</tr>
${(byFolder.get(folder.path) ?? []).map((file) => fileRow(file, says)).join('\n')}
</tbody>`;
  });
  const withStatus = (s: ClaimStatus) => model.files.filter((f) => f.totals[s] > 0).length;
  const counts = { uncited: withStatus('uncited'), attributed: withStatus('attributed'), cited: withStatus('cited'), ignored: withStatus('ignored') };
  const saysFiles = (f: SaysFilter) => model.files.filter((file) => (f === 'unverified' ? !file.sourceSays : (file.sourceSays?.[f] ?? 0) > 0)).length;
  const saysFileCounts = { supported: saysFiles('supported'), 'not-found': saysFiles('not-found'), unreachable: saysFiles('unreachable'), 'not-checked': saysFiles('not-checked'), unverified: saysFiles('unverified') };
  const read = model.files.length + model.skipped.length;
  const skipped = model.skipped.length
    ? `<h2>Skipped</h2><ul>${model.skipped.map((s) => `<li>${escapeHtml(s.path)}: ${escapeHtml(s.reason)}</li>`).join('')}</ul>`
    : '';
  const table = model.files.length
    ? `<div class="toolbar">
<input id="filter" type="search" placeholder="Filter files by path…" aria-label="Filter files by path" aria-controls="files">
${filterButtons(counts, model.files.length, (s) => `Show only files with ${s} claims`)}
${says ? saysFilterButtons(saysFileCounts, model.files.length, (f) => (f === 'unverified' ? 'Show only files whose sources Verify Sources has not checked as they stand' : `Show only files with a claim where ${saysMeanings[f]}`)) : ''}
<span id="shown" class="shown" role="status" aria-live="polite"></span>
</div>
<table id="files" class="report" data-noun="files" aria-label="Files by folder">
<thead><tr>${header('file', 'File', 'text')}${header('claims', 'Claims', 'number', { className: 'num', first: 'descending' })}${header('uncited', 'Uncited', 'number', { className: 'num', first: 'descending' })}${header('attributed', 'Attributed', 'number', { className: 'num', first: 'descending' })}${header('cited', 'Cited', 'number', { className: 'num', first: 'descending' })}${header('ignored', 'Ignored', 'number', { className: 'num', first: 'descending' })}${header('coverage', 'Coverage', 'number', { className: 'num' })}${header('problems', 'Broken sources', 'number', { className: 'num', first: 'descending' })}${says ? header('says', 'Source says', 'number', { first: 'descending' }) : ''}</tr></thead>
${groups.join('\n')}
</table>
<p id="nothing" class="empty" hidden>No file matches the filter.</p>`
    : '<p class="empty">No articles found.</p>';
  const body = `<header class="head"><h1>Claim Lens: workspace</h1><button id="export" type="button" title="Export the workspace report as JSON, CSV, Markdown or SARIF">Export…</button></header>
${model.cancelled ? `<p class="note" role="status">Cancelled after ${read} of ${plural(model.found, 'file')}: only the files read before cancelling are counted.</p>` : `<p class="note">Read ${plural(read, 'file')} of ${model.found} found.</p>`}
${coverageSummary(model.coverage, t, t.files)}
${bar(t, 'claims')}
${table}
${skipped}
<style nonce="${context.nonce}">#files { table-layout: auto; } #files th.num, #files td.num { width: 1%; white-space: nowrap; padding-left: 1.2em; } #files td.path, #files th[scope=rowgroup] { min-width: 12em; }</style>`;
  const script = `
  var onActivate = (row) => vscode.postMessage({ type: 'open', uri: row.dataset.uri });`;
  return page(context, 'Claim Lens: workspace', 'en', body, script);
}
