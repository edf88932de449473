// Builds the CLI, the language server and the extension (CommonJS, `vscode` external) into dist/,
// and the tests and benchmark into out/. `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { globSync } from 'tinyglobby';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // esbuild rewrites a regular expression with \p{…} as `new RegExp("…")` for Node targets, and one inside a
  // function is then built again on every call; Node 20 reads them as literals.
  supported: { 'regexp-unicode-property-escapes': true },
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // ESM-only code in dependencies (fdir, under tinyglobby) reads import.meta.url, which CommonJS output lacks.
  // Worked out on first use: the conversion costs milliseconds at start-up that most runs never need.
  banner: { js: 'const __importMeta = { get url() { return require("url").pathToFileURL(__filename).href; } };' },
  define: { 'import.meta': '__importMeta' },
};

// Citation.js imports node-fetch but uses the browser's `fetch` in a browser: the web bundles leave node-fetch out.
const fetchGlobals = {
  name: 'fetch-globals',
  setup(build) {
    build.onResolve({ filter: /^node-fetch$/ }, () => ({ path: fileURLToPath(new URL('src/web/fetch-globals.ts', import.meta.url)) }));
  },
};

const browser = {
  bundle: true,
  plugins: [fetchGlobals],
  platform: 'browser',
  target: 'es2022',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

// pdf.js (under unpdf) is larger than the rest of Claim Lens: the CLI and the extension load it from its own
// file, dist/pdf.js, only when a cited source is a PDF. Tests and the benchmark bundle it.
const pdfApart = {
  name: 'pdf-apart',
  setup(build) {
    build.onResolve({ filter: /\/pdf-text$/ }, () => ({ path: './pdf.js', external: true }));
  },
};

// Citation.js reads BibTeX files and is the largest part of the bibliography readers: the bundles in dist/
// load it from its own file, dist/citation.js, only when an article's bibliography is a `.bib` file.
const citationApart = {
  name: 'citation-apart',
  setup(build) {
    build.onResolve({ filter: /\/citation-js-modules$/ }, () => ({ path: './citation.js', external: true }));
  },
};

// The extension takes the core, the verification of sources and the guarded reader from the language server's
// bundle, dist/server.js, which exports them (src/server/extension-library.ts): one copy in the package, not two.
const fromServerBundle = {
  name: 'from-server-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/(?:core\/index|core|verify\/index|verify|workspace\/guarded-read)$/ }, (args) =>
      /[\\/]src[\\/](?:extension|shared)[\\/]/.test(args.importer) ? { path: './server.js', external: true } : undefined);
  },
};

// zod and the settings schemas: loaded from their own file, dist/settings-schema.js, only when there are
// settings to check (a configuration file, the editor's settings), never for a run on defaults.
const settingsSchemaApart = {
  name: 'settings-schema-apart',
  setup(build) {
    build.onResolve({ filter: /\/settings-schema$/ }, () => ({ path: './settings-schema.js', external: true }));
  },
};
const apart = [pdfApart, citationApart, settingsSchemaApart];

const builds = [
  { ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', plugins: [fromServerBundle, settingsSchemaApart] },
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', plugins: apart },
  // The language server: `claimlens lsp` loads it, `node dist/server.js --stdio` runs it alone.
  { ...common, entryPoints: { server: 'src/server/main.ts' }, outdir: 'dist', plugins: apart },
  { ...common, entryPoints: { pdf: 'src/verify/pdf-text.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { citation: 'src/core/bibliography/citation-js-modules.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { 'settings-schema': 'src/core/settings-schema.ts' }, outdir: 'dist' },
  // Loads the CLI and its worker threads with V8's code cache (bin/claimlens.js, the worker pool).
  { ...common, entryPoints: { 'code-cache': 'src/launch/code-cache.ts' }, outdir: 'dist' },
  // A worker thread of the workspace layer: the CLI and the server analyse many files in several.
  { ...common, entryPoints: { 'analyse-worker': 'src/workspace/analyse-worker.ts' }, outdir: 'dist', plugins: apart },
  // VS Code for the Web: the language server in a web worker, and the extension that starts it. No Node here:
  // Citation.js is bundled in (a worker cannot load a file on demand), and the bundle is checked for Node built-ins.
  { ...browser, entryPoints: { server: 'src/server/browser-main.ts' }, outdir: 'dist/web', format: 'iife' },
  { ...browser, entryPoints: { extension: 'src/web/extension.ts' }, outdir: 'dist/web', format: 'cjs', external: ['vscode'] },
  // The page the web server test opens in Chromium: a client of dist/web/server.js.
  { ...browser, entryPoints: { 'test/web/page': 'test/web/page.ts' }, outdir: 'out', format: 'iife' },
  {
    ...common,
    entryPoints: globSync(['test/unit/**/*.test.ts', 'test/integration/**/*.ts', 'bench/*.ts']),
    outbase: '.',
    outdir: 'out',
    external: ['vscode', 'mocha', 'playwright-core', 'typescript', 'esbuild'],
  },
];

rmSync('out', { recursive: true, force: true });
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
