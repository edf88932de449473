import assert from 'node:assert/strict';
import { analyze, type Format } from '../../src/core/index';
import { addNewSource, applyTextEdits, editFootnoteDefinition, footnoteBodyRange, parseSourceInput, type NewSource } from '../../src/core/fixes/index';

const lines = (...l: string[]): string => l.join('\n');

/** Adds `source` for the claim `anchor` of `text`, and gives the new text. */
function withSource(text: string, format: Format, anchor: string, source: NewSource): string {
  const analysis = analyze(text, { format });
  const claim = analysis.claims.find((c) => c.text === anchor);
  assert.ok(claim, `no claim ${anchor}`);
  return applyTextEdits(text, addNewSource(text, analysis, claim, format, source));
}

/** The status of claim `anchor` in `text`. */
function statusOf(text: string, format: Format, anchor: string): string | undefined {
  return analyze(text, { format }).claims.find((c) => c.text === anchor)?.status;
}

describe('fixes: what a writer types as a new source', () => {
  it('reads a URL, a DOI in its three spellings, or words; refuses other schemes and nothing', () => {
    const table: [string, NewSource | undefined][] = [
      ['https://ons.example/stats ', { url: 'https://ons.example/stats' }],
      ['10.1038/s41586-020-2649-2', { doi: '10.1038/s41586-020-2649-2' }],
      ['doi: 10.1038/nature12373', { doi: '10.1038/nature12373' }],
      ['https://doi.org/10.1000/182', { doi: '10.1000/182' }],
      ['Treasury briefing, 4 March 2025', { text: 'Treasury briefing, 4 March 2025' }],
      ['  Interview with the harbour master,\n  12 May  ', { text: 'Interview with the harbour master, 12 May' }],
      ['Court filing: Smith v. Halford (2024)', { text: 'Court filing: Smith v. Halford (2024)' }],
      ['javascript:alert(1)', undefined],
      ['mailto:press@ons.example', undefined],
      ['   ', undefined],
    ];
    for (const [input, expected] of table) assert.deepEqual(parseSourceInput(input), expected, input);
  });
});

