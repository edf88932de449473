import * as assert from 'node:assert/strict';
import { analyze, createAnalyzer, type Format, type TextChange } from '../../src/core/index';

const article = [
  '---',
  'title: Wind and water',
  '---',
  '',
  '# Offshore wind in 2024',
  '',
  'Offshore wind capacity rose 12% to 75 GW last year, according to the Global Wind Council.[^1]',
  'Developers ordered over $40 billion of turbines [@gwc2024, p. 3].',
  '',
  '- Europe added 3.8 GW.',
  '- China added about 6 GW, per [CREIA](https://example.org/creia).',
  '',
  '| Region | Share |',
  '| --- | --- |',
  '| Europe | 41% |',
  '',
  'Source: Global Wind Council',
  '',
  '<!-- claimlens-ignore-next-line -->',
  'Turbines now reach 15 MW each.',
  '',
  '据国家能源局统计，风电装机容量达到４．４亿千瓦。',
  '',
  '[^1]: Global Wind Council, *Report 2024*, https://example.org/gwc',
].join('\n');

/** A small seeded generator, so failures can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pieces = ['7', '%', ' ', '\n', '\n\n', '[^1]', '[@gwc2024]', '$3 billion', '# ', '- ', '|', 'said', '```\n', '<!--', '-->', 'x'];

describe('incremental analysis', () => {
  for (const format of ['markdown', 'mdx', 'text', 'html'] as Format[]) {
    it(`gives the same result as a fresh analysis after each of 300 random edits (${format})`, () => {
      const next = random(format.length * 7919);
      const analyzer = createAnalyzer({ format });
      let text = article;
      assert.deepEqual(analyzer.update(text), analyze(text, { format }));
      for (let step = 0; step < 300; step++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + (next() < 0.5 ? 0 : Math.floor(next() * 6)));
        const insert = next() < 0.3 ? '' : pieces[Math.floor(next() * pieces.length)];
        const change: TextChange = { start, end, text: insert };
        text = text.slice(0, start) + insert + text.slice(end);
        assert.deepEqual(analyzer.update(text, [change]), analyze(text, { format }), `after edit ${step}: ${JSON.stringify(change)}`);
      }
    });
  }

  it('applies several edits of one update in order', () => {
    const analyzer = createAnalyzer({ format: 'markdown' });
    analyzer.update(article);
    const first: TextChange = { start: 0, end: 0, text: 'Sales rose 5%.\n\n' };
    const afterFirst = first.text + article;
    const at = afterFirst.indexOf('75 GW');
    const second: TextChange = { start: at, end: at + 2, text: '80' };
    const text = afterFirst.slice(0, at) + '80' + afterFirst.slice(at + 2);
    assert.deepEqual(analyzer.update(text, [first, second]), analyze(text, { format: 'markdown' }));
  });
});
