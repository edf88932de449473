import * as assert from 'node:assert/strict';
import {
  coveragePercent,
  findingsOf,
  joinRendered,
  jsonFileText,
  jsonReportText,
  renderJson,
  summarize,
  summaryLine,
  toCsv,
  toJsonReport,
  toMarkdown,
  toSarif,
  type ReportFile,
} from '../../src/core/report';
import type { Analysis, Claim, ClaimKind, ClaimStatus, Source } from '../../src/core/types';
import { analyze } from '../../src/core/index';

const text = [
  '# Patents',
  '',
  'China filed 38,210 patents, per [WIPO](https://example.org/wipo "WIPO report").',
  '😀 Revenue rose 12%, McKinsey said. Profit hit $4 billion.',
  'About 7 in 10 "experts" agree, we think.[^9]',
  '',
].join('\n');

/** The range of the `nth` occurrence of `part` in the text. */
function at(part: string, nth = 1): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i < nth; i++) start = text.indexOf(part, start + 1);
  assert.ok(start >= 0, `"${part}" is in the text`);
  return { start, end: start + part.length };
}

let nextSource = 0;
function source(kind: Source['kind'], marker: string, fields: Partial<Source>): Source {
  return { id: nextSource++, kind, range: at(marker), label: marker, ...fields };
}

function claim(anchor: string, kind: ClaimKind, value: number | null, unit: string | null, sentence: string, status: ClaimStatus, sources: Source[] = [], raw = sentence): Claim {
  const range = at(anchor);
  return { id: `${range.start}:${anchor}`, range, text: anchor, kind, value, unit, sentence, sentenceRange: at(raw), status, sources };
}

const wipo = source('link', '[WIPO](https://example.org/wipo "WIPO report")', { label: 'WIPO', url: 'https://example.org/wipo', title: 'WIPO report' });
const mckinsey = source('textual', 'McKinsey said', { label: 'McKinsey', name: 'McKinsey', phrase: 'said' });

const analysis: Analysis = {
  format: 'markdown',
  claims: [
    claim('38,210', 'count', 38210, null, 'China filed 38,210 patents, per WIPO.', 'cited', [wipo], 'China filed 38,210 patents, per [WIPO](https://example.org/wipo "WIPO report").'),
    claim('12%', 'change', 12, null, '😀 Revenue rose 12%, McKinsey said.', 'attributed', [mckinsey]),
    claim('$4 billion', 'money', 4e9, 'USD', 'Profit hit $4 billion.', 'uncited'),
    claim('7 in 10', 'fraction', 0.7, null, 'About 7 in 10 "experts" agree, we think.', 'ignored'),
  ],
  sources: [wipo, mckinsey],
  problems: [{ code: 'missing-footnote', message: 'Footnote [^9] has no definition.', range: at('[^9]') }],
};

const article: ReportFile = { path: 'articles/patents.md', text, analysis };
const empty: ReportFile = { path: 'notes.txt', text: 'Nothing to count here.\n', analysis: { format: 'text', claims: [], sources: [], problems: [] } };

describe('report: summarize', () => {
  it('counts claims by status; coverage leaves ignored claims out', () => {
    assert.deepEqual(summarize([article, empty]), {
      files: 2,
      claims: 4,
      cited: 1,
      attributed: 1,
      uncited: 1,
      ignored: 1,
      coverage: 2 / 3,
    });
  });

  it('has full coverage when there is no claim', () => {
    assert.equal(summarize([empty]).coverage, 1);
    assert.equal(summarize([]).coverage, 1);
  });

  it('writes one line for people', () => {
    assert.equal(summaryLine(summarize([article, empty])), '2 files, 4 claims: 1 cited, 1 attributed, 1 uncited, 1 ignored — coverage 67%');
    assert.equal(summaryLine(summarize([empty])), '1 file, 0 claims: 0 cited, 0 attributed, 0 uncited, 0 ignored — coverage 100%');
    // Files given but skipped count among the files, and are named.
    assert.equal(summaryLine(summarize([article, empty]), 3), '5 files (3 skipped), 4 claims: 1 cited, 1 attributed, 1 uncited, 1 ignored — coverage 67%');
    assert.equal(summaryLine(summarize([]), 1), '1 file (1 skipped), 0 claims: 0 cited, 0 attributed, 0 uncited, 0 ignored — coverage 100%');
  });

  const percents: [number, number][] = [
    [0, 0],
    [0.004, 1],
    [2 / 3, 67],
    [0.996, 99],
    [1, 100],
  ];
  for (const [coverage, percent] of percents) {
    it(`shows coverage ${coverage} as ${percent}%`, () => assert.equal(coveragePercent(coverage), percent));
  }
});

