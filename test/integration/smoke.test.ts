// What holds for any build of the extension: it is installed under its
// manifest id, it activates when an article is opened, and the test runner
// opened the workspace it says it did.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'claimlens.claimlens';

/** Polls `check` until it holds or `timeoutMs` passes (activation has no event to wait on). */
async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('smoke', () => {
  it(`has the extension ${extensionId} from this checkout`, () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not among the installed extensions`);
    assert.equal(extension.packageJSON.name, 'claimlens');
    assert.equal(extension.packageJSON.publisher, 'claimlens');
    assert.equal(extension.packageJSON.main, './dist/extension.js');
  });

  it('activates when a Markdown article from the workspace is opened', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    const [article] = await vscode.workspace.findFiles('**/*.md', undefined, 1);
    assert.ok(article, 'the test workspace has no Markdown article');
    const document = await vscode.workspace.openTextDocument(article);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');
    await waitUntil(() => extension.isActive, 15_000, `${extensionId} is active`);
    assert.equal(extension.isActive, true);
  });

  it('runs in the workspace the runner set up', () => {
    const kind = process.env.CLAIMLENS_TEST_WORKSPACE;
    const folders = vscode.workspace.workspaceFolders ?? [];
    const names = folders.map((folder) => folder.name);
    if (kind === 'multi') {
      assert.ok(vscode.workspace.workspaceFile, 'a multi-root run opens a .code-workspace file');
      assert.ok(folders.length >= 2, `expected several folders, got ${names.join(', ')}`);
    } else if (kind === 'restricted') {
      assert.equal(vscode.workspace.workspaceFile, undefined);
      assert.deepEqual(names, ['restricted']);
      assert.equal(vscode.workspace.isTrusted, false, 'the restricted run opens its folder in Restricted Mode');
    } else {
      assert.equal(kind, 'single', 'CLAIMLENS_TEST_WORKSPACE reaches the extension host');
      assert.equal(vscode.workspace.workspaceFile, undefined);
      assert.deepEqual(names, ['workspace']);
      assert.equal(vscode.workspace.isTrusted, true);
    }
    // Tests run on a temporary copy, since quick fixes save to disk.
    assert.ok(
      folders.every((folder) => !folder.uri.fsPath.includes('/test/fixtures/')),
      `expected a copy of the fixtures, got ${folders.map((folder) => folder.uri.fsPath).join(', ')}`,
    );
  });
});
