import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentDiagnosticReport, Hover, LocationLink, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { analyze } from '../../src/core';
import { claimHoverMarkdown } from '../../src/shared/hover-card';
import { cliPath, CancellationTokenSource, LspClient } from './lsp-client';
import { turbinesBib } from './server-fixtures';

const body = [
  '# Wind',
  '',
  'Offshore wind supplied 38% of the power, says the [grid operator](https://example.org/grid).',
  '',
  'Sales rose by 12% to $4 billion last year.',
  '',
  'The study counted 4,200 turbines [@doe2023].',
  '',
].join('\n');
const withBibliography = `---\nbibliography: refs.bib\n---\n${body}`;
const bib = turbinesBib;

const made: string[] = [];
function tree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'claimlens-lsp-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
const clients: LspClient[] = [];
function client(options: ConstructorParameters<typeof LspClient>[0]): LspClient {
  const made = new LspClient(options);
  clients.push(made);
  return made;
}
after(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

/** A diagnostic's essentials, for comparing whole lists. */
const brief = (d: Diagnostic) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.code, d.message];

/** Splits what the server wrote to stdout into LSP messages; throws on anything else. */
function framedMessages(chunks: readonly Buffer[]): unknown[] {
  let rest = Buffer.concat(chunks);
  const messages: unknown[] = [];
  while (rest.length) {
    const headerEnd = rest.indexOf('\r\n\r\n');
    assert.ok(headerEnd > 0, `stdout holds bytes that are not a message header: ${JSON.stringify(rest.subarray(0, 80).toString())}`);
    const header = rest.subarray(0, headerEnd).toString('ascii');
    const length = /^Content-Length: (\d+)$/mu.exec(header);
    assert.ok(length, `a header without Content-Length: ${header}`);
    const start = headerEnd + 4;
    const end = start + Number(length[1]);
    messages.push(JSON.parse(rest.subarray(start, end).toString('utf8')));
    rest = rest.subarray(end);
  }
  return messages;
}

