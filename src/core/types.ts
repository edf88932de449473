/**
 * The plain data the analyser returns. Every offset is a 0-based UTF-16 code
 * unit index into the text given to `analyze()`; every `end` is exclusive.
 */

/**
 * Input formats the analyser reads. `wordpress` is a WordPress REST API
 * post or page (JSON) or a WordPress export (WXR, XML), whose posts' HTML
 * is read where it stands in the file.
 */
export type Format = 'markdown' | 'mdx' | 'html' | 'text' | 'wordpress';

/** A half-open range of UTF-16 offsets into the analysed text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** What a claim counts or measures. */
export type ClaimKind =
  | 'count'
  | 'percent'
  | 'money'
  | 'multiplier'
  | 'fraction'
  | 'measure'
  | 'rank'
  | 'change';

/** Whether a claim has a source: see the spec, section 3. */
export type ClaimStatus = 'cited' | 'attributed' | 'uncited' | 'ignored';

/** How a source is attached to a claim. */
export type SourceKind = 'link' | 'footnote' | 'citation' | 'textual';

/** A bibliography entry a citation key resolves to. */
export interface BibEntry {
  readonly key: string;
  readonly type?: string;
  readonly authors: readonly string[];
  readonly year?: string;
  readonly title?: string;
  readonly container?: string;
  readonly publisher?: string;
  readonly doi?: string;
  readonly url?: string;
  /** Where the entry stands, for Go to Definition: file path or URI and 0-based offset. */
  readonly file?: string;
  readonly offset?: number;
  readonly line?: number;
}

/** A source standing in the text: a link, a footnote, a citation or a named attribution. */
export interface Source {
  /** Stable within one analysis: index into `Analysis.sources`. */
  readonly id: number;
  readonly kind: SourceKind;
  /** Where the marker stands: the whole link, the `[^n]` reference, the `[@key]`, the attribution phrase. */
  readonly range: Range;
  /** Link text, footnote label, citation key or the named source ("McKinsey"). */
  readonly label: string;
  /** Link destination, or the first URL of a footnote definition or bibliography entry. */
  readonly url?: string;
  /** A link's title attribute. */
  readonly title?: string;
  /** Citation key, without `@`. */
  readonly key?: string;
  /** The text of a footnote's definition, or the locator of a citation ("p. 12"). */
  readonly text?: string;
  /** Every URL in a footnote's definition. */
  readonly urls?: readonly string[];
  /** The named source of a textual attribution ("World Intellectual Property Organization"). */
  readonly name?: string;
  /** The attributing phrase itself ("according to", "said", "据…统计"). */
  readonly phrase?: string;
  /** The bibliography entry of a citation, when one is known. */
  readonly entry?: BibEntry;
  /**
   * A link whose text is only a name and whose target is a topic or profile
   * page ("Yahoo" linking to `/topic/yahoo`): it names a source but leads to
   * no evidence. It cites unless the `linkSources` setting is `strong`.
   */
  readonly weak?: true;
}

/** A numeric claim: an anchor (the quantity) in its sentence. */
export interface Claim {
  /** Stable for unchanged text: `${start}:${text}`. */
  readonly id: string;
  /** The anchor: the quantity expression with its qualifier. */
  readonly range: Range;
  /** The anchor's raw text, exactly as it stands. */
  readonly text: string;
  readonly kind: ClaimKind;
  /** The number after scale words ("$40 billion" → 4e10); for a range, its lower bound. */
  readonly value: number | null;
  /** The upper bound of a range ("between 6.5 and 7 percent" → 7). */
  readonly valueMax?: number;
  /** Currency code (USD, CNY, EUR, …) or unit word ("GB", "percentage points"), else null. */
  readonly unit: string | null;
  /** "over", "nearly", "about", "超过", "左右"… */
  readonly qualifier?: string;
  /** The sentence (prose, markup taken away) and its raw range. */
  readonly sentence: string;
  readonly sentenceRange: Range;
  readonly status: ClaimStatus;
  /** Ids into `Analysis.sources`, resolved for convenience. */
  readonly sources: readonly Source[];
}

/** Stable codes for broken sources and bad input. */
export type ProblemCode =
  | 'missing-footnote'
  | 'duplicate-footnote'
  | 'empty-link'
  | 'unknown-citation-key'
  | 'missing-bibliography'
  | 'bibliography-error';

/** A broken source or a problem in the article itself. */
export interface Problem {
  readonly code: ProblemCode;
  readonly message: string;
  readonly range: Range;
}

/** What a named rule did to the quantity or phrase it looked at. */
export type RuleEffect = 'left out' | 'kind' | 'widened' | 'attributed';

/** One named rule's firing: its id, the raw range it looked at, and what it did. */
export interface RuleFiring {
  readonly rule: string;
  readonly range: Range;
  readonly effect: RuleEffect;
}

/** The result of `analyze()`. */
export interface Analysis {
  readonly format: Format;
  readonly claims: readonly Claim[];
  readonly sources: readonly Source[];
  readonly problems: readonly Problem[];
  /** Every named rule that fired, in document order: only when `analyze()` is asked to explain. */
  readonly firings?: readonly RuleFiring[];
}

/** A 1-based line and column (UTF-16 code units), as editors and the CLI show them. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * What checking a cited source for a claim's figure found: `supported` (the
 * source states the figure), `not-found` (the source was read and does not),
 * `unreachable` (the source is gone: 404, 410, no such host, time-out) or
 * `not-checked` (it could not be read: paywall, login, bot wall, format).
 */
export type VerificationStatus = 'supported' | 'not-found' | 'unreachable' | 'not-checked';

/** The result of checking one source of one claim. */
export interface SourceVerification {
  /** `Claim.id` of the claim checked. */
  readonly claimId: string;
  /** `Source.id` of the source checked. */
  readonly sourceId: number;
  readonly status: VerificationStatus;
  /** The address fetched: the link, the footnote's URL, or `https://doi.org/…` for a DOI. */
  readonly url: string;
  /** `supported`: the passage of the source that states the figure. */
  readonly quote?: string;
  /** `supported`: the figure as the source writes it ("38.2 thousand"). */
  readonly figure?: string;
  /** `supported`: a link to the passage (`#:~:text=` fragment, or `#page=N` for a PDF). */
  readonly link?: string;
  /** `supported` in a PDF: the 1-based page the passage stands on. */
  readonly page?: number;
  /** Why a source is `unreachable` or `not-checked`, or what was read for `not-found`. */
  readonly reason?: string;
  /** `unreachable`: an archived copy of the page, when the web archive has one. */
  readonly archived?: string;
}
