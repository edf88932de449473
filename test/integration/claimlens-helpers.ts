// Shared by the Claim Lens feature tests: finding fixture files, waiting for
// diagnostics with a deadline (never a fixed sleep), and reading results in
// a shape that is easy to compare whole.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimLensApi } from '../../src/extension/extension';

export const extensionId = 'claimlens.claimlens';

/**
 * Which workspace the runner opened: `single` (test/fixtures/workspace),
 * `multi` (the multi-root fixture) or `restricted` (test/fixtures/restricted,
 * untrusted).
 */
export const workspaceKind: 'single' | 'multi' | 'restricted' =
  process.env.CLAIMLENS_TEST_WORKSPACE === 'multi' ? 'multi' : process.env.CLAIMLENS_TEST_WORKSPACE === 'restricted' ? 'restricted' : 'single';

/** The extension's API, activating it if needed. */
export async function claimLens(): Promise<ClaimLensApi> {
  const extension = vscode.extensions.getExtension<ClaimLensApi>(extensionId);
  assert.ok(extension, `${extensionId} is not installed`);
  return extension.isActive ? extension.exports : extension.activate();
}

/** The URI of a fixture file by its path in the workspace (`desk-config/x.md`). */
export async function fixture(path: string): Promise<vscode.Uri> {
  const [uri] = await vscode.workspace.findFiles(`**/${path}`);
  assert.ok(uri, `${path} is missing from the test workspace`);
  return uri;
}

/** Opens a fixture in an editor and returns the editor. */
export async function openFixture(path: string): Promise<vscode.TextEditor> {
  await claimLens();
  const document = await vscode.workspace.openTextDocument(await fixture(path));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Polls `check` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A diagnostic in a shape to compare whole: code, severity name, [line, char, line, char] (0-based), message. */
export interface DiagnosticShape {
  code: string;
  severity: string;
  range: [number, number, number, number];
  message?: string;
}

const severityNames = ['error', 'warning', 'information', 'hint'];

export function shapeOf(d: vscode.Diagnostic, withMessage = false): DiagnosticShape {
  const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
  return {
    code,
    severity: severityNames[d.severity],
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    ...(withMessage ? { message: d.message } : {}),
  };
}

/** The Claim Lens diagnostics of a document now. */
export function claimLensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Claim Lens');
}

/**
 * Waits until the Claim Lens diagnostics of `uri` satisfy `accept`, checking
 * now and on every `onDidChangeDiagnostics`, and fails with the last ones
 * seen after the deadline.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  const now = claimLensDiagnostics(uri);
  if (accept(now)) return now;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      const last = claimLensDiagnostics(uri).map((d) => shapeOf(d));
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last diagnostics: ${JSON.stringify(last)}`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = claimLensDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(diagnostics);
    });
  });
}

/** Waits until the diagnostics of `uri` are exactly `expected` (as shapes, sorted by position). */
export async function expectDiagnostics(uri: vscode.Uri, expected: DiagnosticShape[], withMessage = false, timeoutMs = 10_000): Promise<void> {
  const sort = (list: DiagnosticShape[]): DiagnosticShape[] =>
    [...list].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.code.localeCompare(b.code));
  const want = JSON.stringify(sort(expected));
  try {
    await waitForDiagnostics(uri, (ds) => JSON.stringify(sort(ds.map((d) => shapeOf(d, withMessage)))) === want, 'the expected diagnostics', timeoutMs);
  } catch {
    // Show a readable diff of what was there instead.
    assert.deepEqual(sort(claimLensDiagnostics(uri).map((d) => shapeOf(d, withMessage))), sort(expected));
  }
}

/** The range of the `occurrence`-th (1-based) `needle` in the document, as [line, char, line, char]. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 1): [number, number, number, number] {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${occurrence}) is not in ${document.uri.path}`);
  }
  const start = document.positionAt(at);
  const end = document.positionAt(at + needle.length);
  return [start.line, start.character, end.line, end.character];
}

export function toRange([a, b, c, d]: [number, number, number, number]): vscode.Range {
  return new vscode.Range(a, b, c, d);
}

/** Undoes the last edit in `editor` and waits until the text is `original` again. */
export async function undoTo(editor: vscode.TextEditor, original: string): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { preview: false });
  await vscode.commands.executeCommand('undo');
  await waitFor(() => editor.document.getText() === original, 'the undo to restore the text');
}

/** Sets a `claimlens.*` setting at workspace level (undefined removes it) and waits until it reads back. */
export async function setSetting(key: string, value: unknown, target = vscode.ConfigurationTarget.Workspace, scope?: vscode.Uri): Promise<void> {
  await vscode.workspace.getConfiguration('claimlens', scope).update(key, value, target);
}
