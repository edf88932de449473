import type { ProseDocument } from './prose';
import { readText } from './text';

/** Reads HTML into prose blocks. */
export function readHtml(text: string): ProseDocument {
  return readText(text); // placeholder until the HTML reader lands
}
