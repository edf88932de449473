// The editor's report pages are rendered from plain models by pure code
// (no `vscode` import), so they are tested here like the core.
import * as assert from 'node:assert/strict';
import { analyze, toJsonReport } from '../../src/core/index';
import { renderArticleReport, renderWorkspaceReport } from '../../src/extension/report-html';
import { buildArticleReport, buildWorkspaceReport, buildWorkspaceReportFromJson, progressMessage, sourceSaysCountsOf } from '../../src/extension/report-model';

const context = { nonce: 'n0nce', cspSource: 'https://webview.test' };

const english = [
  '# Wind',
  '',
  'The farm cost an estimated £6.2 billion, per the [operator](https://example.org/farm).',
  '',
  'Two-thirds of homes are served, [the desk](mailto:desk@example.org) says.',
  '',
  'Output rose 67% last year ([notes](javascript:alert(1))).',
  '',
  'About 2,300 people work there.[^jobs]',
  '',
  'Rents rose 12%, according to the Housing Office.',
  '',
  'Prices fell 4% <b onclick="x()">in</b> May.',
  '',
  '[^jobs]: Jobs survey, <https://example.org/jobs>.',
  '',
].join('\n');

function englishModel() {
  return buildArticleReport('file:///w/wind.md', 'wind.md', english, analyze(english, { format: 'markdown' }));
}

describe('report page: the article model', () => {
  it('formats values for people and names each source by kind, linking only http, https and mailto', () => {
    const model = englishModel();
    assert.equal(model.language, 'en');
    assert.deepEqual(
      model.claims.map((c) => [c.text, c.value, c.status, c.sources.map((s) => [s.kindLabel, s.label, s.url ?? null])]),
      [
        ['an estimated £6.2 billion', 'an estimated £6.2 billion', 'cited', [['named', 'the operator', null], ['link', 'operator', 'https://example.org/farm']]],
        ['Two-thirds', 'two-thirds (0.67)', 'cited', [['link', 'the desk', 'mailto:desk@example.org'], ['named', 'the desk', null]]],
        ['67%', '67%', 'cited', [['link', 'notes', null]]],
        ['About 2,300', 'about 2,300', 'cited', [['footnote', '[^jobs] Jobs survey, https://example.org/jobs.', 'https://example.org/jobs']]],
        ['12%', '12%', 'attributed', [['named', 'Housing Office', null]]],
        ['4%', '4%', 'uncited', []],
      ],
    );
  });

  it('reads a Chinese article in Chinese', () => {
    const text = '全国新能源汽车销售额达1.2万亿元，同比增长三分之二。\n';
    const model = buildArticleReport('file:///w/ev.md', 'ev.md', text, analyze(text, { format: 'markdown' }));
    assert.equal(model.language, 'zh');
    assert.deepEqual(model.claims.map((c) => c.value), ['1.2万亿元', '三分之二 (0.67)']);
    const html = renderArticleReport(model, context);
    assert.match(html, /<html lang="zh">/);
    assert.ok(html.includes('1.2万亿元'));
  });
});

