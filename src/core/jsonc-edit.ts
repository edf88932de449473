// jsonc-parser's editor, which `jsonc.ts` loads on first use (a quick fix that writes to a configuration file),
// apart from its readers so that a bundle with no quick fixes leaves the editor and the formatter out.
export { modify } from 'jsonc-parser/lib/esm/main.js';
