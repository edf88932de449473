import type { SyntaxNode, Tree, TreeCursor, TreeFragment } from '@lezer/common';
import type { Problem } from '../types';
import { blockTags, decodeEntity, entityEnd, findClosingTag, hiddenContentTags, indexWithin, readTag, type HtmlTag } from './markdown-html';
import { InlineReader, InlineState, cleanLinkValue, normalizeLabel, type LinkTarget } from './markdown-inline';
import { frontMatterEnd, nodeNames, parseTree } from './markdown-syntax';
import { referenceHeading } from './reference-headings';
import { LineBreaks, ProseWriter, plainBlock } from './markdown-writer';
import type { BlockKind, FootnoteDefinition, ProseBlock, ProseDocument } from './prose';

/** Options of `readMarkdown`. */
export interface MarkdownOptions {
  /** Read MDX: JSX tags, `{expressions}` and `import`/`export` lines are not prose. */
  readonly mdx: boolean;
}

/**
 * Parses Markdown (or MDX) into a @lezer/markdown syntax tree, with GFM and
 * the footnote and citation syntaxes Claim Lens reads; front matter is one
 * opaque `FrontMatter` node. An editor that re-parses after each edit passes the
 * fragments of the previous tree (`TreeFragment.addTree`, then
 * `TreeFragment.applyChanges`) so only the edited region is parsed again.
 */
export function parseMarkdownTree(text: string, options: MarkdownOptions, fragments?: readonly TreeFragment[]): Tree {
  return parseTree(text, options.mdx, fragments);
}

/**
 * Reads prose blocks out of a tree that `parseMarkdownTree` made for this
 * very `text`. Offsets in the result are UTF-16 indices into `text`.
 */
export function readMarkdownTree(text: string, tree: Tree, options: MarkdownOptions): ProseDocument {
  return new MarkdownReader(text, options.mdx).read(tree);
}

/**
 * Reads Markdown (CommonMark + GFM, footnotes, Pandoc and LaTeX citations,
 * raw HTML; MDX when `options.mdx`) into prose blocks: paragraphs, list
 * items, table cells, block quotes and headings, with links, footnote
 * references and citations as marks. Code, front matter, link and footnote
 * definitions, and the entries of a References section are not prose;
 * footnote definitions and reference entries are returned on their own.
 */
export function readMarkdown(text: string, options: MarkdownOptions): ProseDocument {
  return readMarkdownTree(text, parseMarkdownTree(text, options), options);
}

/** Where a block stands: what kind its paragraphs are and the group they share. */
interface Container {
  readonly kind: BlockKind;
  /** Shared by every block inside (a list); undefined when each paragraph is a group of its own. */
  readonly group?: number;
}

const topLevel: Container = { kind: 'paragraph' };

class MarkdownReader {
  private readonly blocks: ProseBlock[] = [];
  private readonly footnotes = new Map<string, FootnoteDefinition>();
  private readonly references: FootnoteDefinition[] = [];
  private readonly problems: Problem[] = [];
  private readonly definitions = new Map<string, LinkTarget>();
  private readonly footnoteLabels = new Set<string>();
  private readonly footnoteNodes: SyntaxNode[] = [];
  private readonly inline: InlineReader;
  private readonly breaks: LineBreaks;
  private nextGroup = 0;
  /** Level of the References heading whose entries are being read; 0 outside such a section. */
  private referenceLevel = 0;

  constructor(
    private readonly text: string,
    private readonly mdx: boolean,
  ) {
    this.breaks = new LineBreaks(text);
    this.inline = new InlineReader({
      text,
      mdx,
      definitions: this.definitions,
      footnoteLabels: this.footnoteLabels,
      problems: this.problems,
    });
  }

  /** A writer for one block. */
  writer(): ProseWriter {
    return new ProseWriter(this.text, this.breaks);
  }