describe('report: findingsOf', () => {
  it('reports uncited and attributed claims and every problem by default, in text order', () => {
    const findings = findingsOf(article).map(({ code, severity, message, start, end }) => ({ code, severity, message, start, end }));
    assert.deepEqual(findings, [
      {
        code: 'attributed-claim',
        severity: 'info',
        message: 'Claim "12%" is attributed to McKinsey, but no link, footnote or citation backs it.',
        start: { line: 4, column: 17 },
        end: { line: 4, column: 20 },
      },
      {
        code: 'uncited-claim',
        severity: 'warning',
        message: 'Uncited claim "$4 billion": no link, footnote or citation in its sentence.',
        start: { line: 4, column: 48 },
        end: { line: 4, column: 58 },
      },
      {
        code: 'missing-footnote',
        severity: 'warning',
        message: 'Footnote [^9] has no definition.',
        start: { line: 5, column: 41 },
        end: { line: 5, column: 45 },
      },
    ]);
  });

  it('reports the statuses a file\'s settings ask for, worded for its scope', () => {
    const findings = findingsOf({ ...article, settings: { report: ['cited', 'ignored', 'uncited'], scope: 'paragraph' } });
    assert.deepEqual(findings.map((f) => [f.code, f.severity, f.message]), [
      ['cited-claim', 'info', 'Claim "38,210" is cited: link to https://example.org/wipo.'],
      ['uncited-claim', 'warning', 'Uncited claim "$4 billion": no link, footnote or citation in its paragraph.'],
      ['ignored-claim', 'info', 'Claim "7 in 10" is ignored.'],
      ['missing-footnote', 'warning', 'Footnote [^9] has no definition.'],
    ]);
  });
});

describe('report: toJsonReport', () => {
  it('gives the spec\'s section 5 object: 1-based lines, UTF-16 columns, exclusive end columns', () => {
    assert.deepEqual(toJsonReport([article, empty]), {
      files: [
        {
          path: 'articles/patents.md',
          claims: [
            {
              text: '38,210', kind: 'count', value: 38210, unit: null,
              line: 3, column: 13, endLine: 3, endColumn: 19,
              sentence: 'China filed 38,210 patents, per WIPO.',
              status: 'cited',
              sources: [{ kind: 'link', label: 'WIPO', url: 'https://example.org/wipo', title: 'WIPO report', line: 3, column: 33 }],
            },
            {
              text: '12%', kind: 'change', value: 12, unit: null,
              line: 4, column: 17, endLine: 4, endColumn: 20,
              sentence: '😀 Revenue rose 12%, McKinsey said.',
              status: 'attributed',
              sources: [{ kind: 'textual', label: 'McKinsey', name: 'McKinsey', line: 4, column: 22 }],
            },
            {
              text: '$4 billion', kind: 'money', value: 4000000000, unit: 'USD',
              line: 4, column: 48, endLine: 4, endColumn: 58,
              sentence: 'Profit hit $4 billion.',
              status: 'uncited',
              sources: [],
            },
            {
              text: '7 in 10', kind: 'fraction', value: 0.7, unit: null,
              line: 5, column: 7, endLine: 5, endColumn: 14,
              sentence: 'About 7 in 10 "experts" agree, we think.',
              status: 'ignored',
              sources: [],
            },
          ],
          problems: [{ code: 'missing-footnote', message: 'Footnote [^9] has no definition.', line: 5, column: 41 }],
        },
        { path: 'notes.txt', claims: [], problems: [] },
      ],
      summary: { files: 2, claims: 4, cited: 1, attributed: 1, uncited: 1, ignored: 1 },
    });
  });

  it('gives a citation its key and text, and a claim range over two lines its end line', () => {
    const twoLines = 'Sales reached 4\nmillion units [@idc2024, p. 3].\n';
    const citation: Source = { id: 0, kind: 'citation', range: { start: 30, end: 47 }, label: '@idc2024', key: 'idc2024', text: 'p. 3' };
    const file: ReportFile = {
      path: 'b.md',
      text: twoLines,
      analysis: {
        format: 'markdown',
        claims: [{
          id: '14:4\nmillion', range: { start: 14, end: 23 }, text: '4\nmillion', kind: 'count', value: 4e6, unit: null,
          sentence: 'Sales reached 4 million units.', sentenceRange: { start: 0, end: 48 }, status: 'cited', sources: [citation],
        }],
        sources: [citation],
        problems: [],
      },
    };
    assert.deepEqual(toJsonReport([file]).files[0].claims[0], {
      text: '4\nmillion', kind: 'count', value: 4000000, unit: null,
      line: 1, column: 15, endLine: 2, endColumn: 8,
      sentence: 'Sales reached 4 million units.',
      status: 'cited',
      sources: [{ kind: 'citation', label: '@idc2024', key: 'idc2024', text: 'p. 3', line: 2, column: 15 }],
    });
  });
});