describe('report page: the article page', () => {
  const html = renderArticleReport(englishModel(), context);

  it('allows only its own nonce-marked script and style, and no inline handler or style attribute', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/u.exec(html)?.[1];
    assert.equal(csp, "default-src &#39;none&#39;; img-src https://webview.test; style-src https://webview.test &#39;nonce-n0nce&#39;; script-src &#39;nonce-n0nce&#39;;");
    assert.deepEqual([...html.matchAll(/<script\b[^>]*>/gu)].map((m) => m[0]), ['<script nonce="n0nce">']);
    assert.ok([...html.matchAll(/<style\b[^>]*>/gu)].every((m) => m[0] === '<style nonce="n0nce">'));
    // Attributes of the page's own tags, not text inside attribute values (the article's `onclick` is escaped).
    assert.deepEqual(html.match(/<[a-z]+\b[^>]*\s(?:on[a-z]+|style)=/gu), null);
    assert.ok(html.includes('&lt;b onclick=&quot;x()&quot;&gt;') || !html.includes('onclick="x()"'));
  });

  it('has a script that parses', () => {
    const script = /<script nonce="n0nce">([\s\S]*?)<\/script>/u.exec(html)?.[1] ?? '';
    assert.ok(script.includes('acquireVsCodeApi'));
    assert.doesNotThrow(() => new Function(script));
  });

  it('links sources only to http, https and mailto URLs', () => {
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/gu)].map((m) => m[1]);
    assert.deepEqual(hrefs, ['https://example.org/farm', 'mailto:desk@example.org', 'https://example.org/jobs']);
    assert.ok(!html.includes('href="javascript'));
  });

  it('has one focusable row per claim, sortable headers with aria-sort, a text filter, status filters and an export button', () => {
    assert.equal(html.match(/<tr class="row" tabindex="-1" data-claim=/gu)?.length, 6);
    const headers = [...html.matchAll(/<th scope="col" data-key="(\w+)" data-type="(\w+)"([^>]*)>/gu)].map((m) => [m[1], m[2], /aria-sort="(\w+)"/u.exec(m[3])?.[1] ?? null]);
    assert.deepEqual(headers, [
      ['line', 'number', 'ascending'],
      ['claim', 'text', null],
      ['value', 'number', null],
      ['status', 'number', null],
      ['sources', 'number', null],
      ['sentence', 'text', null],
    ]);
    assert.match(html, /<input id="filter" type="search"/u);
    assert.deepEqual([...html.matchAll(/data-filter="(\w+)" aria-pressed="(\w+)"/gu)].map((m) => [m[1], m[2]]), [
      ['all', 'true'],
      ['uncited', 'false'],
      ['attributed', 'false'],
      ['cited', 'false'],
      ['ignored', 'false'],
    ]);
    assert.match(html, /<button id="export" type="button"/u);
    assert.match(html, /Coverage is the share of claims that name a source, cited or attributed: 5 of 6 claims\./u);
  });

  it('draws statuses in the legend\'s theme colours, uncited apart from attributed', () => {
    assert.match(html, /--cl-uncited: var\(--vscode-charts-red\)/u);
    assert.match(html, /--cl-attributed: var\(--vscode-charts-yellow\)/u);
    assert.match(html, /<i class="dot uncited"><\/i>Uncited/u);
    assert.ok(!/editorWarning-foreground/u.test(html), 'no warning amber for uncited');
  });
});

describe('report page: the workspace', () => {
  const file = (path: string, text: string) => ({ uri: `file:///w/${path}`, path, analysis: analyze(text, { format: 'markdown' }) });
  const files = [
    file('a.md', 'Sales rose 12% and 8%.\n'),
    file('desk/b.md', 'Rents rose 5%, [per the survey](https://example.org/s).\n'),
    file('desk/c.md', 'Fares rose 3%.\n'),
    file('desk/old/d.md', 'No figures here.\n'),
  ];
  const model = buildWorkspaceReport(files, [{ path: 'big.md', reason: 'too large' }], false, 5);

  it('totals each folder and keeps the count of files found', () => {
    assert.deepEqual(
      model.folders.map((f) => [f.path, f.totals.files, f.totals.claims, f.totals.uncited, f.coverage]),
      [
        ['', 1, 2, 2, 0],
        ['desk', 2, 2, 1, 50],
        ['desk/old', 1, 0, 0, 100],
      ],
    );
    assert.equal(model.found, 5);
    assert.deepEqual(model.files.map((f) => f.path), ['a.md', 'desk/c.md', 'desk/b.md', 'desk/old/d.md']);
  });

  it('renders a group per folder with its totals, rows that open a file, and what was read', () => {
    const html = renderWorkspaceReport(model, context);
    assert.deepEqual([...html.matchAll(/<th scope="rowgroup" title="([^"]+)">/gu)].map((m) => m[1]), ['Top folder', 'desk/', 'desk/old/']);
    assert.deepEqual([...html.matchAll(/<tr class="row" tabindex="-1" data-uri="([^"]+)"/gu)].map((m) => m[1]), [
      'file:///w/a.md',
      'file:///w/desk/c.md',
      'file:///w/desk/b.md',
      'file:///w/desk/old/d.md',
    ]);
    assert.match(html, /Read 5 files of 5 found\./u);
    assert.match(html, /<li>big\.md: too large<\/li>/u);
    const cancelled = renderWorkspaceReport(buildWorkspaceReport(files.slice(0, 2), [], true, 40), context);
    assert.match(cancelled, /Cancelled after 2 of 40 files/u);
  });
});

