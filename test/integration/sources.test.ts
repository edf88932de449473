import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixTitles } from '../../src/shared/quick-fixes';
import type { FixArgs } from '../../src/extension/fix-commands';
import type { Prompts } from '../../src/extension/prompts';
import {
  claimLens,
  claimLensDiagnostics,
  openFixture,
  rangeOf,
  setSetting,
  shapeOf,
  toRange,
  undoTo,
  waitFor,
  waitForDiagnostics,
  workspaceKind,
} from './claimlens-helpers';

const briefing = 'Treasury briefing, 4 March 2025';

/** The *Add a new source…* quick fix on `needle`, once its diagnostic is there. */
async function addSourceFixAt(document: vscode.TextDocument, needle: string): Promise<vscode.CodeAction> {
  const range = toRange(rangeOf(document, needle));
  await waitForDiagnostics(document.uri, (ds) => ds.some((d) => d.range.isEqual(range)), `a diagnostic on "${needle}"`);
  return waitFor(async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
    return (actions ?? []).find((a) => a.title === fixTitles.add);
  }, `"${fixTitles.add}" on "${needle}"`);
}

function argsOf(action: vscode.CodeAction): FixArgs {
  assert.ok(action.command?.arguments?.[0], `no command arguments on ${action.title}`);
  return action.command.arguments[0] as FixArgs;
}

/** Prompts that answer the source question with `source`, and fail the test if a title is asked for words. */
function answering(source: string, asked: string[]): Prompts {
  return {
    pickSource: async () => undefined,
    askSource: async (claimText) => {
      asked.push(`source for ${claimText}`);
      return source;
    },
    askTitle: async (url) => {
      asked.push(`title for ${url}`);
      return '';
    },
    askNoteText: async () => undefined,
  };
}

/** The Claim Lens hover text on `needle`, as raw Markdown. */
async function hoverOn(document: vscode.TextDocument, needle: string): Promise<string> {
  const [line, character] = rangeOf(document, needle);
  return waitFor(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character + 1));
    const markdown = (hovers ?? []).map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')).find((m) => m.includes('**Claim Lens**'));
    return markdown;
  }, `a Claim Lens hover on "${needle}"`);
}

const codes = (uri: vscode.Uri) => claimLensDiagnostics(uri).map((d) => shapeOf(d).code);