describe('language server over stdio (vscode-jsonrpc client)', function () {
  this.timeout(30_000);
  let root: string;
  let lsp: LspClient;
  const uri = () => pathToFileURL(join(root, 'article.md')).href;

  before(async () => {
    root = tree({ 'refs.bib': bib, 'article.md': withBibliography });
    lsp = client({ rootPath: root });
    await lsp.initialize();
  });

  it('declares incremental sync, hover, quick fixes, completion after @, definitions and pull diagnostics', () => {
    const caps = lsp.initializeResult!.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.deepEqual(caps.completionProvider, { triggerCharacters: ['@'] });
    assert.equal(caps.definitionProvider, true);
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'claimlens', interFileDependencies: true, workspaceDiagnostics: false });
    assert.equal(lsp.initializeResult!.serverInfo?.name, 'claimlens');
  });

  it('pushes the uncited claims of an opened article as warnings, at their ranges, with codes', async () => {
    await lsp.open(uri(), withBibliography);
    const diagnostics = await lsp.diagnosticsFor(uri());
    assert.deepEqual(diagnostics.map(brief), [
      [7, 14, 17, 2, 'uncited-claim', 'Uncited claim "12%": no link, footnote or citation'],
      [7, 21, 31, 2, 'uncited-claim', 'Uncited claim "$4 billion": no link, footnote or citation'],
    ]);
    assert.ok(diagnostics.every((d) => d.source === 'Claim Lens' && d.codeDescription?.href.endsWith('#uncited-claim')));
  });

  it('honours the ignore entries of the article\'s .claimlensrc file, as the command line does', async () => {
    const text = 'Harvest figures\n\nRevenue rose 12% to $4 billion last year.\n';
    const entry = { file: 'notes/harvest.txt', claim: '$4 billion', sentence: 'Revenue rose 12% to $4 billion last year.' };
    const dir = tree({ '.claimlensrc.json': JSON.stringify({ ignore: [entry] }), 'notes/harvest.txt': text });
    const other = client({ rootPath: dir });
    await other.initialize();
    const article = pathToFileURL(join(dir, 'notes', 'harvest.txt')).href;
    await other.open(article, text, 'plaintext');
    assert.deepEqual((await other.diagnosticsFor(article)).map(brief), [
      [2, 13, 16, 2, 'uncited-claim', 'Uncited claim "12%": no link, footnote or citation'],
    ]);
    const cli = spawnSync(process.execPath, [cliPath, 'check', '--format', 'json', 'notes'], { cwd: dir, encoding: 'utf8' });
    const [file] = (JSON.parse(cli.stdout) as { files: { claims: { text: string; status: string }[] }[] }).files;
    assert.deepEqual(file.claims.map((c) => [c.text, c.status]), [['12%', 'uncited'], ['$4 billion', 'ignored']]);
  });

  it('hovers a claim with the same card as VS Code', async () => {
    const hover = await lsp.request<Hover>('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 7, character: 15 } });
    const claim = analyze(withBibliography, { format: 'markdown' }).claims.find((c) => c.text === '12%')!;
    // An uncited claim has a diagnostic, whose message says the status: the card does not repeat it.
    assert.deepEqual(hover.contents, { kind: 'markdown', value: claimHoverMarkdown(claim, { statusShown: true }) });
    assert.ok((hover.contents as { value: string }).value.startsWith('**Claim Lens**\n\n'));
    assert.deepEqual(hover.range, { start: { line: 7, character: 14 }, end: { line: 7, character: 17 } });
  });

  it('offers quick fixes as workspace edits: cite a source of the article (the nearest first), a bibliography entry, or ignore', async () => {
    const diagnostics = await lsp.diagnosticsFor(uri());
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    });
    assert.deepEqual(actions.map((a) => a.title.replace(/ — .*$/u, '')), ['Cite grid operator', 'Cite @doe2023', 'Cite @roe2021', 'Ignore this claim']);
    assert.ok(actions.every((a) => a.kind === 'quickfix' && a.diagnostics?.[0].message === diagnostics[0].message));
    const apply = (title: string): string => {
      const action = actions.find((a) => a.title.startsWith(title))!;
      return TextDocument.applyEdits(TextDocument.create(uri(), 'markdown', 1, withBibliography), action.edit!.changes![uri()]);
    };
    assert.equal(apply('Cite @roe2021').split('\n')[7], 'Sales rose by 12% to $4 billion last year [@roe2021].');
    assert.equal(apply('Cite grid operator').split('\n')[7], 'Sales rose by 12% to $4 billion last year ([grid operator](https://example.org/grid)).');
    assert.deepEqual(apply('Ignore this claim').split('\n').slice(7, 9), ['Sales rose by <!-- claimlens-ignore -->12% to $4 billion last year.', '']);
  });

  it('takes incremental edits and pushes the diagnostics of the new version', async () => {
    // Insert " [@roe2021]" before the full stop on line 7: both claims are cited then.
    await lsp.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(), version: 2 },
      contentChanges: [{ range: { start: { line: 7, character: 41 }, end: { line: 7, character: 41 } }, text: ' [@roe2021]' }],
    });
    const diagnostics = await lsp.diagnosticsFor(uri(), (p) => p.version === 2);
    assert.deepEqual(diagnostics, []);
    await lsp.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(), version: 3 },
      contentChanges: [{ range: { start: { line: 7, character: 41 }, end: { line: 7, character: 52 } }, text: '' }],
    });
    assert.deepEqual((await lsp.diagnosticsFor(uri(), (p) => p.version === 3)).map(brief).map((d) => d[4]), ['uncited-claim', 'uncited-claim']);
  });

  it('completes citation keys after [@ from the article\'s bibliography', async () => {
    const completionUri = pathToFileURL(join(root, 'draft.md')).href;
    const text = '---\nbibliography: refs.bib\n---\nRents rose 8% [@ro';
    await lsp.open(completionUri, text);
    const items = await lsp.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: completionUri }, position: { line: 3, character: 18 } });
    assert.deepEqual(items.map((i) => [i.label, i.labelDetails?.description, i.textEdit]), [
      ['doe2023', 'Doe and Roe · 2023', { newText: 'doe2023', range: { start: { line: 3, character: 16 }, end: { line: 3, character: 18 } } }],
      ['roe2021', 'Roe · 2021', { newText: 'roe2021', range: { start: { line: 3, character: 16 }, end: { line: 3, character: 18 } } }],
    ]);
  });

  it('goes to a citation key\'s definition in the .bib file', async () => {
    const links = await lsp.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: uri() }, position: { line: 9, character: 37 } });
    assert.deepEqual(links, [{
      originSelectionRange: { start: { line: 9, character: 35 }, end: { line: 9, character: 42 } },
      targetUri: pathToFileURL(join(root, 'refs.bib')).href,
      targetRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      targetSelectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    }]);
  });

  it('answers the document report request with the JSON report the command line prints', async () => {
    const report = await lsp.request<{ files: { path: string; claims: { text: string; status: string }[] }[] }>('claimlens/documentReport', { textDocument: { uri: uri() } });
    const cli = spawnSync(process.execPath, [cliPath, 'check', '--format', 'json', 'article.md'], { cwd: root, encoding: 'utf8' });
    assert.deepEqual(report, JSON.parse(cli.stdout));
  });

  it('writes nothing but protocol messages to stdout', async () => {
    const code = await lsp.close();
    assert.equal(code, 0);
    const messages = framedMessages(lsp.stdout);
    assert.ok(messages.length >= 8, `only ${messages.length} messages`);
    assert.ok(messages.every((m) => (m as { jsonrpc?: string }).jsonrpc === '2.0'));
  });
});

