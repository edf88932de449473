import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, rangeOf, waitFor, workspaceKind } from './claimlens-helpers';

/** The Claim Lens hover text at a position, as raw Markdown, waiting for the provider to answer. */
async function hoverAt(document: vscode.TextDocument, needle: string, occurrence = 1): Promise<{ markdown: string; range: vscode.Range | undefined }> {
  const [line, character] = rangeOf(document, needle, occurrence);
  const position = new vscode.Position(line, character + 1);
  return waitFor(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    for (const hover of hovers ?? []) {
      const markdown = hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      if (markdown.includes('**Claim Lens**')) return { markdown, range: hover.range };
    }
    return undefined;
  }, `a Claim Lens hover on "${needle}"`);
}

/** Markdown with its backslash escapes taken away, to compare with what a reader sees. */
function shown(markdown: string): string {
  return markdown.replace(/\\(.)/gu, '$1');
}

if (workspaceKind === 'single') {
  describe('hover cards', () => {
    it('an uncited claim: kind, normalised value and the quick fix to use; the status only in its diagnostic', async () => {
      const { document } = await openFixture('bakery-openings.md');
      const { markdown, range } = await hoverAt(document, '$4 billion');
      assert.deepEqual(shown(markdown).split('\n\n'), [
        '**Claim Lens**',
        '**$4 billion** — money · US$ 4,000,000,000',
        '> Revenue rose 12% to $4 billion last year.',
        'Quick fix (Ctrl+.): *Cite a source already in this article…* or *Add a new source…*',
      ]);
      // The hover shows the diagnostic beside the card: its message says the status, once.
      const [line, character] = rangeOf(document, '$4 billion');
      const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.contains(new vscode.Position(line, character)));
      assert.deepEqual(diagnostics.map((d) => d.message), ['Uncited claim "$4 billion": no link, footnote or citation']);
      assert.ok(range);
      assert.deepEqual([range.start.line, range.start.character, range.end.line, range.end.character], rangeOf(document, '$4 billion'));
    });

    it('an attributed claim names its source and says it has no link', async () => {
      const { document } = await openFixture('bakery-openings.md');
      const { markdown } = await hoverAt(document, 'about 3,000');
      const lines = shown(markdown).split('\n\n');
      assert.deepEqual(lines.slice(0, 2), ['**Claim Lens**', '**about 3,000** — count · 3,000 · qualifier: about']);
      assert.equal(lines[lines.length - 1], '**Sources**\n- per Census Bureau (no link) (“according to”)');
    });

    it('a footnote shows its text and its URL as a link; a link shows its text and URL', async () => {
      const { document } = await openFixture('bakery-openings.md');
      const note = await hoverAt(document, '8%');
      assert.ok(
        note.markdown.includes('[https\\:\\/\\/example\\.org\\/flour](https://example.org/flour)'),
        `footnote URL as a link in: ${note.markdown}`,
      );
      assert.ok(shown(note.markdown).includes("Footnote [^1]: Millers' Association, Flour Price Index, https://example.org/flour."), note.markdown);
      // A cited claim has no diagnostic: its card says the status.
      assert.equal(shown(note.markdown).split('\n\n')[0], '**Claim Lens** · Cited');
      const link = await hoverAt(document, '5%');
      assert.ok(link.markdown.includes('Link: [market survey](https://example.org/rents) `https://example.org/rents`'), link.markdown);
    });

    it('escapes article text, so markup in it can neither render nor link', async () => {
      const { document } = await openFixture('hover-escaping.txt');
      const { markdown } = await hoverAt(document, '7%');
      assert.ok(!/(^|[^\\])<img/u.test(markdown), `unescaped HTML in: ${markdown}`);
      assert.ok(!markdown.includes('](javascript'), `a javascript: link in: ${markdown}`);
      assert.ok(!/(^|[^\\])\*bold/u.test(markdown), `unescaped emphasis in: ${markdown}`);
      assert.equal(
        shown(markdown).split('\n\n')[2],
        '> Profits hit 7% at <img src=x onerror=alert(1)> and [link](javascript:alert(1)) *bold* `code`.',
      );
    });
  });
}
