import { createBibliography, type LoadedBibliography } from './bibliography';
import { parseBibliography } from './parse';
import type { ParsedBibliography } from './types';

/** A 53-bit hash of a string (cyrb53): cheap next to parsing, and collisions are negligible. */
function hashText(text: string): string {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

interface Cached {
  readonly hash: string;
  version?: string | number;
  readonly result: ParsedBibliography;
}

/**
 * Parsed bibliography files by file name, for shells that load the same files
 * again and again. Pure: the caller reads the files and passes their text.
 * A file is parsed again only when its content changed (by hash); a version
 * stamp such as an mtime lets the caller skip even reading an unchanged file.
 */
export class BibliographyCache {
  private readonly files = new Map<string, Cached>();

  /** The cached result when the file was loaded with this `version`, else undefined. */
  get(fileName: string, version: string | number): ParsedBibliography | undefined {
    const cached = this.files.get(fileName);
    return cached !== undefined && cached.version === version ? cached.result : undefined;
  }

  /**
   * The parsed file: the cached result (the same object) when `text` is what
   * was parsed last time, else a new parse, which replaces it. `version` is
   * remembered for `get`.
   */
  load(fileName: string, text: string, version?: string | number): ParsedBibliography {
    const hash = hashText(text);
    const cached = this.files.get(fileName);
    if (cached !== undefined && cached.hash === hash) {
      cached.version = version;
      return cached.result;
    }
    const result = parseBibliography(text, fileName);
    this.files.set(fileName, { hash, version, result });
    return result;
  }

  /** Forgets a file (deleted, or no longer named by any article). */
  delete(fileName: string): boolean {
    return this.files.delete(fileName);
  }

  clear(): void {
    this.files.clear();
  }

  /** The names of the files held. */
  fileNames(): string[] {
    return [...this.files.keys()];
  }

  /**
   * A bibliography over the named files, in the order given (the first
   * defining a key wins); files not loaded are left out.
   */
  bibliography(fileNames: readonly string[]): LoadedBibliography {
    return createBibliography(
      fileNames.flatMap((fileName) => {
        const cached = this.files.get(fileName);
        return cached === undefined ? [] : [{ fileName, entries: cached.result.entries }];
      }),
    );
  }
}