describe('language server: settings, pull diagnostics, workspace requests, cancellation', function () {
  this.timeout(60_000);

  it('reads the client\'s settings through workspace/configuration', async () => {
    const root = tree({ 'a.md': body });
    const lsp = client({ rootPath: root, capabilities: { workspace: { configuration: true } }, settings: { severity: { uncited: 'error' }, report: ['uncited', 'cited'] } });
    await lsp.initialize();
    const uri = pathToFileURL(join(root, 'a.md')).href;
    await lsp.open(uri, body);
    const diagnostics = await lsp.diagnosticsFor(uri);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.severity, d.code]), [
      [4, 14, 1, 'uncited-claim'],
      [4, 21, 1, 'uncited-claim'],
      [2, 23, 4, 'cited-claim'],
      [6, 18, 4, 'cited-claim'],
    ]);
    assert.deepEqual(lsp.configurationRequests[0], { items: [{ scopeUri: uri, section: 'claimlens' }] });
  });

  it('serves textDocument/diagnostic to a client that pulls, and pushes nothing to it', async () => {
    const root = tree({ 'a.md': body });
    const lsp = client({ rootPath: root, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    await lsp.initialize();
    const uri = pathToFileURL(join(root, 'a.md')).href;
    await lsp.open(uri, body);
    const report = await lsp.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.kind === 'full' && report.items.map(brief), [
      [4, 14, 17, 2, 'uncited-claim', 'Uncited claim "12%": no link, footnote or citation'],
      [4, 21, 31, 2, 'uncited-claim', 'Uncited claim "$4 billion": no link, footnote or citation'],
    ]);
    await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(lsp.published(uri), []);
  });

  it('answers workspace/diagnostic for the files not open, when the initialization options ask for it', async () => {
    const root = tree({ 'a.md': body, 'notes/b.md': 'Costs fell 7% this year.\n', 'c.md': 'No figures here.\n' });
    const lsp = client({ rootPath: root, initializationOptions: { workspaceDiagnostics: true }, capabilities: { textDocument: { diagnostic: {} } } });
    await lsp.initialize();
    assert.equal((lsp.initializeResult!.capabilities.diagnosticProvider as { workspaceDiagnostics: boolean }).workspaceDiagnostics, true);
    await lsp.open(pathToFileURL(join(root, 'a.md')).href, body);
    const report = await lsp.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    assert.deepEqual(report.items.map((i) => [i.uri.slice(pathToFileURL(root).href.length), i.kind, i.kind === 'full' ? i.items.map((d) => d.message) : []]), [
      ['/c.md', 'full', []],
      ['/notes/b.md', 'full', ['Uncited claim "7%": no link, footnote or citation']],
    ]);
  });

  it('reports a workspace as `claimlens check --format json` does, with the same skipped files and reasons', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '_site/\n',
      'a.md': body,
      '_site/a.md': body,
      'picture.html': png,
      'binary.md': new Uint8Array([0x52, 0x65, 0x76, 0x00, 0x01, 0x02]),
      'latin1.md': Buffer.from('Prices: 3\u00a0000 caf\u00e9s.\n', 'latin1'),
      'utf16.md': Buffer.from([0xff, 0xfe, ...Buffer.from(body, 'utf16le')]),
    });
    const lsp = client({ rootPath: root });
    await lsp.initialize();
    const result = await lsp.request<{ report: unknown; skipped: { path: string; reason: string }[] }>('claimlens/workspaceReport', {});
    const cli = spawnSync(process.execPath, [cliPath, 'check', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    assert.deepEqual(result.report, JSON.parse(cli.stdout));
    const cliSkipped = cli.stderr.trim().split('\n').map((line) => /^(\S+):1:1 error read-error (.*); file skipped$/u.exec(line)!.slice(1, 3));
    assert.deepEqual(result.skipped.map((s) => [s.path, s.reason]), cliSkipped);
    assert.deepEqual(cliSkipped.map((s) => s[0]), ['binary.md', 'latin1.md', 'picture.html']);
  });

  it('stops a workspace report when the client cancels it, with progress until then, and serves on', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`articles/a${String(i).padStart(3, '0')}.md`] = body.repeat(20);
    const root = tree(files);
    const lsp = client({ rootPath: root, capabilities: { window: { workDoneProgress: true } } });
    await lsp.initialize();
    const source = new CancellationTokenSource();
    const pending = lsp.request('claimlens/workspaceReport', { workDoneToken: 'report-1' }, source);
    await lsp.waitFor(() => lsp.progress.find((p) => p.token === 'report-1' && p.value.kind === 'report'), 20_000, 'progress');
    source.cancel();
    await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);
    const kinds = lsp.progress.filter((p) => p.token === 'report-1').map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    const done = lsp.progress.filter((p) => p.value.kind === 'report').map((p) => Number(/^(\d+)\//u.exec(p.value.message ?? '')?.[1]));
    assert.ok(Math.max(...done) < 400, `every file was analysed (${Math.max(...done)}) despite the cancellation`);
    const uri = pathToFileURL(join(root, 'articles/a000.md')).href;
    await lsp.open(uri, body);
    assert.equal((await lsp.diagnosticsFor(uri)).length, 2);
  });

  it('applies the ignore entries of the nearest .claimlensrc, as the command line does', async () => {
    const root = tree({ 'a.md': body, '.claimlensrc.json': '{ "ignore": [{ "file": "a.md", "claim": "12%" }] }' });
    const lsp = client({ rootPath: root });
    await lsp.initialize();
    const uri = pathToFileURL(join(root, 'a.md')).href;
    await lsp.open(uri, body);
    assert.deepEqual((await lsp.diagnosticsFor(uri)).map((d) => d.message), ['Uncited claim "$4 billion": no link, footnote or citation']);
    const cli = spawnSync(process.execPath, [cliPath, 'check', 'a.md'], { cwd: root, encoding: 'utf8' });
    assert.match(cli.stdout, /^a\.md:5:22 warning uncited-claim Uncited claim "\$4 billion"/u);
    assert.doesNotMatch(cli.stdout, /"12%"/u);
  });

  it('runs over node IPC too', async () => {
    const root = tree({ 'a.md': body });
    const lsp = client({ rootPath: root, transport: 'node-ipc' });
    await lsp.initialize();
    const uri = pathToFileURL(join(root, 'a.md')).href;
    await lsp.open(uri, body);
    assert.deepEqual((await lsp.diagnosticsFor(uri)).map((d) => d.range.start.character), [14, 21]);
  });

  it('refuses `claimlens lsp` without a transport, as a usage error', () => {
    const r = spawnSync(process.execPath, [cliPath, 'lsp'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /lsp needs a transport: --stdio, --node-ipc/u);
  });
});
