import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FixArgs } from '../../src/extension/fix-commands';
import type { SourceChoice } from '../../src/extension/prompts';
import { claimLens, expectDiagnostics, fixture, openFixture, rangeOf, setSetting, undoTo, waitFor, waitForDiagnostics, workspaceKind } from './claimlens-helpers';

/** The Markdown of every hover at `offset` characters into the first `needle`, joined. */
async function hoverText(document: vscode.TextDocument, needle: string, offset = 1): Promise<string> {
  const [line, character] = rangeOf(document, needle);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character + offset));
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Waits until the hover at `needle` has a line starting with `prefix`, and returns that line without Markdown escapes. */
async function hoverLine(document: vscode.TextDocument, needle: string, prefix: string, offset = 1, contains = ''): Promise<string> {
  return waitFor(async () => {
    const line = (await hoverText(document, needle, offset)).split('\n').find((l) => l.startsWith(prefix));
    const plain = line?.replace(/\\(.)/gu, '$1');
    return plain !== undefined && plain.includes(contains) ? plain : undefined;
  }, `a hover line "${prefix}…${contains}" at "${needle}"`);
}

/** Where a definition points, whether given as a Location or a LocationLink: [workspace path, line, character, line, character]. */
function targetOf(found: vscode.Location | vscode.LocationLink): [string, number, number, number, number] {
  const uri = 'targetUri' in found ? found.targetUri : found.uri;
  const range = 'targetUri' in found ? (found.targetSelectionRange ?? found.targetRange) : found.range;
  return [vscode.workspace.asRelativePath(uri, false), range.start.line, range.start.character, range.end.line, range.end.character];
}

/** The `claimlens.citeExistingSource` arguments for the claim whose text is `text`. */
async function argsFor(document: vscode.TextDocument, text: string): Promise<FixArgs> {
  const analysis = await (await claimLens()).analysisOf(document.uri);
  const claim = analysis?.claims.find((c) => c.text === text);
  assert.ok(claim, `no claim "${text}"`);
  return { uri: document.uri.toString(), claimId: claim.id };
}

const article = 'bibliography/grain-exports.md';

