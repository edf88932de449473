import type { TreeFragment, Tree } from '@lezer/common';
import {
  Strikethrough,
  Table,
  TaskList,
  parser as commonMarkParser,
  type BlockContext,
  type Element,
  type InlineContext,
  type LeafBlock,
  type LeafBlockParser,
  type Line,
  type MarkdownConfig,
  type MarkdownParser,
} from '@lezer/markdown';
import { isCrossReference, isWordChar, parseBracketCitation, parseLatexCitation, scanKey } from './markdown-citations';

/**
 * The @lezer/markdown configuration Claim Lens reads articles with:
 * CommonMark + GFM, plus footnotes (`[^n]` and `[^n]: …`), Pandoc and LaTeX
 * citations, and, for MDX, `import`/`export` blocks, JSX tags and
 * `{expressions}`. Every extension scans a bounded distance forward, so a
 * parse stays linear in the length of the text.
 *
 * @lezer/markdown calls every inline parser at every character, so the
 * inline syntaxes added here share one parser that dispatches on the
 * character, and GFM's autolinks are found by that parser too (URLs only:
 * an e-mail address is not a source, and looking for one at every word
 * start was a tenth of the parse).
 */

/** Node names the extensions add to the tree. */
export const nodeNames = {
  footnoteDefinition: 'FootnoteDefinition',
  footnoteLabel: 'FootnoteLabel',
  footnoteReference: 'FootnoteReference',
  citation: 'Citation',
  inTextCitation: 'InTextCitation',
  latexCitation: 'LatexCitation',
  mdxEsm: 'MdxEsm',
  mdxExpression: 'MdxExpression',
  templateTag: 'TemplateTag',
  jsxTag: 'JsxTag',
  frontMatter: 'FrontMatter',
} as const;

const maxLabel = 100;
const maxBracket = 1000;
const maxTag = 2000;

/** The length of a `[^label]:` definition opener at `text[pos]`, or -1. */
function footnoteDefinitionOpener(text: string, pos: number): number {
  if (text.charCodeAt(pos) !== 91 || text.charCodeAt(pos + 1) !== 94) return -1;
  const end = footnoteLabelEnd(text, pos + 2, text.length);
  if (end < 0 || text.charCodeAt(end + 1) !== 58) return -1;
  return end + 2 - pos;
}

/** The index of the `]` closing a footnote label that starts at `from`, or -1. */
function footnoteLabelEnd(text: string, from: number, limit: number): number {
  const stop = Math.min(limit, from + maxLabel);
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 93) return i > from ? i : -1;
    if (c === 91 || c === 32 || c === 9 || c === 10 || c === 13) return -1;
  }
  return -1;
}

/** `[^label]: text`, with continuation paragraphs indented by four columns. */
const Footnotes: MarkdownConfig = {
  defineNodes: [
    {
      name: nodeNames.footnoteDefinition,
      block: true,
      composite(_cx: BlockContext, line: Line): boolean {
        if (line.next < 0) return true; // a blank line does not end the note by itself
        if (line.indent < line.baseIndent + 4) return false;
        line.moveBaseColumn(line.baseIndent + 4);
        return true;
      },
    },
    { name: nodeNames.footnoteLabel },
    { name: nodeNames.footnoteReference },
  ],
  parseBlock: [
    {
      name: nodeNames.footnoteDefinition,
      before: 'LinkReference',
      parse(cx, line) {
        const size = footnoteDefinitionOpener(line.text, line.pos);
        if (size < 0) return false;
        const from = cx.lineStart + line.pos;
        cx.startComposite(nodeNames.footnoteDefinition, line.pos);
        cx.addElement(cx.elt(nodeNames.footnoteLabel, from, from + size));
        line.moveBase(line.pos + size);
        return null;
      },
      endLeaf(_cx, line) {
        return footnoteDefinitionOpener(line.text, line.pos) >= 0;
      },
    },
  ],
};

