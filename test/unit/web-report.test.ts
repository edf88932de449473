import * as assert from 'node:assert/strict';
import { analyze, toJsonReport } from '../../src/core';
import { reportMarkdown } from '../../src/web/report-markdown';

describe('the article report of VS Code for the Web', () => {
  it('puts the counts, a row per claim with its sources, and the broken sources in Markdown', () => {
    const text = [
      'Sales rose by 12% last year.',
      '',
      'Exports reached 3,400 tonnes, says the [port authority](https://example.org/port|x).',
      '',
      'Imports fell by 5%.[^gone]',
      '',
    ].join('\n');
    const report = toJsonReport([{ path: 'news/trade.md', text, analysis: analyze(text, { format: 'markdown' }) }]);
    assert.equal(
      reportMarkdown('news/trade.md', report),
      [
        '# Claim report: news/trade.md',
        '',
        '3 claims: 2 cited, 0 attributed, 1 uncited, 0 ignored; 67% name a source.',
        '',
        '| Line | Claim | Value | Status | Sources |',
        '| ---: | --- | --- | --- | --- |',
        '| 1 | 12% | 12% | uncited | — |',
        // The sentence names its source and links it: both are listed; the "|" in the address is encoded.
        '| 3 | 3,400 tonnes | 3400 tonnes | cited | the port authority<br>[port authority](<https://example.org/port%7Cx>) |',
        '| 5 | 5% | 5% | cited | gone |',
        '',
        '## Broken sources',
        '',
        '- Line 5, column 20: Footnote \\[^gone\\] has no definition. (`missing-footnote`)',
        '',
      ].join('\n'),
    );
  });
});