  read(tree: Tree): ProseDocument {
    // The document's blocks, walked once for both passes: in a long article the walk costs more than either pass.
    const top = childrenOf(tree.topNode);
    this.collectDefinitions(top);
    for (const node of this.footnoteNodes) this.readFootnote(node);
    this.readBlocks(top, topLevel, true);
    const frontMatter = frontMatterEnd(this.text);
    this.problems.sort((a, b) => a.range.start - b.range.start);
    return {
      blocks: this.blocks,
      footnotes: this.footnotes,
      references: this.references,
      problems: this.problems,
      ...(frontMatter ? { frontMatter: { start: 0, end: frontMatter } } : {}),
    };
  }

  /** First pass: link reference definitions and footnote definitions, wherever they stand among `nodes` and inside them. */
  private collectDefinitions(nodes: readonly SyntaxNode[]): void {
    for (const n of nodes) {
      switch (n.name) {
        case 'Blockquote':
        case 'BulletList':
        case 'OrderedList':
        case 'ListItem':
          this.collectDefinitions(childrenOf(n));
          break;
        case 'LinkReference':
          this.linkReference(n);
          break;
        case nodeNames.footnoteDefinition:
          this.footnoteDefinition(n);
          this.collectDefinitions(childrenOf(n));
          break;
      }
    }
  }

