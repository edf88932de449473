import assert from 'node:assert/strict';
import { analyze, defaultSettings, type Analysis, type Claim, type Format, type Source } from '../../src/core/index';
import {
  addNewSource,
  applyTextEdits,
  citableSources,
  citeExistingSource,
  ignoreClaim,
  isHttpUrl,
  nextFootnoteNumber,
  placeCitation,
} from '../../src/core/fixes/index';

const lines = (...l: string[]): string => l.join('\n');

/** A claim on the first occurrence of `anchor` inside the first occurrence of `sentence`. */
function claimAt(text: string, anchor: string, sentence: string): Claim {
  const s = text.indexOf(sentence);
  assert.ok(s >= 0, `sentence not in text: ${sentence}`);
  const a = text.indexOf(anchor, s);
  assert.ok(a >= 0 && a < s + sentence.length, `anchor not in sentence: ${anchor}`);
  return {
    id: `${a}:${anchor}`,
    range: { start: a, end: a + anchor.length },
    text: anchor,
    kind: 'percent',
    value: 12,
    unit: null,
    sentence,
    sentenceRange: { start: s, end: s + sentence.length },
    status: 'uncited',
    sources: [],
  };
}

/** A source on the `occurrence`-th raw `marker` in text. */
function sourceAt(text: string, id: number, marker: string, fields: Omit<Source, 'id' | 'range'>): Source {
  const at = text.indexOf(marker);
  assert.ok(at >= 0, `marker not in text: ${marker}`);
  return { id, range: { start: at, end: at + marker.length }, ...fields };
}

function analysisOf(format: Format, claims: Claim[], sources: Source[]): Analysis {
  return { format, claims, sources, problems: [] };
}

describe('fixes: placeCitation', () => {
  const rows: { name: string; text: string; anchor: string; sentence: string; before: string; after: string }[] = [
    { name: 'period', text: 'Revenue rose 12% last year. Next.', anchor: '12%', sentence: 'Revenue rose 12% last year.', before: 'year', after: 'year.' },
    { name: 'no punctuation', text: '- about 3,000 workers\n', anchor: 'about 3,000', sentence: 'about 3,000 workers', before: 'workers', after: 'workers' },
    { name: 'quote after period', text: 'He said "sales rose 12%."\n', anchor: '12%', sentence: 'He said "sales rose 12%."', before: '12%', after: '12%."' },
    { name: 'existing marker', text: 'Sales rose 12%.[^1] More.', anchor: '12%', sentence: 'Sales rose 12%.', before: '12%', after: '12%.[^1]' },
    { name: 'trailing space in range', text: 'Sales rose 12%.  More.', anchor: '12%', sentence: 'Sales rose 12%.  ', before: '12%', after: '12%.' },
    { name: 'chinese', text: '收入增长12%。下一句', anchor: '12%', sentence: '收入增长12%。', before: '12%', after: '12%。' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const claim = claimAt(row.text, row.anchor, row.sentence);
      const place = placeCitation(row.text, claim);
      const s = row.text.indexOf(row.sentence);
      assert.deepEqual(
        { before: row.text.slice(s, place.beforePunctuation), after: row.text.slice(s, place.afterSentence) },
        { before: row.text.slice(s, row.text.indexOf(row.before, s) + row.before.length), after: row.text.slice(s, row.text.indexOf(row.after, s) + row.after.length) },
      );
    });
  }
});

