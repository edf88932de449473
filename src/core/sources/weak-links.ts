import { joiners, postSegments, topicSegments } from '../lang/en/rule-words';

/** A word of a name: capitalised, an acronym, or a brand spelt with a lower-case initial and a capital inside ("iFlytek", "eBay"). */
const nameWord = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Ll}+\p{Lu}[\p{L}\p{M}]*|\p{Lu}\p{L}*\d*)$/u;
const maxNameWords = 6;

/**
 * Whether link text is only a name: one to six words, each capitalised
 * (joiners such as "of", "the", "&" aside), no figure in it, and not the
 * start of a sentence's worth of words. Possessives count ("Yahoo's").
 * Chinese text of up to eight Han characters with no figure is a name too.
 */
export function isNameOnly(label: string): boolean {
  const text = label.replace(/[\u2019']s$/u, '').trim();
  if (!text || text.length > 80 || /\d/u.test(text)) return false;
  if (/^\p{Script=Han}{2,8}$/u.test(text)) return true;
  const words = text.split(/\s+/u);
  if (words.length > maxNameWords) return false;
  let named = 0;
  for (const [i, word] of words.entries()) {
    const bare = word.replace(/^[("“]+|[)"”,;:]+$/gu, '');
    if (!bare) return false;
    if (nameWord.test(bare)) named++;
    else if (!(joiners.has(bare.toLowerCase()) && i > 0 && i < words.length - 1) && !(i === 0 && bare.toLowerCase() === 'the')) return false;
  }
  return named > 0;
}
/** Hosts whose one-segment paths are profiles: `twitter.com/nasa`, `linkedin.com/company/x`. */
const profileHosts = /(?:^|\.)(?:twitter\.com|x\.com|facebook\.com|instagram\.com|linkedin\.com|threads\.net|tiktok\.com|youtube\.com|github\.com|bsky\.app|mastodon\.social|weibo\.com|crunchbase\.com)$/u;

/**
 * Whether a URL leads to a page about a name rather than to evidence: the
 * site's home page, a topic, tag, people, company or author page (a path
 * `/topic/…`, `/people/…`, ending one segment after such a word), a
 * Wikipedia article, or a profile on a social network.
 */
export function isTopicPage(url: string): boolean {
  // A relative link ("/about", "#fn1", "report.pdf") has no scheme: `new URL` would throw.
  if (!url.includes(':')) return false;
  const parts = plainParts(url) ?? parsedParts(url);
  if (!parts) return false;
  const { segments } = parts;
  const host = parts.host.replace(/^www\./u, '');
  if (!segments.length) return !parts.search;
  if (/(?:^|\.)wikipedia\.org$/u.test(host)) return segments[0] === 'wiki' && segments.length === 2;
  if (profileHosts.test(host)) return segments.length <= 2 && !segments.some((s) => postSegments.has(s));
  // A topic word, then one name (and perhaps a page number): /topic/yahoo, /en/people/tim-cook/, /tag/ai/page/2.
  for (let i = 0; i < segments.length - 1; i++) {
    if (!topicSegments.has(segments[i])) continue;
    const rest = segments.slice(i + 1);
    if (rest.length === 1 || (rest.length === 3 && rest[1] === 'page' && /^\d+$/u.test(rest[2]))) return true;
  }
  return false;
}

/** What `isTopicPage` asks of an address: its lower-case host and path segments, and whether it has a query. */
interface AddressParts {
  readonly host: string;
  readonly segments: readonly string[];
  readonly search: boolean;
}

/**
 * An http(s) address that the URL parser would leave as it is: a host of
 * ASCII labels ending in a letter label (not an IPv4 address, no punycode),
 * no user, port, white space, control character, percent escape, backslash
 * or dot segment.
 */
const plainAddress = /^[hH][tT][tT][pP][sS]?:\/\/((?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*)((?:\/[A-Za-z0-9_.~!$&'()*+,;=:@-]*)*)(?:\?([^#\s\x00-\x1f]*))?(?:#[^\s\x00-\x1f]*)?$/u;

/** The parts of a plain address (see `plainAddress`), read without `new URL`, which costs more than the rest of the check; undefined for any other. */
function plainParts(url: string): AddressParts | undefined {
  const m = plainAddress.exec(url);
  if (!m || m[1].includes('xn--')) return undefined;
  const segments: string[] = [];
  for (const s of m[2].split('/')) {
    if (s === '.' || s === '..') return undefined;
    if (s) segments.push(s.toLowerCase());
  }
  return { host: m[1].toLowerCase(), segments, search: m[3] !== undefined && m[3] !== '' };
}

/** The parts of any address by the URL parser; undefined when it is not an http(s) address. */
function parsedParts(url: string): AddressParts | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return {
    host: parsed.hostname.toLowerCase(),
    segments: parsed.pathname.split('/').filter(Boolean).map((s) => decodeSegment(s).toLowerCase()),
    search: parsed.search !== '',
  };
}

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Whether a link with this text and destination is a weak source (see the module's comment). */
export function isWeakLink(label: string, url: string | undefined): boolean {
  return url !== undefined && isNameOnly(label) && isTopicPage(url);
}