/** `[^label]` at `pos`: a footnote reference. */
function footnoteReference(cx: InlineContext, pos: number): number {
  if (cx.char(pos + 1) !== 94) return -1;
  const end = footnoteLabelEnd(cx.text, pos + 2 - cx.offset, cx.text.length);
  if (end < 0) return -1;
  return cx.addElement(cx.elt(nodeNames.footnoteReference, pos, end + cx.offset + 1));
}

/** Pandoc `[@key]`, `[see @a, p. 3; -@b]` at `pos`. */
function bracketCitation(cx: InlineContext, pos: number): number {
  const close = bracketEnd(cx, pos + 1);
  if (close < 0) return -1;
  const after = cx.char(close + 1);
  if (after === 40 || after === 91) return -1; // `[…](url)`, `[…][ref]`: a link
  const from = pos + 1 - cx.offset;
  const to = close - cx.offset;
  let at = from;
  while (at < to && cx.text.charCodeAt(at) !== 64) at++;
  if (at >= to) return -1;
  if (!parseBracketCitation(cx.text, from, to)) return -1;
  return cx.addElement(cx.elt(nodeNames.citation, pos, close + 1));
}

/** In-text `@key`, optionally with a locator `@key [p. 3]`, at `pos`. */
function inTextCitation(cx: InlineContext, pos: number): number {
  const before = cx.char(pos - 1);
  if (isWordChar(before) || before === 46 || before === 47 || before === 58 || before === 64 || before === 92) return -1;
  const keyEnd = scanKey(cx.text, pos + 1 - cx.offset, cx.text.length);
  if (keyEnd < 0) return -1;
  if (isCrossReference(cx.text.slice(pos + 1 - cx.offset, keyEnd))) return -1;
  let end = keyEnd + cx.offset;
  if (cx.char(end) === 32 && cx.char(end + 1) === 91) {
    const close = bracketEnd(cx, end + 2);
    const after = close < 0 ? -1 : cx.char(close + 1);
    if (close > 0 && after !== 40 && after !== 91 && !cx.slice(end + 2, close).includes('@')) end = close + 1;
  }
  return cx.addElement(cx.elt(nodeNames.inTextCitation, pos, end));
}

/** LaTeX `\cite{…}` and its kin at `pos`. */
function latexCitation(cx: InlineContext, pos: number): number {
  const found = parseLatexCitation(cx.text, pos - cx.offset, cx.text.length);
  if (!found) return -1;
  return cx.addElement(cx.elt(nodeNames.latexCitation, pos, found.end + cx.offset));
}

/** An MDX `{expression}` at `pos`. */
function mdxExpression(cx: InlineContext, pos: number): number {
  const close = matchingBrace(cx, pos);
  if (close < 0) return -1;
  return cx.addElement(cx.elt(nodeNames.mdxExpression, pos, close + 1));
}

/**
 * A Hugo shortcode or a Liquid tag at `pos` (`{{< figure … >}}`, `{% include … %}`,
 * `{{ site.title }}`) closed on the same line: template markup, not prose.
 */
function templateTag(cx: InlineContext, pos: number): number {
  const second = cx.char(pos + 1);
  if (second !== 123 && second !== 37) return -1;
  const text = cx.text;
  const limit = Math.min(text.length, pos + 300 - cx.offset);
  for (let i = pos + 2 - cx.offset; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return -1;
    if (c !== 125) continue;
    if (second === 123 ? text.charCodeAt(i + 1) === 125 : text.charCodeAt(i - 1) === 37) {
      return cx.addElement(cx.elt(nodeNames.templateTag, pos, i + cx.offset + (second === 123 ? 2 : 1)));
    }
  }
  return -1;
}

/** A JSX tag at `pos`. */
function jsxTag(cx: InlineContext, pos: number): number {
  const end = jsxTagEnd(cx, pos);
  if (end < 0) return -1;
  return cx.addElement(cx.elt(nodeNames.jsxTag, pos, end));
}

