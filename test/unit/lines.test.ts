import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/lines';

describe('LineIndex', () => {
  const cases: [string, number, number, number][] = [
    // text, offset, line, column
    ['abc\ndef', 0, 1, 1],
    ['abc\ndef', 4, 2, 1],
    ['abc\r\ndef', 5, 2, 1],
    ['abc\r\ndef', 3, 1, 4],
    ['😀 12%\nx', 3, 1, 4],
    ['a\n\nb', 3, 3, 1],
  ];
  for (const [text, offset, line, column] of cases) {
    it(`maps offset ${offset} in ${JSON.stringify(text)} to ${line}:${column} and back`, () => {
      const index = new LineIndex(text);
      assert.deepEqual(index.lineColumn(offset), { line, column });
      assert.equal(index.offset(line, column), offset);
    });
  }
});
