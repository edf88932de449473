// The readers of jsonc-parser that `jsonc.ts` loads on first use, and only they: a module of re-exports keeps
// the bundles' tree shaking, which a `require` of the package itself would defeat.
export { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
