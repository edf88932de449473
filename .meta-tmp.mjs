import * as esbuild from 'esbuild';
const r = await esbuild.build({ entryPoints: ['src/extension/extension.ts'], bundle: true, platform: 'node', format: 'cjs', minify: true, external: ['vscode'], metafile: true, write: false, outfile: 'x.js', define: { 'import.meta.url': '""' }, plugins: [{ name: 'a', setup(b) { b.onResolve({ filter: /\/pdf-text$/ }, () => ({ path: './pdf.js', external: true })); b.onResolve({ filter: /\/citation-js-modules$/ }, () => ({ path: './citation.js', external: true })); } }] });
const inputs = r.metafile.inputs;
// who imports src/core/config.ts and zod
const target = process.argv[2];
const importers = (t) => Object.entries(inputs).filter(([f, v]) => v.imports.some((i) => i.path === t)).map(([f]) => f);
let frontier = [target]; const seen = new Set(frontier);
for (let d = 0; d < 6 && frontier.length; d++) { const next = []; for (const t of frontier) for (const f of importers(t)) if (!seen.has(f)) { seen.add(f); next.push(f); console.log(' '.repeat(d * 2) + f + ' -> ' + t); } frontier = next; }