  private linkReference(node: SyntaxNode): void {
    let label: SyntaxNode | null = null;
    let url: SyntaxNode | null = null;
    let title: SyntaxNode | null = null;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === 'LinkLabel') label = c;
      else if (c.name === 'URL') url = c;
      else if (c.name === 'LinkTitle') title = c;
    }
    if (!label) return;
    const key = normalizeLabel(this.text.slice(label.from + 1, label.to - 1));
    if (!key || this.definitions.has(key)) return;
    this.definitions.set(key, {
      url: url ? cleanLinkValue(this.text.slice(url.from, url.to), false) : '',
      ...(title ? { title: cleanLinkValue(this.text.slice(title.from, title.to), true) } : {}),
    });
  }

  private footnoteDefinition(node: SyntaxNode): void {
    const mark = node.firstChild; // the `[^label]:` opener
    if (!mark || mark.name !== nodeNames.footnoteLabel) return;
    const label = this.text.slice(mark.from + 2, mark.to - 2);
    if (this.footnoteLabels.has(label)) {
      this.problems.push({
        code: 'duplicate-footnote',
        message: `Footnote [^${label}] is defined more than once; the first definition is used.`,
        range: { start: mark.from, end: mark.to },
      });
      return;
    }
    this.footnoteLabels.add(label);
    this.footnoteNodes.push(node);
  }

  private readFootnote(node: SyntaxNode): void {
    const mark = node.firstChild as SyntaxNode;
    const label = this.text.slice(mark.from + 2, mark.to - 2);
    const w = this.writer();
    this.readInto(node, w);
    this.footnotes.set(label, this.definition(label, w, node.from, trimEnd(this.text, node.from, node.to)));
  }

  /** Writes every paragraph under `node` into one writer, a line break between two. */
  private readInto(node: SyntaxNode, w: ProseWriter): void {
    for (const c of childrenOf(node)) {
      switch (c.name) {
        case 'Paragraph':
        case 'Task':
          w.newline(c.from, c.from);
          this.inline.read(c, c.from, c.to, w, new InlineState());
          break;
        case 'Blockquote':
        case 'BulletList':
        case 'OrderedList':
        case 'ListItem':
          this.readInto(c, w);
          break;
      }
    }
  }

  private definition(label: string, w: ProseWriter, start: number, end: number): FootnoteDefinition {
    const block = w.build('reference', 0);
    const urls: string[] = [];
    for (const m of block?.marks ?? []) if (m.kind === 'link' && m.url && !urls.includes(m.url)) urls.push(m.url);
    return { label, text: block?.text ?? '', urls, raw: { start, end } };
  }

  /** Second pass: the prose blocks among `nodes`, the children of one container. */
  private readBlocks(nodes: readonly SyntaxNode[], where: Container, top: boolean): void {
    for (const c of nodes) {
      const name = c.name;
      if (top && this.referenceLevel && !isHeading(name)) {
        this.referenceEntries(c);
        continue;
      }
      switch (name) {
        case 'Paragraph':
        case 'Task':
          this.paragraph(c, where, top);
          break;
        case 'ATXHeading1':
        case 'ATXHeading2':
        case 'ATXHeading3':
        case 'ATXHeading4':
        case 'ATXHeading5':
        case 'ATXHeading6':
        case 'SetextHeading1':
        case 'SetextHeading2':
          this.heading(c, top);
          break;
        case 'Blockquote':
          this.readBlocks(childrenOf(c), where.kind === 'list-item' ? where : { kind: 'blockquote' }, false);
          break;
        case 'BulletList':
        case 'OrderedList':
          this.readBlocks(childrenOf(c), where.kind === 'list-item' ? where : { kind: 'list-item', group: this.nextGroup++ }, false);
          break;
        case 'ListItem':
          this.readBlocks(childrenOf(c), where, false);
          break;
        case 'Table':
          this.table(c);
          break;
        case 'HTMLBlock':
          this.htmlBlock(c, where);
          break;
        // Not prose: code, rules, comments, definitions, MDX `import`/`export`.
      }
    }
  }

  private paragraph(node: SyntaxNode, where: Container, top: boolean): void {
    const w = this.writer();
    this.inline.read(node, node.from, node.to, w, new InlineState());
    const block = w.build(where.kind, where.group ?? this.nextGroup);
    if (!block) return;
    if (top && isReferencePseudoHeading(node, block)) {
      this.referenceLevel = 7;
      return;
    }
    if (where.group === undefined) this.nextGroup++;
    this.blocks.push(block);
  }

  private heading(node: SyntaxNode, top: boolean): void {
    const name = node.name;
    const level = Number(name.charAt(name.length - 1));
    const w = this.writer();
    this.inline.read(node, node.from, node.to, w, new InlineState());
    const block = w.build('heading', this.nextGroup++);
    if (top && this.referenceLevel && level <= this.referenceLevel) this.referenceLevel = 0;
    if (!block) return;
    this.blocks.push(block);
    if (top && referenceHeading().test(block.text.trim())) this.referenceLevel = level;
  }

  private table(node: SyntaxNode): void {
    const group = this.nextGroup++;
    // One cursor for the whole table: most of its nodes are cells, and a node object per cell adds up in long tables.
    const cur = node.cursor();
    if (!cur.firstChild()) return;
    do {
      if ((cur.name !== 'TableHeader' && cur.name !== 'TableRow') || !cur.firstChild()) continue;
      do {
        if (!isCell(cur)) continue;
        const block = this.tableCell(cur, group);
        if (block) this.blocks.push(block);
      } while (cur.nextSibling());
      cur.parent();
    } while (cur.nextSibling());
  }

  /** One cell; a cell without markup (most are: a number, a name) is its own prose, trimmed. */
  private tableCell(cur: TreeCursor, group: number): ProseBlock | null {
    const { from, to } = cur;
    if (!cur.firstChild()) return plainBlock(this.text, from, to, 'table-cell', group);
    cur.parent();
    const w = this.writer();
    this.inline.read(cur.node, from, to, w, new InlineState());
    return w.build('table-cell', group);
  }

  /** The entries of a References section: one per paragraph or list item, not prose. */
  private referenceEntries(node: SyntaxNode): void {
    switch (node.name) {
      case 'Paragraph':
      case 'Blockquote':
        this.referenceEntry(node, undefined);
        break;
      case 'BulletList':
      case 'OrderedList':
        for (const item of childrenOf(node)) {
          if (item.name !== 'ListItem') continue;
          const mark = item.getChild('ListMark');
          const number = mark && node.name === 'OrderedList' ? String(parseInt(this.text.slice(mark.from, mark.to), 10)) : undefined;
          this.referenceEntry(item, number);
        }
        break;
    }
  }

  private referenceEntry(node: SyntaxNode, number: string | undefined): void {
    const w = this.writer();
    if (node.name === 'Paragraph') this.inline.read(node, node.from, node.to, w, new InlineState());
    else this.readInto(node, w);
    const block = w.build('reference', 0);
    if (!block) return;
    const lead = block.marks.find((m) => m.kind === 'numbered' && m.start === 0);
    const label = number ?? lead?.label ?? String(this.references.length + 1);
    this.references.push(this.definition(label, w, node.from, trimEnd(this.text, node.from, node.to)));
  }

  /**
   * A block of raw HTML: tags away, text kept; block-level elements (`<p>`,
   * `<li>`, `<td>`, `<h2>`…) start blocks of their own.
   */
  private htmlBlock(node: SyntaxNode, where: Container): void {
    new HtmlBlockReader(this, node.from, node.to, where).read();
  }

  /** @internal for HtmlBlockReader */
  get source(): string {
    return this.text;
  }

  /** @internal for HtmlBlockReader */
  get isMdx(): boolean {
    return this.mdx;
  }

  /** @internal for HtmlBlockReader */
  get inlineReader(): InlineReader {
    return this.inline;
  }

  /** @internal for HtmlBlockReader */
  newGroup(): number {
    return this.nextGroup++;
  }

  /** @internal for HtmlBlockReader */
  push(block: ProseBlock): void {
    this.blocks.push(block);
  }
}