describe('report page: what checking the sources found', () => {
  const text = 'Solar output rose [67%](https://example.org/solar) in Spain.\n\nHydro output fell [8%](https://example.org/gone) after the drought.\n\nWind output rose 3% in the year.\n';
  const analysis = analyze(text, { format: 'markdown' });
  const [solar, hydro] = analysis.claims;
  const verifications = [
    { claimId: solar.id, sourceId: solar.sources[0].id, status: 'supported' as const, url: 'https://example.org/solar', quote: 'Solar output climbed 67 per cent.', figure: '67 per cent' },
    { claimId: hydro.id, sourceId: hydro.sources[0].id, status: 'unreachable' as const, url: 'https://example.org/gone', reason: 'the page is not there (HTTP 404)' },
  ];

  it('says per claim what its sources say, with the passage or the reason', () => {
    const model = buildArticleReport('file:///w/energy.md', 'energy.md', text, analysis, verifications);
    assert.deepEqual(model.claims.map((c) => c.sourceSays && [c.sourceSays.label, c.sourceSays.detail]), [
      ['Supported', '“Solar output climbed 67 per cent.” (https://example.org/solar)'],
      ['Dead source', 'https://example.org/gone: the page is not there (HTTP 404)'],
      undefined,
    ]);
  });

  it('shows the "Source says" column, searchable by its words, only once sources were checked', () => {
    const checked = renderArticleReport(buildArticleReport('file:///w/energy.md', 'energy.md', text, analysis, verifications), context);
    assert.ok(checked.includes('>Source says</button>'));
    assert.ok(checked.includes('<col class="c-says">'));
    assert.match(checked, /data-search="[^"]*dead source[^"]*"/u);
    const unchecked = renderArticleReport(buildArticleReport('file:///w/energy.md', 'energy.md', text, analysis), context);
    assert.ok(!unchecked.includes('Source says'));
    assert.ok(!unchecked.includes('data-says='));
  });

  it('filters by what the sources say with buttons like the status filters: a labelled group, aria-pressed, counts per result', () => {
    const html = renderArticleReport(buildArticleReport('file:///w/energy.md', 'energy.md', text, analysis, verifications), context);
    const groups = [...html.matchAll(/<div class="filters" role="group" aria-label="([^"]+)" data-by="(\w+)" data-state="(\w+)">(.*?)<\/div>/gu)];
    assert.deepEqual(groups.map((g) => [g[1], g[2], g[3]]), [
      ['Show by status', 'statuses', 'status'],
      ['Show by what the sources say', 'says', 'says'],
    ]);
    const says = groups[1][4];
    assert.deepEqual([...says.matchAll(/<button type="button" data-filter="([\w-]+)" aria-pressed="(\w+)" title="[^"]+">(?:<i class="dot says-[\w-]+"><\/i>)?([^<]+)<span class="n">(\d+)<\/span><\/button>/gu)].map((m) => [m[1], m[2], m[3], Number(m[4])]), [
      ['all', 'true', 'All', 3],
      ['supported', 'false', 'Supported', 1],
      ['not-found', 'false', 'Not found', 0],
      ['unreachable', 'false', 'Dead source', 1],
      ['not-checked', 'false', 'Not checked', 0],
      ['unverified', 'false', 'Not verified', 1],
    ]);
    // Each row says which button shows it; the text filter and both groups combine in the page's script.
    assert.deepEqual([...html.matchAll(/<tr class="row"[^>]* data-statuses="(\w+)" data-says="([\w-]+)"/gu)].map((m) => [m[1], m[2]]), [
      ['cited', 'supported'],
      ['cited', 'unreachable'],
      ['uncited', 'unverified'],
    ]);
    assert.match(html, /filterGroups\.every\(\(g\) => g\.value === 'all' \|\| \(row\.dataset\[g\.by\] \|\| ''\)\.split\(' '\)\.includes\(g\.value\)\)/u);
    assert.match(html, /<td data-sort="0"><span class="one says" title="[^"]+"><i class="dot says-supported"><\/i>Supported<\/span><\/td>/u);
  });
});

