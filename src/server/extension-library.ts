/**
 * What the VS Code extension takes from the language server's bundle
 * (`dist/server.js`) rather than carrying a second copy: the core's pure
 * functions it words and edits results with (quick fixes, report values,
 * exports), the verification of sources, and the guarded file reader. The
 * extension loads the bundle as a module; it analyses nothing itself.
 */
export * from '../core/index';
export * from '../verify/index';
export { maxConfigBytes, readGuarded } from '../workspace/guarded-read';
