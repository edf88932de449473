import type { BibEntry } from '../types';

/** The family name of "Family, Given"; a literal or corporate name whole. */
function familyOf(author: string): string {
  const comma = author.indexOf(',');
  return comma > 0 ? author.slice(0, comma).trim() : author;
}

function authorsPart(authors: readonly string[]): string | undefined {
  if (authors.length === 0) return undefined;
  if (authors.length === 1) return familyOf(authors[0]);
  if (authors.length === 2) return `${familyOf(authors[0])} and ${familyOf(authors[1])}`;
  return `${familyOf(authors[0])} et al.`;
}

/** The resolver URL of a DOI; `#` and `?` are escaped, as they occur in some DOIs. */
function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURI(doi).replace(/[#?]/g, (c) => encodeURIComponent(c))}`;
}

/** Ends a part with a period unless it already ends with punctuation. */
function closed(part: string): string {
  return /[.!?…]["'”’)]*$/u.test(part) ? part : `${part}.`;
}

/** The parts of a one-line reference, each plain text; a part the entry lacks is left out. */
export interface EntryParts {
  /** "Author, Year": the family name of one author, "A and B" for two, "A et al." for more. */
  readonly head?: string;
  readonly title?: string;
  /** The journal, book or site; the publisher when there is none and it is not the author. */
  readonly container?: string;
  /** The DOI as a `https://doi.org/` URL, else the URL. */
  readonly link?: string;
}

/** The parts `formatEntry` joins, for shells that style them (an italic title, a link). */
export function entryParts(entry: BibEntry): EntryParts {
  const author = authorsPart(entry.authors);
  const head = [author, entry.year].filter((p) => p !== undefined && p !== '').join(', ');
  const container =
    entry.container ?? (entry.publisher !== undefined && entry.publisher !== author ? entry.publisher : undefined);
  const link = entry.doi !== undefined ? doiUrl(entry.doi) : entry.url;
  return {
    ...(head !== '' ? { head } : {}),
    ...(entry.title !== undefined && entry.title !== '' ? { title: entry.title } : {}),
    ...(container !== undefined && container !== '' ? { container } : {}),
    ...(link !== undefined && link !== '' ? { link } : {}),
  };
}

/** Ends a reference part with a period unless it already ends with punctuation. */
export function closePart(part: string): string {
  return closed(part);
}

/**
 * A one-line reference: `Author, Year. Title. Container. https://doi.org/…`.
 * Author is the family name of one author, "A and B" for two, "A et al." for
 * three or more. The container falls back to the publisher when the entry
 * has none (reports, books), unless the publisher is the author. The link is
 * the DOI as a `https://doi.org/` URL, else the URL. Missing parts are left
 * out.
 */
export function formatEntry(entry: BibEntry): string {
  const { head, title, container, link } = entryParts(entry);
  const parts = [head, title, container].filter((p): p is string => p !== undefined).map(closed);
  if (link !== undefined) parts.push(link);
  return parts.join(' ');
}
