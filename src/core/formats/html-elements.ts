import { decodeHTMLAttribute } from './entities';
import { referenceHeadingWords } from './reference-headings';

/**
 * What the HTML reader knows about elements: which ones break prose into
 * blocks, which ones hold no prose, and which attributes hide an element or
 * mark a footnote or reference list.
 */

/** An element's attributes as the tokenizer gives them: names lower-cased, values raw (entities not decoded). */
export type RawAttributes = Readonly<Record<string, string>>;

/** Elements that end the current block where they open and where they close. */
const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav',
  'noscript', 'ol', 'p', 'plaintext', 'pre', 'search', 'section', 'summary', 'table', 'tbody',
  'td', 'template', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul', 'xmp',
]);

/** Elements whose content is never prose. */
const skippedElements = new Set([
  'script', 'style', 'template', 'noscript', 'svg', 'math', 'pre', 'listing', 'xmp', 'plaintext', 'nav', 'iframe',
  'object', 'embed', 'canvas', 'video', 'audio', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'button',
  'rt', 'rp', 'noembed', 'noframes', 'map',
]);

/** Inline code-like elements: their content becomes one U+FFFC in the prose. */
const codeElements = new Set(['code', 'kbd', 'samp', 'tt']);

/** Elements whose `id` cannot be a footnote definition (a marker, a back-link target, the page itself). */
const notDefinitions = new Set(['sup', 'html', 'body', 'head', 'title', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Blocks that may stand for a footnote definition when an anchor inside them is the target. */
const definitionBlocks = new Set(['p', 'li', 'dd', 'dt', 'aside', 'td', 'th', 'caption', 'figcaption', 'blockquote']);

/** Class names of footnote and reference list containers. */
const regionClasses = new Set([
  'references', 'reflist', 'refbegin', 'mw-references-wrap', 'footnotes', 'footnote-list', 'footnotes-list',
  'endnotes', 'bibliography', 'csl-bib-body', 'wp-block-footnotes',
]);

/** Elements that may hold a footnote or reference list. */
const containers = new Set(['div', 'section', 'aside', 'footer', 'ol', 'ul', 'dl']);

/** Ids of footnote and reference list containers. */
const regionIds = new Set(['footnotes', 'references', 'endnotes', 'bibliography']);



/** True for elements that end the current block. */
export function isBlockElement(name: string): boolean {
  return blockElements.has(name);
}

/** True for elements that hold no prose, by name or because they are hidden. */
export function isSkippedElement(name: string, attributes: RawAttributes): boolean {
  return skippedElements.has(name) || isHidden(attributes);
}

/** True for inline code elements (`code`, `kbd`, `samp`), whose content is replaced by U+FFFC. */
export function isCodeElement(name: string): boolean {
  return codeElements.has(name);
}

/** The heading level of `h1`–`h6`, else 0. */
export function headingLevel(name: string): number {
  if (name.length !== 2 || name.charCodeAt(0) !== 104 /* h */) return 0;
  const level = name.charCodeAt(1) - 48;
  return level >= 1 && level <= 6 ? level : 0;
}

/** True when an element with this `id` may be a footnote definition (or hold one). */
export function mayDefine(name: string): boolean {
  return !notDefinitions.has(name);
}

/** True for blocks that stand for a definition whose anchor (`<a id>`, `<span id>`) lies inside them. */
export function isDefinitionBlock(name: string): boolean {
  return definitionBlocks.has(name);
}

/** True when the element is hidden: `hidden`, `aria-hidden="true"`, or `display: none` in its style. */
export function isHidden(attributes: RawAttributes): boolean {
  if (attributes.hidden !== undefined) return true;
  const aria = attributes['aria-hidden'];
  if (aria !== undefined && /^\s*true\s*$/iu.test(aria)) return true;
  const style = attributes.style;
  return style !== undefined && style.length < 2000 && hiddenStyle.test(style);
}

const hiddenStyle = /display\s*:\s*none|visibility\s*:\s*hidden/iu;

/** True when the element holds a footnote or reference list (`ol.references`, `section.footnotes`, `role="doc-endnotes"`…). */
export function isReferenceContainer(name: string, attributes: RawAttributes): boolean {
  const role = attributes.role;
  if (role !== undefined && /\bdoc-(?:endnotes|bibliography|footnotes)\b/iu.test(role)) return true;
  // By id only for containers: Wikipedia's heading <span id="References"> is not the list.
  const id = attributes.id;
  if (id !== undefined && containers.has(name) && regionIds.has(id.trim().toLowerCase())) return true;
  return hasRegionClass(attributes);
}

/** True when a heading's text names a reference section ("References", "Sources:", "Notes [edit]"). */
export function isReferenceHeading(text: string): boolean {
  if (text.length > 80) return false;
  let first = 0;
  while (first < text.length && text.charCodeAt(first) <= 32) first++;
  // Headings (or a paragraph standing alone) that open a reference section, compared lower-case with the colon removed.
  const { headings, initials } = referenceHeadingWords();
  if (first === text.length || !initials.has(text[first].toLowerCase())) return false;
  // Drop bracketed asides such as Wikipedia's "[edit]", then the colon.
  const plain = text
    .replace(/\[[^\]]{0,20}\]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/ ?[:：]$/u, '')
    .toLowerCase();
  return headings.has(plain);
}

/**
 * True when a link's attributes mark it as a note reference
 * (`class="footnote-ref"`, `role="doc-noteref"`, `rel="footnote"`),
 * and false for a back-link from the note to the text.
 */
export function isNoteLinkByAttributes(attributes: RawAttributes): boolean {
  const role = (attributes.role ?? '').toLowerCase();
  if (role.includes('doc-noteref')) return true;
  if ((attributes.rel ?? '').toLowerCase().split(/\s+/u).includes('footnote')) return true;
  const cls = (attributes.class ?? '').toLowerCase();
  return noteLinkClass.test(cls) && !isBackLink(attributes);
}

// Marker classes only: "footnote-number" or a bare "footnote" also name the note's own number link.
const noteLinkClass = /(?:^|\s)(?:footnote-ref|footnote-reference|footnote-anchor|footnote-link|footnote-call|footnoteref|fnref|fn-ref|noteref|note-ref)(?:$|\s)/u;

/** True for a link back from a note to its marker (`class="footnote-back"`, `role="doc-backlink"`, `rev="footnote"`). */
export function isBackLink(attributes: RawAttributes): boolean {
  if ((attributes.role ?? '').toLowerCase().includes('doc-backlink')) return true;
  if (attributes.rev !== undefined && attributes.rev.toLowerCase().includes('footnote')) return true;
  const cls = (attributes.class ?? '').toLowerCase();
  return /(?:^|[\s_-])(?:back|backref|backlink|reversefootnote)(?:$|[\s_-])/u.test(cls);
}

/** An attribute value with entities decoded, or undefined when absent. */
export function attribute(attributes: RawAttributes, name: string): string | undefined {
  const value = attributes[name];
  if (value === undefined) return undefined;
  return value.includes('&') ? decodeHTMLAttribute(value) : value;
}

/** The fragment of a same-page link (`#cite_note-3` → `cite_note-3`), or undefined. */
export function fragmentOf(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const h = href.trim();
  return h.length > 1 && h.charCodeAt(0) === 35 /* # */ ? h.slice(1) : undefined;
}

function hasRegionClass(attributes: RawAttributes): boolean {
  const cls = attributes.class;
  if (cls === undefined || cls.length > 1000) return false;
  // Every container class names references, notes or a bibliography.
  if (!/ref|note|bib/iu.test(cls)) return false;
  for (const c of cls.toLowerCase().split(/\s+/u)) if (regionClasses.has(c)) return true;
  return false;
}
