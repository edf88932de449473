import * as assert from 'node:assert/strict';
import type { ReadFileParams } from '../../src/server/protocol';
import { uriPathDirname, uriPathInside, uriPathJoin, uriPathRelative, uriPathToUri, uriToUriPath } from '../../src/shared/uri-paths';
import { answerFindFiles, answerReadFile, type ClientFileSystem, type FileKind } from '../../src/web/read-file';

/** A file system in memory: text files, and entries of other kinds by URI. */
function memoryFs(files: Record<string, string>, others: Record<string, FileKind> = {}): ClientFileSystem & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    stat: async (uri) => others[uri] ?? (uri in files ? { isFile: true, isSymbolicLink: false, size: Buffer.byteLength(files[uri]) } : undefined),
    readFile: async (uri) => {
      read.push(uri);
      return new TextEncoder().encode(files[uri]);
    },
  };
}

const folder = 'vscode-vfs://github/claimlens/news';

describe('paths that stand for URIs (VS Code for the Web)', () => {
  it('go from a URI to a path and back', () => {
    const path = uriToUriPath(`${folder}/articles/wind%20farms.md`);
    assert.equal(path, '/vscode-vfs%3A%2F%2Fgithub/claimlens/news/articles/wind farms.md');
    assert.equal(uriPathToUri(path!), `${folder}/articles/wind%20farms.md`);
  });

  it('have none for a URI without a folder', () => {
    assert.equal(uriToUriPath('untitled:Untitled-1'), undefined);
    assert.equal(uriToUriPath(`${folder}/a.md?ref=main`), undefined);
  });

  it('join, climb and compare without leaving the authority', () => {
    const root = uriToUriPath(folder)!;
    const article = uriPathJoin(root, 'articles/wind.md');
    assert.equal(uriPathDirname(article), uriPathJoin(root, 'articles'));
    assert.equal(uriPathRelative(root, uriPathJoin(uriPathDirname(article), '../refs.bib')), 'refs.bib');
    assert.equal(uriPathRelative(root, uriPathJoin(root, '../secret/refs.bib')), '../secret/refs.bib');
    assert.equal(uriPathToUri(uriPathJoin(root, '../../../../../etc/passwd')), 'vscode-vfs://github/etc/passwd');
    assert.equal(uriPathToUri(uriPathJoin(root, '/etc/passwd')), 'vscode-vfs://github/etc/passwd');
    assert.ok(uriPathInside(root, article));
    assert.ok(!uriPathInside(root, `${root}-old/a.md`));
    assert.ok(!uriPathInside(root, uriToUriPath('vscode-vfs://gitlab/claimlens/news/a.md')!));
  });
});