function isAsciiWord(c: number): boolean {
  return isWordChar(c);
}

/**
 * A GFM extended autolink (`www.example.com/x`, `https://example.com`) at
 * `pos`: a domain with at least one dot, an optional port and path, less
 * trailing punctuation and an unbalanced `)`.
 */
function autolink(cx: InlineContext, next: number, pos: number): number {
  const text = cx.text;
  const rel = pos - cx.offset;
  if (rel > 0 && isAsciiWord(text.charCodeAt(rel - 1))) return -1;
  let i: number;
  if (next === 119) {
    if (!text.startsWith('www.', rel)) return -1;
    i = rel + 4;
  } else if (text.startsWith('http://', rel)) {
    i = rel + 7;
  } else if (text.startsWith('https://', rel)) {
    i = rel + 8;
  } else {
    return -1;
  }
  const end = urlEnd(text, i);
  if (end < 0) return -1;
  let stop = end;
  if (cx.hasOpenLink) {
    for (let k = rel; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 91 || c === 93) {
        stop = k;
        break;
      }
    }
  }
  return cx.addElement(cx.elt('URL', pos, stop + cx.offset));
}

function isDomainChar(c: number): boolean {
  return isAsciiWord(c) || c === 45;
}

/** Where a URL whose domain starts at `from` ends, or -1 when no valid domain stands there. */
function urlEnd(text: string, from: number): number {
  const n = text.length;
  let i = from;
  let dots = 0;
  let lastDot = -1;
  let prevDot = -1;
  while (i < n && isDomainChar(text.charCodeAt(i))) {
    i++;
    if (text.charCodeAt(i) === 46 && i + 1 < n && isDomainChar(text.charCodeAt(i + 1))) {
      dots++;
      prevDot = lastDot;
      lastDot = i;
      i++;
    }
  }
  if (i === from || dots === 0) return -1;
  // No underscore in the last two labels of the domain.
  for (let k = prevDot < 0 ? from : prevDot; k < i; k++) if (text.charCodeAt(k) === 95) return -1;
  if (text.charCodeAt(i) === 58) {
    let k = i + 1;
    while (k < n && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k > i + 1) i = k;
  }
  if (text.charCodeAt(i) === 47) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 60) break;
      i++;
    }
  }
  let balance: number | undefined;
  for (;;) {
    const c = text.charCodeAt(i - 1);
    if (c === 63 || c === 33 || c === 46 || c === 44 || c === 58 || c === 42 || c === 95 || c === 126) {
      i--;
    } else if (c === 41) {
      balance ??= countParens(text, from, i);
      if (balance >= 0) break;
      balance++;
      i--;
    } else if (c === 59) {
      const amp = text.lastIndexOf('&', i - 1);
      if (amp < from || !isEntityBody(text, amp + 1, i - 1)) break;
      i = amp;
    } else {
      break;
    }
  }
  return i;
}

/** `(` minus `)` in `text[from, to)`. */
function countParens(text: string, from: number, to: number): number {
  let balance = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 40) balance++;
    else if (c === 41) balance--;
  }
  return balance;
}

function isEntityBody(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!(isAsciiWord(c) || c === 35)) return false;
  }
  return true;
}

/** The one inline parser: dispatches on the character so the others cost nothing elsewhere. */
function inlineParser(mdx: boolean) {
  return (cx: InlineContext, next: number, pos: number): number => {
    switch (next) {
      case 91: {
        const end = footnoteReference(cx, pos);
        return end >= 0 ? end : bracketCitation(cx, pos);
      }
      case 64:
        return inTextCitation(cx, pos);
      case 92:
        return latexCitation(cx, pos);
      case 104:
      case 119:
        return autolink(cx, next, pos);
      case 123:
        return mdx ? mdxExpression(cx, pos) : templateTag(cx, pos);
      case 60:
        return mdx ? jsxTag(cx, pos) : -1;
      default:
        return -1;
    }
  };
}

