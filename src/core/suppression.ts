import { LineIndex } from './lines';

/** Which raw offsets the writer has suppressed with Claim Lens comments. */
export interface Suppression {
  /** Whether a claim starting at this raw offset is ignored. */
  isIgnored(offset: number): boolean;
}

const directive = /<!--\s*claimlens-(ignore-next-line|ignore-line|ignore-file|disable|enable)\s*-->/gu;

/**
 * Finds suppression comments, as prose linters take them:
 * `<!-- claimlens-ignore-next-line -->` (the next non-blank line),
 * `<!-- claimlens-ignore-line -->` (its own line),
 * `<!-- claimlens-disable -->` … `<!-- claimlens-enable -->`, and
 * `<!-- claimlens-ignore-file -->`. Works the same in Markdown, HTML and text.
 */
export function findDirectives(text: string): Suppression {
  if (text.indexOf('claimlens-') === -1) return { isIgnored: () => false };
  // Lines are counted only for articles that hold a directive: most do not, and this runs on every keystroke.
  const lines = new LineIndex(text);
  const ignoredLines = new Set<number>();
  const regions: [number, number][] = [];
  let disabledAt = -1;
  let wholeFile = false;
  directive.lastIndex = 0;
  for (let m = directive.exec(text); m; m = directive.exec(text)) {
    const end = m.index + m[0].length;
    switch (m[1]) {
      case 'ignore-file':
        wholeFile = true;
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
  if (wholeFile) return { isIgnored: () => true };
  return {
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
