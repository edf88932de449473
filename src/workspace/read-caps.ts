// The caps of reads, apart from the reader: the web client keeps them too, with no Node API to hand.

/** Largest bibliography read, in bytes: a 5,000-entry `.bib` is about 2 MB. */
export const maxBibliographyBytes = 20 * 1024 * 1024;
/** Largest configuration file read, in bytes. */
export const maxConfigBytes = 1024 * 1024;

/** A size in bytes, KB or MB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
