import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@lezer/common';
import { generateArticle, Random } from '../../bench/generate';
import { registerWordClass, TokenPool, tokenize, type Token } from '../../src/core/claims/tokens';
import { markdownParserFor } from '../../src/core/formats/markdown-syntax';
import { plainBlock, ProseWriter } from '../../src/core/formats/markdown-writer';
import type { ProseBlock } from '../../src/core/formats/prose';
import { splitSentences } from '../../src/core/sentences';

// The analyser takes shortcuts for speed. Each must give exactly what the long way gives.

const fixtures = join(__dirname, '..', '..', '..', 'test', 'fixtures');

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

/** Random text over an alphabet rich in what the shortcut must notice. */
function noise(r: Random, alphabet: string, maxLength: number): string {
  let s = '';
  const n = 1 + Math.floor(r.next() * maxLength);
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r.next() * alphabet.length)];
  return s;
}

function serialize(tree: Tree): string {
  const out: string[] = [];
  tree.iterate({ enter: (n) => void out.push(`${n.name}:${n.from}-${n.to}`) });
  return out.join(' ');
}

describe('shortcuts give what the long way gives', () => {
  describe('Markdown: skipping runs of plain characters', () => {
    const documents: string[] = [
      ...filesUnder(fixtures, /\.(md|mdx)$/u).map((f) => readFileSync(f, 'utf8')),
      ...[1, 2, 3].map((seed) => generateArticle(20_000, seed).markdown),
    ];
    const r = new Random(7);
    const alphabet = 'ab hw h w  \n\n*_[]()!`<>&\\~@{}:/.^-#|12 http://x.org www.y.io https://z wwwhttp';
    for (let i = 0; i < 2000; i++) documents.push(noise(r, alphabet, 200));

    for (const mdx of [false, true]) {
      it(`builds the same tree as lezer's own inline parsers${mdx ? ' (MDX)' : ''}`, () => {
        const parser = markdownParserFor(mdx);
        const unskipped = parser.configure({ remove: ['ClaimLensPlainRun'] });
        assert.notEqual(unskipped, parser);
        let compared = 0;
        for (const text of documents) {
          assert.equal(serialize(parser.parse(text)), serialize(unskipped.parse(text)), JSON.stringify(text.slice(0, 300)));
          compared++;
        }
        assert.equal(compared, documents.length);
      });
    }
  });

  describe('Markdown: table cells without markup', () => {
    const mapOf = (block: ProseBlock): number[] => {
      const raw: number[] = [];
      for (let i = 0; i <= block.text.length; i++) raw.push(block.map.toRawStart(i), block.map.toRawEnd(i));
      return raw;
    };

    it('makes the block a writer would make', () => {
      const r = new Random(11);
      let blocks = 0;
      for (let i = 0; i < 3000; i++) {
        const raw = noise(r, ' \t\uFFFCab1,5% $\n', 24);
        const from = Math.floor(r.next() * raw.length);
        const to = from + Math.floor(r.next() * (raw.length - from + 1));
        const writer = new ProseWriter(raw);
        writer.text(from, to);
        const expected = writer.build('table-cell', 3);
        const actual = plainBlock(raw, from, to, 'table-cell', 3);
        assert.equal(actual === null, expected === null, JSON.stringify(raw.slice(from, to)));
        if (!actual || !expected) continue;
        blocks++;
        assert.equal(actual.text, expected.text);
        assert.deepEqual(mapOf(actual), mapOf(expected));
        assert.deepEqual([...actual.marks], [...expected.marks]);
      }
      assert.ok(blocks > 1000, `only ${blocks} non-empty blocks compared`);
    });
  });

  describe('tokens', () => {
    const fields = (t: Token): unknown[] => [t.kind, t.start, t.end, t.text, t.lower, t.space, t.grouped, t.decimal, t.digits, t.value, t.classes];

    it('from a pool are the tokens tokenize() makes, sentence after sentence', () => {
      const pool = new TokenPool();
      const text = generateArticle(20_000, 5).text;
      let sentences = 0;
      for (const s of splitSentences(text)) {
        // The pool's objects are reused by the next call: compare before it.
        const pooled = pool.tokenize(text, s.start, s.end).map(fields);
        assert.deepEqual(pooled, tokenize(text, s.start, s.end).map(fields));
        sentences++;
      }
      assert.ok(sentences > 50);
    });

    it('of numbers hold the value Number() reads from their digits', () => {
      const r = new Random(13);
      for (let k = 0; k < 20000; k++) {
        const length = 1 + Math.floor(r.next() * 19);
        let digits = '';
        for (let i = 0; i < length; i++) digits += Math.floor(r.next() * 10);
        const point = Math.floor(r.next() * length);
        const written = point > 0 && r.next() < 0.6 ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits;
        const [token] = tokenize(written);
        assert.equal(token.kind, 'num', written);
        assert.equal(token.value, Number(written), written);
      }
    });

    it('carry the bit of every word class they belong to', () => {
      const words = ['according', 'doubled', 'two-thirds', 'world’s', 'naïve', 'usd', 'milliarden', 'drei', 'тысяч'];
      const bit = registerWordClass(words);
      for (const word of words) {
        for (const written of [word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1)]) {
          const [token] = tokenize(written);
          // In any script and any case: "NAÏVE" is "naïve", "WORLD’S" is "world’s".
          assert.ok(token.classes & bit, written);
        }
      }
      const r = new Random(3);
      let outside = 0;
      for (let i = 0; i < 5000; i++) {
        const word = noise(r, 'abcdefghijklmnopqrstuvwxyz', 9);
        const [token] = tokenize(word);
        if (words.includes(token.lower)) assert.ok(token.classes & bit);
        else if (!(token.classes & bit)) outside++;
      }
      // A hash may collide, so a few other words may carry the bit; nearly all must not.
      assert.ok(outside > 4990, `${5000 - outside} of 5000 other words carry the bit`);
    });
  });

  describe('sentences', () => {
    it('note a numeral or Han character exactly when their text holds one', () => {
      const r = new Random(5);
      const alphabet = 'ab 1 ７ 二 中 〇 兆 x. Y! ? 。 ！ ？…\n\n"”)』 ';
      for (let i = 0; i < 3000; i++) {
        const text = noise(r, alphabet, 80);
        for (const s of splitSentences(text)) {
          const part = text.slice(s.start, s.end);
          assert.equal(s.numeric, /[0-9０-９零〇一二两三四五六七八九十百千万亿兆]/u.test(part), JSON.stringify(part));
          assert.equal(s.han, /[\u4e00-\u9fff]/u.test(part), JSON.stringify(part));
        }
      }
    });
  });
});