describe('fixes: citeExistingSource', () => {
  it('Markdown footnote: reuses the label after the sentence', () => {
    const text = lines('Revenue rose 12% last year.', '', 'Staff grew to 300.[^2]', '', '[^2]: Annual report, <https://example.org/ar>');
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    const note = sourceAt(text, 0, '[^2]', { kind: 'footnote', label: '2', text: 'Annual report', url: 'https://example.org/ar' });
    assert.equal(
      applyTextEdits(text, citeExistingSource(text, claim, note, 'markdown')),
      lines('Revenue rose 12% last year.[^2]', '', 'Staff grew to 300.[^2]', '', '[^2]: Annual report, <https://example.org/ar>'),
    );
  });

  it('Markdown Pandoc citation: [@key] before the period', () => {
    const text = lines('Revenue rose 12% last year.', 'Staff grew to 300 [@acme2024, p. 3].');
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    const cite = sourceAt(text, 0, '[@acme2024, p. 3]', { kind: 'citation', label: 'acme2024', key: 'acme2024', text: 'p. 3' });
    assert.equal(
      applyTextEdits(text, citeExistingSource(text, claim, cite, 'markdown')),
      lines('Revenue rose 12% last year [@acme2024].', 'Staff grew to 300 [@acme2024, p. 3].'),
    );
  });

  it('Markdown link: an inline link before the period, brackets escaped', () => {
    const text = lines('Revenue rose 12% last year.', 'See [the [2024] report](https://example.org/r_(1)).');
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    const link = sourceAt(text, 0, '[the [2024] report](https://example.org/r_(1))', { kind: 'link', label: 'the [2024] report', url: 'https://example.org/r_(1)' });
    assert.equal(
      applyTextEdits(text, citeExistingSource(text, claim, link, 'markdown')),
      lines('Revenue rose 12% last year ([the \\[2024\\] report](<https://example.org/r_(1)>)).', 'See [the [2024] report](https://example.org/r_(1)).'),
    );
  });

  it('HTML link: <sup><a href> before the period, escaped', () => {
    const text = '<p>Revenue rose 12% last year.</p>\n<p>See <a href="https://example.org/?a=1&amp;b=2">A &amp; B</a>.</p>\n';
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    const link = sourceAt(text, 0, '<a href="https://example.org/?a=1&amp;b=2">A &amp; B</a>', { kind: 'link', label: 'A & B', url: 'https://example.org/?a=1&b=2' });
    assert.equal(
      applyTextEdits(text, citeExistingSource(text, claim, link, 'html')),
      '<p>Revenue rose 12% last year<sup><a href="https://example.org/?a=1&amp;b=2">A &amp; B</a></sup>.</p>\n<p>See <a href="https://example.org/?a=1&amp;b=2">A &amp; B</a>.</p>\n',
    );
  });

  it('HTML footnote: copies the marker without its id after the sentence', () => {
    const text = '<p>Revenue rose 12% last year.</p>\n<p>Staff grew to 300.<sup id="r1"><a href="#fn1">1</a></sup></p>\n';
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    const note = sourceAt(text, 0, '<sup id="r1"><a href="#fn1">1</a></sup>', { kind: 'footnote', label: '1', text: 'Annual report' });
    assert.equal(
      applyTextEdits(text, citeExistingSource(text, claim, note, 'html')),
      '<p>Revenue rose 12% last year.<sup><a href="#fn1">1</a></sup></p>\n<p>Staff grew to 300.<sup id="r1"><a href="#fn1">1</a></sup></p>\n',
    );
  });

  it('plain text link: (Source: URL) before the period', () => {
    const text = lines('Revenue rose 12% last year.', 'Details: https://example.org/ar');
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    const link = sourceAt(text, 0, 'https://example.org/ar', { kind: 'link', label: 'https://example.org/ar', url: 'https://example.org/ar' });
    assert.equal(
      applyTextEdits(text, citeExistingSource(text, claim, link, 'text')),
      lines('Revenue rose 12% last year (Source: https://example.org/ar).', 'Details: https://example.org/ar'),
    );
  });

  it('plain text numbered reference: [n] before the period', () => {
    const text = lines('Revenue rose 12% last year.', 'Staff grew to 300 [1].', '', 'References', '1. Annual report');
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    const ref = sourceAt(text, 0, '[1]', { kind: 'citation', label: '1', key: '1', text: '1. Annual report' });
    assert.equal(
      applyTextEdits(text, citeExistingSource(text, claim, ref, 'text')),
      lines('Revenue rose 12% last year [1].', 'Staff grew to 300 [1].', '', 'References', '1. Annual report'),
    );
  });
});

