import { analyze, citedKeyAt, citedOnlyByNameLinks, closePart, entryParts, explainClaim, type Analysis, type BibEntry, type Bibliography, type Claim, type Format, type Problem, type Settings, type Source } from '../core/index';
import { describeClaim, statusLabels } from './claim-format';

/**
 * Escapes article text for a Markdown hover: every ASCII punctuation mark
 * that Markdown could read as syntax is backslash-escaped, and line breaks
 * become spaces, so the text shows as written and cannot form links,
 * images or HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:/$]/gu, '\\$&');
}

/** A link for a hover when the URL is http, https or mailto; otherwise the URL as plain text. */
export function safeLink(label: string, url: string | undefined): string {
  if (!url) return escapeMarkdown(label);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const shownLabel = escapeMarkdown(label || url);
  if (!parsed || !['http:', 'https:', 'mailto:'].includes(parsed.protocol)) {
    return label && label !== url ? `${shownLabel} — ${escapeMarkdown(url)} (not a web link)` : `${shownLabel} (not a web link)`;
  }
  const destination = parsed.href.replace(/[()<> \\]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${shownLabel}](${destination})`;
}

/** What a hover card may add beside the claim's own data. */
export interface HoverCardOptions {
  /**
   * The claim's diagnostic is shown in the same hover (its message says the
   * status), so the card does not say it again.
   */
  readonly statusShown?: boolean;
  /** A `command:` link that edits a footnote's definition, for notes the article defines. */
  readonly editNoteLink?: (source: Source) => string | undefined;
}

/** One line of Markdown per source. */
export function sourceMarkdown(source: Source, options: HoverCardOptions = {}): string {
  switch (source.kind) {
    case 'link': {
      const title = source.title ? ` — “${escapeMarkdown(source.title)}”` : '';
      return `${source.weak ? 'Link on a name' : 'Link'}: ${safeLink(source.label, source.url)}${source.url && source.label && source.label !== source.url ? ` \`${codeSafe(source.url)}\`` : ''}${title}`;
    }
    case 'footnote': {
      const urls = (source.urls ?? (source.url ? [source.url] : [])).map((u) => safeLink(u, u));
      const text = source.text === undefined ? '*no definition*' : escapeMarkdown(source.text);
      const edit = source.text === undefined ? undefined : options.editNoteLink?.(source);
      return `Footnote \\[^${escapeMarkdown(source.label)}\\]: ${text}${urls.length ? ` — ${urls.join(', ')}` : ''}${edit ? ` · [Edit note](${edit})` : ''}`;
    }
    case 'citation': {
      const key = escapeMarkdown(source.key ?? source.label);
      const locator = source.text ? `, ${escapeMarkdown(source.text)}` : '';
      if (source.entry) return `Citation @${key}${locator}: ${entryMarkdown(source.entry)}`;
      return `Citation @${key}${locator}${source.url ? ` ${safeLink(source.url, source.url)}` : ' (no bibliography entry known)'}`;
    }
    case 'textual': {
      const phrase = source.phrase ? ` (“${escapeMarkdown(source.phrase)}”)` : '';
      return `per ${escapeMarkdown(source.name ?? source.label)} (no link)${phrase}`;
    }
  }
}

/**
 * Why Claim Lens reads a claim as it does, as Markdown: the lines of
 * `explainClaim` for the claim of `explained` (an analysis made with
 * `explain: true`) that stands where `claim` does; empty when none does.
 */
export function claimExplanationMarkdown(claim: Claim, explained: Analysis, text: string): string {
  const same = explained.claims.find((c) => c.range.start === claim.range.start && c.range.end === claim.range.end);
  if (!same) return '';
  return ['**Why**', ...explainClaim(same, explained, text).map((line) => `- ${escapeMarkdown(line)}`)].join('\n');
}

/**
 * The hover card of a claim, as Markdown with every article string escaped.
 * The status is said once: in the heading, or not at all when the claim's
 * diagnostic, shown in the same hover, says it (`statusShown`).
 */
export function claimHoverMarkdown(claim: Claim, options: HoverCardOptions = {}): string {
  const parts: string[] = [];
  parts.push(options.statusShown ? '**Claim Lens**' : `**Claim Lens** · ${statusLabels[claim.status]}`);
  parts.push(`**${escapeMarkdown(claim.text)}** — ${escapeMarkdown(describeClaim(claim))}`);
  parts.push(`> ${escapeMarkdown(claim.sentence)}`);
  switch (claim.status) {
    case 'uncited':
    case 'attributed':
      parts.push('Quick fix (Ctrl+.): *Cite a source already in this article…* or *Add a new source…*');
      break;
    case 'ignored':
      parts.push('Ignored by a `claimlens-ignore` comment or an ignore pattern.');
      break;
    case 'cited':
      break;
  }
  if (citedOnlyByNameLinks(claim)) {
    parts.push(
      claim.status === 'cited'
        ? 'Cited only by a link on a name: it leads to a page about the name, not to evidence for the figure.'
        : 'Cited only by a link on a name, which `claimlens.linkSources` ("strong") does not count as a source.',
    );
  }
  if (claim.sources.length) parts.push(['**Sources**', ...claim.sources.map((s) => `- ${sourceMarkdown(s, options)}`)].join('\n'));
  return parts.join('\n\n');
}

/**
 * A bibliography entry as a short reference in Markdown: `Author, Year.
 * *Title*. Container.` and the DOI or URL as a link, every part escaped.
 */
export function entryMarkdown(entry: BibEntry): string {
  const { head, title, container, link } = entryParts(entry);
  const parts: string[] = [];
  if (head !== undefined) parts.push(escapeMarkdown(closePart(head)));
  if (title !== undefined) parts.push(`*${escapeMarkdown(title)}*${escapeMarkdown(closePart(title).slice(title.length))}`);
  if (container !== undefined) parts.push(escapeMarkdown(closePart(container)));
  if (link !== undefined) parts.push(safeLink(link, link));
  return parts.join(' ');
}

/**
 * The hover card of a citation key: its entry as a short reference and where
 * the entry is defined (`where`, e.g. "references/milling.bib, line 1"), or
 * why there is none.
 */
export function keyHoverMarkdown(key: string, entry: BibEntry | undefined, where: string | undefined, hasBibliography: boolean): string {
  const title = `**Claim Lens** · Citation @${escapeMarkdown(key)}`;
  if (entry) return [title, entryMarkdown(entry), ...(where ? [`Defined in ${escapeMarkdown(where)}`] : [])].join('\n\n');
  return hasBibliography
    ? `${title}\n\nNo bibliography of this article holds this key.`
    : `${title}\n\nThis article names no bibliography: add \`bibliography:\` to its front matter, or set \`claimlens.bibliography\`.`;
}

