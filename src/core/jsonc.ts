/**
 * The parts of `jsonc-parser` the core uses, loaded on first use: when
 * loaded, the package builds its formatter's tables of indentation strings
 * (some 300 KB), which a run over Markdown or HTML articles never needs.
 * The package's ES modules are named because its UMD entry hides its modules
 * from bundlers.
 */
type Jsonc = typeof import('./jsonc-parts');
export type { Node, ParseError } from 'jsonc-parser/lib/esm/main.js';

let loaded: Jsonc | undefined;

function jsonc(): Jsonc {
  loaded ??= require('./jsonc-parts') as Jsonc;
  return loaded;
}

export const parseTree: Jsonc['parseTree'] = (...args) => jsonc().parseTree(...args);
export const findNodeAtLocation: Jsonc['findNodeAtLocation'] = (...args) => jsonc().findNodeAtLocation(...args);
export const getNodeValue: Jsonc['getNodeValue'] = (...args) => jsonc().getNodeValue(...args);
export const printParseErrorCode: Jsonc['printParseErrorCode'] = (...args) => jsonc().printParseErrorCode(...args);

type JsoncEdit = typeof import('./jsonc-edit');

let editor: JsoncEdit | undefined;

export const modify: JsoncEdit['modify'] = (...args) => {
  editor ??= require('./jsonc-edit') as JsoncEdit;
  return editor.modify(...args);
};
