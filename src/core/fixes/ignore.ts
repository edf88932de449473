import type { SyntaxNode, Tree } from '@lezer/common';
import { modify as modifyJson, parseTree as parseJsonTree, type ParseError } from '../jsonc';
import { Document, isSeq, parseDocument } from 'yaml';
import { configSyntaxOf } from '../config';
import { parseMarkdownTree } from '../formats/markdown';
import { ignoredClaimOf, normalizeEntryPath, type IgnoredClaim, type IgnoreEntry } from '../ignored-claims';
import type { Claim, Format } from '../types';
import { editEmbeddedHtml } from './embedded-edits';
import { lineStartOf } from './placement';
import { applyTextEdits, insertAt, lineBreakOf, type TextEdit } from './text-edit';

/**
 * How a claim is ignored: a comment inserted in the article, or (plain
 * text, where a comment would show) an entry for the `ignore` list of the
 * article's nearest `.claimlensrc` file.
 */
export type IgnoreFix =
  | { readonly kind: 'edit'; readonly edits: readonly TextEdit[] }
  | { readonly kind: 'config'; readonly claim: IgnoredClaim };

/** The comment that makes Claim Lens ignore the next claim after it. */
export const ignoreComment = '<!-- claimlens-ignore -->';
/** The comment that makes Claim Lens skip the next non-blank line (still read; the fix no longer writes it). */
export const ignoreNextLineComment = '<!-- claimlens-ignore-next-line -->';

/**
 * Ignores `claim` and no other claim, without changing how the article
 * renders. Markdown and HTML get `<!-- claimlens-ignore -->` just before the
 * claim; MDX, where HTML comments are not allowed, the same words in a
 * `{/* … *\/}` expression. Where a Markdown line would begin with the
 * comment (which would make the line raw HTML), it goes at the end of the
 * line above when that line is the claim's paragraph or other prose, or
 * on a line of its own above the paragraph or list where a line break is
 * harmless. Plain text gets an entry for the configuration file:
 * `claims` (the article's claims) tells it apart from its look-alikes.
 */
export function ignoreClaim(text: string, claim: Claim, format: Format, claims: readonly Claim[] = [claim]): IgnoreFix {
  switch (format) {
    case 'text':
      return { kind: 'config', claim: ignoredClaimOf(claims, claim) };
    case 'html':
      return { kind: 'edit', edits: [insertAt(htmlPlace(text, claim.range.start), ignoreComment)] };
    case 'markdown':
    case 'mdx':
      return { kind: 'edit', edits: [markdownEdit(text, claim.range.start, format === 'mdx')] };
    case 'wordpress':
      // The comment goes into the post's HTML, escaped as the file needs.
      return {
        kind: 'edit',
        edits: editEmbeddedHtml(text, claim, (html, inner) => {
          const fix = ignoreClaim(html, inner, 'html');
          return fix.kind === 'edit' ? [...fix.edits] : [];
        }),
      };
  }
}

/** Before the claim, or before a `<title>` or `<textarea>` holding it, whose text shows a comment as it is. */
function htmlPlace(text: string, at: number): number {
  const head = text.slice(Math.max(0, at - 4096), at);
  const m = /<(title|textarea)\b[^>]*>[^<]*$/iu.exec(head);
  return m ? at - (head.length - m.index) : at;
}

/** Blockquote markers, list markers and indentation: what may stand before a line's content. */
const containerPrefix = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])(?:[ \t]+|$))*$/u;
const quotePrefix = /^[ \t]*(?:>[ \t]?)*$/u;

