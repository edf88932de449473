import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TreeFragment } from '@lezer/common';
import { parseMarkdownTree, readMarkdown, readMarkdownTree } from '../../src/core/formats/markdown';
import type { ProseBlock, ProseDocument } from '../../src/core/formats/prose';

const lines = (...ls: string[]): string => ls.join('\n');

interface BlockView {
  kind: string;
  text: string;
  /** Groups renumbered 0, 1, 2… in order of first appearance. */
  group: number;
}

interface MarkView {
  kind: string;
  label: string;
  /** The raw text of the whole construct. */
  raw: string;
  /** The prose the mark covers (empty for a removed marker). */
  prose: string;
  url?: string;
  title?: string;
  key?: string;
  locator?: string;
}

function md(text: string, mdx = false): ProseDocument {
  const doc = readMarkdown(text, { mdx });
  for (const block of doc.blocks) checkMap(text, block);
  return doc;
}

function blocks(doc: ProseDocument): BlockView[] {
  const groups = new Map<number, number>();
  return doc.blocks.map((b) => {
    if (!groups.has(b.group)) groups.set(b.group, groups.size);
    return { kind: b.kind, text: b.text, group: groups.get(b.group) as number };
  });
}

function texts(doc: ProseDocument): string[] {
  return doc.blocks.map((b) => b.text);
}

function marks(text: string, doc: ProseDocument): MarkView[] {
  const out: MarkView[] = [];
  for (const b of doc.blocks) {
    for (const m of b.marks) {
      const view: MarkView = { kind: m.kind, label: m.label, raw: text.slice(m.raw.start, m.raw.end), prose: b.text.slice(m.start, m.end) };
      if (m.url !== undefined) view.url = m.url;
      if (m.title !== undefined) view.title = m.title;
      if (m.key !== undefined) view.key = m.key;
      if (m.locator !== undefined) view.locator = m.locator;
      out.push(view);
    }
  }
  return out;
}

function problems(text: string, doc: ProseDocument): { code: string; raw: string; message: string }[] {
  return doc.problems.map((p) => ({ code: p.code, raw: text.slice(p.range.start, p.range.end), message: p.message }));
}

/**
 * Every prose character maps back to raw text that stands for it: the same
 * character, or markup it replaced (an entity, a line break, a code span).
 */
function checkMap(text: string, block: ProseBlock): void {
  let last = -1;
  for (let i = 0; i < block.text.length; i++) {
    const start = block.map.toRawStart(i);
    const end = block.map.toRawEnd(i + 1);
    assert.ok(start >= last, `map of ${JSON.stringify(block.text)} is not monotone at ${i}`);
    last = start;
    const ch = block.text[i];
    const raw = text.slice(start, end);
    if (raw === ch) continue;
    const stands =
      (ch === '\n' && /^[\s]*$/u.test(raw)) ||
      (ch === '\n' && /^(?:\\|<br\s*\/?>)/iu.test(raw)) ||
      (ch === ' ' && raw.startsWith('<')) ||
      (ch === '\uFFFC' && (raw.startsWith('`') || raw.startsWith('{'))) ||
      raw.startsWith('&');
    assert.ok(stands, `prose ${JSON.stringify(ch)} at ${i} of ${JSON.stringify(block.text)} maps to ${JSON.stringify(raw)}`);
  }
}

/** The raw text under the prose occurrence of `needle` in the block that holds it. */
function rawOf(text: string, doc: ProseDocument, needle: string): string {
  const block = doc.blocks.find((b) => b.text.includes(needle));
  assert.ok(block, `no block holds ${JSON.stringify(needle)}`);
  const at = block.text.indexOf(needle);
  const range = block.map.toRaw(at, at + needle.length);
  return text.slice(range.start, range.end);
}

