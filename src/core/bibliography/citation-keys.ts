/**
 * Citation keys in an article's text: the key under a position (for a
 * hover or Go to Definition), and where a key is being typed (for
 * completion).
 */
import type { SyntaxNode } from '@lezer/common';
import { parseTree } from '../formats/markdown-syntax';
import type { Analysis, Format, Range, Source } from '../types';

/** A citation key standing in the text, and the citation it belongs to. */
export interface CitedKeyAt {
  readonly key: string;
  /** The key itself, without `@`: 0-based offsets into the text. */
  readonly range: Range;
  /** The citation source of that key (its range is the whole `[@…]` or `\cite{…}`). */
  readonly source: Source;
}

/** Characters of a Pandoc key, after its first one (`[\w:.#$%&\-+?<>~/]`). */
const keyCharacter = /[\w:.#$%&\-+?<>~/]/u;

function isKeyCharacter(c: string | undefined): boolean {
  return c !== undefined && keyCharacter.test(c);
}

/**
 * The citation key at `offset` (on the key or its `@`), found among the
 * citation sources of `analysis`: `[@key]`, `@key`, `[-@key, p. 3]`,
 * `@{key}` and the keys of `\cite{a,b}`. Undefined elsewhere.
 */
export function citedKeyAt(text: string, analysis: Pick<Analysis, 'sources'>, offset: number): CitedKeyAt | undefined {
  for (const source of analysis.sources) {
    if (source.kind !== 'citation' || source.key === undefined) continue;
    if (offset < source.range.start || offset > source.range.end) continue;
    const raw = text.slice(source.range.start, source.range.end);
    const isLatex = raw.startsWith('\\');
    for (let at = raw.indexOf(source.key); at >= 0; at = raw.indexOf(source.key, at + 1)) {
      const before = raw[at - 1];
      const after = raw[at + source.key.length];
      const opens = isLatex ? before === '{' || before === ',' || before === ' ' : before === '@' || (before === '{' && raw[at - 2] === '@');
      const closes = isLatex ? after === '}' || after === ',' || after === ' ' : before === '{' ? after === '}' : !isKeyCharacter(after) || after === '.' || after === ':';
      if (!opens || !closes) continue;
      const start = source.range.start + at;
      const end = start + source.key.length;
      const from = isLatex ? start : start - (before === '{' ? 2 : 1);
      if (offset >= from && offset <= end) return { key: source.key, range: { start, end }, source };
    }
  }
  return undefined;
}

/** Where a citation key is being typed. */
export interface KeyCompletion {
  /** What of the key is typed: from after the `@` to the end of the key characters around `offset`. */
  readonly range: Range;
  /** The key characters typed before `offset`. */
  readonly prefix: string;
  /** Whether the `@` stands in a `[…]` bracket (`[@`, `[see @`, `; @`). */
  readonly inBracket: boolean;
}

/** Syntax in which an `@` is not a citation. */
const notProse = new Set([
  'InlineCode',
  'CodeText',
  'CodeMark',
  'FencedCode',
  'CodeBlock',
  'CodeInfo',
  'FrontMatter',
  'HTMLBlock',
  'HTMLTag',
  'CommentBlock',
  'Comment',
  'ProcessingInstructionBlock',
  'URL',
  'Autolink',
  'LinkReference',
  'MdxEsm',
  'MdxExpression',
  'JsxTag',
]);

function inProse(node: SyntaxNode | null): boolean {
  for (let n = node; n; n = n.parent) if (notProse.has(n.name)) return false;
  return true;
}

/**
 * Whether a citation key is being typed at `offset` in a Markdown or MDX
 * article: right after an `@` that starts a key (at the start of a line,
 * after white space, `[`, `;`, `(` or `-`), with key characters between.
 * Not in code spans and blocks, front matter, HTML, URLs, or an e-mail
 * address (`name@host`). Parses the text: call it on a completion request,
 * not on every keystroke.
 */
export function keyCompletionAt(text: string, offset: number, format: Format): KeyCompletion | undefined {
  if (format !== 'markdown' && format !== 'mdx') return undefined;
  let start = offset;
  while (start > 0 && start > offset - 200 && isKeyCharacter(text[start - 1])) start--;
  const at = start - 1;
  if (text[at] !== '@') return undefined;
  const before = at > 0 ? text[at - 1] : '\n';
  if (!/[\s[;(-]/u.test(before)) return undefined;
  let end = offset;
  while (end < text.length && end < offset + 200 && isKeyCharacter(text[end])) end++;
  const tree = parseTree(text, format === 'mdx');
  if (!inProse(tree.resolveInner(at, 1)) || !inProse(tree.resolveInner(at, -1))) return undefined;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const open = text.lastIndexOf('[', at);
  const inBracket = open >= lineStart && text.lastIndexOf(']', at) < open;
  return { range: { start, end }, prefix: text.slice(start, offset), inBracket };
}