/**
 * Characters where some inline parser of this configuration may start:
 * `\\ & \` < _ * [ ! ] ~ @ {`, a space (two before a line end are a hard
 * break), and `http://`, `https://` and `www.` at a word start (URLs).
 */
const inlineStarts = (() => {
  const set = new Uint8Array(128);
  for (const c of '\\&`<_*[!]~@{ hw') set[c.charCodeAt(0)] = 1;
  return set;
})();

/**
 * Skips a run of characters where no inline parser can start, so that
 * @lezer/markdown, which offers every character to every inline parser in
 * turn, offers the run's characters to none. Runs first; the tree is the
 * same as without it.
 */
function plainRun(cx: InlineContext, _next: number, pos: number): number {
  const text = cx.text;
  const end = text.length;
  const from = pos - cx.offset;
  let i = from;
  while (i < end && !mayStartInline(text, i)) i++;
  return i > from ? i + cx.offset : -1;
}

function mayStartInline(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 128 || !inlineStarts[c]) return false;
  if (c === 32) return text.charCodeAt(i + 1) === 32;
  if (c === 104 || c === 119) {
    if (i > 0 && isAsciiWord(text.charCodeAt(i - 1))) return false;
    return c === 119 ? text.startsWith('www.', i) : text.startsWith('http://', i) || text.startsWith('https://', i);
  }
  return true;
}

function inlineSyntax(mdx: boolean): MarkdownConfig {
  return {
    defineNodes: [nodeNames.citation, nodeNames.inTextCitation, nodeNames.latexCitation, nodeNames.mdxExpression, nodeNames.templateTag, nodeNames.jsxTag],
    parseInline: [
      { name: 'ClaimLensPlainRun', before: 'Escape', parse: plainRun },
      { name: 'ClaimLensInline', before: 'Escape', parse: inlineParser(mdx) },
    ],
  };
}

/**
 * The position of the `]` that closes a bracket whose content starts at
 * `from`, or -1 when another `[` comes first or none comes within reach.
 * Stopping at the next `[` keeps repeated scans from overlapping.
 */
function bracketEnd(cx: InlineContext, from: number): number {
  const stop = Math.min(cx.end, from + maxBracket);
  for (let i = from; i < stop; i++) {
    const c = cx.char(i);
    if (c === 93) return i;
    if (c === 91) return -1;
    if (c === 92) i++; // an escaped character
  }
  return -1;
}

/** Brace pairs of one inline section, found once with a stack: index of `{` → index of its `}`. */
const braceMatches = new WeakMap<InlineContext, Map<number, number>>();

function matchingBrace(cx: InlineContext, pos: number): number {
  let matches = braceMatches.get(cx);
  if (!matches) {
    matches = new Map();
    const stack: number[] = [];
    const text = cx.text;
    for (let i = text.indexOf('{'); i >= 0 && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 123) stack.push(i);
      else if (c === 125 && stack.length) matches.set(stack.pop() as number, i);
    }
    braceMatches.set(cx, matches);
  }
  const close = matches.get(pos - cx.offset);
  return close === undefined ? -1 : close + cx.offset;
}

/** The end of a JSX tag (`<Chart data={x} />`, `</Note>`, `<>`) starting at `pos`, or -1. */
function jsxTagEnd(cx: InlineContext, pos: number): number {
  let i = pos + 1;
  if (cx.char(i) === 47) i++;
  const first = cx.char(i);
  if (first === 62) return i + 1; // <> or </>
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return -1;
  const stop = Math.min(cx.end, pos + maxTag);
  for (; i < stop; i++) {
    const c = cx.char(i);
    if (c === 62) return i + 1;
    if (c === 60) return -1;
    if (c === 123) {
      const close = matchingBrace(cx, i);
      if (close < 0) return -1;
      i = close;
    } else if (c === 34 || c === 39) {
      let j = i + 1;
      while (j < stop && cx.char(j) !== c) j++;
      if (j >= stop) return -1;
      i = j;
    }
  }
  return -1;
}

