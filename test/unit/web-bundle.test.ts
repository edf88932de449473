import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { transform } from 'esbuild';

/**
 * The bundles of VS Code for the Web (dist/web/, built by `node esbuild.mjs`)
 * run where there is no Node: neither may load a Node built-in, and each
 * stays small enough to download with the extension. Sizes are measured
 * minified, as `node esbuild.mjs --production` packages them.
 */
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
/** The language server in its worker: 1.45 MB minified now, most of it zod (0.44 MB) and the analyser. */
const maxServerBytes = 1.6 * 1024 * 1024;
/** The extension that starts it: 0.41 MB minified now, most of it vscode-languageclient. */
const maxExtensionBytes = 512 * 1024;

/** The modules a bundle loads: `require("…")` and `import("…")` calls (not `{import('…')}` types in doc comments). */
function modulesRequired(code: string): string[] {
  return [...code.matchAll(/(?<![\w$.{])(?:require|import)\(\s*["']([^"']+)["']\s*\)/gu)].map((m) => m[1]);
}

describe('the web bundles', () => {
  const server = readFileSync(join('dist', 'web', 'server.js'), 'utf8');
  const extension = readFileSync(join('dist', 'web', 'extension.js'), 'utf8');

  it('the worker requires no module at all: no Node built-in, nothing left outside the bundle', () => {
    assert.ok(server.includes('claimlens/readFile'), 'dist/web/server.js is not the language server');
    assert.deepEqual(modulesRequired(server), []);
    // esbuild's stand-in for a `require` it could not resolve.
    assert.doesNotMatch(server, /\bvar __require\b/u);
  });

  it('the extension requires vscode only', () => {
    assert.ok(extension.includes('claimlens/readFile'), 'dist/web/extension.js is not the web client');
    const required = modulesRequired(extension);
    assert.deepEqual([...new Set(required)], ['vscode']);
    assert.deepEqual(required.filter((m) => builtins.has(m) || builtins.has(m.split('/')[0])), []);
  });

  it(`the worker stays under ${(maxServerBytes / 1024 / 1024).toFixed(1)} MB and the extension under ${maxExtensionBytes / 1024} KB, minified`, async () => {
    const serverSize = (await transform(server, { minify: true, target: 'es2022' })).code.length;
    const extensionSize = (await transform(extension, { minify: true, target: 'es2022' })).code.length;
    assert.ok(serverSize < maxServerBytes, `dist/web/server.js is ${serverSize} bytes minified`);
    assert.ok(extensionSize < maxExtensionBytes, `dist/web/extension.js is ${extensionSize} bytes minified`);
  });
});
