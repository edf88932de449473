// htmlparser2's parser, which `html-tokens.ts` loads on first use, and only it: a module of re-exports keeps
// the bundles' tree shaking, which a `require` of the package itself would defeat (its DOM and feed readers).
export { Parser } from 'htmlparser2';
