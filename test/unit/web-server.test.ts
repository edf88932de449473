import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CodeAction, Diagnostic, Hover, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { FindFilesParams, ReadFileParams } from '../../src/server/protocol';
import { turbinesBib } from './server-fixtures';

/**
 * The language server as VS Code for the Web runs it: dist/web/server.js in
 * a web worker of headless Chromium, served from 127.0.0.1, with a page
 * (out/test/web/page.js) as its client. Files are answered through
 * `claimlens/readFile` by the web client's own rules.
 */
const chromiumPath = process.env.CLAIMLENS_CHROMIUM ?? '/usr/bin/chromium';
const serverBundle = resolve('dist/web/server.js');
const pageBundle = resolve(__dirname, '..', 'web', 'page.js');

const folder = 'vscode-vfs://github/claimlens/news';
const article = `${folder}/articles/wind.md`;
const outsider = `${folder}/articles/outside.md`;
const bib = turbinesBib;
const files: Record<string, string> = {
  [`${folder}/.claimlensrc.json`]: JSON.stringify({ report: ['uncited', 'attributed', 'cited'] }),
  [`${folder}/refs.bib`]: bib,
  // Beside the folder, not in it: an article that names it must not get it.
  'vscode-vfs://github/claimlens/secret/refs.bib': bib,
  // A folder whose configuration names bibliographies by globs, one of them leading out of the workspace folder.
  [`${folder}/notes/.claimlensrc.json`]: JSON.stringify({ report: ['uncited', 'attributed', 'cited'], bibliography: ['refs/*.bib', '../../secret/*.bib'] }),
  [`${folder}/notes/refs/water.bib`]: '@book{hartley2023,\n  author = {Hartley, Simon},\n  title = {Pipes and Politics},\n  year = {2023}\n}\n',
  [`${folder}/notes/refs/readme.txt`]: 'not a bibliography',
};
const briefing = `${folder}/notes/briefing.md`;
const briefingText = ['Water bills rose by 9% [@hartley2023].', '', 'The study counted 4,200 turbines [@doe2023].', ''].join('\n');
const articleText = ['---', 'bibliography: ../refs.bib', '---', '# Wind', '', 'Sales rose by 12% last year.', '', 'The study counted 4,200 turbines [@doe2023].', ''].join('\n');
const outsiderText = ['---', 'bibliography: ../../secret/refs.bib', '---', 'The study counted 4,200 turbines [@doe2023].', ''].join('\n');

interface PageApi {
  start(serverUrl: string, folders: string[], files: Record<string, string>): void;
  request(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): void;
  readonly diagnostics: PublishDiagnosticsParams[];
  readonly readRequests: ReadFileParams[];
  readonly findRequests: FindFilesParams[];
  readonly bytesRead: string[];
}
declare const claimlensPage: PageApi;

const brief = (d: Diagnostic) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];

