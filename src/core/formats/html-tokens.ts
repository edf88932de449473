import { decodeHTML } from './entities';
import { flattenDeepNesting } from './html-depth';
import type { Parser as HtmlParser } from './html-parser';
import type { Problem, Range } from '../types';
import {
  attribute,
  fragmentOf,
  headingLevel,
  isBackLink,
  isBlockElement,
  isCodeElement,
  isDefinitionBlock,
  isNoteLinkByAttributes,
  isReferenceContainer,
  isReferenceHeading,
  isSkippedElement,
  mayDefine,
  type RawAttributes,
} from './html-elements';
import { isSpace } from './html-text';

/** Token types of `HtmlTokens.type`. */
export const OPEN = 0;
export const CLOSE = 1;
export const TEXT = 2;

/** Flag bits of `HtmlTokens.flags`. */
/** The token stands in a footnote or reference list (or a section under a "References" heading). */
export const IN_REGION = 1;
/** An element with text other than white space directly inside it. */
export const DIRECT_TEXT = 2;
/** An element with a block element directly inside it. */
export const BLOCK_CHILD = 4;
/** A block element: it ends the current block where it opens and closes. */
export const BLOCK = 8;
/** An element whose content is never prose (by name, or hidden). */
export const SKIP = 16;
/** An inline code element, standing in the prose as one U+FFFC. */
export const CODE = 32;
/** An element that defines notes (see `HtmlTokens.definitions`). */
export const DEFINES = 64;
/** A note marker link (see `HtmlTokens.noteLinks`). */
export const NOTE_LINK = 128;
/** A `<sup>` that is a note marker (see `HtmlTokens.markerSups`). */
export const MARKER_SUP = 256;
/** An element whose class or id speaks of notes or references (`div.footnote`, `#fn1`). */
export const NOTE_NAMED = 512;

const noAttributes: RawAttributes = Object.freeze({});

/**
 * The HTML as a flat, properly nested list of tokens (the parser closes
 * what the markup leaves open), with what a second pass needs to know in
 * advance: which same-page links are note markers, which elements define
 * notes, and which parts are reference lists.
 */
export interface HtmlTokens {
  /** Number of tokens; the columns below may be longer. */
  readonly count: number;
  /** `OPEN`, `CLOSE` or `TEXT`. */
  readonly type: Int32Array;
  /** Raw range: an open tag, a close tag (empty when implied) or a text run. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Element name (lower case) of an open or close token. */
  name(i: number): string;
  /** Attributes (raw values) of an `<a>`, a `<blockquote>` or an element with an id; empty for others. */
  attributes(i: number): RawAttributes;
  /** For an open token its close token, and the other way round. */
  readonly match: Int32Array;
  /** The open token of the enclosing element, or -1. */
  readonly parent: Int32Array;
  readonly flags: Int32Array;
  /** Note marker links (open token of `<a>`) → the note's label (the target id). */
  readonly noteLinks: ReadonlyMap<number, string>;
  /** `<sup>` elements that are note markers → the note links inside them. */
  readonly markerSups: ReadonlyMap<number, readonly number[]>;
  /** Note markers whose target id stands nowhere in the page. */
  readonly missing: ReadonlySet<number>;
  /** Elements that define notes (open token) → the labels they define. */
  readonly definitions: ReadonlyMap<number, readonly string[]>;
  /** Notes whose target is an anchor with no block around it to take the text from. */
  readonly emptyDefinitions: readonly { readonly label: string; readonly raw: Range }[];
  /** Duplicate ids of notes outside reference lists. */
  readonly problems: readonly Problem[];
}

interface LinkCandidate {
  readonly token: number;
  readonly fragment: string;
  readonly byAttributes: boolean;
  readonly inSup: number;
  readonly backLink: boolean;
  containsSup: boolean;
}

interface HeadingText {
  readonly token: number;
  readonly level: number;
  parts: string;
}

const maxHeadingText = 60;

/** Growable columns of 32-bit integers, one row per token. */
class Column {
  data: Int32Array;
  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }
  grow(capacity: number): void {
    const next = new Int32Array(capacity);
    next.set(this.data);
    this.data = next;
  }
}

let parserClass: typeof HtmlParser | undefined;