describe('fixes: citableSources', () => {
  it('lists each link URL, footnote label and citation key once, in document order, skipping textual and broken ones', () => {
    const text = 'a [x](https://a.example) b [^1] c [y](https://a.example) d [@k] e [^9] f [](https://b.example) per WIPO';
    const sources: Source[] = [
      sourceAt(text, 0, '[^1]', { kind: 'footnote', label: '1', text: 'Note one' }),
      sourceAt(text, 1, '[x](https://a.example)', { kind: 'link', label: 'x', url: 'https://a.example' }),
      sourceAt(text, 2, '[y](https://a.example)', { kind: 'link', label: 'y', url: 'https://a.example' }),
      sourceAt(text, 3, '[@k]', { kind: 'citation', label: 'k', key: 'k' }),
      sourceAt(text, 4, '[^9]', { kind: 'footnote', label: '9' }),
      sourceAt(text, 5, '[](https://b.example)', { kind: 'link', label: '', url: 'https://b.example' }),
      sourceAt(text, 6, 'per WIPO', { kind: 'textual', label: 'WIPO', name: 'WIPO' }),
    ];
    assert.deepEqual(citableSources(analysisOf('markdown', [], sources)), [
      { sourceId: 1, kind: 'link', label: 'x', detail: 'https://a.example' },
      { sourceId: 0, kind: 'footnote', label: '[^1]', detail: 'Note one' },
      { sourceId: 3, kind: 'citation', label: '@k', detail: '' },
      { sourceId: 5, kind: 'link', label: 'b.example', detail: 'https://b.example' },
    ]);
  });
});

