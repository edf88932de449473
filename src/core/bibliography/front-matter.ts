/**
 * The bibliography an article names in its YAML front matter, as Pandoc,
 * Quarto and R Markdown read it: `bibliography:` (one path or a list) and
 * inline `references:` (CSL-YAML).
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { LineIndex } from '../lines';
import type { BibEntry } from '../types';
import { positionAt, readYamlItems, tooDeepProblem, yamlErrorProblems } from './csl';
import { yamlTooDeepAt } from '../nesting';
import type { BibProblem } from './types';

/** A bibliography path as the front matter writes it, and the 1-based line it stands on. */
export interface BibliographyPath {
  readonly path: string;
  readonly line: number;
  /** 0-based offset of the path's first character (of its quote, when quoted). */
  readonly offset: number;
}

/** What an article's front matter says about its bibliography. */
export interface FrontMatterBibliography {
  readonly paths: readonly BibliographyPath[];
  /** Entries of `references:`; their offsets and lines count in the article. */
  readonly inline: readonly BibEntry[];
  readonly problems: readonly BibProblem[];
}

/** Opening `---` on the first line; the block ends at a line of `---` or `...`. */
const opening = /^\uFEFF?---[ \t]*\r?\n/;
const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Where the YAML of the front matter stands, or undefined when the text has none. */
function findFrontMatter(text: string): { start: number; end: number } | undefined {
  const open = opening.exec(text);
  if (!open) return undefined;
  const start = open[0].length;
  const rest = text.slice(start);
  const close = closing.exec(rest);
  if (!close) return undefined;
  return { start, end: start + close.index };
}

/**
 * Reads `bibliography:` and `references:` from the YAML front matter at the
 * start of a Markdown article. Paths are returned as written (the caller
 * resolves them against the article). `fileName`, when given, is put on the
 * inline entries and on problems.
 */
export function readFrontMatterBibliography(markdownText: string, fileName?: string): FrontMatterBibliography {
  const block = findFrontMatter(markdownText);
  if (block === undefined) return { paths: [], inline: [], problems: [] };
  const lines = new LineIndex(markdownText);
  const yamlText = markdownText.slice(block.start, block.end);
  const deep = yamlTooDeepAt(yamlText);
  if (deep !== undefined) return { paths: [], inline: [], problems: [tooDeepProblem(fileName, block.start + deep, lines)] };
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  const root = doc.contents;
  const problems: BibProblem[] = [];
  const at = (offset: number) => positionAt(fileName, block.start + offset, lines);

  const paths: BibliographyPath[] = [];
  const bibliography = isMap(root) ? root.get('bibliography', true) : undefined;
  for (const node of isSeq(bibliography) ? bibliography.items : bibliography === undefined ? [] : [bibliography]) {
    const start = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') {
      const { line, offset } = at(start);
      paths.push({ path: node.value.trim(), line: line ?? 1, offset: offset ?? 0 });
    } else if (!(isScalar(node) && node.value === null)) {
      problems.push({
        code: 'invalid-front-matter',
        message: '"bibliography" must be a file path or a list of file paths.',
        ...at(start),
      });
    }
  }

  const references = isMap(root) ? root.get('references', true) : undefined;
  let inline: BibEntry[] = [];
  if (isSeq(references)) {
    const read = readYamlItems(references, doc, lines, block.start, fileName);
    inline = [...read.entries];
    problems.push(...read.problems);
  } else if (references !== undefined && !(isScalar(references) && references.value === null)) {
    const start = (references as { range?: [number, number, number] }).range?.[0] ?? 0;
    problems.push({ code: 'invalid-front-matter', message: '"references" must be a list of CSL references.', ...at(start) });
  }
  problems.push(...yamlErrorProblems(doc, isSeq(references) ? references : undefined, lines, block.start, fileName));
  problems.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  return { paths, inline, problems };
}
