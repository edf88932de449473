import { parseTree, type Node as JsonNode } from '../jsonc';
import type { Range } from '../types';
import { decodeJsonString, decodeXmlContent, embeddedSuppression, fieldAt, htmlRangeOf, lastGroupOf, remapProse, type EmbeddedHtml } from './embedded';
import { readHtml } from './html';
import type { FootnoteDefinition, ProseBlock, ProseDocument } from './prose';

/**
 * WordPress articles: a REST API post or page (`/wp-json/wp/v2/posts/…`,
 * one JSON object or an array of them, the HTML in `title.rendered` and
 * `content.rendered`) and a WordPress export (WXR: RSS with one `<item>`
 * per post, the HTML in `<content:encoded>`). Only those fields are read;
 * ids, dates, links, categories and every other piece of metadata are not
 * prose.
 */

/** One post or page of a WordPress file. */
export interface WordPressPost {
  /** The post's slug, or its id when it has none: names it in reports (`file.xml#slug`). */
  readonly name: string;
  /** Raw range of the whole post: the JSON object or the `<item>` element. */
  readonly range: Range;
  /** Its title and its content, as HTML mapped onto the raw text. */
  readonly fields: readonly EmbeddedHtml[];
}

/** What a WordPress file holds. */
export interface WordPressFile {
  /** `wordpress`: a REST API post, page or array of them; `wxr`: an export. */
  readonly kind: 'wordpress' | 'wxr';
  /** Whether the file is a list of posts (an array, an export), which reports name post by post. */
  readonly many: boolean;
  readonly posts: readonly WordPressPost[];
}

/**
 * The posts of a WordPress REST API response or export, or undefined when
 * `text` is neither: JSON is a post when it is an object whose `content`
 * has a string `rendered` (or an array of such objects); XML is an export
 * when it names the WordPress export namespace.
 */
export function readWordPressFile(text: string): WordPressFile | undefined {
  const head = text.slice(0, 512).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return readRestApi(text);
  if (head.startsWith('<')) return readExport(text);
  return undefined;
}

/** A quick look at whether `text` can be a WordPress post or export, before anything is parsed. */
export function mayBeWordPress(text: string): boolean {
  const head = text.slice(0, 512).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return text.includes('"rendered"');
  return head.startsWith('<') && (text.includes('wordpress.org/export/') || text.includes('<wp:wxr_version>'));
}

function readRestApi(text: string): WordPressFile | undefined {
  if (!text.includes('"rendered"')) return undefined;
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: true });
  if (!root) return undefined;
  if (root.type === 'object') {
    const post = restPost(text, root, 0);
    return post ? { kind: 'wordpress', many: false, posts: [post] } : undefined;
  }
  if (root.type !== 'array' || !root.children?.length) return undefined;
  const posts: WordPressPost[] = [];
  for (const [index, child] of root.children.entries()) {
    const post = child.type === 'object' ? restPost(text, child, index) : undefined;
    if (!post) return undefined;
    posts.push(post);
  }
  return { kind: 'wordpress', many: true, posts };
}

function restPost(text: string, node: JsonNode, index: number): WordPressPost | undefined {
  const content = renderedOf(node, 'content');
  if (!content) return undefined;
  const fields: EmbeddedHtml[] = [];
  const title = renderedOf(node, 'title');
  if (title) fields.push(decodeJsonString(text, title.offset + 1, title.offset + title.length - 1, 'title'));
  fields.push(decodeJsonString(text, content.offset + 1, content.offset + content.length - 1, 'content'));
  const slug = propertyOf(node, 'slug');
  const id = propertyOf(node, 'id');
  const name = typeof slug?.value === 'string' && slug.value ? slug.value
    : typeof id?.value === 'number' || typeof id?.value === 'string' ? String(id.value) : String(index + 1);
  return { name, range: { start: node.offset, end: node.offset + node.length }, fields };
}

/** The string node of `node[key].rendered`. */
function renderedOf(node: JsonNode, key: string): JsonNode | undefined {
  const holder = propertyOf(node, key);
  if (holder?.type !== 'object') return undefined;
  const rendered = propertyOf(holder, 'rendered');
  return rendered?.type === 'string' ? rendered : undefined;
}

/** The value node of an object's property. */
function propertyOf(node: JsonNode, key: string): JsonNode | undefined {
  for (const property of node.children ?? []) {
    const [name, value] = property.children ?? [];
    if (name?.value === key) return value;
  }
  return undefined;
}

/** Post types of an export that are not articles: media, menus, templates and styles. */
const nonArticleTypes = /^(?:attachment|nav_menu_item|revision|custom_css|customize_changeset|oembed_cache|user_request|wp_.*)$/u;

function readExport(text: string): WordPressFile | undefined {
  if (!text.includes('wordpress.org/export/') && !text.includes('<wp:wxr_version>')) return undefined;
  const posts: WordPressPost[] = [];
  for (const item of elementsOf(text, 'item', 0, text.length)) {
    const type = plainText(text, firstElement(text, 'wp:post_type', item.inner));
    if (type && nonArticleTypes.test(type)) continue;
    const content = firstElement(text, 'content:encoded', item.inner);
    if (!content) continue;
    const fields: EmbeddedHtml[] = [];
    const title = firstElement(text, 'title', item.inner);
    if (title) fields.push(decodeXmlContent(text, title.start, title.end, 'title'));
    fields.push(decodeXmlContent(text, content.start, content.end, 'content'));
    const name = plainText(text, firstElement(text, 'wp:post_name', item.inner)) || plainText(text, firstElement(text, 'wp:post_id', item.inner)) || String(posts.length + 1);
    posts.push({ name, range: item.outer, fields });
  }
  return { kind: 'wxr', many: true, posts };
}