if (workspaceKind === 'single') {
  describe('new sources without a URL', () => {
    afterEach(async () => {
      (await claimLens()).setPrompts(undefined);
    });

    it('Markdown: the words become a footnote, asked once and without a title; the claim is cited', async () => {
      const editor = await openFixture('sources-in-words.md');
      const original = editor.document.getText();
      const add = await addSourceFixAt(editor.document, '14%');
      const asked: string[] = [];
      (await claimLens()).setPrompts(answering(briefing, asked));
      assert.equal(await vscode.commands.executeCommand(add.command!.command, ...(add.command!.arguments ?? [])), true);
      assert.deepEqual(asked, ['source for 14%']);
      assert.equal(
        editor.document.getText(),
        original.replace('in the year to March.', 'in the year to March.[^1]') + `\n[^1]: ${briefing}\n`,
      );
      await waitForDiagnostics(editor.document.uri, (ds) => ds.length === 0, 'the claim cited by the new note');
      await undoTo(editor, original);
    });

    it('HTML: a numbered note and a notes list before </body>, given as the command\'s argument; the claim is cited', async () => {
      const editor = await openFixture('sources-in-words.html');
      const original = editor.document.getText();
      const add = await addSourceFixAt(editor.document, '14%');
      assert.equal(await vscode.commands.executeCommand('claimlens.addSource', { ...argsOf(add), source: briefing }), true);
      assert.equal(
        editor.document.getText(),
        original
          .replace('in the year to March.</p>', 'in the year to March.<sup><a href="#fn-1">1</a></sup></p>')
          .replace('</p>\n</body>', `</p>\n<ol class="footnotes">\n<li id="fn-1">${briefing}</li>\n</ol>\n</body>`),
      );
      await waitForDiagnostics(editor.document.uri, (ds) => ds.length === 0, 'the claim cited by the new note');
      const analysis = await (await claimLens()).analysisOf(editor.document.uri);
      assert.deepEqual(analysis?.claims.map((c) => [c.text, c.status, c.sources.map((s) => [s.kind, s.text])]), [['14%', 'cited', [['footnote', briefing]]]]);
      await undoTo(editor, original);
    });

    it('plain text: "(Source: …)" before the full stop; the claim is attributed', async () => {
      const editor = await openFixture('sources-in-words.txt');
      const original = editor.document.getText();
      const add = await addSourceFixAt(editor.document, '14%');
      const asked: string[] = [];
      (await claimLens()).setPrompts(answering(briefing, asked));
      assert.equal(await vscode.commands.executeCommand(add.command!.command, ...(add.command!.arguments ?? [])), true);
      assert.equal(editor.document.getText(), original.replace('in the year to March.', `in the year to March (Source: ${briefing}).`));
      await waitForDiagnostics(editor.document.uri, (ds) => ds.length === 1 && shapeOf(ds[0]).code === 'attributed-claim', 'the claim attributed');
      await undoTo(editor, original);
    });

    it('a DOI is cited by its doi.org link, with the title asked for', async () => {
      const editor = await openFixture('sources-in-words.md');
      const original = editor.document.getText();
      const add = await addSourceFixAt(editor.document, '14%');
      const asked: string[] = [];
      (await claimLens()).setPrompts(answering('doi:10.1000/182', asked));
      assert.equal(await vscode.commands.executeCommand(add.command!.command, ...(add.command!.arguments ?? [])), true);
      assert.deepEqual(asked, ['source for 14%', 'title for doi:10.1000/182']);
      assert.ok(editor.document.getText().endsWith('[^1]: doi:10.1000/182 <https://doi.org/10.1000/182>\n'), editor.document.getText());
      await undoTo(editor, original);
    });

    it('refuses a link of another scheme and leaves the article alone', async () => {
      const editor = await openFixture('sources-in-words.md');
      const original = editor.document.getText();
      const add = await addSourceFixAt(editor.document, '14%');
      assert.equal(await vscode.commands.executeCommand('claimlens.addSource', { ...argsOf(add), source: 'javascript:alert(1)' }), false);
      assert.equal(editor.document.getText(), original);
    });

    it('edits a footnote\'s definition from the hover\'s Edit note link', async () => {
      const editor = await openFixture('sources-in-words.md');
      const original = editor.document.getText();
      const add = await addSourceFixAt(editor.document, '14%');
      assert.equal(await vscode.commands.executeCommand('claimlens.addSource', { ...argsOf(add), source: briefing }), true);
      const withNote = editor.document.getText();
      await waitForDiagnostics(editor.document.uri, (ds) => ds.length === 0, 'the claim cited');
      const hover = await waitFor(async () => {
        const markdown = await hoverOn(editor.document, '14%');
        return markdown.includes('Edit note') ? markdown : undefined;
      }, 'an Edit note link in the hover');
      const link = /\[Edit note\]\(command:claimlens\.editNote\?([^)]+)\)/u.exec(hover);
      assert.ok(link, hover);
      const [args] = JSON.parse(decodeURIComponent(link[1])) as [{ uri: string; label: string }];
      assert.deepEqual(args, { uri: editor.document.uri.toString(), label: '1' });
      const offered: string[] = [];
      (await claimLens()).setPrompts({
        pickSource: async () => undefined,
        askSource: async () => undefined,
        askTitle: async () => undefined,
        askNoteText: async (label, current) => {
          offered.push(`${label}: ${current}`);
          return 'Treasury briefing, 5 March 2025';
        },
      });
      assert.equal(await vscode.commands.executeCommand('claimlens.editNote', args), true);
      assert.deepEqual(offered, [`1: ${briefing}`]);
      assert.equal(editor.document.getText(), withNote.replace(`[^1]: ${briefing}`, '[^1]: Treasury briefing, 5 March 2025'));
      await undoTo(editor, withNote);
      await undoTo(editor, original);
    });
  });

  describe('links on a name', () => {
    it('cite by default, and say so in the hover; with linkSources "strong" the claim is attributed', async () => {
      const { document } = await openFixture('name-links.md');
      const analysis = await waitFor(async () => (await claimLens()).analysisOf(document.uri), 'the analysis');
      assert.deepEqual(analysis.claims.map((c) => [c.text, c.status, c.sources.filter((s) => s.weak).map((s) => s.label)]), [
        ['$4.8 billion', 'cited', ['Yahoo']],
        ['12%', 'cited', []],
      ]);
      assert.deepEqual(codes(document.uri), []);
      const hover = await hoverOn(document, '$4.8 billion');
      assert.ok(hover.includes('Cited only by a link on a name'), hover);
      assert.ok(hover.includes('Link on a name'), hover);
      try {
        await setSetting('linkSources', 'strong');
        const [diagnostic] = await waitForDiagnostics(document.uri, (ds) => ds.length === 1, 'the claim cited only by a link on a name reported');
        assert.deepEqual(shapeOf(diagnostic, true), {
          code: 'attributed-claim',
          severity: 'information',
          range: rangeOf(document, '$4.8 billion'),
          message: 'Cited only by a link on a name (Yahoo), which leads to no evidence for "$4.8 billion"',
        });
      } finally {
        await setSetting('linkSources', undefined);
      }
      await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'no finding once the setting is back to "any"');
    });
  });

  describe('WordPress posts', () => {
    it('reads a REST API post in a .json file: findings at their places in the JSON, hovers and quick fixes there', async () => {
      const editor = await openFixture('wordpress/harbour-post.json');
      const { document } = editor;
      assert.equal(document.languageId, 'json');
      const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.length === 2, 'the post\'s two findings');
      assert.deepEqual(
        diagnostics.map((d) => shapeOf(d)).sort((a, b) => a.range[1] - b.range[1]),
        [
          { code: 'attributed-claim', severity: 'information', range: rangeOf(document, '1,240') },
          { code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '212') },
        ],
      );
      const hover = await hoverOn(document, '212');
      assert.ok(hover.includes('Residents filed 212 complaints about night\\-time noise'), hover);
      const original = document.getText();
      const add = await addSourceFixAt(document, '212');
      assert.equal(await vscode.commands.executeCommand('claimlens.addSource', { ...argsOf(add), source: 'Council complaints log, 2025' }), true);
      const post = JSON.parse(document.getText()) as { content: { rendered: string } };
      assert.ok(post.content.rendered.includes('night-time noise.<sup><a href="#fn-1">1</a></sup></p>'), post.content.rendered);
      assert.ok(post.content.rendered.endsWith('<ol class="footnotes">\n<li id="fn-1">Council complaints log, 2025</li>\n</ol>\n'), post.content.rendered);
      await waitForDiagnostics(document.uri, (ds) => ds.length === 1, 'the claim cited');
      await undoTo(editor, original);
    });

    it('leaves a .json file that is no post alone', async () => {
      const { document } = await openFixture('wordpress/not-a-post.json');
      assert.equal(await (await claimLens()).analysisOf(document.uri), undefined);
      assert.deepEqual(codes(document.uri), []);
    });
  });
}