describe('report: qualifiers and links on a name in the JSON report', () => {
  it('carries the qualifier the hover shows, and marks a claim cited only by a link on a name', () => {
    const yahoo = source('link', '[WIPO](https://example.org/wipo "WIPO report")', { label: 'Yahoo', url: 'https://news.example/topic/yahoo', weak: true });
    const file: ReportFile = {
      ...article,
      analysis: { ...analysis, claims: [{ ...analysis.claims[2], qualifier: 'over', status: 'cited', sources: [yahoo] }], sources: [yahoo] },
    };
    const [claim] = toJsonReport([file]).files[0].claims;
    assert.equal(claim.qualifier, 'over');
    assert.equal(claim.citedOnlyByNameLinks, true);
    assert.deepEqual(claim.sources.map((s) => [s.label, s.weak]), [['Yahoo', true]]);
    const [plain] = toJsonReport([article]).files[0].claims;
    assert.equal('qualifier' in plain || 'citedOnlyByNameLinks' in plain, false);
  });
});

describe('report: toSarif', () => {
  const log = toSarif([article, empty], { toolVersion: '1.2.3', srcRoot: 'file:///home/writer/site/' });
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log from the tool "Claim Lens" with a rule per code', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(run.tool.driver.name, 'Claim Lens');
    assert.equal(run.tool.driver.version, '1.2.3');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///home/writer/site/' } });
    assert.deepEqual(run.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level]), [
      ['uncited-claim', 'warning'],
      ['attributed-claim', 'note'],
      ['cited-claim', 'note'],
      ['ignored-claim', 'note'],
      ['missing-footnote', 'warning'],
      ['duplicate-footnote', 'warning'],
      ['empty-link', 'warning'],
      ['unknown-citation-key', 'warning'],
      ['missing-bibliography', 'warning'],
      ['bibliography-error', 'warning'],
      ['figure-not-in-source', 'warning'],
      ['dead-source', 'warning'],
      ['source-not-checked', 'note'],
    ]);
    assert.deepEqual(run.tool.driver.rules[0], {
      id: 'uncited-claim',
      name: 'UncitedClaim',
      shortDescription: { text: 'A numeric claim with no link, footnote, citation or named source where it stands.' },
      helpUri: 'https://github.com/claimlens/claimlens#uncited-claim',
      defaultConfiguration: { level: 'warning' },
    });
    assert.deepEqual(run.artifacts, [
      { location: { uri: 'articles/patents.md', uriBaseId: '%SRCROOT%' } },
      { location: { uri: 'notes.txt', uriBaseId: '%SRCROOT%' } },
    ]);
  });

  it('has a result per finding, with its region', () => {
    assert.deepEqual(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level]), [
      ['attributed-claim', 1, 'note'],
      ['uncited-claim', 0, 'warning'],
      ['missing-footnote', 4, 'warning'],
    ]);
    assert.deepEqual(run.results[1], {
      ruleId: 'uncited-claim',
      ruleIndex: 0,
      level: 'warning',
      message: { text: 'Uncited claim "$4 billion": no link, footnote or citation in its sentence.' },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: 'articles/patents.md', uriBaseId: '%SRCROOT%', index: 0 },
          region: { startLine: 4, startColumn: 48, endLine: 4, endColumn: 58, snippet: { text: '$4 billion' } },
        },
      }],
    });
  });

  it('percent-encodes paths into URIs', () => {
    const spaced = toSarif([{ ...empty, path: 'my notes/100% #1.txt' }]);
    assert.equal(spaced.runs[0].artifacts[0].location.uri, 'my%20notes/100%25%20%231.txt');
    assert.equal(spaced.runs[0].originalUriBaseIds, undefined);
  });
});