describe('report page: what checking the sources found, over the workspace', () => {
  const file = (path: string, body: string) => ({ uri: `file:///w/${path}`, path, analysis: analyze(body, { format: 'markdown' }) });
  const energy = file('desk/energy.md', 'Solar output rose [67%](https://example.org/solar) and wind [12%](https://example.org/wind).\n\nHydro fell [8%](https://example.org/gone).\n\nCoal fell 3%.\n');
  const farms = file('desk/farms.md', 'Yields rose [5%](https://example.org/yields).\n');
  const rents = file('rents.md', 'Rents rose 9%.\n');
  const [solar, wind, hydro] = energy.analysis.claims;
  const [yields] = farms.analysis.claims;
  const result = (claim: typeof solar, status: 'supported' | 'not-found' | 'unreachable' | 'not-checked') => ({ claimId: claim.id, sourceId: claim.sources.find((s) => s.kind === 'link')!.id, status, url: 'https://example.org/x' });
  const energyResults = [result(solar, 'supported'), result(wind, 'not-found'), result(hydro, 'unreachable')];
  const checked = [
    { ...energy, verifications: energyResults },
    { ...farms, verifications: [result(yields, 'not-checked')] },
    rents,
  ];

  it('counts per file, and per folder over its checked files, the claims each result stands for', () => {
    const model = buildWorkspaceReport(checked, [], false);
    assert.equal(model.verified, 2);
    assert.deepEqual(model.files.map((f) => [f.path, f.sourceSays ?? null]), [
      ['desk/energy.md', { supported: 1, 'not-found': 1, unreachable: 1, 'not-checked': 0, unverified: 1 }],
      ['rents.md', null],
      ['desk/farms.md', { supported: 0, 'not-found': 0, unreachable: 0, 'not-checked': 1, unverified: 0 }],
    ]);
    assert.deepEqual(model.folders.map((f) => [f.path, f.sourceSays ?? null]), [
      ['', null],
      ['desk', { supported: 1, 'not-found': 1, unreachable: 1, 'not-checked': 1, unverified: 1 }],
    ]);
  });

  it('shows a "Source says" column and filter once a file was checked, and neither before', () => {
    const html = renderWorkspaceReport(buildWorkspaceReport(checked, [], false), context);
    assert.ok(html.includes('<th scope="col" data-key="says" data-type="number" data-first="descending"><button type="button" title="Sort by source says">Source says</button></th>'));
    assert.deepEqual([...html.matchAll(/<tr class="row" tabindex="-1" data-uri="file:\/\/\/w\/([^"]+)" data-statuses="[^"]*" data-says="([^"]*)"/gu)].map((m) => [m[1], m[2]]), [
      ['rents.md', 'unverified'],
      ['desk/energy.md', 'supported not-found unreachable'],
      ['desk/farms.md', 'not-checked'],
    ]);
    const group = /<div class="filters" role="group" aria-label="Show by what the sources say" data-by="says" data-state="says">(.*?)<\/div>/u.exec(html)?.[1] ?? '';
    assert.deepEqual([...group.matchAll(/data-filter="([\w-]+)"[^>]*>.*?<span class="n">(\d+)<\/span>/gu)].map((m) => [m[1], Number(m[2])]), [
      ['all', 3],
      ['supported', 1],
      ['not-found', 1],
      ['unreachable', 1],
      ['not-checked', 1],
      ['unverified', 1],
    ]);
    // The energy file's cell, sorted by its claims not found or dead.
    assert.match(html, /<td data-sort="2" title="1 supported, 1 not found, 1 dead source, 1 with no source checked"><span class="says"><i class="dot says-supported"><\/i>1 supported<\/span><span class="says"><i class="dot says-not-found"><\/i>1 not found<\/span><span class="says"><i class="dot says-unreachable"><\/i>1 dead source<\/span><\/td>/u);
    for (const page of [html, renderArticleReport(buildArticleReport('file:///w/desk/energy.md', 'energy.md', 'x', energy.analysis, energyResults), context)]) {
      const script = /<script nonce="n0nce">([\s\S]*?)<\/script>/u.exec(page)?.[1] ?? '';
      assert.doesNotThrow(() => new Function(script), 'the page script parses');
    }
    const unchecked = renderWorkspaceReport(buildWorkspaceReport([energy, farms, rents], [], false), context);
    assert.equal(buildWorkspaceReport([energy, farms, rents], [], false).verified, 0);
    assert.ok(!unchecked.includes('Source says'));
    assert.ok(!unchecked.includes('data-says='));
  });
});