const maxHtmlDepth = 64;
const headingTags: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

interface OpenElement {
  readonly name: string;
  readonly group?: number;
}

/** Reads one HTML block into prose blocks, one per block-level element. */
class HtmlBlockReader {
  private readonly text: string;
  private readonly stack: OpenElement[] = [];
  private w: ProseWriter;
  private st = new InlineState();

  constructor(
    private readonly reader: MarkdownReader,
    private readonly from: number,
    private readonly to: number,
    private readonly where: Container,
  ) {
    this.text = reader.source;
    this.w = reader.writer();
  }

  read(): void {
    const { text, to } = this;
    const mdx = this.reader.isMdx;
    let pos = this.from;
    let textStart = pos;
    while (pos < to) {
      const c = text.charCodeAt(pos);
      if (c === 60) {
        if (text.startsWith('<!--', pos)) {
          this.plain(textStart, pos);
          const close = indexWithin(text, '-->', pos + 4, to);
          pos = textStart = close < 0 ? to : close + 3;
          continue;
        }
        const next = text.charCodeAt(pos + 1);
        if (next === 33 || next === 63) {
          this.plain(textStart, pos);
          const close = indexWithin(text, '>', pos, to);
          pos = textStart = close < 0 ? to : close + 1;
          continue;
        }
        const tag = readTag(text, pos, to, mdx);
        if (!tag) {
          pos++;
          continue;
        }
        this.plain(textStart, pos);
        pos = textStart = this.tag(tag);
        continue;
      }
      if (c === 38) {
        const end = entityEnd(text, pos, to);
        const decoded = end > 0 ? decodeEntity(text.slice(pos, end)) : undefined;
        if (decoded !== undefined) {
          this.plain(textStart, pos);
          if (!this.st.sup) this.w.replaced(pos, end, decoded);
          pos = textStart = end;
          continue;
        }
      } else if (c === 123 && mdx) {
        const close = matchingBraceIn(text, pos, to);
        if (close > 0) {
          this.plain(textStart, pos);
          if (!text.startsWith('{/*', pos) && !this.st.sup) this.w.replaced(pos, close + 1, '\uFFFC');
          pos = textStart = close + 1;
          continue;
        }
      }
      pos++;
    }
    this.plain(textStart, to);
    this.finishBlock();
  }

  private plain(from: number, to: number): void {
    if (!this.st.sup) this.w.text(from, to);
  }