describe('the language server in a web worker (VS Code for the Web)', function () {
  this.timeout(60_000);
  let http: Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const request = <T>(method: string, params: unknown): Promise<T> => page.evaluate(([m, p]) => claimlensPage.request(m, p), [method, params] as const) as Promise<T>;
  const notify = (method: string, params: unknown): Promise<void> => page.evaluate(([m, p]) => claimlensPage.notify(m, p), [method, params] as const);
  /** The last diagnostics published for `uri` once `until` holds for them. */
  const diagnosticsOf = async (uri: string, until: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const all = await page.evaluate(() => claimlensPage.diagnostics);
      const last = all.filter((p) => p.uri === uri).at(-1);
      if (last && until(last.diagnostics)) return last.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics as expected for ${uri}; last: ${JSON.stringify(last)}; page errors: ${pageErrors.join('; ')}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  };

  before(async () => {
    assert.ok(existsSync(serverBundle), `${serverBundle} is missing: run node esbuild.mjs`);
    assert.ok(existsSync(chromiumPath), `${chromiumPath} not found: run \`apt-get install -y chromium\``);
    const served: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>Claim Lens web server test</title><script src="/page.js"></script>'],
      '/page.js': ['text/javascript', readFileSync(pageBundle, 'utf8')],
      '/server.js': ['text/javascript', readFileSync(serverBundle, 'utf8')],
      '/favicon.ico': ['image/x-icon', ''],
    };
    http = createServer((req, res) => {
      const found = served[req.url ?? ''];
      res.writeHead(found ? 200 : 404, { 'content-type': found ? found[0] : 'text/plain' });
      res.end(found ? found[1] : 'not found');
    });
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${origin}/`);
    await page.evaluate(([url, folders, contents]) => claimlensPage.start(url, folders, contents), [`${origin}/server.js`, [folder], files] as [string, string[], Record<string, string>]);
  });

  after(async () => {
    await browser?.close();
    await new Promise((done) => http?.close(done));
  });

  it('initializes in the worker and offers hovers and quick fixes, but no workspace diagnostics', async () => {
    const result = await request<InitializeResult>('initialize', {
      processId: null,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'news' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { workspaceDiagnostics: true },
    });
    await notify('initialized', {});
    assert.equal(result.serverInfo?.name, 'claimlens');
    assert.equal(result.capabilities.hoverProvider, true);
    assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
    // A browser has no folder to walk: asking for every article of the workspace is not offered.
    assert.deepEqual(result.capabilities.diagnosticProvider, { identifier: 'claimlens', interFileDependencies: true, workspaceDiagnostics: false });
  });

  it('publishes the diagnostics of an article, with its bibliography and .claimlensrc read through the client', async () => {
    await notify('textDocument/didOpen', { textDocument: { uri: article, languageId: 'markdown', version: 1, text: articleText } });
    const diagnostics = await diagnosticsOf(article, (d) => d.length > 0);
    // "12%" has no source; "4,200" is cited by a key the bibliography holds (`cited` is reported: the .claimlensrc says so).
    assert.deepEqual(diagnostics.map(brief), [
      ['uncited-claim', 5, 14, 5, 17],
      ['cited-claim', 7, 18, 7, 23],
    ]);
    assert.equal(diagnostics[0].message, 'Uncited claim "12%": no link, footnote or citation');
    const reads = await page.evaluate(() => claimlensPage.readRequests);
    assert.deepEqual(reads.filter((r) => r.kind === 'bibliography').map((r) => r.uri), [`${folder}/refs.bib`]);
    // The configuration file is looked for from the article's folder up to the workspace folder, never above it.
    assert.deepEqual(reads.filter((r) => r.kind === 'config').map((r) => r.uri), [
      `${folder}/articles/.claimlensrc.json`,
      `${folder}/articles/.claimlensrc.yaml`,
      `${folder}/articles/.claimlensrc.yml`,
      `${folder}/.claimlensrc.json`,
    ]);
  });

  it('hovers a cited claim with its bibliography entry', async () => {
    const hover = await request<Hover | null>('textDocument/hover', { textDocument: { uri: article }, position: { line: 7, character: 20 } });
    assert.ok(hover, 'no hover');
    assert.deepEqual(hover.range, { start: { line: 7, character: 18 }, end: { line: 7, character: 23 } });
    const value = (hover.contents as { value: string }).value;
    assert.ok(value.startsWith('**Claim Lens**'), value);
    assert.match(value, /4,200/u);
    assert.match(value, /Turbines at Sea/u);
    assert.match(value, /Doe/u);
  });

  it('offers quick fixes on an uncited claim: cite the article’s source, cite a bibliography entry, ignore it', async () => {
    const [uncited] = await diagnosticsOf(article, (d) => d.length > 0);
    const actions = await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: article },
      range: uncited.range,
      context: { diagnostics: [uncited] },
    });
    assert.deepEqual(actions.map((a) => a.title), [
      'Cite @doe2023 — Doe, Jane, Roe, Rick · 2023 · Turbines at Sea',
      'Cite @roe2021 — Roe · 2021, Blades',
      'Ignore this claim',
    ]);
    const roe = actions[1];
    assert.equal(roe.kind, 'quickfix');
    assert.deepEqual(roe.diagnostics, [uncited]);
    assert.deepEqual(roe.edit?.changes?.[article], [{ range: { start: { line: 5, character: 27 }, end: { line: 5, character: 27 } }, newText: ' [@roe2021]' }]);
  });

  it('refuses a bibliography outside the workspace folder: the article says so, and the file is never read', async () => {
    await notify('textDocument/didOpen', { textDocument: { uri: outsider, languageId: 'markdown', version: 1, text: outsiderText } });
    const diagnostics = await diagnosticsOf(outsider, (d) => d.some((x) => x.code === 'bibliography-error'));
    const problem = diagnostics.find((d) => d.code === 'bibliography-error')!;
    assert.deepEqual(problem.range, { start: { line: 1, character: 14 }, end: { line: 1, character: 35 } });
    assert.equal(problem.message, 'Bibliography file ../../secret/refs.bib could not be read: outside the workspace folder; not read.');
    const reads = await page.evaluate(() => ({ requests: claimlensPage.readRequests, bytes: claimlensPage.bytesRead }));
    assert.ok(reads.requests.some((r) => r.uri === 'vscode-vfs://github/claimlens/secret/refs.bib'), 'the server did not ask for the file');
    assert.ok(!reads.bytes.includes('vscode-vfs://github/claimlens/secret/refs.bib'), 'the file outside the folder was read');
  });

  it('reads the bibliographies a .claimlensrc names by globs, inside the workspace folder only', async () => {
    await notify('textDocument/didOpen', { textDocument: { uri: briefing, languageId: 'markdown', version: 1, text: briefingText } });
    const diagnostics = await diagnosticsOf(briefing, (d) => d.length > 0);
    // hartley2023 comes from refs/water.bib; doe2023 only from the file outside, which the glob there did not reach.
    assert.deepEqual(diagnostics.map(brief), [
      ['cited-claim', 0, 20, 0, 22],
      ['cited-claim', 2, 18, 2, 23],
      ['unknown-citation-key', 2, 33, 2, 43],
    ]);
    const state = await page.evaluate(() => ({ finds: claimlensPage.findRequests, reads: claimlensPage.readRequests, bytes: claimlensPage.bytesRead }));
    assert.deepEqual(state.finds, [
      { base: `${folder}/notes`, pattern: 'refs/*.bib' },
      { base: `${folder}/notes`, pattern: '../../secret/*.bib' },
    ]);
    assert.deepEqual(state.reads.filter((r) => r.uri.startsWith(`${folder}/notes/`)).map((r) => r.uri), [`${folder}/notes/.claimlensrc.json`, `${folder}/notes/refs/water.bib`]);
    assert.ok(!state.bytes.includes('vscode-vfs://github/claimlens/secret/refs.bib'), 'the file outside the folder was read');
    const hover = await request<Hover | null>('textDocument/hover', { textDocument: { uri: briefing }, position: { line: 0, character: 21 } });
    assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /Pipes and Politics/u);
  });

  it('answers the workspace report with an error rather than a walk of the folder', async () => {
    await assert.rejects(request('claimlens/workspaceReport', {}), /VS Code for the Web/u);
  });

  it('logs no error in the page or the worker', () => {
    assert.deepEqual(pageErrors, []);
  });
});

