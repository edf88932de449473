// In a module of its own, so that a shell can escape Markdown without loading the analyser.

/** Escapes text for a Markdown table cell or line: markup characters, pipes, entities and line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}