function markdownEdit(text: string, at: number, mdx: boolean): TextEdit {
  const comment = mdx ? `{/* ${ignoreComment} */}` : ignoreComment;
  const lineStart = lineStartOf(text, at);
  const before = text.slice(lineStart, at);
  // Mid-line, an inline comment changes nothing the reader sees.
  if (!containerPrefix.test(before)) return insertAt(at, comment);
  const tree = parseMarkdownTree(text, { mdx });
  const block = leafBlockAt(tree, at, 1);
  // Inside raw HTML, lines are not read for new blocks.
  if (!block || block.name === 'HTMLBlock') return insertAt(at, comment);
  if (block.name === 'TableRow' || block.name === 'TableHeader') return insertAt(at, `| ${comment}`);
  if (lineStart > lineStartOf(text, block.from)) {
    // A line inside a paragraph: the comment ends the line above, which is the same paragraph.
    const end = lineContentEnd(text, lineStart - 1);
    return insertAt(isProseEnd(tree, text, end) ? end : at, comment);
  }
  // The first line of a paragraph in the document or a blockquote: a comment line above it.
  if (quotePrefix.test(before)) return insertAt(lineStart, `${before}${comment}${lineBreakOf(text)}`);
  // The first line of a list item: the end of the prose line above, or a line above the list it opens.
  const above = previousContentLine(text, lineStart);
  if (above >= 0) {
    const end = lineContentEnd(text, above);
    if (isProseEnd(tree, text, end)) return insertAt(end, comment);
  }
  if (opensItsLists(tree, lineStart, at)) {
    const prefix = /^[ \t]*(?:>[ \t]?)*/u.exec(before)?.[0] ?? '';
    return insertAt(lineStart, `${prefix}${comment}${lineBreakOf(text)}`);
  }
  return insertAt(at, comment);
}

const leafBlocks = new Set([
  'Paragraph', 'HTMLBlock', 'CommentBlock', 'TableRow', 'TableHeader',
  'ATXHeading1', 'ATXHeading2', 'ATXHeading3', 'ATXHeading4', 'ATXHeading5', 'ATXHeading6', 'SetextHeading1', 'SetextHeading2',
]);
/** Inline constructs whose inside shows a comment as it is, or breaks with one. */
const opaqueInline = new Set(['InlineCode', 'URL', 'Autolink', 'HTMLTag', 'Comment', 'LinkLabel', 'LinkTitle']);

function leafBlockAt(tree: Tree, pos: number, side: -1 | 1): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = tree.resolveInner(pos, side); n; n = n.parent) if (leafBlocks.has(n.name)) return n;
  return undefined;
}

/**
 * Whether a comment can end the line whose content ends at `end`: the line
 * is text of a paragraph, heading, table row or raw HTML, and `end` is not
 * inside a code span, a URL or a tag, nor before a heading's closing `#`s or
 * a setext underline.
 */
function isProseEnd(tree: Tree, text: string, end: number): boolean {
  const block = leafBlockAt(tree, end, -1);
  if (!block || block.name === 'TableHeader' || block.name === 'TableRow') return false;
  for (let n: SyntaxNode | null = tree.resolveInner(end, -1); n; n = n.parent) {
    if (n.name === 'HeaderMark' && n.to === end) return false;
    if (opaqueInline.has(n.name) && n.from < end && end < n.to) return false;
  }
  return end > 0 && text[end - 1] !== '\\';
}

/** Where a line's content ends: before trailing white space and a hard-break backslash. `inLine` is any offset in the line. */
function lineContentEnd(text: string, inLine: number): number {
  const nl = text.indexOf('\n', inLine);
  let end = nl < 0 ? text.length : nl;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\r')) end--;
  if (end > 0 && text[end - 1] === '\\' && (end < 2 || text[end - 2] !== '\\')) end--;
  return end;
}

/** An offset in the nearest line above `lineStart` that holds more than white space and `>` markers, or -1. */
function previousContentLine(text: string, lineStart: number): number {
  let start = lineStart;
  while (start > 0) {
    const end = start - 1;
    start = lineStartOf(text, end);
    if (!quotePrefix.test(text.slice(start, end).replace(/\r$/u, ''))) return start;
  }
  return -1;
}

/** Whether every list item that starts on this line is the first of its list, so a line above them splits nothing. */
function opensItsLists(tree: Tree, lineStart: number, at: number): boolean {
  let items = 0;
  for (let n: SyntaxNode | null = tree.resolveInner(at, 1); n; n = n.parent) {
    if (n.name !== 'ListItem') continue;
    if (n.from < lineStart) return false;
    if (n.prevSibling?.name === 'ListItem') return false;
    items++;
  }
  return items > 0;
}

