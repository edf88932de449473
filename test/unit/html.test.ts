import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readHtml } from '../../src/core/formats/html';
import type { ProseDocument } from '../../src/core/formats/prose';

/** Blocks as [kind, text, group]. */
type BlockRow = [string, string, number];

function blocksOf(doc: ProseDocument): BlockRow[] {
  return doc.blocks.map((b) => [b.kind, b.text, b.group]);
}

/** A mark with its prose text and its raw source text, for whole-value comparison. */
interface MarkRow {
  kind: string;
  label: string;
  prose: string;
  raw: string;
  url?: string;
  title?: string;
}

function marksOf(html: string, doc: ProseDocument): MarkRow[] {
  return doc.blocks.flatMap((b) =>
    b.marks.map((m) => ({
      kind: m.kind,
      label: m.label,
      prose: b.text.slice(m.start, m.end),
      raw: html.slice(m.raw.start, m.raw.end),
      ...(m.url !== undefined ? { url: m.url } : {}),
      ...(m.title !== undefined ? { title: m.title } : {}),
    })),
  );
}

function problemsOf(html: string, doc: ProseDocument): [string, string][] {
  return doc.problems.map((p) => [p.code, html.slice(p.range.start, p.range.end)]);
}

/** The raw text a prose substring maps back to. */
function rawOf(html: string, doc: ProseDocument, needle: string): string {
  for (const b of doc.blocks) {
    const at = b.text.indexOf(needle);
    if (at >= 0) {
      const r = b.map.toRaw(at, at + needle.length);
      return html.slice(r.start, r.end);
    }
  }
  throw new Error(`${JSON.stringify(needle)} is not in the prose`);
}

/**
 * Every prose character maps onto raw text it came from: the same character,
 * an entity, a `<br>`, or the code element a U+FFFC stands for; marks lie in
 * their block and in the raw text.
 */
function assertMapsBack(html: string, doc: ProseDocument): void {
  for (const b of doc.blocks) {
    assert.equal(b.map.size, b.text.length);
    for (let i = 0; i < b.text.length; i++) {
      const r = b.map.toRaw(i, i + 1);
      assert.ok(r.start >= 0 && r.end <= html.length && r.start < r.end, `char ${i} of ${JSON.stringify(b.text)}`);
      const raw = html.slice(r.start, r.end);
      const c = b.text[i];
      const ok = raw === c || raw.startsWith('&') || (c === '\n' && /^<\/?br\b/iu.test(raw)) || (c === '\uFFFC' && raw.startsWith('<'));
      assert.ok(ok, `prose ${JSON.stringify(c)} at ${i} maps onto ${JSON.stringify(raw)}`);
    }
    for (const m of b.marks) {
      assert.ok(m.start >= 0 && m.start <= m.end && m.end <= b.text.length, `mark ${m.kind} ${m.label} in block`);
      assert.ok(m.raw.start >= 0 && m.raw.start <= m.raw.end && m.raw.end <= html.length, `mark ${m.kind} raw range`);
    }
  }
  for (const d of [...doc.footnotes.values(), ...doc.references]) {
    assert.ok(d.raw.start >= 0 && d.raw.start <= d.raw.end && d.raw.end <= html.length);
  }
}

function read(html: string): ProseDocument {
  const doc = readHtml(html);
  assertMapsBack(html, doc);
  return doc;
}

