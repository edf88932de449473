import type { ProseDocument } from './prose';
import { readText } from './text';

/** Options of `readMarkdown`. */
export interface MarkdownOptions {
  /** Read MDX: JSX tags, `{expressions}` and `import`/`export` lines are not prose. */
  readonly mdx: boolean;
}

/** Reads Markdown (CommonMark + GFM, footnotes, Pandoc citations) into prose blocks. */
export function readMarkdown(text: string, _options: MarkdownOptions): ProseDocument {
  return readText(text); // placeholder until the Markdown reader lands
}