/**
 * The edits that add `entry` to the `ignore` list of a configuration file
 * (`fileName` tells JSON from YAML), keeping its comments and layout; none
 * when the list holds it already. An empty `configText` gets a new file.
 * Throws when the file cannot be read or its `ignore` is not a list.
 */
export function addIgnoreEntry(configText: string, fileName: string, entry: IgnoreEntry): TextEdit[] {
  const clean = cleanEntry(entry);
  if (!configText.trim()) return [{ range: { start: 0, end: configText.length }, newText: newConfigText(clean, configSyntaxOf(fileName)) }];
  const eol = lineBreakOf(configText);
  if (configSyntaxOf(fileName) === 'yaml') {
    const doc = parseDocument(configText);
    if (doc.errors.length) throw new Error(`${fileName} has a YAML error; fix it first: ${doc.errors[0].message.split('\n')[0]}`);
    const list: unknown = doc.getIn(['ignore'], true);
    if (list === undefined) {
      doc.setIn(['ignore'], doc.createNode([clean]));
    } else {
      if (!isSeq(list)) throw new Error(`"ignore" in ${fileName} is not a list.`);
      if (holds(list.toJSON(), clean)) return [];
      doc.addIn(['ignore'], clean);
    }
    const out = doc.toString({ lineWidth: 0 });
    return [{ range: { start: 0, end: configText.length }, newText: eol === '\n' ? out : out.replace(/\n/gu, eol) }];
  }
  const errors: ParseError[] = [];
  const root = parseJsonTree(configText, errors, { allowTrailingComma: true });
  if (errors.length || root?.type !== 'object') throw new Error(`${fileName} is not a JSON object; fix it first.`);
  const existing = root.children?.find((p) => p.children?.[0]?.value === 'ignore')?.children?.[1];
  if (existing && existing.type !== 'array') throw new Error(`"ignore" in ${fileName} is not a list.`);
  if (existing && holds(JSON.parse(configText.slice(existing.offset, existing.offset + existing.length)) as unknown, clean)) return [];
  const indent = /\n([ \t]+)\S/u.exec(configText)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol };
  const edits = existing
    ? modifyJson(configText, ['ignore', -1], clean, { formattingOptions, isArrayInsertion: true })
    : modifyJson(configText, ['ignore'], [clean], { formattingOptions });
  return edits.map((e) => ({ range: { start: e.offset, end: e.offset + e.length }, newText: e.content }));
}

/** A configuration file that holds one `ignore` entry and nothing else. */
export function newConfigText(entry: IgnoreEntry, syntax: 'json' | 'yaml'): string {
  if (syntax === 'json') return `${JSON.stringify({ ignore: [entry] }, null, 2)}\n`;
  return new Document({ ignore: [entry] }).toString({ lineWidth: 0 });
}

/** The entry with its fields in the order files show them, its path with `/`. */
function cleanEntry(e: Partial<Record<keyof IgnoreEntry, unknown>>): IgnoreEntry {
  return {
    file: normalizeEntryPath(String(e.file ?? '')),
    claim: String(e.claim ?? ''),
    ...(e.sentence !== undefined ? { sentence: String(e.sentence) } : {}),
    ...(typeof e.occurrence === 'number' ? { occurrence: e.occurrence } : {}),
  };
}

function holds(list: unknown, entry: IgnoreEntry): boolean {
  if (!Array.isArray(list)) return false;
  const want = JSON.stringify(entry);
  return list.some((item) => item !== null && typeof item === 'object' && JSON.stringify(cleanEntry(item as Partial<Record<keyof IgnoreEntry, unknown>>)) === want);
}

/** The configuration text with `entry` in its `ignore` list (for shells that write whole files). */
export function withIgnoreEntry(configText: string, fileName: string, entry: IgnoreEntry): string {
  return applyTextEdits(configText, addIgnoreEntry(configText, fileName, entry));
}
