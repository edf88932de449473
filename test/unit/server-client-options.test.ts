// The language server as VS Code's extension drives it: pushed diagnostics
// beside status notifications, the analysis request, quick fixes as
// commands, the language setting, a time limit per analysis, and a document
// closed and opened again under the same URI.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { generateArticle } from '../../bench/generate';
import type { DocumentAnalysisResponse, DocumentStatusParams, ServerInfoResult } from '../../src/server/protocol';
import { readClientSettings } from '../../src/server/settings';
import { LspClient } from './lsp-client';

const article = ['# Bakeries', '', 'Sales rose by 12% to $4 billion last year.', '', 'Rents rose 5% in 2024, [the council says](https://example.org/rents).', ''].join('\n');
const vscodeOptions = { pushDiagnostics: true, statusNotifications: true, fixCommands: true, editNoteCommand: 'claimlens.editNote', fileDiagnostics: true, clientWatchesFiles: true };
/** What VS Code's client declares: it can pull diagnostics, so the server pushes only when asked to. */
const pullingClient = { textDocument: { diagnostic: { dynamicRegistration: true } }, workspace: { configuration: true } };

const roots: string[] = [];
const clients: LspClient[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'claimlens-lsp-vscode-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
async function start(root: string, initializationOptions: unknown, settings: unknown = {}): Promise<{ lsp: LspClient; statuses: DocumentStatusParams[] }> {
  const lsp = new LspClient({ rootPath: root, capabilities: pullingClient, initializationOptions, settings });
  clients.push(lsp);
  const statuses: DocumentStatusParams[] = [];
  lsp.connection.onNotification('claimlens/documentStatus', (params: DocumentStatusParams) => {
    statuses.push(params);
    // Wake the client's waiters, which re-check on every message.
    lsp.wake();
  });
  await lsp.initialize();
  return { lsp, statuses };
}
after(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const brief = (d: Diagnostic) => [d.range.start.line, d.range.start.character, d.range.end.character, d.code];

describe('language server: the options VS Code\'s client asks for', function () {
  this.timeout(30_000);

  it('pushes diagnostics to a client that could pull them, offers no pull, and sends each document\'s counts beside them', async () => {
    const root = tree({ 'a.md': article });
    const { lsp, statuses } = await start(root, vscodeOptions);
    assert.equal(lsp.initializeResult!.capabilities.diagnosticProvider, undefined);
    const uri = pathToFileURL(join(root, 'a.md')).href;
    await lsp.open(uri, article);
    assert.deepEqual((await lsp.diagnosticsFor(uri)).map(brief), [[2, 14, 17, 'uncited-claim'], [2, 21, 31, 'uncited-claim']]);
    const status = await lsp.waitFor(() => statuses.find((s) => s.uri === uri), 5_000, 'a status');
    assert.deepEqual(status, { uri, version: 1, counts: { claims: 3, cited: 1, attributed: 0, uncited: 2, ignored: 0, problems: 0 } });
  });

  it('answers the whole analysis of a document at its version, and its own process id', async () => {
    const root = tree({ 'a.md': article });
    const { lsp } = await start(root, vscodeOptions);
    const uri = pathToFileURL(join(root, 'a.md')).href;
    await lsp.open(uri, article, 'markdown', 4);
    const result = await lsp.request<DocumentAnalysisResponse>('claimlens/documentAnalysis', { textDocument: { uri } });
    assert.ok(result && 'analysis' in result);
    assert.equal(result.version, 4);
    assert.equal(result.format, 'markdown');
    assert.deepEqual(result.analysis.claims.map((c) => [c.text, c.status]), [['12%', 'uncited'], ['$4 billion', 'uncited'], ['5%', 'cited']]);
    assert.deepEqual(result.settings.report, ['uncited', 'attributed']);
    const info = await lsp.request<ServerInfoResult>('claimlens/serverInfo', undefined);
    assert.equal(info.pid, lsp.child.pid);
    assert.equal(info.trusted, true);
    assert.equal(await lsp.request('claimlens/documentAnalysis', { textDocument: { uri: pathToFileURL(join(root, 'nowhere.md')).href } }), null);
  });

  it('offers the quick fixes as the commands that ask the writer: cite, add, and ignore as an edit (a command in plain text)', async () => {
    const root = tree({ 'a.md': article, 'b.txt': 'Sales rose by 12% last year.\n' });
    const { lsp } = await start(root, vscodeOptions);
    const uri = pathToFileURL(join(root, 'a.md')).href;
    await lsp.open(uri, article);
    const [twelve] = await lsp.diagnosticsFor(uri);
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: twelve.range, context: { diagnostics: [twelve] } });
    assert.deepEqual(actions.map((a) => [a.title, a.command?.command ?? null, a.edit ? 'edit' : null, a.isPreferred ?? false]), [
      ['Cite a source already in this article…', 'claimlens.citeExistingSource', null, true],
      ['Add a new source…', 'claimlens.addSource', null, false],
      ['Ignore this claim', null, 'edit', false],
    ]);
    const claimId = (actions[0].command!.arguments![0] as { claimId: string }).claimId;
    assert.deepEqual(actions[0].command!.arguments, [{ uri, claimId }]);
    const text = pathToFileURL(join(root, 'b.txt')).href;
    await lsp.open(text, 'Sales rose by 12% last year.\n', 'plaintext');
    const [only] = await lsp.diagnosticsFor(text);
    const plain = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: text }, range: only.range, context: { diagnostics: [only] } });
    // No link in the article: nothing to cite; a plain-text claim is ignored in the .claimlensrc file, by the command.
    assert.deepEqual(plain.map((a) => [a.title, a.command?.command ?? null]), [['Add a new source…', 'claimlens.addSource'], ['Ignore this claim', 'claimlens.ignoreClaim']]);
  });

  it('leaves documents of a language claimlens.enabledLanguageIds leaves out', async () => {
    const root = tree({ 'b.txt': 'Sales rose by 12% last year.\n' });
    const { lsp, statuses } = await start(root, vscodeOptions, { enabledLanguageIds: ['markdown'] });
    const uri = pathToFileURL(join(root, 'b.txt')).href;
    await lsp.open(uri, 'Sales rose by 12% last year.\n', 'plaintext');
    const status = await lsp.waitFor(() => statuses.find((s) => s.uri === uri), 5_000, 'a status');
    assert.deepEqual(status.counts, null);
    assert.deepEqual(await lsp.diagnosticsFor(uri), []);
  });

  it('stops an analysis that runs over the time limit and says so; within it, the thread answers as the server would', async () => {
    const root = tree({ 'a.md': article });
    const slow = await start(root, { ...vscodeOptions, analysisTimeLimitMs: 1 });
    const uri = pathToFileURL(join(root, 'a.md')).href;
    await slow.lsp.open(uri, article);
    const status = await slow.lsp.waitFor(() => slow.statuses.find((s) => s.uri === uri), 10_000, 'a status');
    assert.deepEqual(status, { uri, version: 1, counts: null, notAnalysed: { reason: 'timed-out', limitMs: 1 } });
    assert.deepEqual(await slow.lsp.diagnosticsFor(uri), []);
    assert.ok(slow.lsp.logs.some((l) => l.includes('took longer than 1 ms')), slow.lsp.logs.join('\n'));
    const answered = await slow.lsp.request<DocumentAnalysisResponse>('claimlens/documentAnalysis', { textDocument: { uri } });
    assert.deepEqual(answered && 'notAnalysed' in answered ? answered.notAnalysed : answered, { reason: 'timed-out', limitMs: 1 });

    const timed = await start(root, { ...vscodeOptions, analysisTimeLimitMs: 20_000 });
    await timed.lsp.open(uri, article);
    assert.deepEqual((await timed.lsp.diagnosticsFor(uri)).map(brief), [[2, 14, 17, 'uncited-claim'], [2, 21, 31, 'uncited-claim']]);
    // An edit is analysed incrementally in the thread, as in the server's own.
    await timed.lsp.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'Costs fell 7% last week.\n' }],
    });
    assert.deepEqual((await timed.lsp.diagnosticsFor(uri, (p) => p.version === 2)).map(brief), [[2, 14, 17, 'uncited-claim'], [2, 21, 31, 'uncited-claim'], [5, 11, 13, 'uncited-claim']]);
  });

  it('takes the time limit from the analysisTimeLimitSeconds setting of any client: a big article is stopped and said to be, and the others are still answered', async function () {
    this.timeout(60_000);
    // About 6 MB of news prose: seconds of analysis on any machine, far over a one-second limit.
    const big = generateArticle(6 * 1024 * 1024, 11).markdown;
    const root = tree({});
    // No time limit among the initialization options: the setting alone asks for one, as another editor would send it.
    const { lsp, statuses } = await start(root, { statusNotifications: true, pushDiagnostics: true }, { analysisTimeLimitSeconds: 1 });
    const bigUri = pathToFileURL(join(root, 'big.md')).href;
    const smallUri = pathToFileURL(join(root, 'small.md')).href;
    const started = Date.now();
    await lsp.open(bigUri, big);
    await lsp.open(smallUri, article);
    // Asked while the big article is being analysed: answered once it is stopped, with the small one's card.
    const hover = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 2, character: 15 } });
    assert.ok(hover && JSON.stringify(hover.contents).includes('12%'), JSON.stringify(hover));
    const status = await lsp.waitFor(() => statuses.find((s) => s.uri === bigUri), 30_000, 'the big article\'s status');
    assert.deepEqual(status, { uri: bigUri, version: 1, counts: null, notAnalysed: { reason: 'timed-out', limitMs: 1000 } });
    assert.ok(Date.now() - started < 30_000, 'stopped long before its analysis could end');
    assert.ok(lsp.logs.some((l) => l.includes(`The analysis of ${bigUri} took longer than 1000 ms`)), lsp.logs.join('\n'));
    assert.deepEqual(await lsp.diagnosticsFor(bigUri), []);
    assert.deepEqual((await lsp.diagnosticsFor(smallUri)).map(brief), [[2, 14, 17, 'uncited-claim'], [2, 21, 31, 'uncited-claim']]);
    assert.equal(await lsp.request('textDocument/hover', { textDocument: { uri: bigUri }, position: { line: 2, character: 15 } }), null);
  });

  it('reads analysisTimeLimitSeconds in seconds, kept between 1 and 3600, and leaves the limit to the initialization options without it', () => {
    assert.equal(readClientSettings({ analysisTimeLimitSeconds: 5 }).editor.analysisTimeLimitMs, 5000);
    assert.equal(readClientSettings({ analysisTimeLimitSeconds: 0 }).editor.analysisTimeLimitMs, 1000);
    assert.equal(readClientSettings({ analysisTimeLimitSeconds: 1e9 }).editor.analysisTimeLimitMs, 3_600_000);
    assert.equal(readClientSettings({ analysisTimeLimitSeconds: 'soon' }).editor.analysisTimeLimitMs, undefined);
    assert.equal(readClientSettings({}).editor.analysisTimeLimitMs, undefined);
  });

  it('analyses a document closed and opened again under the same URI as the new one', async () => {
    const root = tree({});
    const { lsp } = await start(root, vscodeOptions);
    const uri = 'untitled:Untitled-1';
    await lsp.open(uri, 'Revenue rose 12% to $4 billion last year.\n');
    // Asked while its settings are being read: the analysis is under way when the document closes.
    const hover = lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 14 } });
    await lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await lsp.open(uri, 'Sales rose 5% in the quarter.\n');
    await hover;
    await lsp.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'Costs fell 7% last week.\n' }],
    });
    assert.deepEqual((await lsp.diagnosticsFor(uri, (p) => p.version === 2)).map(brief), [[0, 11, 13, 'uncited-claim'], [1, 11, 13, 'uncited-claim']]);
  });
});
