/** Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c] ?? c);
}

/** Escapes a Markdown link's text so brackets and backslashes stay literal. */
export function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/gu, (c) => `\\${c}`);
}

/** A Markdown link destination: in angle brackets when the URL holds spaces, parentheses or angle brackets. */
export function linkDestination(url: string): string {
  return /[\s()<>]/u.test(url) ? `<${url.replace(/[<>]/gu, encodeURIComponent)}>` : url;
}

/** The host name of a URL (without `www.`), or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./u, '') || url;
  } catch {
    return url;
  }
}

/** Whether `text` is an absolute http or https URL with a host. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Escapes every character that has a meaning in a regular expression (valid with the `u` flag). */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}