/** An element: its whole raw range and the range of its contents. */
interface XmlElement {
  readonly outer: Range;
  readonly inner: Range;
}

/**
 * The elements named `name` in raw `[from, to)`, in order, outside CDATA
 * sections and comments (an article's HTML may hold anything).
 */
function elementsOf(text: string, name: string, from: number, to: number): XmlElement[] {
  const found: XmlElement[] = [];
  const open = `<${name}`;
  const close = `</${name}>`;
  let i = from;
  let openAt = -1;
  let innerStart = -1;
  while (i < to) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    if (text.startsWith(cdataStart, lt)) {
      const end = text.indexOf(']]>', lt);
      i = end < 0 ? to : end + 3;
      continue;
    }
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      i = end < 0 ? to : end + 3;
      continue;
    }
    if (openAt < 0 && text.startsWith(open, lt) && /[\s>/]/u.test(text[lt + open.length] ?? '')) {
      const gt = text.indexOf('>', lt);
      if (gt < 0 || gt >= to) break;
      if (text[gt - 1] === '/') {
        found.push({ outer: { start: lt, end: gt + 1 }, inner: { start: gt + 1, end: gt + 1 } });
      } else {
        openAt = lt;
        innerStart = gt + 1;
      }
      i = gt + 1;
      continue;
    }
    if (openAt >= 0 && text.startsWith(close, lt)) {
      found.push({ outer: { start: openAt, end: lt + close.length }, inner: { start: innerStart, end: lt } });
      openAt = -1;
      i = lt + close.length;
      continue;
    }
    i = lt + 1;
  }
  return found;
}

const cdataStart = '<![CDATA[';

/** The contents' range of the first element named `name` in `within`. */
function firstElement(text: string, name: string, within: Range): Range | undefined {
  return elementsOf(text, name, within.start, within.end)[0]?.inner;
}

/** An element's text, CDATA and entities decoded, trimmed. */
function plainText(text: string, range: Range | undefined): string {
  return range ? decodeXmlContent(text, range.start, range.end, 'title').html.trim() : '';
}

/**
 * Reads one post's title and content as HTML into prose blocks whose offsets
 * are offsets of the whole file. The title's blocks are `title` blocks
 * (analysed only with `includeHeadings`).
 */
export function readPostProse(post: WordPressPost): ProseDocument {
  const blocks: ProseBlock[] = [];
  const footnotes = new Map<string, FootnoteDefinition>();
  const references: FootnoteDefinition[] = [];
  const problems: ProseDocument['problems'][number][] = [];
  let groupBase = 0;
  for (const field of post.fields) {
    const doc = remapProse(readHtml(field.html), field, groupBase);
    groupBase = Math.max(groupBase, lastGroupOf(doc) + 1);
    blocks.push(...doc.blocks);
    for (const [label, d] of doc.footnotes) if (!footnotes.has(label)) footnotes.set(label, d);
    references.push(...doc.references);
    problems.push(...doc.problems);
  }
  return { blocks, footnotes, references, problems, suppression: embeddedSuppression(post.fields), textOf: textOfFields(post.fields) };
}

/**
 * Reads every post of a WordPress file into one prose document (notes
 * first-defined wins across posts); empty when `text` is not a WordPress
 * file. Analyses read post by post (`readPostProse`); this serves callers
 * that want the file's prose as a whole.
 */
export function readWordPressProse(text: string): ProseDocument {
  const file = readWordPressFile(text);
  const blocks: ProseBlock[] = [];
  const footnotes = new Map<string, FootnoteDefinition>();
  const references: FootnoteDefinition[] = [];
  const problems: ProseDocument['problems'][number][] = [];
  const fields: EmbeddedHtml[] = [];
  let groupBase = 0;
  for (const post of file?.posts ?? []) {
    const doc = readPostProse(post);
    for (const block of doc.blocks) blocks.push({ ...block, group: block.group + groupBase });
    groupBase = Math.max(groupBase, groupBase + lastGroupOf(doc) + 1);
    for (const [label, d] of doc.footnotes) if (!footnotes.has(label)) footnotes.set(label, d);
    references.push(...doc.references);
    problems.push(...doc.problems);
    fields.push(...post.fields);
  }
  return { blocks, footnotes, references, problems, suppression: embeddedSuppression(fields), textOf: textOfFields(fields) };
}

/** The decoded text of a raw range inside one of `fields`. */
function textOfFields(fields: readonly EmbeddedHtml[]): (range: Range) => string {
  return (range) => {
    const field = fieldAt(fields, range.start);
    if (!field) return '';
    const html = htmlRangeOf(field, range);
    return field.html.slice(html.start, html.end);
  };
}

/** The title and content fields of every post of a WordPress file, for edits written into them. */
export function wordPressFields(text: string): EmbeddedHtml[] {
  return readWordPressFile(text)?.posts.flatMap((p) => p.fields) ?? [];
}