describe('fixes: addNewSource', () => {
  const url = 'https://example.org/stats';

  it('Markdown without notes: [^1] after the sentence, definition after a blank line at the end', () => {
    const text = lines('# Title', '', 'Revenue rose 12% last year. Costs fell.', '');
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    assert.equal(
      applyTextEdits(text, addNewSource(text, analysisOf('markdown', [claim], []), claim, 'markdown', { url, title: 'Stats [2024]' })),
      lines('# Title', '', 'Revenue rose 12% last year.[^1] Costs fell.', '', '[^1]: [Stats \\[2024\\]](https://example.org/stats)', ''),
    );
  });

  it('Markdown with notes: numbered after the largest numeric label, appended after the last definition', () => {
    const text = lines('Revenue rose 12% last year.', '', 'Staff grew to 300.[^3] See also[^note].', '', '[^3]: One.', '[^note]: Two.', '', '');
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    const sources = [
      sourceAt(text, 0, '[^3]', { kind: 'footnote', label: '3', text: 'One.' }),
      sourceAt(text, 1, '[^note]', { kind: 'footnote', label: 'note', text: 'Two.' }),
    ];
    assert.equal(
      applyTextEdits(text, addNewSource(text, analysisOf('markdown', [claim], sources), claim, 'markdown', { url })),
      lines('Revenue rose 12% last year.[^4]', '', 'Staff grew to 300.[^3] See also[^note].', '', '[^3]: One.', '[^note]: Two.', '[^4]: <https://example.org/stats>', '', ''),
    );
  });

  it('Markdown: the claim in the last sentence of a file without a final line break, CRLF kept', () => {
    const text = 'Intro.\r\n\r\nRevenue rose 12% last year.';
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    assert.equal(
      applyTextEdits(text, addNewSource(text, analysisOf('markdown', [claim], []), claim, 'markdown', { url })),
      'Intro.\r\n\r\nRevenue rose 12% last year.[^1]\r\n\r\n[^1]: <https://example.org/stats>\r\n',
    );
  });

  it('Markdown, inside a block of raw HTML: an HTML link, which the analyser reads as the claim\'s source; no [^1], no claim "1"', () => {
    const text = lines('Intro.', '', '<div class="box">', '<p>Councils built 20,000 homes.</p>', '</div>', '', 'Costs fell 3%.', '');
    const before = analyze(text, { format: 'markdown' });
    const claim = before.claims.find((c) => c.text === '20,000');
    assert.ok(claim);
    const edited = applyTextEdits(text, addNewSource(text, before, claim, 'markdown', { url, title: 'Housing <census>' }));
    assert.equal(edited, text.replace('20,000 homes.', '20,000 homes<sup><a href="https://example.org/stats">Housing &lt;census&gt;</a></sup>.'));
    const after = analyze(edited, { format: 'markdown' });
    assert.deepEqual(after.claims.map((c) => [c.text, c.status, c.sources.map((x) => x.url)]), [
      ['20,000', 'cited', [url]],
      ['3%', 'uncited', []],
    ]);
  });

  it('Markdown, inside raw HTML: citing an existing footnote links to its URL, or refuses without one', () => {
    const text = lines('Rents rose 4%.[^1] Wages 2%.[^2]', '', '<div>', 'Councils built 20,000 homes.', '</div>', '', '[^1]: ONS. https://ons.example/rents', '[^2]: A survey.', '');
    const before = analyze(text, { format: 'markdown' });
    const claim = before.claims.find((c) => c.text === '20,000');
    const [withUrl, withoutUrl] = before.sources.filter((x) => x.kind === 'footnote');
    assert.ok(claim && withUrl && withoutUrl);
    const edited = applyTextEdits(text, citeExistingSource(text, claim, withUrl, 'markdown'));
    assert.equal(edited, text.replace('20,000 homes.', '20,000 homes<sup><a href="https://ons.example/rents">ons.example</a></sup>.'));
    assert.equal(analyze(edited, { format: 'markdown' }).claims.find((c) => c.text === '20,000')?.status, 'cited');
    assert.throws(() => citeExistingSource(text, claim, withoutUrl, 'markdown'), /would show as text/u);
  });

  it('a definition in the text counts even when nothing refers to it', () => {
    const text = lines('Revenue rose 12%.', '', '[^7]: Orphan.');
    assert.equal(nextFootnoteNumber(text, analysisOf('markdown', [], [])), 8);
  });

  it('HTML: a link before the period, titled by the host when no title is given', () => {
    const text = '<p>Revenue rose 12% last year.</p>';
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    assert.equal(
      applyTextEdits(text, addNewSource(text, analysisOf('html', [claim], []), claim, 'html', { url: 'https://www.example.org/a?b="c"' })),
      '<p>Revenue rose 12% last year<sup><a href="https://www.example.org/a?b=&quot;c&quot;">example.org</a></sup>.</p>',
    );
  });

  it('plain text: (Source: title, URL) before the period', () => {
    const text = 'Revenue rose 12% last year.\n';
    const claim = claimAt(text, '12%', 'Revenue rose 12% last year.');
    assert.equal(
      applyTextEdits(text, addNewSource(text, analysisOf('text', [claim], []), claim, 'text', { url, title: 'Acme annual report' })),
      'Revenue rose 12% last year (Source: Acme annual report, https://example.org/stats).\n',
    );
  });

  it('rejects a URL that is not http(s)', () => {
    const text = 'Revenue rose 12%.';
    const claim = claimAt(text, '12%', 'Revenue rose 12%.');
    assert.throws(() => addNewSource(text, analysisOf('markdown', [claim], []), claim, 'markdown', { url: 'javascript:alert(1)' }), /Not an http\(s\) URL/u);
  });

  it('isHttpUrl', () => {
    assert.deepEqual(
      ['https://a.example/x', 'http://a.example', ' https://a.example ', 'ftp://a.example', 'mailto:a@b.example', 'a.example', 'https://', ''].map(isHttpUrl),
      [true, true, true, false, false, false, false, false],
    );
  });
});