describe('readMarkdown', () => {
  describe('blocks', () => {
    const cases: { name: string; input: string; blocks: BlockView[] }[] = [
      {
        name: 'paragraphs, each a group of its own, markup taken away',
        input: lines('Some *emphasis*, **strong** and ~~struck~~ text.', 'A soft break.', '', 'Second \\*para\\* &amp; &#160;more.'),
        blocks: [
          { kind: 'paragraph', text: 'Some emphasis, strong and struck text.\nA soft break.', group: 0 },
          { kind: 'paragraph', text: 'Second *para* & \u00a0more.', group: 1 },
        ],
      },
      {
        name: 'ATX and Setext headings',
        input: lines('# Title *one* #', '', 'Sub title', '---------', '', '###### Deep'),
        blocks: [
          { kind: 'heading', text: 'Title one', group: 0 },
          { kind: 'heading', text: 'Sub title', group: 1 },
          { kind: 'heading', text: 'Deep', group: 2 },
        ],
      },
      {
        name: 'list items share their list’s group, nested lists included',
        input: lines('- one 12%', '- two', '  - nested', '', '1. first', '2. second', '', '- [x] done task'),
        blocks: [
          { kind: 'list-item', text: 'one 12%', group: 0 },
          { kind: 'list-item', text: 'two', group: 0 },
          { kind: 'list-item', text: 'nested', group: 0 },
          { kind: 'list-item', text: 'first', group: 1 },
          { kind: 'list-item', text: 'second', group: 1 },
          { kind: 'list-item', text: 'done task', group: 2 },
        ],
      },
      {
        name: 'a loose list item with two paragraphs',
        input: lines('- para one', '', '  para two', '- next'),
        blocks: [
          { kind: 'list-item', text: 'para one', group: 0 },
          { kind: 'list-item', text: 'para two', group: 0 },
          { kind: 'list-item', text: 'next', group: 0 },
        ],
      },
      {
        name: 'block quotes, lazy continuation and a list inside',
        input: lines('> quoted 40%', '> on two lines', 'lazy line', '>', '> second', '>', '> - item in quote'),
        blocks: [
          { kind: 'blockquote', text: 'quoted 40%\non two lines\nlazy line', group: 0 },
          { kind: 'blockquote', text: 'second', group: 1 },
          { kind: 'list-item', text: 'item in quote', group: 2 },
        ],
      },
      {
        name: 'table cells, header included, one group per table',
        input: lines('| Region | Share |', '|:--|--:|', '| Asia | **45%** |', '| a \\| b |  |', '', '| x |', '|---|', '| y |'),
        blocks: [
          { kind: 'table-cell', text: 'Region', group: 0 },
          { kind: 'table-cell', text: 'Share', group: 0 },
          { kind: 'table-cell', text: 'Asia', group: 0 },
          { kind: 'table-cell', text: '45%', group: 0 },
          { kind: 'table-cell', text: 'a | b', group: 0 },
          { kind: 'table-cell', text: 'x', group: 1 },
          { kind: 'table-cell', text: 'y', group: 1 },
        ],
      },
      {
        name: 'hard breaks keep a line break',
        input: lines('one  ', 'two\\', 'three<br>four'),
        blocks: [{ kind: 'paragraph', text: 'one\ntwo\nthree\nfour', group: 0 }],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        assert.deepEqual(blocks(md(c.input)), c.blocks);
      });
    }
  });

  describe('what is not prose', () => {
    it('code blocks, code spans, comments, definitions and images never reach the prose', () => {
      const text = lines(
        'Intro with `x = 42` code and ![chart 99](chart.png) image.',
        '',
        '```js',
        'const share = 67;',
        '```',
        '',
        '    indented 88 code',
        '',
        '<!-- hidden 77 -->',
        '',
        '[ref]: https://example.org/ref "Ref 12"',
        '',
        '***',
        '',
        'End.',
      );
      const doc = md(text);
      assert.deepEqual(texts(doc), ['Intro with \uFFFC code and image.', 'End.']);
    });

    const templates: [string, string[]][] = [
      ['{{< figure src="/img/40.jpg" width="800" caption="Lost 40 metres" >}}', []],
      ['{% include image.html file="map.png" width=640 height=480 %}', []],
      ['Text with {{ site.data.total }} items and {{< ref "post-12.md" >}} links.', ['Text with \uFFFC items and \uFFFC links.']],
      ['{{% note %}}Cases rose 20%.{{% /note %}}', ['\uFFFCCases rose 20%.\uFFFC']],
      ['A brace { 12 } and {{ unclosed 40', ['A brace { 12 } and {{ unclosed 40']],
    ];
    for (const [input, prose] of templates) {
      it(`shortcodes and Liquid tags are markup: ${input}`, () => {
        assert.deepEqual(texts(md(input)), prose);
      });
    }

    it('YAML and TOML front matter at the very start', () => {
      const yaml = lines('---', 'title: "38,210 patents"', 'n: 12', '---', '', 'Body 5%.');
      const doc = md(yaml);
      assert.deepEqual(texts(doc), ['Body 5%.']);
      assert.deepEqual(doc.frontMatter, { start: 0, end: yaml.indexOf('---', 4) + 3 });

      const toml = lines('+++', 'title = "x 9"', '+++', 'Body.');
      const tomlDoc = md(toml);
      assert.deepEqual(texts(tomlDoc), ['Body.']);
      assert.equal(toml.slice(tomlDoc.frontMatter?.start, tomlDoc.frontMatter?.end), '+++\ntitle = "x 9"\n+++');
    });

    it('front matter only counts at the very start and when it is closed', () => {
      const later = md(lines('Text', '', '---', 'a: 1', '---'));
      assert.equal(later.frontMatter, undefined);
      assert.deepEqual(texts(later), ['Text', 'a: 1']);
      const open = md(lines('---', 'Not closed 5%.'));
      assert.equal(open.frontMatter, undefined);
      assert.deepEqual(texts(open), ['Not closed 5%.']);
      const only = md(lines('---', 'a: 1', '...'));
      assert.deepEqual(only.frontMatter, { start: 0, end: 12 });
      assert.deepEqual(only.blocks, []);
    });
  });

  describe('links', () => {
    it('inline, reference, collapsed, shortcut, autolinks, bare URLs and raw <a>', () => {
      const text = lines(
        'An [inline *link*](https://a.example/x?q=1&amp;r=2 "The title") and [full][Ref] and [Ref][] and [ref].',
        'Auto <https://b.example/p> and bare https://c.example/d. and www.d.example and <a href="http://e.example" title="E">raw *a*</a>.',
        '',
        '[ref]: <https://r.example/ref> "Ref title"',
      );
      const doc = md(text);
      assert.deepEqual(texts(doc), [
        'An inline link and full and Ref and ref.\nAuto https://b.example/p and bare https://c.example/d. and www.d.example and raw a.',
      ]);
      assert.deepEqual(marks(text, doc), [
        {
          kind: 'link',
          label: 'inline link',
          raw: '[inline *link*](https://a.example/x?q=1&amp;r=2 "The title")',
          prose: 'inline link',
          url: 'https://a.example/x?q=1&r=2',
          title: 'The title',
        },
        { kind: 'link', label: 'full', raw: '[full][Ref]', prose: 'full', url: 'https://r.example/ref', title: 'Ref title' },
        { kind: 'link', label: 'Ref', raw: '[Ref][]', prose: 'Ref', url: 'https://r.example/ref', title: 'Ref title' },
        { kind: 'link', label: 'ref', raw: '[ref]', prose: 'ref', url: 'https://r.example/ref', title: 'Ref title' },
        { kind: 'link', label: 'https://b.example/p', raw: '<https://b.example/p>', prose: 'https://b.example/p', url: 'https://b.example/p' },
        { kind: 'link', label: 'https://c.example/d', raw: 'https://c.example/d', prose: 'https://c.example/d', url: 'https://c.example/d' },
        { kind: 'link', label: 'www.d.example', raw: 'www.d.example', prose: 'www.d.example', url: 'www.d.example' },
        { kind: 'link', label: 'raw a', raw: '<a href="http://e.example" title="E">raw *a*</a>', prose: 'raw a', url: 'http://e.example', title: 'E' },
      ]);
      assert.deepEqual(doc.problems, []);
    });

    it('empty destinations are problems and still marks', () => {
      const text = 'See [the report]() and <a href="">this</a>.';
      const doc = md(text);
      assert.deepEqual(texts(doc), ['See the report and this.']);
      assert.deepEqual(
        marks(text, doc).map((m) => [m.kind, m.prose, m.url]),
        [
          ['link', 'the report', ''],
          ['link', 'this', ''],
        ],
      );
      assert.deepEqual(problems(text, doc), [
        { code: 'empty-link', raw: '[the report]()', message: 'The link “the report” has no destination.' },
        { code: 'empty-link', raw: '<a href="">this</a>', message: 'The link “this” has no destination.' },
      ]);
    });

    it('brackets without a definition stay text', () => {
      const text = 'He said [sic] and [text][missing] here.';
      const doc = md(text);
      assert.deepEqual(texts(doc), ['He said [sic] and [text][missing] here.']);
      assert.deepEqual(doc.blocks[0].marks, []);
    });

    it('a URL as a link’s text is one link, not two', () => {
      const text = '[https://x.example/a](https://y.example/b)';
      assert.deepEqual(
        marks(text, md(text)).map((m) => [m.kind, m.prose, m.url]),
        [['link', 'https://x.example/a', 'https://y.example/b']],
      );
    });
  });

  describe('footnotes', () => {
    it('references are removed from the prose and marked where they stood', () => {
      const text = lines(
        'As much as 47% of jobs are at risk [^oxford]. Another claim.[^2] And a third[^nope] one.',
        '',
        '[^oxford]: [Frey and Osborne](https://ox.example/future.pdf). Page 1, also https://mirror.example/f.',
        '[^2]: Second note,',
        'lazily continued.',
        '',
        '    A second paragraph of the note, 12 pages, <https://n.example/2>.',
        '',
        '[^2]: A duplicate definition.',
        '',
        'After the notes.',
      );
      const doc = md(text);
      assert.deepEqual(texts(doc), ['As much as 47% of jobs are at risk. Another claim. And a third one.', 'After the notes.']);
      assert.deepEqual(marks(text, doc), [
        { kind: 'footnote', label: 'oxford', raw: '[^oxford]', prose: '' },
        { kind: 'footnote', label: '2', raw: '[^2]', prose: '' },
        { kind: 'footnote', label: 'nope', raw: '[^nope]', prose: '' },
      ]);
      assert.deepEqual(
        doc.blocks[0].marks.map((m) => m.start),
        [34, 50, 62],
      );
      assert.deepEqual(
        [...doc.footnotes.values()].map((f) => ({ label: f.label, text: f.text, urls: f.urls, raw: text.slice(f.raw.start, f.raw.end) })),
        [
          {
            label: 'oxford',
            text: 'Frey and Osborne. Page 1, also https://mirror.example/f.',
            urls: ['https://ox.example/future.pdf', 'https://mirror.example/f'],
            raw: '[^oxford]: [Frey and Osborne](https://ox.example/future.pdf). Page 1, also https://mirror.example/f.',
          },
          {
            label: '2',
            text: 'Second note,\nlazily continued.\nA second paragraph of the note, 12 pages, https://n.example/2.',
            urls: ['https://n.example/2'],
            raw: '[^2]: Second note,\nlazily continued.\n\n    A second paragraph of the note, 12 pages, <https://n.example/2>.',
          },
        ],
      );
      assert.deepEqual(problems(text, doc), [
        { code: 'missing-footnote', raw: '[^nope]', message: 'Footnote [^nope] has no definition.' },
        { code: 'duplicate-footnote', raw: '[^2]:', message: 'Footnote [^2] is defined more than once; the first definition is used.' },
      ]);
    });

    it('a long run of definitions reads as one definition each', () => {
      const defs = Array.from({ length: 3000 }, (_, i) => `[^n${i}]: Source ${i}, https://s.example/${i}`);
      const text = lines('Claim 5%.[^n0]', '', ...defs);
      const doc = md(text);
      assert.equal(doc.footnotes.size, 3000);
      assert.deepEqual(doc.footnotes.get('n2999'), {
        label: 'n2999',
        text: 'Source 2999, https://s.example/2999',
        urls: ['https://s.example/2999'],
        raw: { start: text.length - defs[2999].length, end: text.length },
      });
      assert.deepEqual(texts(doc), ['Claim 5%.']);
    });
  });

  describe('citations', () => {
    const cases: { input: string; prose: string; marks: [string, string?][] }[] = [
      { input: 'Grew 12% [@wipo2024].', prose: 'Grew 12%.', marks: [['wipo2024']] },
      { input: 'Grew 12% [-@wipo2024].', prose: 'Grew 12%.', marks: [['wipo2024']] },
      { input: 'Grew [@a; @b, p. 3].', prose: 'Grew.', marks: [['a'], ['b', 'p. 3']] },
      { input: 'Grew [see @doe99, pp. 33-35; also @smith04, chap. 1].', prose: 'Grew.', marks: [['doe99', 'pp. 33-35'], ['smith04', 'chap. 1']] },
      { input: 'As @doe99 shows, 12% grew.', prose: 'As @doe99 shows, 12% grew.', marks: [['doe99']] },
      { input: 'As @doe99 [p. 33] shows.', prose: 'As @doe99 shows.', marks: [['doe99', 'p. 33']] },
      { input: 'Killed 608 people. @doe99 estimate 68%.', prose: 'Killed 608 people. @doe99 estimate 68%.', marks: [['doe99']] },
      { input: 'Ends with @key.', prose: 'Ends with @key.', marks: [['key']] },
      { input: 'Keys like @Smith:2020_x/y.', prose: 'Keys like @Smith:2020_x/y.', marks: [['Smith:2020_x/y']] },
      { input: 'LaTeX \\cite{a,b} and \\citep[p.~3]{c} and \\citet{d}.', prose: 'LaTeX and and.', marks: [['a'], ['b'], ['c', 'p. 3'], ['d']] },
      { input: 'See @fig-growth and [@tbl-1] and @sec-intro and @eq-2.', prose: 'See @fig-growth and [@tbl-1] and @sec-intro and @eq-2.', marks: [] },
      { input: 'Write to name@example.com or see `@code` and https://m.example/@user.', prose: 'Write to name@example.com or see \uFFFC and https://m.example/@user.', marks: [] },
      { input: '[cite @doe](https://x.example) link.', prose: 'cite @doe link.', marks: [] },
    ];
    for (const c of cases) {
      it(c.input, () => {
        const doc = md(c.input);
        assert.deepEqual(texts(doc), [c.prose]);
        const found = marks(c.input, doc).filter((m) => m.kind === 'citation');
        assert.deepEqual(
          found.map((m) => (m.locator ? [m.key, m.locator] : [m.key])),
          c.marks,
        );
        for (const m of found) {
          assert.equal(m.label, m.key);
          assert.equal(m.prose, '');
          // A narrative citation's key stays as text, its mark just before it.
          if (m.raw.startsWith('@')) assert.ok(doc.blocks[0].text.includes(` @${m.key}`) || doc.blocks[0].text.startsWith(`@${m.key}`));
          assert.ok(/^(?:\[|@|\\)/u.test(m.raw) && c.input.includes(m.raw));
        }
      });
    }
  });

  describe('numbered references', () => {
    const cases: { input: string; prose: string; numbers: string[]; raws: string[] }[] = [
      { input: 'Up 12% [12].', prose: 'Up 12%.', numbers: ['12'], raws: ['[12]'] },
      { input: 'Up 12% [3, 4] now.', prose: 'Up 12% now.', numbers: ['3', '4'], raws: ['[3, 4]', '[3, 4]'] },
      { input: 'Up [3-5].', prose: 'Up.', numbers: ['3', '4', '5'], raws: ['[3-5]', '[3-5]', '[3-5]'] },
      { input: 'Title\\[1\\] here.', prose: 'Title here.', numbers: ['1'], raws: ['\\[1\\]'] },
      { input: 'Up 12%<sup>[2](#ref-2)</sup> now.', prose: 'Up 12% now.', numbers: ['2'], raws: ['[2](#ref-2)'] },
      { input: 'Up 12%.<sup>[3, 4](#refs)</sup>', prose: 'Up 12%.', numbers: ['3', '4'], raws: ['[3, 4](#refs)', '[3, 4](#refs)'] },
      { input: 'Not numbers [12a] and [1,].', prose: 'Not numbers [12a] and [1,].', numbers: [], raws: [] },
    ];
    for (const c of cases) {
      it(c.input, () => {
        const doc = md(c.input);
        assert.deepEqual(texts(doc), [c.prose]);
        const found = marks(c.input, doc).filter((m) => m.kind === 'numbered');
        assert.deepEqual(
          found.map((m) => m.label),
          c.numbers,
        );
        assert.deepEqual(
          found.map((m) => m.raw),
          c.raws,
        );
      });
    }

    it('a bracketed number with a definition is a link marker; an inline link keeps its number', () => {
      const text = lines(
        'Up 10.9%.<sup>[1][share]</sup> And [2]. In [2019](https://y.example/2019) too.',
        '',
        '[share]: https://w.example/share',
        '[2]: https://w.example/two',
      );
      const doc = md(text);
      assert.deepEqual(texts(doc), ['Up 10.9%. And. In 2019 too.']);
      assert.deepEqual(marks(text, doc), [
        { kind: 'link', label: '1', raw: '[1][share]', prose: '', url: 'https://w.example/share' },
        { kind: 'link', label: '2', raw: '[2]', prose: '', url: 'https://w.example/two' },
        { kind: 'link', label: '2019', raw: '[2019](https://y.example/2019)', prose: '2019', url: 'https://y.example/2019' },
      ]);
    });
  });

  describe('references sections', () => {
    it('entries under a References heading are not prose', () => {
      const text = lines(
        'Body 5% [1].',
        '',
        '## References',
        '',
        '1. WIPO, *Report*, 2024. https://wipo.example/r',
        '2. [OECD data](https://oecd.example/d), 2023.',
        '',
        '### Books',
        '',
        'Smith, J. (2020). A book, 300 pages.',
        '',
        '## Afterword',
        '',
        'Back to prose 7%.',
      );
      const doc = md(text);
      assert.deepEqual(blocks(doc), [
        { kind: 'paragraph', text: 'Body 5%.', group: 0 },
        { kind: 'heading', text: 'References', group: 1 },
        { kind: 'heading', text: 'Books', group: 2 },
        { kind: 'heading', text: 'Afterword', group: 3 },
        { kind: 'paragraph', text: 'Back to prose 7%.', group: 4 },
      ]);
      assert.deepEqual(
        doc.references.map((r) => ({ label: r.label, text: r.text, urls: r.urls, raw: text.slice(r.raw.start, r.raw.end) })),
        [
          { label: '1', text: 'WIPO, Report, 2024. https://wipo.example/r', urls: ['https://wipo.example/r'], raw: '1. WIPO, *Report*, 2024. https://wipo.example/r' },
          { label: '2', text: 'OECD data, 2023.', urls: ['https://oecd.example/d'], raw: '2. [OECD data](https://oecd.example/d), 2023.' },
          { label: '3', text: 'Smith, J. (2020). A book, 300 pages.', urls: [], raw: 'Smith, J. (2020). A book, 300 pages.' },
        ],
      );
    });

    const headings = ['# Sources', '## Bibliography', '### Notes', '## Works Cited', '**Notes**', 'Sources\n======='];
    for (const heading of headings) {
      it(`"${heading.replace(/\n/gu, ' ')}" opens a references section`, () => {
        const text = lines('Body.', '', heading, '', '\\[1\\] First entry, https://one.example.', '', '\\[2\\] Second.');
        const doc = md(text);
        assert.deepEqual(
          doc.blocks.filter((b) => b.kind !== 'heading').map((b) => b.text),
          ['Body.'],
        );
        assert.deepEqual(
          doc.references.map((r) => [r.label, r.text, r.urls]),
          [
            ['1', 'First entry, https://one.example.', ['https://one.example']],
            ['2', 'Second.', []],
          ],
        );
      });
    }
  });

  describe('raw HTML', () => {
    it('inline tags go, their text stays; script, style and comments go whole', () => {
      const text = 'According to <a href="http://g.example/p?id=1&amp;x=2">Gartner</a>\'s <strong>new</strong> data<script>var n = 99;</script><style>p{width:50%}</style><!-- 77 --> it <span class="n">grew</span> 15.8%.';
      const doc = md(text);
      assert.deepEqual(texts(doc), ["According to Gartner's new data it grew 15.8%."]);
      assert.deepEqual(marks(text, doc), [
        { kind: 'link', label: 'Gartner', raw: '<a href="http://g.example/p?id=1&amp;x=2">Gartner</a>', prose: 'Gartner', url: 'http://g.example/p?id=1&x=2' },
      ]);
    });

    it('note links in <sup> are markers; <sup>2</sup> is prose; <cite> names a source', () => {
      const text = 'Up 12%<sup><a href="#fn3">3</a></sup> per m<sup>2</sup> says <cite>WIPO</cite>.';
      const doc = md(text);
      assert.deepEqual(texts(doc), ['Up 12% per m2 says WIPO.']);
      assert.deepEqual(marks(text, doc), [
        { kind: 'footnote', label: '3', raw: '<a href="#fn3">3</a>', prose: '' },
        { kind: 'cite', label: 'WIPO', raw: '<cite>WIPO</cite>', prose: 'WIPO' },
      ]);
    });

    it('an HTML block gives one block per block-level element', () => {
      const text = lines(
        '<div class="post">',
        '<h2>Market <em>share</em></h2>',
        '<p>Apple had 10.9%&nbsp;of it, <a href="https://w.example">per IDC</a>.<br/>Next line.</p>',
        '<ul><li>Linux 3.7%</li><li>Other</li></ul>',
        '<table><tr><th>OS</th><td>78.6%</td></tr></table>',
        '<script>const hidden = 42;</script>',
        '<p title="attr 55">Last</p>',
        '</div>',
        '',
        'Markdown again.',
      );
      const doc = md(text);
      assert.deepEqual(blocks(doc), [
        { kind: 'heading', text: 'Market share', group: 0 },
        { kind: 'paragraph', text: 'Apple had 10.9%\u00a0of it, per IDC.\nNext line.', group: 1 },
        { kind: 'list-item', text: 'Linux 3.7%', group: 2 },
        { kind: 'list-item', text: 'Other', group: 2 },
        { kind: 'table-cell', text: 'OS', group: 3 },
        { kind: 'table-cell', text: '78.6%', group: 3 },
        { kind: 'paragraph', text: 'Last', group: 4 },
        { kind: 'paragraph', text: 'Markdown again.', group: 5 },
      ]);
      assert.deepEqual(marks(text, doc), [{ kind: 'link', label: 'per IDC', raw: '<a href="https://w.example">per IDC</a>', prose: 'per IDC', url: 'https://w.example' }]);
    });
  });

  describe('MDX', () => {
    it('import/export blocks, JSX tags and expressions are not prose', () => {
      const text = lines(
        'import { Chart } from "../chart";',
        'export const meta = {',
        '',
        '  title: "12 charts",',
        '};',
        '',
        '# Hello {props.name}',
        '',
        'Revenue grew 12% {/* a comment 5 */} in <Tooltip tip="a 5% thing">Q3</Tooltip> to {total} units.',
        '',
        '<Chart data={[1, 2, 3]} />',
        '',
        '<Note kind="info">',
        'Inside 45% of users.',
        '</Note>',
        '',
        '<Callout>',
        '',
        'A **loose** child 30%.',
        '',
        '</Callout>',
      );
      const doc = md(text, true);
      assert.deepEqual(blocks(doc), [
        { kind: 'heading', text: 'Hello \uFFFC', group: 0 },
        { kind: 'paragraph', text: 'Revenue grew 12% in Q3 to \uFFFC units.', group: 1 },
        { kind: 'paragraph', text: 'Inside 45% of users.', group: 2 },
        { kind: 'paragraph', text: 'A loose child 30%.', group: 3 },
      ]);
    });

    it('the same text read as Markdown keeps braces as text', () => {
      const doc = md('Grew {total} units in <Tooltip tip="x">Q3</Tooltip>.');
      assert.deepEqual(texts(doc), ['Grew {total} units in Q3.']);
    });

    it('a JSX link component is a link', () => {
      const text = 'Per <Link href="https://l.example">the study</Link>, 40%.';
      const doc = md(text, true);
      assert.deepEqual(texts(doc), ['Per the study, 40%.']);
      assert.deepEqual(marks(text, doc).map((m) => [m.kind, m.prose, m.url]), [['link', 'the study', 'https://l.example']]);
    });
  });

  describe('offsets', () => {
    it('map back exactly on lines with emoji, CJK and CRLF', () => {
      const text = '# 标题 😀\r\n\r\n😀 China **leads** with 38,210 patents, 中国占67%。\r\nNext 😀😀 line has [$40 billion](https://x.example) &amp; 1.2万亿元.\r\n\r\n- 列表 12%\r\n';
      const doc = md(text);
      assert.deepEqual(texts(doc), ['标题 😀', '😀 China leads with 38,210 patents, 中国占67%。\nNext 😀😀 line has $40 billion & 1.2万亿元.', '列表 12%']);
      for (const needle of ['38,210', '67%', '$40 billion', '1.2万亿元', '12%', '😀😀']) assert.equal(rawOf(text, doc, needle), needle);
      assert.equal(rawOf(text, doc, 'leads'), 'leads');
      assert.equal(rawOf(text, doc, '。\nNext'), '。\r\nNext');
      assert.equal(rawOf(text, doc, '& 1.2'), '&amp; 1.2');
      const link = doc.blocks[1].marks[0];
      assert.equal(text.slice(link.raw.start, link.raw.end), '[$40 billion](https://x.example)');
    });
  });

  describe('incremental parsing', () => {
    it('a re-parse from fragments reads the same as a fresh parse', () => {
      const before = lines('---', 'a: 1', '---', '', '# Title', '', 'Para one 5% [^1].', '', 'Para two [@k].', '', '[^1]: Note.');
      const at = before.indexOf('two') + 3;
      const after = before.slice(0, at) + ' grew 12%' + before.slice(at);
      const options = { mdx: false };
      const tree = parseMarkdownTree(before, options);
      const fragments = TreeFragment.applyChanges(TreeFragment.addTree(tree), [{ fromA: at, toA: at, fromB: at, toB: at + 9 }]);
      const incremental = readMarkdownTree(after, parseMarkdownTree(after, options, fragments), options);
      const fresh = readMarkdown(after, options);
      assert.deepEqual(texts(incremental), ['Title', 'Para one 5%.', 'Para two grew 12%.']);
      assert.deepEqual(texts(incremental), texts(fresh));
      assert.deepEqual(marks(after, incremental), marks(after, fresh));
      assert.deepEqual(incremental.frontMatter, fresh.frontMatter);
    });

    it('front matter that appears later is not hidden by reused fragments', () => {
      const before = lines('---', 'title: x', '', 'Body text.');
      const at = before.indexOf('\n\n');
      const after = before.slice(0, at) + '\n---' + before.slice(at);
      const options = { mdx: false };
      const fragments = TreeFragment.applyChanges(TreeFragment.addTree(parseMarkdownTree(before, options)), [{ fromA: at, toA: at, fromB: at, toB: at + 4 }]);
      const doc = readMarkdownTree(after, parseMarkdownTree(after, options, fragments), options);
      assert.deepEqual(texts(doc), ['Body text.']);
      assert.deepEqual(doc.frontMatter, { start: 0, end: at + 4 });
    });
  });

  describe('an article', () => {
    const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'markdown');
    it('reads the fixture article as its expected JSON says', () => {
      const text = readFileSync(join(dir, 'article.md'), 'utf8');
      const expected = JSON.parse(readFileSync(join(dir, 'article.expected.json'), 'utf8'));
      const doc = md(text);
      assert.deepEqual(
        {
          blocks: blocks(doc),
          marks: marks(text, doc),
          footnotes: [...doc.footnotes.values()].map((f) => ({ label: f.label, text: f.text, urls: f.urls })),
          references: doc.references.map((r) => ({ label: r.label, text: r.text, urls: r.urls })),
          problems: problems(text, doc),
          frontMatter: doc.frontMatter ? text.slice(doc.frontMatter.start, doc.frontMatter.end) : null,
        },
        expected,
      );
    });
  });
});
