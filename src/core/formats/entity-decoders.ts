// The decoders `entities.ts` loads on first use, and only they: a module of re-exports keeps the bundles'
// tree shaking, which a `require` of the package itself would defeat (its encoders' tables are large).
export { decodeHTML, decodeHTMLAttribute } from 'entities';