describe('fixes: ignoreClaim', () => {
  /** Each row: the article, the claim to ignore (its text; `nth` when it appears more than once) and the article after the fix. */
  const rows: { name: string; format: Format; text: string; claim: string; nth?: number; expected: string }[] = [
    {
      name: 'Markdown, mid-line: a comment just before the claim',
      format: 'markdown',
      text: lines('Intro.', '', 'Revenue rose 12% and costs 5% last year.', ''),
      claim: '12%',
      expected: lines('Intro.', '', 'Revenue rose <!-- claimlens-ignore -->12% and costs 5% last year.', ''),
    },
    {
      name: 'Markdown, a claim opening a wrapped line: the comment ends the line above',
      format: 'markdown',
      text: lines('Councils spent a record sum on', '20,000 new homes.'),
      claim: '20,000',
      expected: lines('Councils spent a record sum on<!-- claimlens-ignore -->', '20,000 new homes.'),
    },
    {
      name: 'Markdown, a hard break above: the comment goes before its spaces or backslash',
      format: 'markdown',
      text: lines('Councils spent a record sum on  ', '20,000 new homes,\\', '12% more than before.'),
      claim: '12%',
      expected: lines('Councils spent a record sum on  ', '20,000 new homes,<!-- claimlens-ignore -->\\', '12% more than before.'),
    },
    {
      name: 'Markdown, a claim opening a paragraph: a comment line above it',
      format: 'markdown',
      text: lines('Intro.', '', '12% of homes were empty.', ''),
      claim: '12%',
      expected: lines('Intro.', '', '<!-- claimlens-ignore -->', '12% of homes were empty.', ''),
    },
    {
      name: 'Markdown with CRLF: the comment line and the end of the line above keep CRLF',
      format: 'markdown',
      text: 'Intro.\r\n\r\n12% of homes were empty,\r\n20,000 in all.\r\n',
      claim: '20,000',
      expected: 'Intro.\r\n\r\n12% of homes were empty,<!-- claimlens-ignore -->\r\n20,000 in all.\r\n',
    },
    {
      name: 'Markdown with CRLF: a comment line above a paragraph',
      format: 'markdown',
      text: 'Intro.\r\n\r\n12% of homes were empty.\r\n',
      claim: '12%',
      expected: 'Intro.\r\n\r\n<!-- claimlens-ignore -->\r\n12% of homes were empty.\r\n',
    },
    {
      name: 'Markdown, a blockquote keeps its marker and indent',
      format: 'markdown',
      text: lines('  > 12% of homes were empty.'),
      claim: '12%',
      expected: lines('  > <!-- claimlens-ignore -->', '  > 12% of homes were empty.'),
    },
    {
      name: 'Markdown, a table cell: the comment inside the cell',
      format: 'markdown',
      text: lines('| town | homes | repairs |', '|---|---|---|', '| Leeds | 20,000 | 12% |'),
      claim: '12%',
      expected: lines('| town | homes | repairs |', '|---|---|---|', '| Leeds | 20,000 | <!-- claimlens-ignore -->12% |'),
    },
    {
      name: 'Markdown, the first cell of a row without a leading pipe gets one',
      format: 'markdown',
      text: lines('homes | repairs', '--|--', '20,000 | 12%'),
      claim: '20,000',
      expected: lines('homes | repairs', '--|--', '| <!-- claimlens-ignore -->20,000 | 12%'),
    },
    {
      name: 'Markdown, a list item: the comment ends the item above',
      format: 'markdown',
      text: lines('- 20,000 homes', '- 12% more repairs'),
      claim: '12%',
      expected: lines('- 20,000 homes<!-- claimlens-ignore -->', '- 12% more repairs'),
    },
    {
      name: 'Markdown, a nested list item: the comment ends its parent\'s line',
      format: 'markdown',
      text: lines('- Leeds', '  - 20,000 homes'),
      claim: '20,000',
      expected: lines('- Leeds<!-- claimlens-ignore -->', '  - 20,000 homes'),
    },
    {
      name: 'Markdown, the first item of a list that opens the article: a comment line above the list',
      format: 'markdown',
      text: lines('> - 20,000 homes', '> - 12% more repairs'),
      claim: '20,000',
      expected: lines('> <!-- claimlens-ignore -->', '> - 20,000 homes', '> - 12% more repairs'),
    },
    {
      name: 'Markdown, a line of an HTML block: the comment just before the claim',
      format: 'markdown',
      text: lines('<div>', '20,000 homes', '</div>'),
      claim: '20,000',
      expected: lines('<div>', '<!-- claimlens-ignore -->20,000 homes', '</div>'),
    },
    {
      name: 'Markdown, a code span ending the line above: the comment goes after it',
      format: 'markdown',
      text: lines('Run `build', '`', '20,000 times.'),
      claim: '20,000',
      expected: lines('Run `build', '`<!-- claimlens-ignore -->', '20,000 times.'),
    },
    {
      name: 'HTML, minified: just before the claim',
      format: 'html',
      text: '<p>Intro.</p><p>Revenue rose 12% and costs 12% last year.</p>',
      claim: '12%',
      nth: 2,
      expected: '<p>Intro.</p><p>Revenue rose 12% and costs <!-- claimlens-ignore -->12% last year.</p>',
    },
    {
      name: 'HTML, a claim in the title: before the element, whose text would show the comment',
      format: 'html',
      text: '<html><head><title>Rents up 12%</title></head><body><p>Text.</p></body></html>',
      claim: '12%',
      expected: '<html><head><!-- claimlens-ignore --><title>Rents up 12%</title></head><body><p>Text.</p></body></html>',
    },
    {
      name: 'MDX, a claim opening a wrapped line: the expression comment ends the line above',
      format: 'mdx',
      text: lines('Councils spent a record sum on', '20,000 new homes.'),
      claim: '20,000',
      expected: lines('Councils spent a record sum on{/* <!-- claimlens-ignore --> */}', '20,000 new homes.'),
    },
    {
      name: 'MDX uses an expression comment, inline',
      format: 'mdx',
      text: lines('Revenue rose 12% last year.'),
      claim: '12%',
      expected: lines('Revenue rose {/* <!-- claimlens-ignore --> */}12% last year.'),
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const settings = { ...defaultSettings, includeHeadings: true };
      const before = analyze(row.text, { format: row.format, settings });
      const claim = before.claims.filter((c) => c.text === row.claim)[(row.nth ?? 1) - 1];
      assert.ok(claim, `no claim "${row.claim}" in ${JSON.stringify(before.claims.map((c) => c.text))}`);
      const fix = ignoreClaim(row.text, claim, row.format, before.claims);
      assert.equal(fix.kind, 'edit');
      const edited = fix.kind === 'edit' ? applyTextEdits(row.text, fix.edits) : '';
      assert.equal(edited, row.expected);
      // The claim is ignored and no other one; the claims are the same otherwise.
      const after = analyze(edited, { format: row.format, settings });
      const index = before.claims.indexOf(claim);
      assert.deepEqual(
        after.claims.map((c) => [c.text, c.status]),
        before.claims.map((c, i) => [c.text, i === index ? 'ignored' : c.status]),
      );
    });
  }

  it('plain text: an entry for the configuration file naming the claim, its sentence and which of its look-alikes', () => {
    const text = 'Sales rose 5% in May.\nCosts rose 5% in May.\nSales rose 5% in May.\n';
    const { claims } = analyze(text, { format: 'text' });
    assert.deepEqual(claims.map((c) => c.text), ['5%', '5%', '5%']);
    assert.deepEqual(ignoreClaim(text, claims[1], 'text', claims), { kind: 'config', claim: { claim: '5%', sentence: 'Costs rose 5% in May.' } });
    assert.deepEqual(ignoreClaim(text, claims[2], 'text', claims), { kind: 'config', claim: { claim: '5%', sentence: 'Sales rose 5% in May.', occurrence: 2 } });
  });
});