describe('fixes: a new source without a URL', () => {
  const briefing = { text: 'Treasury briefing, 4 March 2025' };

  it('Markdown: a footnote whose definition is the words, which cites the claim', () => {
    const text = lines('# Budget', '', 'Borrowing rose 12% last year. It fell before.', '');
    const after = withSource(text, 'markdown', '12%', briefing);
    assert.equal(after, lines('# Budget', '', 'Borrowing rose 12% last year.[^1] It fell before.', '', '[^1]: Treasury briefing, 4 March 2025', ''));
    assert.equal(statusOf(after, 'markdown', '12%'), 'cited');
  });

  it('Markdown: brackets and angle brackets in the words stay literal', () => {
    const after = withSource('Borrowing rose 12%.\n', 'markdown', '12%', { text: 'Notes [draft] <embargoed>' });
    assert.equal(after, 'Borrowing rose 12%.[^1]\n\n[^1]: Notes \\[draft\\] \\<embargoed>\n');
  });

  it('HTML: a numbered note marker and a notes list made at the end of the body', () => {
    const text = lines('<html><body>', '<p>Borrowing rose 12% last year.</p>', '</body></html>', '');
    const after = withSource(text, 'html', '12%', { text: 'Treasury briefing, 4 March 2025 & annex' });
    assert.equal(
      after,
      lines(
        '<html><body>',
        '<p>Borrowing rose 12% last year.<sup><a href="#fn-1">1</a></sup></p>',
        '<ol class="footnotes">',
        '<li id="fn-1">Treasury briefing, 4 March 2025 &amp; annex</li>',
        '</ol>',
        '</body></html>',
        '',
      ),
    );
    const claim = analyze(after, { format: 'html' }).claims[0];
    assert.equal(claim.status, 'cited');
    assert.deepEqual(claim.sources.map((s) => [s.kind, s.text]), [['footnote', 'Treasury briefing, 4 March 2025 & annex']]);
  });

  it('HTML: a second note joins the list, numbered after the first', () => {
    const first = withSource('<p>Borrowing rose 12%.</p>\n<p>Debt reached £2.7 trillion.</p>\n', 'html', '12%', briefing);
    const second = withSource(first, 'html', '£2.7 trillion', { text: 'ONS public sector finances, May 2025' });
    assert.equal(
      second,
      lines(
        '<p>Borrowing rose 12%.<sup><a href="#fn-1">1</a></sup></p>',
        '<p>Debt reached £2.7 trillion.<sup><a href="#fn-2">2</a></sup></p>',
        '<ol class="footnotes">',
        '<li id="fn-1">Treasury briefing, 4 March 2025</li>',
        '<li id="fn-2">ONS public sector finances, May 2025</li>',
        '</ol>',
        '',
      ),
    );
    assert.deepEqual(analyze(second, { format: 'html' }).claims.map((c) => c.status), ['cited', 'cited']);
  });

  it('plain text: "(Source: …)" before the full stop, which names the source', () => {
    const after = withSource('Borrowing rose 12% last year.\n', 'text', '12%', briefing);
    assert.equal(after, 'Borrowing rose 12% last year (Source: Treasury briefing, 4 March 2025).\n');
    assert.equal(statusOf(after, 'text', '12%'), 'attributed');
  });

  it('a DOI is cited by its doi.org link', () => {
    const doi = { doi: '10.1000/182' };
    assert.equal(withSource('Borrowing rose 12%.\n', 'markdown', '12%', doi), 'Borrowing rose 12%.[^1]\n\n[^1]: doi:10.1000/182 <https://doi.org/10.1000/182>\n');
    assert.equal(withSource('<p>Borrowing rose 12%.</p>', 'html', '12%', doi), '<p>Borrowing rose 12%<sup><a href="https://doi.org/10.1000/182">doi:10.1000/182</a></sup>.</p>');
    assert.equal(withSource('Borrowing rose 12%.\n', 'text', '12%', { ...doi, title: 'Budget study' }), 'Borrowing rose 12% (Source: Budget study, https://doi.org/10.1000/182).\n');
  });

  it('refuses no source at all', () => {
    assert.throws(() => withSource('Borrowing rose 12%.\n', 'markdown', '12%', {}), /No source given/u);
  });
});

describe('fixes: editing a footnote definition', () => {
  it('Markdown: replaces the text after [^label]:, continuation lines included', () => {
    const text = lines('Borrowing rose 12%.[^1]', '', '[^1]: Treasury briefing,', '    4 March 2025', '[^2]: Other.', '');
    const range = footnoteBodyRange(text, 'markdown', '1');
    assert.ok(range);
    assert.equal(text.slice(range.start, range.end), 'Treasury briefing,\n    4 March 2025');
    const after = applyTextEdits(text, editFootnoteDefinition(text, 'markdown', '1', 'Treasury briefing,\n5 March 2025'));
    assert.equal(after, lines('Borrowing rose 12%.[^1]', '', '[^1]: Treasury briefing, 5 March 2025', '[^2]: Other.', ''));
  });

  it('HTML: replaces the inside of the note element', () => {
    const text = '<p>Borrowing rose 12%.<sup><a href="#fn-1">1</a></sup></p>\n<ol class="footnotes">\n<li id="fn-1">Treasury briefing</li>\n</ol>\n';
    const after = applyTextEdits(text, editFootnoteDefinition(text, 'html', 'fn-1', 'Treasury briefing, <em>4 March</em>'));
    assert.equal(after, text.replace('>Treasury briefing<', '>Treasury briefing, <em>4 March</em><'));
    assert.equal(analyze(after, { format: 'html' }).claims[0].sources[0].text, 'Treasury briefing, 4 March');
  });

  it('throws for a note the article does not define', () => {
    assert.throws(() => editFootnoteDefinition('Rose 12%.[^1]\n', 'markdown', '1', 'x'), /no definition of the note "1"/u);
  });
});
