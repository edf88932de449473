import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixTitles } from '../../src/shared/quick-fixes';
import type { FixArgs } from '../../src/extension/fix-commands';
import { claimLens, openFixture, rangeOf, toRange, undoTo, waitFor, waitForDiagnostics, workspaceKind } from './claimlens-helpers';

/** The Claim Lens quick fixes offered on `needle`, once its diagnostic is there. */
async function quickFixesAt(document: vscode.TextDocument, needle: string): Promise<vscode.CodeAction[]> {
  const range = toRange(rangeOf(document, needle));
  await waitForDiagnostics(document.uri, (ds) => ds.some((d) => d.range.isEqual(range)), `a diagnostic on "${needle}"`);
  return waitFor(async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
    // Code actions come back from the command without their diagnostics: pick ours by title.
    const ours = (actions ?? []).filter((a) => (Object.values(fixTitles) as string[]).includes(a.title));
    return ours.length ? ours : undefined;
  }, `quick fixes on "${needle}"`);
}

function argsOf(action: vscode.CodeAction | undefined): FixArgs {
  assert.ok(action?.command?.arguments?.[0], `no command arguments on ${action?.title}`);
  return action.command.arguments[0] as FixArgs;
}

/** Inserts `inserted` after the first `after` in `text`. */
function insertAfter(text: string, after: string, inserted: string): string {
  const at = text.indexOf(after);
  assert.ok(at >= 0, `"${after}" not in the text`);
  return text.slice(0, at + after.length) + inserted + text.slice(at + after.length);
}