if (workspaceKind === 'single') {
  describe('bibliographies', () => {
    afterEach(async () => {
      (await claimLens()).setPrompts(undefined);
    });

    it('checks citation keys against the front matter bibliography', async () => {
      const { document } = await openFixture('cited-study.md');
      await expectDiagnostics(
        document.uri,
        [{ code: 'unknown-citation-key', severity: 'warning', range: rangeOf(document, '[@nosuchkey]'), message: 'No bibliography holds the citation key "nosuchkey".' }],
        true,
      );
    });

    it('shows the bibliography entry of a citation in the hover as a short reference', async () => {
      const { document } = await openFixture('cited-study.md');
      assert.equal(
        await hoverLine(document, '2,000 tonnes', '- Citation'),
        '- Citation @millstudy2024: Valley Grain Board, 2024. *Milling in the Valley*. [https://example.org/milling](https://example.org/milling)',
      );
    });

    it('shows each entry of a cited claim, with locator, italic title, container and DOI link, and inline references', async () => {
      const { document } = await openFixture(article);
      assert.equal(
        await hoverLine(document, '4,200 tonnes', '- Citation'),
        '- Citation @valley2024, p. 7: Valley Grain Board, 2024. *Barley Shipments in the Valley*. [https://example.org/barley](https://example.org/barley)',
      );
      assert.equal(
        await hoverLine(document, '15%', '- Citation'),
        '- Citation @doe2023: Doe and Roe, 2023. *Grain Prices after the Drought*. Journal of Farm Economics. [https://doi.org/10.5555/grain.2023.15](https://doi.org/10.5555/grain.2023.15)',
      );
      assert.equal(
        await hoverLine(document, '11%', '- Citation'),
        '- Citation @portlog2024: Harbour Authority, 2024. *Port Log 2024*. [https://example.org/port-log](https://example.org/port-log)',
      );
    });

    it('shows the entry when the citation key itself is hovered, and where it is defined', async () => {
      const { document } = await openFixture(article);
      const markdown = await waitFor(async () => {
        const text = await hoverText(document, 'doe2023', 2);
        return text.includes('Citation @doe2023') ? text : undefined;
      }, 'a hover on the key');
      assert.equal(
        markdown.replace(/\\(.)/gu, '$1'),
        [
          '**Claim Lens** · Citation @doe2023',
          '',
          'Doe and Roe, 2023. *Grain Prices after the Drought*. Journal of Farm Economics. [https://doi.org/10.5555/grain.2023.15](https://doi.org/10.5555/grain.2023.15)',
          '',
          'Defined in bibliography/sources/grain.bib, line 9',
        ].join('\n'),
      );
    });

    it('reports a missing bibliography file on the front matter line that names it', async () => {
      const { document } = await openFixture('bibliography/silo-notes.md');
      await expectDiagnostics(
        document.uri,
        [{ code: 'missing-bibliography', severity: 'warning', range: rangeOf(document, 'sources/missing.bib'), message: 'Bibliography file not found: sources/missing.bib.' }],
        true,
      );
    });

    it('reports a malformed entry as a diagnostic in the .bib file, and loads the rest', async () => {
      await openFixture(article);
      const bib = await fixture('bibliography/sources/grain.bib');
      const shapes = await waitFor(() => {
        const found = vscode.languages.getDiagnostics(bib).filter((d) => d.source === 'Claim Lens');
        return found.length ? found.map((d) => [typeof d.code === 'object' ? d.code.value : d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.message]) : undefined;
      }, 'a diagnostic in grain.bib');
      assert.deepEqual(shapes, [['bibliography-error', 16, 0, 16, 'Entry "lost2020" never ends: a "{" or \'"\' is not closed before the next entry.']]);
    });

    it('completes citation keys after [@ with authors, year and title, and not in an e-mail address', async () => {
      const editor = await openFixture(article);
      const { document } = editor;
      const original = document.getText();
      await (await claimLens()).analysisOf(document.uri);
      const end = document.positionAt(original.length);
      assert.ok(await editor.edit((b) => b.insert(end, '\nYields grew 3% [@')));
      const at = document.positionAt(document.getText().length);
      try {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at, '@');
        const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
        const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).sort((a, b) => labelOf(a).localeCompare(labelOf(b)));
        assert.deepEqual(
          ours.map((i) => [i.label, i.detail, i.filterText, i.insertText]),
          [
            [{ label: 'doe2023', description: 'Doe and Roe · 2023' }, 'Doe and Roe · 2023 — Grain Prices after the Drought', 'doe2023 Doe, Jane Roe, Rick 2023 Grain Prices after the Drought', 'doe2023'],
            [{ label: 'portlog2024', description: 'Harbour Authority · 2024' }, 'Harbour Authority · 2024 — Port Log 2024', 'portlog2024 Harbour Authority 2024 Port Log 2024', 'portlog2024'],
            [{ label: 'silo2022', description: 'Okafor · 2022' }, 'Okafor · 2022 — Silo Census', 'silo2022 Okafor, Ada 2022 Silo Census', 'silo2022'],
            [{ label: 'valley2024', description: 'Valley Grain Board · 2024' }, 'Valley Grain Board · 2024 — Barley Shipments in the Valley', 'valley2024 Valley Grain Board 2024 Barley Shipments in the Valley', 'valley2024'],
          ],
        );
        const doe = ours[0];
        assert.equal(
          (doe.documentation as vscode.MarkdownString).value.replace(/\\(.)/gu, '$1'),
          'Doe and Roe, 2023. *Grain Prices after the Drought*. Journal of Farm Economics. [https://doi.org/10.5555/grain.2023.15](https://doi.org/10.5555/grain.2023.15)',
        );
        const range = doe.range as { inserting: vscode.Range; replacing: vscode.Range };
        assert.deepEqual([range.replacing.start.line, range.replacing.start.character, range.replacing.end.character], [at.line, at.character, at.character]);

        const [mailLine, mailCharacter] = rangeOf(document, 'example.org');
        const mail = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(mailLine, mailCharacter), '@');
        assert.deepEqual(mail.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map((i) => i.label), []);
      } finally {
        await undoTo(editor, original);
      }
    });

    it('cites a bibliography entry picked in the quick fix: [@key] before the period, as one undoable edit', async () => {
      const editor = await openFixture(article);
      const original = editor.document.getText();
      await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => typeof d.code === 'object' && d.code.value === 'uncited-claim'), 'the uncited claim');
      const offered: string[] = [];
      (await claimLens()).setPrompts({
        pickSource: async (choices: readonly SourceChoice[]) => {
          offered.push(...choices.map((c) => `${c.kind} ${c.label} | ${'description' in c ? c.description : ''} | ${c.detail}`));
          return choices.find((c) => c.label === '@silo2022');
        },
        askSource: async () => undefined,
        askNoteText: async () => undefined,
        askTitle: async () => undefined,
      });
      try {
        assert.equal(await vscode.commands.executeCommand('claimlens.citeExistingSource', await argsFor(editor.document, '6%')), true);
        assert.deepEqual(offered, [
          'citation @valley2024 |  | Valley Grain Board · 2024 · Barley Shipments in the Valley',
          'citation @doe2023 |  | Doe, Jane, Roe, Rick · 2023 · Grain Prices after the Drought',
          'citation @portlog2024 |  | Harbour Authority · 2024 · Port Log 2024',
          'citation @nosuchentry |  | ',
          'entry @silo2022 | Okafor · 2022 | Silo Census',
        ]);
        assert.equal(editor.document.getText(), original.replace('fell 6% over the summer.', 'fell 6% over the summer [@silo2022].'));
      } finally {
        await undoTo(editor, original);
      }
    });

    it('adds a key inside the [@…] bracket that already ends the claim\'s sentence', async () => {
      const editor = await openFixture(article);
      const original = editor.document.getText();
      try {
        assert.equal(await vscode.commands.executeCommand('claimlens.citeExistingSource', { ...(await argsFor(editor.document, '4,200 tonnes')), key: 'silo2022' }), true);
        assert.equal(editor.document.getText(), original.replace('[@valley2024, p. 7].', '[@valley2024, p. 7; @silo2022].'));
      } finally {
        await undoTo(editor, original);
      }
    });

    it('goes to the definition of a key: its entry line in the .bib file, or in the front matter', async () => {
      const { document } = await openFixture(article);
      const definitionAt = async (needle: string): Promise<(vscode.Location | vscode.LocationLink)[]> => {
        const [line, character] = rangeOf(document, needle);
        return waitFor(async () => {
          const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, new vscode.Position(line, character + 2));
          return found?.length ? found : undefined;
        }, `a definition of ${needle}`);
      };
      assert.deepEqual((await definitionAt('doe2023')).map(targetOf), [['bibliography/sources/grain.bib', 8, 0, 8, 17]]);
      assert.deepEqual((await definitionAt('[@portlog2024]')).map(targetOf), [[article, 4, 2, 4, 17]]);
      const link = (await definitionAt('doe2023'))[0];
      assert.ok('targetUri' in link && link.originSelectionRange);
      assert.deepEqual(link.originSelectionRange, new vscode.Range(...(rangeOf(document, 'doe2023') as [number, number, number, number])));
    });

    it('reads the bibliography globs of a .claimlensrc file relative to its folder', async () => {
      const { document } = await openFixture('shelf/stories/harbour-traffic.md');
      assert.equal(
        await hoverLine(document, '52,000 tonnes', '- Citation'),
        '- Citation @harbour2024: Harbour Authority, 2024. *Harbour Tonnage 2024*. [https://example.org/harbour](https://example.org/harbour)',
      );
      await expectDiagnostics(document.uri, []);
    });

    it('reads claimlens.bibliography relative to the workspace folder', async () => {
      const { document } = await openFixture('pandoc-citations.md');
      await expectDiagnostics(document.uri, [{ code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '12%') }, { code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '$4 billion') }]);
      try {
        await setSetting('bibliography', ['references/milling.bib']);
        await expectDiagnostics(document.uri, [
          { code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '12%') },
          { code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '$4 billion') },
          { code: 'unknown-citation-key', severity: 'warning', range: rangeOf(document, '[@grainboard2024, p. 4]') },
        ]);
      } finally {
        await setSetting('bibliography', undefined);
      }
      await expectDiagnostics(document.uri, [{ code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '12%') }, { code: 'uncited-claim', severity: 'warning', range: rangeOf(document, '$4 billion') }]);
    });

    it('shows the new entry in hovers when the .bib file is edited on disk, without a reload', async () => {
      const { document } = await openFixture(article);
      const bib = await fixture('bibliography/sources/grain.bib');
      const original = await vscode.workspace.fs.readFile(bib);
      assert.match(await hoverLine(document, '15%', '- Citation'), /Grain Prices after the Drought/u);
      const edited = new TextDecoder().decode(original).replace('Grain Prices after the Drought', 'Grain Prices before the Rains');
      await vscode.workspace.fs.writeFile(bib, new TextEncoder().encode(edited));
      try {
        assert.equal(
          await hoverLine(document, '15%', '- Citation', 1, 'before the Rains'),
          '- Citation @doe2023: Doe and Roe, 2023. *Grain Prices before the Rains*. Journal of Farm Economics. [https://doi.org/10.5555/grain.2023.15](https://doi.org/10.5555/grain.2023.15)',
        );
      } finally {
        await vscode.workspace.fs.writeFile(bib, original);
        await hoverLine(document, '15%', '- Citation', 1, 'after the Drought');
      }
    });
  });
}
