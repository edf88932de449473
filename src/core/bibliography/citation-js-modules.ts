// The parts of Citation.js the BibTeX reader uses, in one module: the
// command line, the language server and the extension build it into a file
// of its own (dist/citation.js) and load it on the first `.bib` file, so a
// run over articles without a BibTeX bibliography never reads its code.
export { logger } from '@citation-js/core';
export { commands } from '@citation-js/plugin-bibtex/lib/input/constants.js';
export { parse as readBibtexText } from '@citation-js/plugin-bibtex/lib/input/file.js';
export { parse as convertToCsl } from '@citation-js/plugin-bibtex/lib/input/entries.js';