/** htmlparser2's parser, loaded on the first HTML read: a run over Markdown alone does not load it. */
function htmlParser(): typeof HtmlParser {
  parserClass ??= (require('./html-parser') as typeof import('./html-parser')).Parser;
  return parserClass;
}

/** Tokenizes `text` (never throws) and finds note markers, definitions and reference lists. */
export function tokenizeHtml(text: string): HtmlTokens {
  let capacity = Math.max(64, text.length >> 4);
  const columns = {
    type: new Column(capacity),
    start: new Column(capacity),
    end: new Column(capacity),
    match: new Column(capacity),
    parent: new Column(capacity),
    flags: new Column(capacity),
    nameId: new Column(capacity),
    attributeId: new Column(capacity),
  };
  let type = columns.type.data;
  let start = columns.start.data;
  let end = columns.end.data;
  let match = columns.match.data;
  let parent = columns.parent.data;
  let flags = columns.flags.data;
  let nameId = columns.nameId.data;
  let attributeId = columns.attributeId.data;
  // Names and attributes live apart from the columns: a list of distinct names, and the few attributes read later.
  const nameList: string[] = [''];
  const nameIds = new Map<string, number>();
  const kept: RawAttributes[] = [noAttributes];
  let count = 0;

  const stack: number[] = [];
  const sups: number[] = [];
  const elementIds = new Map<string, number>();
  const duplicates: { token: number; id: string }[] = [];
  const candidates: LinkCandidate[] = [];
  let openLink: LinkCandidate | null = null;
  let skipDepth = 0;
  let heading: HeadingText | null = null;
  // A section under a "References" heading: until a heading as high, or the end of the heading's parent.
  // Under a paragraph that only says "Sources:", just the element that follows it.
  let section: { level: number; parent: number; once: boolean; next: number } | null = null;

  const push = (t: number, s: number, e: number, n: number, p: number, f: number): number => {
    if (count === capacity) {
      capacity *= 2;
      for (const c of Object.values(columns)) c.grow(capacity);
      type = columns.type.data;
      start = columns.start.data;
      end = columns.end.data;
      match = columns.match.data;
      parent = columns.parent.data;
      flags = columns.flags.data;
      nameId = columns.nameId.data;
      attributeId = columns.attributeId.data;
    }
    const i = count++;
    type[i] = t;
    start[i] = s;
    end[i] = e;
    match[i] = -1;
    parent[i] = p;
    flags[i] = f;
    nameId[i] = n;
    attributeId[i] = 0;
    return i;
  };

  const parser = new (htmlParser())(
    {
      onopentag(tag, attrs) {
        let n = nameIds.get(tag);
        if (n === undefined) {
          n = nameList.length;
          nameList.push(tag);
          nameIds.set(tag, n);
        }
        const p = stack.length ? stack[stack.length - 1] : -1;
        const level = headingLevel(tag);
        if (section && level && level <= section.level) section = null;
        const inherited = p >= 0 ? flags[p] & IN_REGION : 0;
        const region = inherited || (section ? IN_REGION : 0) || (skipDepth === 0 && isReferenceContainer(tag, attrs) ? IN_REGION : 0);
        const block = isBlockElement(tag);
        const kind = isSkippedElement(tag, attrs) ? SKIP : isCodeElement(tag) ? CODE : 0;
        const keep = tag === 'a' || tag === 'blockquote' || attrs.id !== undefined;
        const s = parser.startIndex;
        const named = isNoteNamed(attrs) ? NOTE_NAMED : 0;
        const i = push(OPEN, s, Math.max(s, parser.endIndex + 1), n, p, region | kind | named | (block ? BLOCK : 0));
        if (section && section.once && section.next < 0 && p === section.parent) section.next = i;
        if (keep) {
          attributeId[i] = kept.length;
          kept.push(attrs);
        }
        stack.push(i);
        if (tag === 'sup') sups.push(i);
        if (p >= 0 && block) flags[p] |= BLOCK_CHILD;
        const skipped = skipDepth > 0 || kind !== 0;
        if (skipped) skipDepth++;

        const id = attrs.id !== undefined ? attribute(attrs, 'id') : tag === 'a' && attrs.href === undefined ? attribute(attrs, 'name') : undefined;
        if (id) {
          if (!elementIds.has(id)) elementIds.set(id, i);
          else duplicates.push({ token: i, id });
        }
        if (skipped || region) return;
        if (tag === 'a') {
          const fragment = attrs.href === undefined ? undefined : fragmentOf(attribute(attrs, 'href'));
          openLink = null;
          if (fragment !== undefined) {
            openLink = {
              token: i,
              fragment,
              byAttributes: isNoteLinkByAttributes(attrs),
              inSup: sups.length ? sups[sups.length - 1] : -1,
              backLink: isBackLink(attrs),
              containsSup: false,
            };
            candidates.push(openLink);
          }
        } else if (tag === 'sup' && openLink) {
          openLink.containsSup = true;
        }
        if ((level || tag === 'p') && !heading) heading = { token: i, level: level || 7, parts: '' };
      },
      onclosetag(_tag, implied) {
        const o = stack.pop();
        if (o === undefined) return;
        const s = implied ? Math.max(Math.min(parser.startIndex, text.length), end[o]) : parser.startIndex;
        const e = implied ? s : Math.max(s, parser.endIndex + 1);
        const i = push(CLOSE, s, e, nameId[o], parent[o], 0);
        match[o] = i;
        match[i] = o;
        if (skipDepth > 0) skipDepth--;
        if (sups.length && sups[sups.length - 1] === o) sups.pop();
        if (openLink && openLink.token === o) openLink = null;
        if (heading && heading.token === o) {
          if (heading.parts.length <= maxHeadingText && isReferenceHeading(decodeText(heading.parts))) {
            section = { level: heading.level, parent: parent[o], once: heading.level === 7, next: -1 };
          }
          heading = null;
        }
        if (section && (section.parent === o || section.next === o)) section = null;
      },
      ontext() {
        const s = parser.startIndex;
        const e = Math.max(s, parser.endIndex + 1);
        const p = stack.length ? stack[stack.length - 1] : -1;
        const region = (p >= 0 ? flags[p] & IN_REGION : 0) || (section ? IN_REGION : 0);
        push(TEXT, s, e, 0, p, region);
        if (skipDepth > 0) return;
        if (p >= 0 && !(flags[p] & DIRECT_TEXT) && hasNonSpace(text, s, e)) flags[p] |= DIRECT_TEXT;
        if (heading && heading.parts.length <= maxHeadingText) heading.parts += text.slice(s, Math.min(e, s + maxHeadingText + 1));
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(flattenDeepNesting(text));
  // The parser closes everything at the end; this only guards the invariant.
  while (stack.length) {
    const o = stack.pop() as number;
    const i = push(CLOSE, text.length, text.length, nameId[o], parent[o], 0);
    match[o] = i;
    match[i] = o;
  }

  const names = nameId;
  const attributeIds = attributeId;
  const tokens = {
    type,
    start,
    end,
    match,
    parent,
    flags,
    name: (i: number): string => nameList[names[i]],
    attributes: (i: number): RawAttributes => kept[attributeIds[i]],
  };
  const notes = resolveNotes(tokens, elementIds, candidates, duplicates);
  return { count, ...tokens, ...notes };
}

interface TokenArrays {
  readonly type: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  name(i: number): string;
  attributes(i: number): RawAttributes;
  readonly match: Int32Array;
  readonly parent: Int32Array;
  readonly flags: Int32Array;
}

/** Decides which same-page links are note markers and which elements hold the notes they point at. */
function resolveNotes(
  t: TokenArrays,
  ids: ReadonlyMap<string, number>,
  candidates: readonly LinkCandidate[],
  duplicates: readonly { token: number; id: string }[],
): Pick<HtmlTokens, 'noteLinks' | 'markerSups' | 'missing' | 'definitions' | 'emptyDefinitions' | 'problems'> {
  const noteLinks = new Map<number, string>();
  const markerSups = new Map<number, number[]>();
  const missing = new Set<number>();
  const definitions = new Map<number, string[]>();
  const emptyDefinitions: { label: string; raw: Range }[] = [];
  const problems: Problem[] = [];
  const defined = new Set<string>();

  const elementRange = (o: number): Range => ({ start: t.start[o], end: Math.max(t.end[t.match[o]], t.end[o]) });
  const lookup = (fragment: string): [string, number] | undefined => {
    const direct = ids.get(fragment);
    if (direct !== undefined) return [fragment, direct];
    const decoded = safeDecodeUri(fragment);
    const found = decoded === undefined ? undefined : ids.get(decoded);
    return found === undefined || decoded === undefined ? undefined : [decoded, found];
  };
  const define = (label: string, target: number, marker: number): void => {
    if (defined.has(label)) return;
    defined.add(label);
    const holder = definitionHolder(t, target, marker);
    if (holder === undefined) {
      emptyDefinitions.push({ label, raw: elementRange(target) });
      return;
    }
    const labels = definitions.get(holder);
    if (labels) labels.push(label);
    else definitions.set(holder, [label]);
    t.flags[holder] |= DEFINES;
  };
  const asNote = (c: LinkCandidate, label: string): void => {
    noteLinks.set(c.token, label);
    t.flags[c.token] |= NOTE_LINK;
    const sup = c.inSup;
    if (sup >= 0) {
      t.flags[sup] |= MARKER_SUP;
      const links = markerSups.get(sup);
      if (links) links.push(c.token);
      else markerSups.set(sup, [c.token]);
    }
  };

  // Marker-shaped links first: they say which elements are notes.
  const shapedTokens = new Set<number>();
  const shapedLinks: LinkCandidate[] = [];
  const plain: LinkCandidate[] = [];
  for (const c of candidates) {
    if (!c.backLink && (c.inSup >= 0 || c.containsSup || c.byAttributes)) {
      shapedLinks.push(c);
      shapedTokens.add(c.token);
    } else {
      plain.push(c);
    }
  }
  // A marker link is no note: a same-page link to one is a back-link (Pandoc's `#fnref1`).
  const definable = (target: number): boolean =>
    mayDefine(t.name(target)) && !(t.attributes(target).href !== undefined && shapedTokens.has(target));
  for (const c of shapedLinks) {
    const found = lookup(c.fragment);
    if (!found) {
      asNote(c, c.fragment);
      missing.add(c.token);
      continue;
    }
    const [label, target] = found;
    if (!definable(target)) {
      plain.push(c);
      continue;
    }
    define(label, target, c.token);
    asNote(c, label);
  }
  // Other same-page links are notes when they point at a note or into a reference list.
  for (const c of plain) {
    const found = lookup(c.fragment);
    if (!found) continue;
    const [label, target] = found;
    if (defined.has(label) || (t.flags[target] & IN_REGION && definable(target))) {
      define(label, target, c.token);
      asNote(c, label);
    }
  }
  for (const d of duplicates) {
    if (defined.has(d.id) && !(t.flags[d.token] & IN_REGION)) {
      problems.push({
        code: 'duplicate-footnote',
        message: `The note "${d.id}" is defined more than once; the first definition is used.`,
        range: elementRange(d.token),
      });
    }
  }
  return { noteLinks, markerSups, missing, definitions, emptyDefinitions, problems };
}

/**
 * The element whose text is the note: the target itself when it is a
 * block; else the block around the anchor (`<p><a id="fn1"></a>1. …</p>`)
 * when it is a note's kind of block; else an inline target with text of
 * its own (`<span id="fn1">Smith, 2020.</span>`). Never an element that
 * holds the marker itself (the article's wrapper).
 */
function definitionHolder(t: TokenArrays, target: number, marker: number): number | undefined {
  const holdsMarker = (o: number): boolean => o <= marker && marker <= t.match[o];
  if (t.flags[target] & BLOCK) return holdsMarker(target) ? undefined : target;
  let b = t.parent[target];
  while (b >= 0 && !(t.flags[b] & BLOCK)) b = t.parent[b];
  if (b >= 0 && mayDefine(t.name(b)) && !holdsMarker(b)) {
    if (isDefinitionBlock(t.name(b)) || !(t.flags[b] & BLOCK_CHILD) || t.flags[b] & NOTE_NAMED) return b;
  }
  return t.flags[target] & DIRECT_TEXT && !holdsMarker(target) ? target : undefined;
}

function isNoteNamed(attributes: RawAttributes): boolean {
  const { class: cls, id } = attributes;
  return (cls !== undefined && cls.length < 1000 && noteWord.test(cls)) || (id !== undefined && id.length < 1000 && noteWord.test(id));
}

const noteWord = /note|fn|ref|cite/iu;

function hasNonSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

function decodeText(raw: string): string {
  return raw.includes('&') ? decodeHTML(raw) : raw;
}

function safeDecodeUri(s: string): string | undefined {
  if (!s.includes('%')) return undefined;
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