if (workspaceKind === 'single') {
  describe('quick fixes', () => {
    afterEach(async () => {
      (await claimLens()).setPrompts(undefined);
    });

    it('offers cite, add and ignore on an uncited claim, in that order, for its diagnostic only', async () => {
      const { document } = await openFixture('bakery-openings.md');
      const actions = await quickFixesAt(document, '12%');
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind?.value, a.command?.command, a.edit?.size]),
        [
          ['Cite a source already in this article…', 'quickfix', 'claimlens.citeExistingSource', undefined],
          ['Add a new source…', 'quickfix', 'claimlens.addSource', undefined],
          ['Ignore this claim', 'quickfix', undefined, 1],
        ],
      );
      assert.equal(argsOf(actions[0]).claimId, `${document.offsetAt(toRange(rangeOf(document, '12%')).start)}:12%`);
    });

    it('cites an existing footnote chosen in the quick pick, as one undoable edit', async () => {
      const editor = await openFixture('bakery-openings.md');
      const original = editor.document.getText();
      const [cite] = await quickFixesAt(editor.document, '12%');
      const api = await claimLens();
      const offered: string[] = [];
      api.setPrompts({
        pickSource: async (sources) => {
          offered.push(...sources.map((s) => `${s.kind} ${s.label}`));
          return sources.find((s) => s.label === '[^1]');
        },
        askSource: async () => undefined,
        askNoteText: async () => undefined,
        askTitle: async () => undefined,
      });
      assert.ok(cite.command);
      assert.equal(await vscode.commands.executeCommand(cite.command.command, ...(cite.command.arguments ?? [])), true);
      assert.deepEqual(offered, ['footnote [^1]', 'link market survey']);
      assert.equal(editor.document.getText(), insertAfter(original, '$4 billion last year.', '[^1]'));
      await waitForDiagnostics(editor.document.uri, (ds) => ds.length === 4, 'both claims of the sentence cited');
      await undoTo(editor, original);
    });

    it('cites an existing link by id without asking', async () => {
      const editor = await openFixture('bakery-openings.md');
      const original = editor.document.getText();
      const [cite] = await quickFixesAt(editor.document, '$4 billion');
      const analysis = await (await claimLens()).analysisOf(editor.document.uri);
      const link = analysis?.sources.find((s) => s.kind === 'link' && s.url === 'https://example.org/rents');
      assert.ok(link);
      assert.equal(await vscode.commands.executeCommand('claimlens.citeExistingSource', { ...argsOf(cite), sourceId: link.id }), true);
      assert.equal(editor.document.getText(), insertAfter(original, '$4 billion last year', ' ([market survey](https://example.org/rents))'));
      await undoTo(editor, original);
    });

    it('adds a new source as a footnote numbered after the existing ones, defined at the end', async () => {
      const editor = await openFixture('bakery-openings.md');
      const original = editor.document.getText();
      const [, add] = await quickFixesAt(editor.document, '12%');
      const api = await claimLens();
      api.setPrompts({
        pickSource: async () => undefined,
        askSource: async () => 'https://example.org/bakery-census',
        askNoteText: async () => undefined,
        askTitle: async () => 'Bakery census',
      });
      assert.ok(add.command);
      assert.equal(await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? [])), true);
      const expected = insertAfter(original, '$4 billion last year.', '[^10]').replace(
        '[^1]: A second definition of the same note.\n',
        '[^1]: A second definition of the same note.\n[^10]: [Bakery census](https://example.org/bakery-census)\n',
      );
      assert.equal(editor.document.getText(), expected);
      await undoTo(editor, original);
    });

    it('ignores a Markdown claim with a comment just before it; the other claim of the line stays', async () => {
      const editor = await openFixture('bakery-openings.md');
      const original = editor.document.getText();
      const ignore = (await quickFixesAt(editor.document, '12%')).find((a) => a.title === 'Ignore this claim');
      assert.ok(ignore?.edit, 'the ignore fix carries its edit');
      assert.equal(ignore.edit.size, 1);
      assert.ok(await vscode.workspace.applyEdit(ignore.edit));
      assert.equal(editor.document.getText(), original.replace('Revenue rose 12%', 'Revenue rose <!-- claimlens-ignore -->12%'));
      const billion = toRange(rangeOf(editor.document, '$4 billion'));
      await waitForDiagnostics(
        editor.document.uri,
        (ds) => {
          const uncited = ds.filter((d) => typeof d.code === 'object' && d.code.value === 'uncited-claim');
          return uncited.length === 1 && uncited[0].range.isEqual(billion);
        },
        '"$4 billion" to be the one uncited claim left',
      );
      await undoTo(editor, original);
    });

    it('cites an existing Pandoc citation as [@key]', async () => {
      const editor = await openFixture('pandoc-citations.md');
      const original = editor.document.getText();
      const [cite] = await quickFixesAt(editor.document, '12%');
      const analysis = await (await claimLens()).analysisOf(editor.document.uri);
      const citation = analysis?.sources.find((s) => s.kind === 'citation');
      assert.ok(citation);
      assert.equal(await vscode.commands.executeCommand('claimlens.citeExistingSource', { ...argsOf(cite), sourceId: citation.id }), true);
      assert.equal(editor.document.getText(), insertAfter(original, '$4 billion last year', ' [@grainboard2024]'));
      await undoTo(editor, original);
    });

    it('cites an existing HTML link as <sup><a href>', async () => {
      const editor = await openFixture('market-page.html');
      const original = editor.document.getText();
      const [cite] = await quickFixesAt(editor.document, '12%');
      const analysis = await (await claimLens()).analysisOf(editor.document.uri);
      const link = analysis?.sources.find((s) => s.kind === 'link');
      assert.ok(link);
      assert.equal(await vscode.commands.executeCommand('claimlens.citeExistingSource', { ...argsOf(cite), sourceId: link.id }), true);
      assert.equal(
        editor.document.getText(),
        insertAfter(original, '$4 billion last year', '<sup><a href="https://example.org/stalls">council&#39;s fee table</a></sup>'),
      );
      await undoTo(editor, original);
    });

    it('adds a new source to HTML as a link, without asking when the URL is given', async () => {
      const editor = await openFixture('market-page.html');
      const original = editor.document.getText();
      const [, add] = await quickFixesAt(editor.document, '12%');
      assert.equal(await vscode.commands.executeCommand('claimlens.addSource', { ...argsOf(add), url: 'https://example.org/market' }), true);
      assert.equal(editor.document.getText(), insertAfter(original, '$4 billion last year', '<sup><a href="https://example.org/market">example.org</a></sup>'));
      await undoTo(editor, original);
    });

    it('cites a link in plain text as (Source: URL)', async () => {
      const editor = await openFixture('harvest-notes.txt');
      const original = editor.document.getText();
      const [cite] = await quickFixesAt(editor.document, '12%');
      const analysis = await (await claimLens()).analysisOf(editor.document.uri);
      const link = analysis?.sources.find((s) => s.kind === 'link');
      assert.ok(link);
      assert.equal(await vscode.commands.executeCommand('claimlens.citeExistingSource', { ...argsOf(cite), sourceId: link.id }), true);
      assert.equal(editor.document.getText(), insertAfter(original, '$4 billion last year', ' (Source: https://example.org/harvest-survey)'));
      await undoTo(editor, original);
    });

    it('ignores a plain-text claim through an ignore entry in a new .claimlensrc.json; the article is not touched', async () => {
      const editor = await openFixture('harvest-notes.txt');
      const uri = editor.document.uri;
      const original = editor.document.getText();
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      assert.ok(folder);
      const config = vscode.Uri.joinPath(folder.uri, '.claimlensrc.json');
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(config)), 'the folder has no .claimlensrc.json of its own yet');
      const ignore = (await quickFixesAt(editor.document, '$4 billion')).find((a) => a.title === 'Ignore this claim');
      assert.ok(ignore?.command, 'plain text ignores through a command');
      try {
        assert.equal(await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? [])), true);
        const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(config))) as unknown;
        assert.deepEqual(written, { ignore: [{ file: 'harvest-notes.txt', claim: '$4 billion', sentence: 'Revenue rose 12% to $4 billion last year.' }] });
        assert.equal(vscode.workspace.getConfiguration('claimlens', uri).inspect('ignorePatterns')?.workspaceFolderValue, undefined, 'no setting is written');
        await waitForDiagnostics(uri, (ds) => ds.length === 1 && ds[0].range.isEqual(toRange(rangeOf(editor.document, '12%'))), 'only 12% left');
        assert.equal(editor.document.getText(), original, 'the article is not touched');
      } finally {
        await vscode.workspace.fs.delete(config);
      }
      await waitForDiagnostics(uri, (ds) => ds.length === 2, 'both claims back');
    });
  });
}
