import assert from 'node:assert/strict';
import type { Analysis, Claim, Format, Source } from '../../src/core/index';
import {
  addNewSource,
  applyTextEdits,
  citableSources,
  citeExistingSource,
  ignoreClaim,
  ignorePatternFor,
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
  const rows: { name: string; format: Format; text: string; anchor: string; sentence: string; expected: string }[] = [
    {
      name: 'Markdown paragraph line',
      format: 'markdown',
      text: lines('Intro.', '', 'Revenue rose 12% last year.', ''),
      anchor: '12%',
      sentence: 'Revenue rose 12% last year.',
      expected: lines('Intro.', '', '<!-- claimlens-ignore-next-line -->', 'Revenue rose 12% last year.', ''),
    },
    {
      name: 'Markdown blockquote keeps its marker and indent',
      format: 'markdown',
      text: lines('  > Revenue rose 12% last year.'),
      anchor: '12%',
      sentence: 'Revenue rose 12% last year.',
      expected: lines('  > <!-- claimlens-ignore-next-line -->', '  > Revenue rose 12% last year.'),
    },
    {
      name: 'HTML with CRLF',
      format: 'html',
      text: '<p>Intro.</p>\r\n<p>Revenue rose 12% last year.</p>\r\n',
      anchor: '12%',
      sentence: 'Revenue rose 12% last year.',
      expected: '<p>Intro.</p>\r\n<!-- claimlens-ignore-next-line -->\r\n<p>Revenue rose 12% last year.</p>\r\n',
    },
    {
      name: 'MDX uses an expression comment',
      format: 'mdx',
      text: lines('Revenue rose 12% last year.'),
      anchor: '12%',
      sentence: 'Revenue rose 12% last year.',
      expected: lines('{/* <!-- claimlens-ignore-next-line --> */}', 'Revenue rose 12% last year.'),
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const fix = ignoreClaim(row.text, claimAt(row.text, row.anchor, row.sentence), row.format);
      assert.equal(fix.kind, 'edit');
      assert.equal(fix.kind === 'edit' ? applyTextEdits(row.text, fix.edits) : '', row.expected);
    });
  }

  it('plain text: a setting pattern that matches exactly the claim text', () => {
    const text = 'It cost $4.5 billion (est.) in total.';
    const fix = ignoreClaim(text, claimAt(text, '$4.5 billion (est.)', text), 'text');
    assert.deepEqual(fix, { kind: 'setting', pattern: '^\\$4\\.5 billion \\(est\\.\\)$' });
    const re = new RegExp(ignorePatternFor('$4.5 billion (est.)'), 'u');
    assert.deepEqual(['$4.5 billion (est.)', '$4.5 billion (est.) more', '$425 billion (est.)'].map((s) => re.test(s)), [true, false, false]);
  });
});