/** The hover card of a broken source. */
export function problemHoverMarkdown(problem: Problem): string {
  return `**Claim Lens** · \`${problem.code}\`\n\n${escapeMarkdown(problem.message)}`;
}

/** What a hover reads: one analysed article and how its host shows it. */
export interface HoverSubject {
  readonly text: string;
  readonly format: Format;
  readonly settings: Settings;
  readonly analysis: Analysis;
  readonly bibliography?: Bibliography | undefined;
  /** Whether the claim has a diagnostic, whose message (shown in the same hover) says its status. */
  statusShown(claim: Claim): boolean;
  /** Where a bibliography entry stands ("refs.bib, line 3"), as the host names files. */
  whereDefined(entry: BibEntry): string | undefined;
  readonly editNoteLink?: (source: Source) => string | undefined;
}

/**
 * The hover at `offset` (UTF-16, 0-based): the cards of the claims, the
 * citation key and the broken sources there, as one Markdown string, with
 * the offsets they cover; undefined when nothing is there.
 */
export function hoverCardsAt(subject: HoverSubject, offset: number): { markdown: string; start: number; end: number } | undefined {
  const cards: string[] = [];
  let start = Infinity;
  let end = -Infinity;
  const cover = (range: { start: number; end: number }): void => {
    start = Math.min(start, range.start);
    end = Math.max(end, range.end);
  };
  const { text, analysis, bibliography } = subject;
  const claims = claimsAt(analysis, offset);
  // The explanation is asked for on hover only: the cached analysis does not record rule firings.
  const explained = claims.length && subject.settings.explainInHover
    ? analyze(text, { format: subject.format, settings: subject.settings, explain: true, ...(bibliography ? { bibliography } : {}) })
    : undefined;
  for (const claim of claims) {
    const card = claimHoverMarkdown(claim, { statusShown: subject.statusShown(claim), ...(subject.editNoteLink ? { editNoteLink: subject.editNoteLink } : {}) });
    const why = explained ? claimExplanationMarkdown(claim, explained, text) : '';
    cards.push(why ? `${card}\n\n${why}` : card);
    cover(claim.range);
  }
  const cited = citedKeyAt(text, analysis, offset);
  if (cited && (cited.source.entry || !bibliography)) {
    const entry = cited.source.entry;
    cards.push(keyHoverMarkdown(cited.key, entry, entry ? subject.whereDefined(entry) : undefined, bibliography !== undefined));
    cover(cited.range);
  }
  for (const problem of analysis.problems) {
    if (problem.range.start <= offset && offset <= problem.range.end) {
      cards.push(problemHoverMarkdown(problem));
      cover(problem.range);
    }
  }
  return cards.length ? { markdown: cards.join('\n\n---\n\n'), start, end } : undefined;
}

/** Claims whose anchor holds `offset` (its end included, as editors hover). */
export function claimsAt(analysis: Analysis, offset: number): Claim[] {
  return analysis.claims.filter((c) => c.range.start <= offset && offset <= c.range.end);
}

function codeSafe(text: string): string {
  return text.replace(/`/gu, '\u02cb').replace(/\s+/gu, ' ');
}
