/** Building regular expressions from a pack's words. */

/** `text` with every character that has a meaning in a regular expression escaped (valid with the `u` flag). */
function escapeWord(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

/**
 * The source of a non-capturing group that matches any of `words` literally:
 * "(?:said|told)". The longest come first, so that where alternatives share a
 * start the longer wins ("他们" before "他"). An empty list gives a group that
 * matches nothing.
 */
export function wordGroup(words: Iterable<string>): string {
  const list = [...new Set(words)].sort((a, b) => b.length - a.length);
  return list.length ? `(?:${list.map(escapeWord).join('|')})` : '(?!)';
}

/** The source of a character class of `chars` (each a single character), escaped: "[沪京港]". An empty list matches nothing. */
export function charClass(chars: Iterable<string>): string {
  const list = [...new Set(chars)];
  return list.length ? `[${list.map((c) => c.replace(/[\]\\^-]/gu, '\\$&')).join('')}]` : '(?!)';
}