describe('readHtml', () => {
  describe('blocks', () => {
    const cases: [string, string, BlockRow[]][] = [
      ['paragraphs', '<p>One 12%.</p>\n<p>Two.</p>', [['paragraph', 'One 12%.', 0], ['paragraph', 'Two.', 1]]],
      [
        'list items share a group per list',
        '<ul><li>a 1</li><li>b 2</li></ul><ol><li>c 3</li></ol>',
        [['list-item', 'a 1', 0], ['list-item', 'b 2', 0], ['list-item', 'c 3', 1]],
      ],
      [
        'a nested list is a group of its own',
        '<ul><li>outer<ul><li>inner</li></ul></li><li>next</li></ul>',
        [['list-item', 'outer', 0], ['list-item', 'inner', 1], ['list-item', 'next', 0]],
      ],
      [
        'paragraphs in list items are list items',
        '<ol><li><p>First.</p></li><li><p>Second.</p></li></ol>',
        [['list-item', 'First.', 0], ['list-item', 'Second.', 0]],
      ],
      [
        'table cells share a group per table',
        '<table><caption>Filings</caption><tr><th>Year</th><th>Share</th></tr><tr><td>2023</td><td>67%</td></tr></table><table><tr><td>x</td></tr></table>',
        [
          ['paragraph', 'Filings', 0],
          ['table-cell', 'Year', 1],
          ['table-cell', 'Share', 1],
          ['table-cell', '2023', 1],
          ['table-cell', '67%', 1],
          ['table-cell', 'x', 2],
        ],
      ],
      [
        'headings',
        '<h1>Title</h1><h2>Part</h2><h6>Small</h6>',
        [['heading', 'Title', 0], ['heading', 'Part', 1], ['heading', 'Small', 2]],
      ],
      [
        'blockquote paragraphs',
        '<blockquote><p>Quoted 40%.</p><p>More.</p></blockquote><blockquote>Loose quote.</blockquote>',
        [['blockquote', 'Quoted 40%.', 0], ['blockquote', 'More.', 1], ['blockquote', 'Loose quote.', 2]],
      ],
      [
        'definition lists, figure captions',
        '<dl><dt>Term</dt><dd>About 5 units.</dd></dl><figure><img src="c.png" alt="chart of 9%"><figcaption>Chart: 12 sites</figcaption></figure>',
        [['paragraph', 'Term', 0], ['paragraph', 'About 5 units.', 1], ['paragraph', 'Chart: 12 sites', 2]],
      ],
      [
        'loose text between blocks is a paragraph per run',
        '<div>Intro with <b>bold</b> text<p>Inside.</p>Tail <i>text</i>.<section>Deep</section></div>',
        [['paragraph', 'Intro with bold text', 0], ['paragraph', 'Inside.', 1], ['paragraph', 'Tail text.', 2], ['paragraph', 'Deep', 3]],
      ],
      ['br is a line break', '<p>First line<br>second<br/>third</p>', [['paragraph', 'First line\nsecond\nthird', 0]]],
      [
        'title in head, nothing else from head',
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Report &amp; data</title><link rel="x"></head><body><p>Body.</p></body></html>',
        [['title', 'Report & data', 0], ['paragraph', 'Body.', 1]],
      ],
      [
        'inline elements keep their text',
        '<p>An <em>em</em>, <strong>strong</strong>, x<sup>2</sup>, H<sub>2</sub>O, <abbr title="World Intellectual Property Organization">WIPO</abbr>, <span>span</span>, <mark>m</mark>.</p>',
        [['paragraph', 'An em, strong, x2, H2O, WIPO, span, m.', 0]],
      ],
      [
        'white space at block edges is left out, inside it stays',
        '<p>\n   Spaced   out \n </p><li>&nbsp; item &#160;</li>',
        [['paragraph', 'Spaced   out', 0], ['list-item', 'item', 1]],
      ],
      ['blocks without text are dropped', '<p> </p><div>\n</div><p><br></p><p><code>x</code></p>', []],
    ];
    for (const [name, html, expected] of cases) {
      it(name, () => {
        assert.deepEqual(blocksOf(read(html)), expected);
      });
    }
  });

  describe('what is never prose', () => {
    const cases: [string, string, string[]][] = [
      ['script and style', '<p>a<script>var s = "<p>9%</p>";</script>b</p><style>p { width: 50% }</style>', ['ab']],
      ['template, noscript, svg, math', '<template><p>1%</p></template><noscript><p>2%</p></noscript><p>x<svg><text>3%</text></svg><math><mn>4</mn></math>y</p>', ['xy']],
      ['comments and attributes', '<p title="5%" data-n="6">kept<!-- 7% --> text</p>', ['kept text']],
      ['inline code becomes U+FFFC', '<p>Set <code>limit = 42</code> and press <kbd>Ctrl</kbd>; see <samp>ok</samp>.</p>', ['Set \uFFFC and press \uFFFC; see \uFFFC.']],
      ['pre blocks', '<p>Before.</p><pre><code>x = 5%</code></pre><p>After.</p>', ['Before.', 'After.']],
      ['image alt text', '<p>See <img alt="chart: 80% share" src="a.png"> here.</p>', ['See  here.']],
      ['navigation', '<nav><ul><li>Top 10</li></ul></nav><p>Text.</p>', ['Text.']],
      [
        'hidden elements',
        '<p>a<span hidden>1%</span>b<span aria-hidden="true">2%</span>c<span style="display: none">3%</span>d<span aria-hidden="false">e</span></p>',
        ['abcde'],
      ],
      ['form controls', '<p>Pick <select><option>5%</option></select> or <button>Buy 2</button> <textarea>9</textarea>.</p>', ['Pick  or  .']],
    ];
    for (const [name, html, expected] of cases) {
      it(name, () => {
        assert.deepEqual(read(html).blocks.map((b) => b.text), expected);
      });
    }
  });

  describe('marks', () => {
    const cases: [string, string, MarkRow[]][] = [
      [
        'a link over its text, with url and title',
        '<p>There are <a href="https://example.org/r?a=1&amp;b=2" title="The &quot;report&quot;">38,210 patents</a>.</p>',
        [
          {
            kind: 'link',
            label: '38,210 patents',
            prose: '38,210 patents',
            raw: '<a href="https://example.org/r?a=1&amp;b=2" title="The &quot;report&quot;">38,210 patents</a>',
            url: 'https://example.org/r?a=1&b=2',
            title: 'The "report"',
          },
        ],
      ],
      [
        'a link with markup inside',
        '<p><a href="/x"> the <em>big</em>\n report </a> said</p>',
        [{ kind: 'link', label: 'the big report', prose: 'the big\n report', raw: '<a href="/x"> the <em>big</em>\n report </a>', url: '/x' }],
      ],
      ['a link without text is no mark', '<h2 id="s1">Part <a href="#s1"><svg></svg></a></h2><p>x <a href="https://e.org"><img src="i.png"></a></p>', []],
      [
        'a same-page link to something that is not a note stays a link',
        '<p><a href="#more">Continue reading</a></p><div id="more"><p>More.</p></div>',
        [{ kind: 'link', label: 'Continue reading', prose: 'Continue reading', raw: '<a href="#more">Continue reading</a>', url: '#more' }],
      ],
      [
        'cite',
        '<p>As <cite>The Annual Survey</cite> shows, 5 grew.</p>',
        [{ kind: 'cite', label: 'The Annual Survey', prose: 'The Annual Survey', raw: '<cite>The Annual Survey</cite>' }],
      ],
      [
        'blockquote cite links its first block',
        '<blockquote cite="https://q.example/s"><p>Output rose 40%.</p><p>Then fell.</p></blockquote>',
        [
          {
            kind: 'link',
            label: 'https://q.example/s',
            prose: 'Output rose 40%.',
            raw: '<blockquote cite="https://q.example/s">',
            url: 'https://q.example/s',
          },
        ],
      ],
      [
        'bare numbered references, not inside links',
        '<p>Exports grew 8% [12] and 3% [3, 5–7], see <a href="https://x.org">[4]</a>.</p>',
        [
          { kind: 'numbered', label: '12', prose: '', raw: '[12]' },
          { kind: 'numbered', label: '3', prose: '', raw: '[3, 5–7]' },
          { kind: 'numbered', label: '5', prose: '', raw: '[3, 5–7]' },
          { kind: 'numbered', label: '6', prose: '', raw: '[3, 5–7]' },
          { kind: 'numbered', label: '7', prose: '', raw: '[3, 5–7]' },
          { kind: 'link', label: '[4]', prose: '[4]', raw: '<a href="https://x.org">[4]</a>', url: 'https://x.org' },
        ],
      ],
    ];
    for (const [name, html, expected] of cases) {
      it(name, () => {
        assert.deepEqual(marksOf(html, read(html)), expected);
      });
    }

    it('takes bare numbered markers out of the prose', () => {
      assert.deepEqual(blocksOf(read('<p>Exports grew 8% [12].</p>')), [['paragraph', 'Exports grew 8% .', 0]]);
    });
  });

  describe('footnotes', () => {
    const wikipedia = [
      '<p>Revenue was $163&#160;million.<sup id="cite_ref-3"><a href="#cite_note-3">[3]</a></sup> Up 33%.<sup id="cite_ref-4"><a href="#cite_note-4">[4]</a></sup></p>',
      '<h2><span id="References">References</span><span>[<a href="https://w.org/edit">edit</a>]</span></h2>',
      '<div><ol>',
      '<li id="cite_note-3"><span><b><a href="#cite_ref-3">^</a></b></span> <span><cite>Smith (2012). <a rel="nofollow" href="http://t.example/a?x=1&amp;y=2">"Report"</a>. Retrieved 2016.</cite></span></li>',
      '<li id="cite_note-4"><span>^ <a href="#cite_ref-4"><sup><i><b>a</b></i></sup></a></span> <cite>Doe. <a href="https://d.example/">Notes</a></cite></li>',
      '</ol></div>',
    ].join('\n');

    it('reads Wikipedia note markers and the reference list', () => {
      const doc = read(wikipedia);
      assert.deepEqual(blocksOf(doc), [
        ['paragraph', 'Revenue was $163\u00a0million. Up 33%.', 0],
        ['heading', 'References[edit]', 1],
      ]);
      assert.deepEqual(marksOf(wikipedia, doc), [
        { kind: 'footnote', label: 'cite_note-3', prose: '', raw: '<sup id="cite_ref-3"><a href="#cite_note-3">[3]</a></sup>' },
        { kind: 'footnote', label: 'cite_note-4', prose: '', raw: '<sup id="cite_ref-4"><a href="#cite_note-4">[4]</a></sup>' },
        { kind: 'link', label: 'edit', prose: 'edit', raw: '<a href="https://w.org/edit">edit</a>', url: 'https://w.org/edit' },
      ]);
      assert.deepEqual(doc.blocks[0].marks.map((m) => m.start), [25, 33]);
      const notes = [...doc.footnotes.values()].map((d) => ({ label: d.label, text: d.text, urls: d.urls }));
      assert.deepEqual(notes, [
        { label: 'cite_note-3', text: 'Smith (2012). "Report". Retrieved 2016.', urls: ['http://t.example/a?x=1&y=2'] },
        { label: 'cite_note-4', text: 'Doe. Notes', urls: ['https://d.example/'] },
      ]);
      assert.deepEqual(doc.references.map((d) => d.label), ['cite_note-3', 'cite_note-4']);
      const raw = doc.footnotes.get('cite_note-4')?.raw;
      assert.ok(raw && wikipedia.slice(raw.start, raw.end).startsWith('<li id="cite_note-4">') && wikipedia.slice(raw.start, raw.end).endsWith('</li>'));
      assert.deepEqual(doc.problems, []);
    });

    it('reads Pandoc and WordPress note markers and notes', () => {
      const html = [
        '<p>Sales rose 12%.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>',
        'Costs fell 3%.<sup><a href="#fn2" class="footnote-ref">2</a></sup></p>',
        '<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr />',
        '<ol><li id="fn1"><p>WIPO, <a href="https://wipo.example/r">Report</a>, 2024.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>',
        '<li id="fn2"><p>See https://idc.example/x for data.</p></li></ol></section>',
      ].join('\n');
      const doc = read(html);
      assert.deepEqual(blocksOf(doc), [['paragraph', 'Sales rose 12%.\nCosts fell 3%.', 0]]);
      assert.deepEqual(marksOf(html, doc), [
        { kind: 'footnote', label: 'fn1', prose: '', raw: '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>' },
        { kind: 'footnote', label: 'fn2', prose: '', raw: '<sup><a href="#fn2" class="footnote-ref">2</a></sup>' },
      ]);
      assert.deepEqual(
        [...doc.footnotes.values()].map((d) => [d.label, d.text, d.urls]),
        [
          ['fn1', 'WIPO, Report, 2024.', ['https://wipo.example/r']],
          ['fn2', 'See https://idc.example/x for data.', ['https://idc.example/x']],
        ],
      );
      assert.deepEqual(doc.references.map((d) => d.text), ['WIPO, Report, 2024.', 'See https://idc.example/x for data.']);
    });

    it('takes a note defined by an anchor in a paragraph out of the prose', () => {
      const html = '<p>Output hit 5 units.<sup><a href="#n1">1</a></sup></p><p><a name="n1"></a>1. Smith, <a href="https://s.example/">Review</a>.</p><p>After.</p>';
      const doc = read(html);
      assert.deepEqual(blocksOf(doc), [['paragraph', 'Output hit 5 units.', 0], ['paragraph', 'After.', 1]]);
      assert.deepEqual([...doc.footnotes.values()].map((d) => [d.label, d.text, d.urls]), [['n1', '1. Smith, Review.', ['https://s.example/']]]);
      assert.deepEqual(doc.references, []);
    });

    const shapes: [string, string][] = [
      [
        'Substack',
        '<div class="body"><p>Users grew 40%.<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a></p><div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>Company filing, <a href="https://sec.example/f">10-K</a>.</p></div></div></div>',
      ],
      [
        'kramdown',
        '<p>Users grew 40%.<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p><div class="footnotes" role="doc-endnotes"><ol><li id="fn:1" role="doc-endnote"><p>Company filing, <a href="https://sec.example/f">10-K</a>. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>',
      ],
      [
        'markdown-it',
        '<p>Users grew 40%.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p><hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list"><li id="fn1" class="footnote-item"><p>Company filing, <a href="https://sec.example/f">10-K</a>. <a href="#fnref1" class="footnote-backref">↩︎</a></p></li></ol></section>',
      ],
      [
        'an aside',
        '<p>Users grew 40%.<sup><a href="#n-1">1</a></sup></p><aside id="n-1">Company filing, <a href="https://sec.example/f">10-K</a>.</aside>',
      ],
    ];
    for (const [name, html] of shapes) {
      it(`reads ${name} notes`, () => {
        const doc = read(html);
        assert.deepEqual(blocksOf(doc), [['paragraph', 'Users grew 40%.', 0]]);
        const marks = doc.blocks[0].marks;
        assert.deepEqual(marks.map((m) => [m.kind, m.start, m.end]), [['footnote', 15, 15]]);
        assert.deepEqual(
          [...doc.footnotes.values()].map((d) => [d.label, d.text, d.urls]),
          [[marks[0].label, 'Company filing, 10-K.', ['https://sec.example/f']]],
        );
        assert.deepEqual(doc.problems, []);
      });
    }

    it('takes an inline note with its own text out of the prose', () => {
      const html = '<div><p>Rose 4%.<sup><a href="#s1">1</a></sup></p><p>Side.</p>Text before <span id="s1">Smith, 2020, https://s.example/</span> text after.</div>';
      const doc = read(html);
      assert.deepEqual(blocksOf(doc), [['paragraph', 'Rose 4%.', 0], ['paragraph', 'Side.', 1], ['paragraph', 'Text before  text after.', 2]]);
      assert.deepEqual([...doc.footnotes.values()].map((d) => [d.label, d.text, d.urls, html.slice(d.raw.start, d.raw.end)]), [
        ['s1', 'Smith, 2020, https://s.example/', ['https://s.example/'], '<span id="s1">Smith, 2020, https://s.example/</span>'],
      ]);
    });

    it('reads a plain same-page link into a reference list as a note', () => {
      const html = '<p>Up 9% <a href="#r1">(1)</a>.</p><ol class="references"><li id="r1">Census 2020.</li></ol>';
      const doc = read(html);
      assert.deepEqual(marksOf(html, doc), [{ kind: 'footnote', label: 'r1', prose: '', raw: '<a href="#r1">(1)</a>' }]);
      assert.deepEqual(blocksOf(doc), [['paragraph', 'Up 9% .', 0]]);
    });

    it('reports a marker whose note is missing and a note defined twice', () => {
      const html = '<p>A 1.<sup><a href="#fn9">9</a></sup> B 2.<sup><a href="#fn1">1</a></sup></p><ol class="footnotes"><li id="fn1">First.</li><li id="fn1">Second.</li></ol>';
      const doc = read(html);
      assert.deepEqual(problemsOf(html, doc), [
        ['missing-footnote', '<sup><a href="#fn9">9</a></sup>'],
        ['duplicate-footnote', '<li id="fn1">Second.</li>'],
      ]);
      assert.equal(doc.footnotes.get('fn1')?.text, 'First.');
      assert.deepEqual(marksOf(html, doc).map((m) => m.label), ['fn9', 'fn1']);
    });

    it('reports a duplicate note outside a list', () => {
      const html = '<p>A 1.<sup><a href="#n1">1</a></sup></p><p id="n1">Note one.</p><p id="n1">Again.</p>';
      const doc = read(html);
      assert.deepEqual(problemsOf(html, doc), [['duplicate-footnote', '<p id="n1">Again.</p>']]);
      assert.equal(doc.footnotes.get('n1')?.text, 'Note one.');
    });
  });

  describe('reference sections', () => {
    it('takes the list under a References heading out of the prose, in order', () => {
      const html = [
        '<article><p>Exports grew 8% [1] and imports 3% [2].</p>',
        '<h2>References</h2>',
        '<ol><li>WIPO (2024). <a href="https://wipo.example/a">Report</a>.</li><li>IDC, https://idc.example/b</li></ol>',
        '<h2>Next</h2><p>Back to prose 5%.</p></article>',
      ].join('\n');
      const doc = read(html);
      assert.deepEqual(blocksOf(doc), [
        ['paragraph', 'Exports grew 8%  and imports 3% .', 0],
        ['heading', 'References', 1],
        ['heading', 'Next', 2],
        ['paragraph', 'Back to prose 5%.', 3],
      ]);
      assert.deepEqual(
        doc.references.map((d) => [d.label, d.text, d.urls, html.slice(d.raw.start, d.raw.end)]),
        [
          ['1', 'WIPO (2024). Report.', ['https://wipo.example/a'], '<li>WIPO (2024). <a href="https://wipo.example/a">Report</a>.</li>'],
          ['2', 'IDC, https://idc.example/b', ['https://idc.example/b'], '<li>IDC, https://idc.example/b</li>'],
        ],
      );
      assert.equal(doc.footnotes.size, 0);
    });

    it('takes only the element after a "Sources:" paragraph', () => {
      const html = '<div><p>Sources:</p><ul><li>WIPO</li><li>IDC</li></ul><p>Next claim 5%.</p></div>';
      const doc = read(html);
      assert.deepEqual(blocksOf(doc), [['paragraph', 'Sources:', 0], ['paragraph', 'Next claim 5%.', 1]]);
      assert.deepEqual(doc.references.map((d) => d.text), ['WIPO', 'IDC']);
    });

    const lists: [string, string][] = [
      ['ol.references', '<ol class="references"><li>Entry 2020.</li></ol>'],
      ['section.footnotes', '<section class="footnotes"><ol><li>Entry 2020.</li></ol></section>'],
      ['div.reflist', '<div class="reflist"><ol><li>Entry 2020.</li></ol></div>'],
      ['a list under "Sources:"', '<h3>Sources:</h3><ul><li>Entry 2020.</li></ul>'],
      ['a list under "Bibliography"', '<h3>Bibliography</h3><div><ul><li>Entry 2020.</li></ul></div>'],
      ['a list under "Notes"', '<h2>Notes</h2><ol><li>Entry 2020.</li></ol>'],
      ['loose entries', '<div class="bibliography">Entry 2020.</div>'],
    ];
    for (const [name, list] of lists) {
      it(`reads ${name} as references`, () => {
        const doc = read(`<p>Claim 5.</p>${list}`);
        assert.deepEqual(
          doc.blocks.filter((b) => b.kind !== 'heading').map((b) => b.text),
          ['Claim 5.'],
        );
        assert.deepEqual(doc.references.map((d) => d.text), ['Entry 2020.']);
      });
    }
  });

  describe('entities', () => {
    const cases: [string, string, string, string][] = [
      // html, prose, prose needle, raw it maps to
      ['<p>$163&#160;million</p>', '$163\u00a0million', '$163\u00a0million', '$163&#160;million'],
      ['<p>R&amp;D rose 4%</p>', 'R&D rose 4%', 'R&D', 'R&amp;D'],
      ['<p>5&nbsp;GW</p>', '5\u00a0GW', '5\u00a0GW', '5&nbsp;GW'],
      ['<p>It&#8217;s 7&#x25;</p>', 'It\u2019s 7%', '7%', '7&#x25;'],
      ['<p>&ldquo;12&rdquo;</p>', '\u201c12\u201d', '\u201c', '&ldquo;'],
      ['<p>a &notin; b</p>', 'a \u2209 b', '\u2209', '&notin;'],
      ['<p>&ampfoo 2</p>', '&foo 2', '&', '&amp'],
      ['<p>&bogus; 2</p>', '&bogus; 2', '&bogus;', '&bogus;'],
      ['<p>1 &lt; 2 & 3</p>', '1 < 2 & 3', '< 2 & 3', '&lt; 2 & 3'],
      ['<p>&#128512; 3</p>', '\u{1F600} 3', '\u{1F600}', '&#128512;'],
    ];
    for (const [html, prose, needle, raw] of cases) {
      it(`${html} → ${JSON.stringify(prose)}`, () => {
        const doc = read(html);
        assert.deepEqual(doc.blocks.map((b) => b.text), [prose]);
        assert.equal(rawOf(html, doc, needle), raw);
      });
    }
  });

  describe('offsets', () => {
    it('maps offsets through CRLF line ends', () => {
      const html = '<p>First line\r\nrose 12%<br>\r\nto 3 units</p>\r\n<p>Next 4</p>';
      const doc = read(html);
      assert.deepEqual(doc.blocks.map((b) => b.text), ['First line\r\nrose 12%\n\r\nto 3 units', 'Next 4']);
      assert.equal(rawOf(html, doc, '12%'), '12%');
      assert.equal(html.indexOf('12%'), doc.blocks[0].map.toRawStart(doc.blocks[0].text.indexOf('12%')));
      assert.equal(rawOf(html, doc, 'Next 4'), 'Next 4');
    });

    it('maps offsets after astral characters', () => {
      const html = '<p>😀 <b>🚀</b> grew 12%</p>';
      const doc = read(html);
      const b = doc.blocks[0];
      const at = b.text.indexOf('12%');
      assert.deepEqual(b.map.toRaw(at, at + 3), { start: html.indexOf('12%'), end: html.indexOf('12%') + 3 });
    });
  });

  describe('malformed input', () => {
    const cases: [string, string, string[]][] = [
      ['unclosed tags', '<p>one <b>bold<p>two<li>three', ['one bold', 'two', 'three']],
      ['stray closing tags', '</p>text</div> more</b></li>', ['text more']],
      ['less-than signs in text', '<p>1 < 2 and 3 <4 > 2</p>', ['1 < 2 and 3 <4 > 2']],
      ['NUL bytes', '<p>a\u0000b 5</p>', ['a\u0000b 5']],
      ['an unterminated tag at the end', '<p>x<a href="y', ['x']],
      ['an unclosed comment', '<p>x</p><!-- 5% and more', ['x']],
      ['misnested blocks', '<div><p>a</div>b</p>c', ['a', 'b', 'c']],
      ['an unclosed script', '<p>x</p><script>if (a < b) { 9% ', ['x']],
      ['empty input', '', []],
    ];
    for (const [name, html, expected] of cases) {
      it(name, () => {
        assert.deepEqual(read(html).blocks.map((b) => b.text), expected);
      });
    }

    it('never throws and keeps offsets on random markup', () => {
      const pieces = [
        '<p>', '</p>', '<div>', '</div>', '<a href="#n1">', '<a href="https://x.org/?a&amp;b">', '</a>', '<sup>', '</sup>',
        '<li id="n1">', '<ol class="references">', '</ol>', '<h2>', 'References', '</h2>', '<br>', '<code>', '</code>',
        '<script>', '</script>', '<!--', '-->', '&amp;', '&#160;', '&', '<', '>', '"', '[12]', '12%', ' ', '\r\n', '😀',
        '\u0000', '<table><tr><td>', '</td>', '<blockquote cite="u">', '<cite>', '</cite>', '<span hidden>', '<a>', '<a name="n2">',
      ];
      let seed = 7;
      const random = (n: number): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      for (let round = 0; round < 300; round++) {
        let html = '';
        const length = 1 + random(60);
        for (let k = 0; k < length; k++) html += pieces[random(pieces.length)];
        assert.doesNotThrow(() => read(html), html);
      }
    });
  });

  describe('problems', () => {
    const cases: [string, string, [string, string][]][] = [
      ['a link without href', '<p>See <a>the report</a>.</p>', [['empty-link', '<a>the report</a>']]],
      ['an empty href', '<p>See <a href="">the report</a> and <a href="#">this</a>.</p>', [['empty-link', '<a href="">the report</a>'], ['empty-link', '<a href="#">this</a>']]],
      ['anchors are not links', '<p><a name="top">Top</a> <a id="s2">Part</a></p>', []],
      ['an empty link without text is no problem', '<p>x <a href=""></a></p>', []],
    ];
    for (const [name, html, expected] of cases) {
      it(name, () => {
        const doc = read(html);
        assert.deepEqual(problemsOf(html, doc), expected);
        assert.ok(doc.blocks.every((b) => b.marks.every((m) => m.kind !== 'link')));
      });
    }
  });

  describe('fixture article', () => {
    const dir = path.resolve('test/fixtures/html');
    it('reads notes-and-table.html as expected', () => {
      const html = readFileSync(path.join(dir, 'notes-and-table.html'), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(dir, 'notes-and-table.expected.json'), 'utf8')) as unknown;
      const doc = read(html);
      const actual = {
        blocks: doc.blocks.map((b) => ({
          kind: b.kind,
          group: b.group,
          text: b.text,
          marks: b.marks.map((m) => ({ kind: m.kind, label: m.label, raw: html.slice(m.raw.start, m.raw.end), ...(m.url ? { url: m.url } : {}) })),
        })),
        footnotes: [...doc.footnotes.values()].map((d) => ({ label: d.label, text: d.text, urls: d.urls })),
        references: doc.references.map((d) => d.label),
        problems: problemsOf(html, doc),
      };
      assert.deepEqual(actual, expected);
    });
  });
});
