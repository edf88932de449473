import { findBareUrls } from './urls';
import { parseNumberList } from './markdown-citations';
import { ProseBuilder, type FootnoteDefinition, type ProseBlock, type ProseDocument } from './prose';
import { referenceHeading } from './reference-headings';

const terminal = /[.!?。！？…]["”’'」』)）]*$/u;
const numberedEntry = /^\s*\[?(\d{1,3})[\].)]\s+\S/u;

/**
 * Reads plain text. Blocks are split at blank lines, and at line ends that
 * close a sentence (one paragraph per line is common in exported articles);
 * other line breaks are soft wraps. A short first line without closing
 * punctuation is the title, other such lines standing alone are headings.
 * Bare URLs are links; `[12]` is a numbered reference; the entries under a
 * "References" or "Sources" line are not prose.
 */
export function readText(text: string): ProseDocument {
  const blocks: ProseBlock[] = [];
  const references: FootnoteDefinition[] = [];
  const lines = splitLines(text);
  let group = 0;
  let inReferences = false;
  let firstContent = true;
  let i = 0;
  while (i < lines.length) {
    if (isBlank(text, lines[i])) {
      i++;
      continue;
    }
    // A block: consecutive lines until a blank line or a line that closes a sentence.
    const first = i;
    let last = i;
    while (last + 1 < lines.length && !isBlank(text, lines[last + 1]) && !terminal.test(lineText(text, lines[last]).trimEnd())) {
      last++;
    }
    const standalone = first === last && (first + 1 >= lines.length || isBlank(text, lines[first + 1]));
    const content = lineText(text, lines[first]).trim();
    i = last + 1;

    if (referenceHeading().test(content)) {
      inReferences = true;
      firstContent = false;
      continue;
    }
    if (inReferences && numberedEntry.test(content)) {
      for (let l = first; l <= last; l++) {
        const entry = lineText(text, lines[l]).trim();
        references.push({ label: String(references.length + 1), text: entry, urls: findBareUrls(entry).map((u) => u.url), raw: lines[l] });
      }
      continue;
    }
    inReferences = false;

    const heading = standalone && content.length <= 150 && !terminal.test(content) && !/[.!?。！？]\s/u.test(content);
    const kind = heading ? (firstContent ? 'title' : 'heading') : 'paragraph';
    firstContent = false;
    blocks.push(buildBlock(text, lines[first].start, lines[last].end, kind, group++));
  }
  return { blocks, footnotes: new Map(), references, problems: [] };
}

interface Line {
  readonly start: number;
  /** End of the line's content, before `\r\n` or `\n`. */
  readonly end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ start, end });
    start = nl + 1;
  }
  return lines;
}

function lineText(text: string, line: Line): string {
  return text.slice(line.start, line.end);
}

function isBlank(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff) return false;
  }
  return true;
}

const numberedMarker = /\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]/gu;

function buildBlock(text: string, start: number, end: number, kind: ProseBlock['kind'], group: number): ProseBlock {
  const b = new ProseBuilder(text);
  const slice = text.slice(start, end);
  const cuts: { start: number; end: number; numbers: string[] }[] = [];
  numberedMarker.lastIndex = 0;
  for (let m = numberedMarker.exec(slice); m; m = numberedMarker.exec(slice)) {
    const numbers = parseNumberList(m[1], 0, m[1].length);
    if (numbers) cuts.push({ start: start + m.index, end: start + m.index + m[0].length, numbers });
  }
  let at = start;
  for (const cut of cuts) {
    b.verbatim(at, cut.start);
    for (const n of cut.numbers) {
      b.mark({ kind: 'numbered', start: b.length, end: b.length, raw: { start: cut.start, end: cut.end }, label: n });
    }
    at = cut.end;
  }
  b.verbatim(at, end);
  const block = b.build(kind, group);
  const links = findBareUrls(block.text).map((url) => ({
    kind: 'link' as const,
    start: url.start,
    end: url.end,
    raw: block.map.toRaw(url.start, url.end),
    label: url.url,
    url: url.url,
  }));
  return links.length ? { ...block, marks: [...block.marks, ...links] } : block;
}