describe('the web client reads files for the server', () => {
  const files = {
    [`${folder}/refs.bib`]: '@book{roe2021, title = {Blades}}',
    [`${folder}/.claimlensrc.json`]: '{}',
    'vscode-vfs://github/claimlens/secret.bib': '@book{x, title = {Secret}}',
  };
  const read = (uri: string, kind: ReadFileParams['kind'] = 'bibliography', fs: ClientFileSystem = memoryFs(files)) => answerReadFile({ uri, kind }, [folder], fs);

  it('reads a file inside a workspace folder, as base64', async () => {
    assert.deepEqual(await read(`${folder}/refs.bib`), { ok: true, base64: Buffer.from(files[`${folder}/refs.bib`]).toString('base64') });
  });

  it('says a missing file is missing', async () => {
    assert.deepEqual(await read(`${folder}/nothing.bib`), { ok: false, missing: true, reason: 'no such file' });
  });

  it('refuses files outside the workspace folders, however the URI gets there, without reading them', async () => {
    const fs = memoryFs(files);
    for (const uri of [
      'vscode-vfs://github/claimlens/secret.bib',
      `${folder}/../secret.bib`,
      `${folder}/%2E%2E/secret.bib`,
      `${folder}-old/refs.bib`,
      'vscode-vfs://gitlab/claimlens/news/refs.bib',
      'https://example.org/refs.bib?x=1',
    ]) {
      const answer = await read(uri, 'bibliography', fs);
      assert.equal(answer.ok, false, uri);
      assert.match((answer as { reason: string }).reason, /not read/u, uri);
    }
    assert.deepEqual(fs.read, []);
  });

  it('reads what it checked: a path with `..` inside the folder is read by its resolved URI', async () => {
    const fs = memoryFs(files);
    assert.equal((await read(`${folder}/articles/../refs.bib`, 'bibliography', fs)).ok, true);
    assert.deepEqual(fs.read, [`${folder}/refs.bib`]);
  });

  it('refuses symbolic links, folders and files over the cap of their kind', async () => {
    const others: Record<string, FileKind> = {
      [`${folder}/link.bib`]: { isFile: true, isSymbolicLink: true, size: 10 },
      [`${folder}/refs`]: { isFile: false, isSymbolicLink: false, size: 0 },
      [`${folder}/huge.bib`]: { isFile: true, isSymbolicLink: false, size: 21 * 1024 * 1024 },
      [`${folder}/.claimlensrc.yaml`]: { isFile: true, isSymbolicLink: false, size: 2 * 1024 * 1024 },
    };
    const fs = memoryFs(files, others);
    assert.deepEqual(await read(`${folder}/link.bib`, 'bibliography', fs), { ok: false, missing: false, reason: 'a symbolic link; not read' });
    assert.deepEqual(await read(`${folder}/refs`, 'bibliography', fs), { ok: false, missing: false, reason: 'not a regular file; not read' });
    assert.deepEqual(await read(`${folder}/huge.bib`, 'bibliography', fs), { ok: false, missing: false, reason: 'larger than 20 MB (21 MB); not read' });
    // 2 MB is within a bibliography's cap, but not a configuration file's.
    assert.deepEqual(await read(`${folder}/.claimlensrc.yaml`, 'config', fs), { ok: false, missing: false, reason: 'larger than 1 MB (2 MB); not read' });
    assert.deepEqual(fs.read, []);
  });

  it('gives a read error as the reason', async () => {
    const fs: ClientFileSystem = { stat: async () => ({ isFile: true, isSymbolicLink: false, size: 3 }), readFile: async () => Promise.reject(new Error('NoPermissions')) };
    assert.deepEqual(await read(`${folder}/refs.bib`, 'bibliography', fs), { ok: false, missing: false, reason: 'NoPermissions' });
  });
});

describe('the web client lists the files of a glob for the server', () => {
  /** A search that records its calls and gives `uris`. */
  const search = (uris: string[]) => {
    const calls: [string, string][] = [];
    return { calls, find: async (base: string, pattern: string) => (calls.push([base, pattern]), uris) };
  };

  it('gives what the search found inside the folder, each once and sorted', async () => {
    const { calls, find } = search([`${folder}/refs/b.bib`, `${folder}/refs/a.bib`, `${folder}/refs/../refs/a.bib`, 'vscode-vfs://github/claimlens/secret.bib']);
    const answer = await answerFindFiles({ base: `${folder}/notes`, pattern: '../refs/*.bib' }, [folder], find);
    assert.deepEqual(answer, { uris: [`${folder}/refs/a.bib`, `${folder}/refs/b.bib`] });
    assert.deepEqual(calls, [[`${folder}/notes`, '../refs/*.bib']]);
  });

  it('does not search for a glob whose fixed part leads out of the folder, or a base outside it', async () => {
    const { calls, find } = search([`${folder}/refs/a.bib`]);
    for (const [base, pattern] of [
      [folder, '../secret/*.bib'],
      [`${folder}/notes`, '../../../**/*.bib'],
      [folder, '/etc/**'],
      [folder, 'C:\\refs\\*.bib'],
      ['vscode-vfs://github/claimlens', 'news/*.bib'],
    ]) {
      assert.deepEqual(await answerFindFiles({ base, pattern }, [folder], find), { uris: [] }, `${base} ${pattern}`);
    }
    assert.deepEqual(calls, []);
  });

  it('gives nothing when the search fails', async () => {
    const answer = await answerFindFiles({ base: folder, pattern: '*.bib' }, [folder], () => Promise.reject(new Error('no search provider')));
    assert.deepEqual(answer, { uris: [] });
  });
});