describe('report page: the workspace from the JSON report alone', () => {
  const file = (path: string, text: string) => ({ uri: `file:///w/${path}`, path, text, analysis: analyze(text, { format: 'markdown' }) });
  const energyText = 'Solar output rose [67%](https://example.org/solar) and wind [12%](https://example.org/wind).\n\nHydro fell [8%](https://example.org/gone).\n\nCoal fell 3%, the board said.\n';
  const files = [
    file('a.md', 'Sales rose 12% and 8%.\n'),
    file('desk/energy.md', energyText),
    file('desk/old/d.md', 'No figures here.\n'),
  ];
  const skipped = [{ path: 'big.md', reason: 'too large' }];
  const fromJson = (checked: Parameters<typeof sourceSaysCountsOf>[1] | undefined) =>
    buildWorkspaceReportFromJson(
      toJsonReport(files).files.map((report, i) => ({ uri: files[i].uri, report, ...(checked && report.path === 'desk/energy.md' ? { sourceSays: sourceSaysCountsOf(report, checked) } : {}) })),
      skipped,
      false,
      4,
    );

  it('gives the model the analyses give: rows, folders, totals and coverage', () => {
    assert.deepEqual(fromJson(undefined), buildWorkspaceReport(files, skipped, false, 4));
    assert.deepEqual(fromJson(undefined).totals, { files: 3, claims: 6, cited: 3, attributed: 1, uncited: 2, ignored: 0, coverage: 4 / 6 });
  });

  it('counts what the sources say by matching each claim to the one checked at its place, as the analyses would', () => {
    const energy = files[1];
    const [solar, wind, hydro] = energy.analysis.claims;
    const result = (claim: typeof solar, status: 'supported' | 'not-found' | 'unreachable') => ({ claimId: claim.id, sourceId: claim.sources[0].id, status, url: 'https://example.org/x' });
    const verifications = [result(solar, 'supported'), result(wind, 'not-found'), result(hydro, 'unreachable')];
    const model = fromJson({ text: energy.text, analysis: energy.analysis, verifications });
    const byAnalyses = buildWorkspaceReport(files.map((f) => (f === energy ? { ...f, verifications } : f)), skipped, false, 4);
    assert.deepEqual(model, byAnalyses);
    assert.deepEqual(model.files.find((f) => f.path === 'desk/energy.md')?.sourceSays, { supported: 1, 'not-found': 1, unreachable: 1, 'not-checked': 0, unverified: 1 });
    // Checked at another text, where the claims stand elsewhere: none of them is matched.
    const moved = `# Energy\n\n${energyText}`;
    const shifted = fromJson({ text: moved, analysis: analyze(moved, { format: 'markdown' }), verifications });
    assert.deepEqual(shifted.files.find((f) => f.path === 'desk/energy.md')?.sourceSays, { supported: 0, 'not-found': 0, unreachable: 0, 'not-checked': 0, unverified: 4 });
  });
});

describe('report page: scan progress', () => {
  it('reads "n of N files" and the file being read', () => {
    assert.deepEqual(
      [progressMessage(1, 1, 'a.md'), progressMessage(12, 1340, 'desk/budget.md')],
      ['1 of 1 file · a.md', '12 of 1,340 files · desk/budget.md'],
    );
  });
});
