import type { Analysis, Claim, Format, Source } from '../types';
import { editEmbeddedHtml } from './embedded-edits';
import { isInHtmlBlock, placeCitation, type Placement } from './placement';
import { insertAt, type TextEdit } from './text-edit';
import { escapeHtml, escapeLinkText, linkDestination, hostOf } from './escape';

/** A source the article already has, offered when citing a claim: one per link URL, footnote label or citation key. */
export interface CitableSource {
  /** Id (index into `Analysis.sources`) of the source's first occurrence. */
  readonly sourceId: number;
  readonly kind: 'link' | 'footnote' | 'citation';
  /** What a picker shows first: link text, `[^3]`, `@key`. */
  readonly label: string;
  /** What a picker shows beside it: the URL, the footnote's text, the bibliography entry. */
  readonly detail: string;
}

/**
 * The links, footnotes and citations an article already has, first
 * occurrence of each, in document order. Empty links and notes without a
 * definition are left out: citing them would cite nothing.
 */
export function citableSources(analysis: Analysis): CitableSource[] {
  const seen = new Set<string>();
  const out: CitableSource[] = [];
  const ordered = [...analysis.sources].sort((a, b) => a.range.start - b.range.start);
  for (const source of ordered) {
    const entry = citable(source);
    if (!entry) continue;
    const identity = `${entry.kind}\u0000${entry.kind === 'link' ? source.url : source.key ?? source.label}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    out.push(entry);
  }
  return out;
}

function citable(source: Source): CitableSource | undefined {
  switch (source.kind) {
    case 'link':
      if (!source.url) return undefined;
      return { sourceId: source.id, kind: 'link', label: source.label.trim() || hostOf(source.url), detail: source.url };
    case 'footnote':
      if (source.text === undefined) return undefined;
      return { sourceId: source.id, kind: 'footnote', label: `[^${source.label}]`, detail: source.text };
    case 'citation': {
      const key = source.key ?? source.label;
      const entry = source.entry;
      const detail = entry
        ? [entry.authors.join(', '), entry.year, entry.title].filter(Boolean).join(' · ')
        : source.text ?? source.url ?? '';
      return { sourceId: source.id, kind: 'citation', label: /^\d+$/u.test(key) ? `[${key}]` : `@${key}`, detail };
    }
    case 'textual':
      return undefined;
  }
}

/**
 * The edits that cite `source` (one the article already has) for `claim`,
 * written in the article's own syntax: a Markdown footnote reference
 * reusing the definition, a Pandoc `[@key]`, a link, an HTML
 * `<sup><a href="…">…</a></sup>`, or a plain-text "(Source: URL)".
 */
export function citeExistingSource(text: string, claim: Claim, source: Source, format: Format): TextEdit[] {
  if (format === 'wordpress') {
    return editEmbeddedHtml(text, claim, (html, inner, toHtml) => {
      const range = toHtml(source.range);
      // A note marker is copied from where it stands; one in another part of the post is written afresh.
      const local = range ? { ...source, range } : source.kind === 'footnote' || source.kind === 'citation' ? { ...source, kind: 'textual' as const, range: { start: 0, end: 0 } } : source;
      return citeExistingSource(html, inner, local, 'html');
    });
  }
  const place = placeCitation(text, claim);
  const raw = text.slice(source.range.start, source.range.end);
  if (format === 'markdown' && source.kind !== 'textual' && isInHtmlBlock(text, claim.range.start)) return citeInHtmlBlock(place, source);
  switch (source.kind) {
    case 'footnote':
      if (format === 'html') return [insertAt(place.afterSentence, withoutIds(raw))];
      if (format === 'text') return [insertAt(place.beforePunctuation, ` [${source.label}]`)];
      return [insertAt(place.afterSentence, `[^${source.label}]`)];
    case 'citation': {
      const key = source.key ?? source.label;
      if (/^\[\d+\]$/u.test(raw.trim()) || (format !== 'markdown' && format !== 'mdx' && /^\d+$/u.test(key))) {
        return [insertAt(place.beforePunctuation, ` [${key}]`)];
      }
      if (format === 'html') return [insertAt(place.afterSentence, withoutIds(raw))];
      if (raw.startsWith('\\cite')) return [insertAt(place.beforePunctuation, ` \\cite{${key}}`)];
      return [insertAt(place.beforePunctuation, ` [@${key}]`)];
    }
    case 'link': {
      const url = source.url ?? '';
      const label = source.label.trim() || hostOf(url);
      return [insertAt(place.beforePunctuation, linkText(format, url, label))];
    }
    case 'textual':
      return [insertAt(place.beforePunctuation, format === 'html' ? ` (${escapeHtml(source.label)})` : ` (${source.label})`)];
  }
}

/** A link to `url` in the article's syntax, with the leading space or tag it needs before punctuation. */
export function linkText(format: Format, url: string, label: string): string {
  switch (format) {
    case 'markdown':
    case 'mdx':
      return ` ([${escapeLinkText(label)}](${linkDestination(url)}))`;
    case 'html':
    case 'wordpress':
      return `<sup><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></sup>`;
    case 'text':
      return label && label !== url && label !== hostOf(url) ? ` (Source: ${label}, ${url})` : ` (Source: ${url})`;
  }
}

/**
 * Inside raw HTML in Markdown, Markdown's `[^1]`, `[@key]` and `[text](url)`
 * show as they are: a source with a URL is cited as an HTML link, one
 * without cannot be.
 */
function citeInHtmlBlock(place: Placement, source: Source): TextEdit[] {
  const url = source.url ?? source.urls?.[0];
  if (!url) throw new Error(`Inside raw HTML, ${source.kind === 'footnote' ? `[^${source.label}]` : `@${source.key ?? source.label}`} would show as text, and it has no URL to link to: add a new source instead.`);
  const label = source.kind === 'link' ? source.label.trim() || hostOf(url) : source.title ?? hostOf(url);
  return [insertAt(place.beforePunctuation, linkText('html', url, label))];
}

function withoutIds(raw: string): string {
  return raw.replace(/\s+id\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/giu, '');
}
