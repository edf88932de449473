import * as assert from 'node:assert/strict';
import { readClientSettings } from '../../src/server/settings';
import { formatOf } from '../../src/server/analyses';

describe('language server: client settings', () => {
  it('reads nested and dotted sections alike', () => {
    const nested = readClientSettings({ scope: 'paragraph', severity: { uncited: 'error', attributed: 'off' }, debounceMs: 0 });
    const dotted = readClientSettings({ scope: 'paragraph', 'severity.uncited': 'error', 'severity.attributed': 'off', debounceMs: 0 });
    assert.deepEqual(nested, dotted);
    assert.deepEqual(nested.analysis, { scope: 'paragraph' });
    assert.deepEqual(nested.editor, {
      enable: true,
      debounceMs: 0,
      maxFileSizeKB: 10240,
      severity: { uncited: 'error', attributed: 'off', cited: 'hint', ignored: 'hint', brokenSource: 'warning' },
    });
  });

  it('gives defaults for a missing section and for values of the wrong type or out of range', () => {
    const settings = readClientSettings({ enable: 'no', debounceMs: -5, maxFileSizeKB: 'big', severity: { uncited: 'loud' } });
    assert.deepEqual(settings.editor, { enable: true, debounceMs: 0, maxFileSizeKB: 10240, severity: readClientSettings(null).editor.severity });
    assert.equal(readClientSettings(undefined).editor.severity.uncited, 'warning');
    assert.equal(readClientSettings({ enable: false }).editor.enable, false);
  });
});

describe('language server: document formats', () => {
  const rows: [string, string, string | undefined][] = [
    ['markdown', 'file:///a/notes.txt', 'markdown'],
    ['quarto', 'file:///a/report.qmd', 'markdown'],
    ['mdx', 'file:///a/page.mdx', 'mdx'],
    ['plaintext', 'file:///a/page.html', 'html'],
    ['plaintext', 'untitled:Untitled-1', 'text'],
    ['text', 'file:///a/notes.txt', 'text'],
    ['python', 'file:///a/script.py', undefined],
    ['html', 'file:///a/page.htm?x=1', 'html'],
  ];
  for (const [languageId, uri, expected] of rows) {
    it(`${languageId} ${uri}: ${expected ?? 'not read'}`, () => assert.equal(formatOf(languageId, uri), expected));
  }
});