  private tag(tag: HtmlTag): number {
    const name = tag.name;
    if (hiddenContentTags.has(name) && !tag.closing && !tag.selfClosing) {
      const close = findClosingTag(this.text, name, tag.end, this.to);
      return close ? close.end : this.to;
    }
    if (!blockTags.has(name)) return this.reader.inlineReader.tagAction(tag, this.to, this.w, this.st);
    this.finishBlock();
    const stack = this.stack;
    if (tag.closing) {
      let at = stack.length - 1;
      while (at >= 0 && stack[at].name !== name) at--;
      if (at >= 0) stack.length = at;
    } else if (!tag.selfClosing && name !== 'hr') {
      // Implied end tags: a block ends an open `<p>`; an item ends the item before it.
      if (stack.length && stack[stack.length - 1].name === 'p') stack.pop();
      const top = stack.length ? stack[stack.length - 1].name : '';
      if ((name === 'li' && top === 'li') || ((name === 'td' || name === 'th') && (top === 'td' || top === 'th'))) stack.pop();
      if (name === 'tr') while (stack.length && (stack[stack.length - 1].name === 'td' || stack[stack.length - 1].name === 'th')) stack.pop();
      // Unclosed elements pile up in broken HTML; past this depth they are not tracked, so each tag costs the same.
      if (stack.length < maxHtmlDepth) {
        const shared = name === 'table' || name === 'ul' || name === 'ol';
        const inList = stack.some((e) => e.group !== undefined && (e.name === 'ul' || e.name === 'ol'));
        stack.push(shared && !inList ? { name, group: this.where.group ?? this.reader.newGroup() } : { name });
      }
    }
    return tag.end;
  }

  /** Ends the block being written, if it holds anything, and starts the next. */
  private finishBlock(): void {
    if (this.w.length === 0 && !this.w.hasMarks) {
      this.w.dropSpace();
      return; // nothing written yet: the same writer serves the next block
    }
    const { kind, group } = this.current();
    const block = this.w.build(kind, 0);
    if (block) this.reader.push({ ...block, group: group ?? this.reader.newGroup() });
    this.w = this.reader.writer();
    this.st = new InlineState();
  }

  private current(): Container {
    let kind: BlockKind | undefined;
    let group: number | undefined;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const e = this.stack[i];
      if (!kind) {
        if (e.name === 'li') kind = 'list-item';
        else if (e.name === 'td' || e.name === 'th') kind = 'table-cell';
        else if (headingTags.has(e.name)) kind = 'heading';
        else if (e.name === 'blockquote') kind = 'blockquote';
      }
      if (group === undefined && e.group !== undefined) group = e.group;
    }
    const resolved = kind ?? this.where.kind;
    const shares = resolved === 'list-item' || resolved === 'table-cell';
    return { kind: resolved, ...(shares ? { group: group ?? this.where.group } : this.where.group !== undefined ? { group: this.where.group } : {}) };
  }
}

function matchingBraceIn(text: string, pos: number, to: number): number {
  let depth = 0;
  for (let i = pos; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i;
  }
  return -1;
}

/** The children of a node, found with one cursor (cheaper than walking `nextSibling`). */
function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const cur = node.cursor();
  if (cur.firstChild()) {
    do out.push(cur.node);
    while (cur.nextSibling());
  }
  return out;
}

function isCell(cur: TreeCursor): boolean {
  return cur.name === 'TableCell';
}

function isHeading(name: string): boolean {
  return name.startsWith('ATXHeading') || name.startsWith('SetextHeading');
}

/** A paragraph that is nothing but a bold or italic "Notes" / "References": a heading in all but name. */
function isReferencePseudoHeading(node: SyntaxNode, block: ProseBlock): boolean {
  const first = node.firstChild;
  if (!first || first.nextSibling || (first.name !== 'StrongEmphasis' && first.name !== 'Emphasis')) return false;
  return referenceHeading().test(block.text.trim());
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /\s/u.test(text[to - 1])) to--;
  return to;
}
