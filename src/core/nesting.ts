/**
 * How deep JSON (with comments) or YAML nests, found by one scan that skips
 * strings and comments: the parsers recurse once per level and overflow the
 * stack on a few hundred thousand `[` (in YAML the overflow can even strike
 * inside V8's regular-expression compiler, which ends the process), so
 * deeper text is refused before it is parsed.
 */

/** Nesting deeper than this is refused: settings, front matter and CSL items nest a handful of levels. */
export const maxNesting = 256;

/** The 0-based offset of the first `[` or `{` that nests deeper than `max`, or undefined. */
export function jsonTooDeepAt(text: string, max = maxNesting): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote (or the end of the line, where an unclosed one stops).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22 || d === 0x0a) break;
      }
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    }
  }
  return undefined;
}

/**
 * The 0-based offset where YAML nests deeper than `max`, or undefined:
 * flow collections (`[`, `{`, outside quotes and comments) and block
 * indicators piled on one line (`- - - x`, `? ? x`) both count.
 */
export function yamlTooDeepAt(text: string, max = maxNesting): number | undefined {
  let flow = 0;
  let lineStart = true;
  let blocks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lineStart = true;
      blocks = 0;
      continue;
    }
    if (lineStart && flow === 0) {
      if (c === 0x20 || c === 0x09) continue;
      // "- " or "? " (or ":" after "?") before the node: one more block level each.
      if ((c === 0x2d || c === 0x3f || c === 0x3a) && (text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x09)) {
        if (++blocks > max) return i;
        i++;
        continue;
      }
      lineStart = false;
    }
    if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if (c === 0x22 || c === 0x27) {
      // A quoted scalar: to its closing quote ("\"" escapes in double quotes, "''" in single ones).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (c === 0x22 && d === 0x5c) i++;
        else if (d === c) {
          if (c === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
          else break;
        }
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++flow > max) return i;
    } else if ((c === 0x5d || c === 0x7d) && flow > 0) {
      flow--;
    }
  }
  return undefined;
}