describe('report: toCsv', () => {
  it('lists every claim, quoting fields with commas, quotes and line breaks (RFC 4180)', () => {
    assert.equal(
      toCsv([article, empty]),
      [
        'path,line,column,endLine,endColumn,claim,kind,value,unit,status,sources,sentence',
        'articles/patents.md,3,13,3,19,"38,210",count,38210,,cited,https://example.org/wipo,"China filed 38,210 patents, per WIPO."',
        'articles/patents.md,4,17,4,20,12%,change,12,,attributed,McKinsey,"😀 Revenue rose 12%, McKinsey said."',
        'articles/patents.md,4,48,4,58,$4 billion,money,4000000000,USD,uncited,,Profit hit $4 billion.',
        'articles/patents.md,5,7,5,14,7 in 10,fraction,0.7,,ignored,,"About 7 in 10 ""experts"" agree, we think."',
        '',
      ].join('\r\n'),
    );
  });

  it('writes a sentence on one line: the article’s line breaks and runs of spaces become one space', () => {
    const file: ReportFile = {
      ...article,
      analysis: { ...analysis, claims: [{ ...analysis.claims[2], sentence: 'Profit hit\r\n   $4 billion,\n\tthe "best" year.' }] },
    };
    assert.equal(toCsv([file]).split('\r\n')[1], 'articles/patents.md,4,48,4,58,$4 billion,money,4000000000,USD,uncited,,"Profit hit $4 billion, the ""best"" year."');
    assert.equal(toJsonReport([file]).files[0].claims[0].sentence, 'Profit hit $4 billion, the "best" year.');
  });

  it('quotes a field with a line break', () => {
    const file: ReportFile = { ...article, path: 'articles/two\nlines.md', analysis: { ...analysis, claims: [analysis.claims[2]] } };
    assert.match(toCsv([file]).split('\r\n').slice(1).join('\r\n'), /^"articles\/two\nlines\.md",4,48,/u);
  });
  it('adds a sourceSays column once sources were checked: the best result over the claim\'s sources, empty where none was checked', () => {
    const claimId = analysis.claims[0].id;
    const verified: ReportFile = {
      ...article,
      verifications: [
        { claimId, sourceId: wipo.id, status: 'not-found', url: 'https://example.org/wipo', reason: 'the page was read (300 words) and does not state it' },
        { claimId, sourceId: wipo.id, status: 'supported', url: 'https://example.org/wipo-pdf', quote: 'China filed 38 210 patents.', figure: '38 210' },
      ],
    };
    const rows = toCsv([verified, { ...empty }]).split('\r\n');
    assert.equal(rows[0], 'path,line,column,endLine,endColumn,claim,kind,value,unit,status,sources,sourceSays,sentence');
    assert.equal(rows[1], 'articles/patents.md,3,13,3,19,"38,210",count,38210,,cited,https://example.org/wipo,supported,"China filed 38,210 patents, per WIPO."');
    assert.equal(rows[3], 'articles/patents.md,4,48,4,58,$4 billion,money,4000000000,USD,uncited,,,Profit hit $4 billion.');
    // Checked and nothing came back: the column stands, its cells empty.
    assert.equal(toCsv([{ ...article, verifications: [] }]).split('\r\n')[1], 'articles/patents.md,3,13,3,19,"38,210",count,38210,,cited,https://example.org/wipo,,"China filed 38,210 patents, per WIPO."');
    const dead: ReportFile = { ...article, verifications: [{ claimId, sourceId: wipo.id, status: 'unreachable', url: 'https://example.org/wipo', reason: 'the page is not there (HTTP 404)' }] };
    assert.match(toCsv([dead]).split('\r\n')[1], /,https:\/\/example\.org\/wipo,unreachable,"China/u);
  });
});

describe('report: toMarkdown', () => {
  it('writes the summary, a table per file and its problems, escaping markup', () => {
    assert.equal(
      toMarkdown([article, { ...empty, path: 'notes_2024.txt' }]),
      [
        '# Claim Lens report',
        '',
        '2 files, 4 claims: 1 cited, 1 attributed, 1 uncited, 1 ignored — coverage 67%',
        '',
        '## articles/patents.md',
        '',
        '| Line | Claim | Kind | Value | Status | Sources |',
        '| ---: | --- | --- | --- | --- | --- |',
        '| 3 | 38,210 | count | 38,210 | cited | [link to https://example.org/wipo](<https://example.org/wipo>) |',
        '| 4 | 12% | change | 12× | attributed | McKinsey |',
        '| 4 | $4 billion | money | $4 billion | uncited | — |',
        '| 5 | 7 in 10 | fraction | seven-tenths (0.7) | ignored | — |',
        '',
        'Problems:',
        '',
        '- Line 5, column 41: Footnote \\[^9\\] has no definition. (`missing-footnote`)',
        '',
        '## notes\\_2024.txt',
        '',
        'No claims.',
        '',
      ].join('\n'),
    );
  });
  it('adds a "Source says" column once sources were checked', () => {
    const claimId = analysis.claims[0].id;
    const verified: ReportFile = { ...article, verifications: [{ claimId, sourceId: wipo.id, status: 'not-found', url: 'https://example.org/wipo', reason: 'the page was read (300 words) and does not state it' }] };
    const table = toMarkdown([verified]).split('\n').filter((line) => line.startsWith('|'));
    assert.deepEqual(table, [
      '| Line | Claim | Kind | Value | Status | Sources | Source says |',
      '| ---: | --- | --- | --- | --- | --- | --- |',
      '| 3 | 38,210 | count | 38,210 | cited | [link to https://example.org/wipo](<https://example.org/wipo>) | Not found |',
      '| 4 | 12% | change | 12× | attributed | McKinsey | — |',
      '| 4 | $4 billion | money | $4 billion | uncited | — | — |',
      '| 5 | 7 in 10 | fraction | seven-tenths (0.7) | ignored | — | — |',
    ]);
  });
});

describe('report: jsonReportText', () => {
  const analyzed = (path: string, body: string): ReportFile => ({ path, text: body, analysis: analyze(body, { format: 'markdown' }) });
  const files = [
    analyzed('a.md', text),
    analyzed('b "quoted"\\ name.md', 'Line one rose 4%.\n\nLine "two" fell 7% [per X](https://x.example/a\nb).\u2028 Tab\there 9%.\n'),
    analyzed('empty.md', 'No figures here.\n'),
  ];

  it('is, joined, what JSON.stringify(toJsonReport(files), null, 2) gives, byte for byte', () => {
    for (const some of [files, files.slice(0, 1), files.slice(2), []]) {
      assert.equal(jsonReportText(some).join(''), JSON.stringify(toJsonReport(some), null, 2));
    }
  });

  it('is the same from files rendered apart (in worker threads) and joined in order', () => {
    const joined = joinRendered([renderJson(files.slice(0, 1)), renderJson([]), renderJson(files.slice(1))]);
    assert.equal(jsonReportText(joined).join(''), JSON.stringify(toJsonReport(files), null, 2));
    assert.deepEqual(joined.totals, summarize(files));
    assert.equal(JSON.parse(`[${jsonFileText(files[1])}]`)[0].path, 'b "quoted"\\ name.md');
  });
});