/** The end of an `import`/`export` block: its lines up to a blank line outside brackets. */
function esmLineDepth(text: string, depth: number): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 40 || c === 91) depth++;
    else if ((c === 125 || c === 41 || c === 93) && depth > 0) depth--;
  }
  return depth;
}

function isEsmStart(line: Line): boolean {
  if (line.pos !== 0) return false;
  const t = line.text;
  return t.startsWith('import ') || t.startsWith('import{') || t.startsWith('export ') || t.startsWith('export{');
}

/** MDX: `import`/`export` blocks, JSX tags and `{expressions}`. */
const Mdx: MarkdownConfig = {
  defineNodes: [{ name: nodeNames.mdxEsm, block: true }],
  parseBlock: [
    {
      name: nodeNames.mdxEsm,
      before: 'LinkReference',
      parse(cx, line) {
        if (cx.depth !== 1 || !isEsmStart(line)) return false;
        const from = cx.lineStart;
        let depth = esmLineDepth(line.text, 0);
        while (cx.nextLine()) {
          if (line.next < 0 && depth === 0) break;
          depth = esmLineDepth(line.text, depth);
        }
        cx.addElement(cx.elt(nodeNames.mdxEsm, from, cx.prevLineEnd()));
        return true;
      },
    },
  ],
};

/**
 * The length of YAML (`---`) or TOML (`+++`) front matter at the very start
 * of `text` (through the end of its closing line), or 0 when there is none.
 */
export function frontMatterEnd(text: string): number {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fence = text.slice(start, start + 3);
  if (fence !== '---' && fence !== '+++') return 0;
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0 || text.slice(start + 3, lineEnd).trim() !== '') return 0;
  for (;;) {
    start = lineEnd + 1;
    if (start > text.length) return 0;
    lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(start, lineEnd).trimEnd();
    if (line === fence || (fence === '---' && line === '...')) {
      return text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    }
    if (lineEnd >= text.length) return 0;
  }
}

/**
 * Where the front matter of the text being parsed ends. The block parser
 * below reads it: `parse()` runs synchronously, so `parseTree` sets it just
 * for the duration of one call.
 */
let frontMatterTo = 0;

/** YAML or TOML front matter at the very start: one opaque block. */
const FrontMatter: MarkdownConfig = {
  defineNodes: [{ name: nodeNames.frontMatter, block: true }],
  parseBlock: [
    {
      name: nodeNames.frontMatter,
      before: 'LinkReference',
      parse(cx, line) {
        if (cx.lineStart !== 0 || frontMatterTo === 0) return false;
        while (cx.lineStart + line.text.length < frontMatterTo && cx.nextLine()) {
          // skip the lines of the front matter
        }
        cx.nextLine();
        cx.addElement(cx.elt(nodeNames.frontMatter, 0, frontMatterTo));
        return true;
      },
    },
  ],
};

/**
 * Inline parsing in @lezer/markdown is quadratic in the number of links and
 * emphasis markers of one paragraph (each closing `]` or `*` scans back over
 * everything before it). Articles converted without blank lines can be one
 * paragraph of a hundred kilobytes, so a paragraph longer than this is
 * parsed inline in pieces, cut at line ends outside brackets.
 */
const inlineChunk = 2000;
/** Brackets open at once past which a paragraph is not prose with links but a bracket storm. */
const hopelessDepth = 8;

