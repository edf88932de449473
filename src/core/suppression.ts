import { LineIndex } from './lines';

/** Which raw offsets the writer has suppressed with Claim Lens comments. */
export interface Suppression {
  /** Whether a claim starting at this raw offset is ignored. */
  isIgnored(offset: number): boolean;
  /** Raw offsets where a `<!-- claimlens-ignore -->` comment ends, in order: each ignores the first claim starting at or after it. */
  readonly nextClaim: readonly number[];
}

const directive = /<!--\s*claimlens-(ignore-next-line|ignore-line|ignore-file|ignore|disable|enable)\s*-->/gu;
const noOffsets: readonly number[] = Object.freeze([]);

/**
 * Finds suppression comments, as prose linters take them:
 * `<!-- claimlens-ignore -->` (the next claim, wherever it stands: the
 * comment goes inline, just before the claim),
 * `<!-- claimlens-ignore-next-line -->` (the next non-blank line),
 * `<!-- claimlens-ignore-line -->` (its own line),
 * `<!-- claimlens-disable -->` … `<!-- claimlens-enable -->`, and
 * `<!-- claimlens-ignore-file -->`. Works the same in Markdown, HTML and text.
 */
export function findDirectives(text: string): Suppression {
  if (text.indexOf('claimlens-') === -1) return { isIgnored: () => false, nextClaim: noOffsets };
  // Lines are counted only for articles that hold a directive: most do not, and this runs on every keystroke.
  const lines = new LineIndex(text);
  const ignoredLines = new Set<number>();
  const regions: [number, number][] = [];
  let disabledAt = -1;
  let wholeFile = false;
  const nextClaim: number[] = [];
  directive.lastIndex = 0;
  for (let m = directive.exec(text); m; m = directive.exec(text)) {
    const end = m.index + m[0].length;
    switch (m[1]) {
      case 'ignore-file':
        wholeFile = true;
        break;
      case 'ignore':
        nextClaim.push(end);
        break;
      case 'ignore-line':
        ignoredLines.add(lines.lineColumn(m.index).line);
        break;
      case 'ignore-next-line': {
        let line = lines.lineColumn(end).line + 1;
        while (line <= lines.lineCount && isBlankLine(text, lines, line)) line++;
        ignoredLines.add(line);
        break;
      }
      case 'disable':
        if (disabledAt < 0) disabledAt = end;
        break;
      case 'enable':
        if (disabledAt >= 0) regions.push([disabledAt, m.index]);
        disabledAt = -1;
        break;
    }
  }
  if (disabledAt >= 0) regions.push([disabledAt, text.length]);
  if (wholeFile) return { isIgnored: () => true, nextClaim };
  return {
    nextClaim,
    isIgnored(offset: number): boolean {
      if (ignoredLines.size && ignoredLines.has(lines.lineColumn(offset).line)) return true;
      return regions.some(([a, b]) => offset >= a && offset < b);
    },
  };
}

function isBlankLine(text: string, lines: LineIndex, line: number): boolean {
  const start = lines.lineStart(line);
  const next = line < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  return text.slice(start, next).trim() === '';
}