/** Where the inline piece of `content` that starts at `from` should end. */
function chunkEnd(content: string, from: number): number {
  const n = content.length;
  if (n - from <= inlineChunk * 1.5) return n;
  let depth = 0;
  for (let i = from; i < n; i++) {
    const c = content.charCodeAt(i);
    // No white space at all, or brackets that never close (`[a](` repeated, where each `](` scans to the end): cut anywhere.
    if (i - from >= inlineChunk * (depth >= hopelessDepth ? 1 : 4)) return i;
    if (c === 92) {
      i++;
    } else if (c === 91 || c === 40) {
      depth++;
    } else if (c === 93 || c === 41) {
      if (depth > 0) depth--;
    } else if (c === 10 || c === 32) {
      const size = i - from;
      // Prefer a line end outside brackets; in one endless line take a space outside brackets; in the end, any space.
      if (size >= inlineChunk && c === 10 && depth === 0) return i + 1;
      if (size >= inlineChunk * 2 && depth === 0) return i + 1;
      if (size >= inlineChunk * 3) return i + 1;
    }
  }
  return n;
}

const longParagraph: LeafBlockParser = {
  nextLine: () => false,
  finish(cx: BlockContext, leaf: LeafBlock): boolean {
    const content = leaf.content;
    if (content.length <= inlineChunk * 1.5) return false;
    const children: Element[] = [];
    for (let from = 0; from < content.length; ) {
      const to = chunkEnd(content, from);
      for (const e of cx.parser.parseInline(content.slice(from, to), leaf.start + from)) children.push(e);
      from = to;
    }
    cx.addLeafElement(leaf, cx.elt('Paragraph', leaf.start, leaf.start + content.length, children));
    return true;
  },
};

const LongParagraphs: MarkdownConfig = {
  parseBlock: [{ name: 'LongParagraph', leaf: () => longParagraph }],
};

/**
 * How deep block quotes, lists and notes may nest. Deeper markers are read
 * as the text of a paragraph: @lezer/markdown takes time quadratic in the
 * depth of nesting on one line, and nothing real nests this deep.
 */
const maxBlockDepth = 64;

const NestingLimit: MarkdownConfig = {
  parseBlock: [
    {
      name: 'NestingLimit',
      before: 'IndentedCode',
      parse(cx, line) {
        if (cx.depth < maxBlockDepth || line.pos >= line.text.length) return false;
        const from = cx.lineStart + line.pos;
        const children = cx.parser.parseInline(line.text.slice(line.pos), from);
        cx.nextLine();
        cx.addElement(cx.elt('Paragraph', from, cx.prevLineEnd(), children));
        return true;
      },
    },
  ],
};

const gfm = [Table, TaskList, Strikethrough];
const markdownParser: MarkdownParser = commonMarkParser.configure([gfm, FrontMatter, Footnotes, inlineSyntax(false), LongParagraphs, NestingLimit]);
const mdxParser: MarkdownParser = commonMarkParser.configure([gfm, FrontMatter, Footnotes, inlineSyntax(true), Mdx, LongParagraphs, NestingLimit]);

/** The parser for Markdown or MDX. */
export function markdownParserFor(mdx: boolean): MarkdownParser {
  return mdx ? mdxParser : markdownParser;
}

/**
 * Parses Markdown (or MDX) into a @lezer/markdown tree. Pass the fragments
 * of an earlier tree (`TreeFragment.applyChanges`) to re-parse only what an
 * edit touched.
 */
export function parseTree(text: string, mdx: boolean, fragments?: readonly TreeFragment[]): Tree {
  const end = frontMatterEnd(text);
  // A fence added or removed far from the start would leave a stale first block in the reused fragments.
  const reuse = fragments && fragments.length && frontMatterChanged(fragments, end) ? fragments.filter((f) => f.from > 0) : fragments;
  frontMatterTo = end;
  try {
    return markdownParserFor(mdx).parse(text, reuse);
  } finally {
    frontMatterTo = 0;
  }
}

function frontMatterChanged(fragments: readonly TreeFragment[], end: number): boolean {
  const first = fragments[0];
  if (first.from !== 0) return false;
  const node = first.tree.topNode.firstChild;
  const old = node && node.name === nodeNames.frontMatter ? node.to - first.offset : 0;
  return old !== end;
}
