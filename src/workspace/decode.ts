// No Node API here: the language server decodes bibliographies with this in a browser too.

/** The text of a file, or why it could not be had. */
export type ReadResult =
  | { readonly ok: true; readonly text: string }
  /** `skipped`: left out on purpose (larger than the size limit), not an error. */
  | { readonly ok: false; readonly reason: string; readonly skipped?: true };

/** File signatures of common binary formats, for a skip reason that names what the file is. */
const signatures: readonly (readonly [string, readonly number[]])[] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['an executable (ELF)', [0x7f, 0x45, 0x4c, 0x46]],
];

/** What a binary file's first bytes say it is, if they match a known signature. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [name, magic] of signatures) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return name;
  }
  return undefined;
}

/**
 * UTF-16 without a byte order mark, told by its zero bytes: in mostly-ASCII
 * text every other byte is 0, on the same side. Looks at the first 4 KB.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros >= pairs * 0.6 && evenZeros === 0) return 'utf-16le';
  if (evenZeros >= pairs * 0.6 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

/**
 * Decodes a file's bytes: UTF-8 (with or without a byte order mark), UTF-16
 * LE or BE with a byte order mark, or without one when its zero bytes give
 * it away. Refuses files of a known binary format (naming it), other files
 * holding NUL bytes, and bytes that are not valid in their encoding (a
 * Latin-1 or Windows-1252 file is not valid UTF-8), each with a reason to
 * show.
 */
export function decodeText(bytes: Uint8Array): ReadResult {
  const kind = binaryKind(bytes);
  if (kind) return { ok: false, reason: `looks binary (${kind})` };
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = bomEncoding(bytes) ?? 'utf-8';
  if (encoding === 'utf-8' && bytes.includes(0)) {
    const sniffed = sniffUtf16(bytes);
    if (!sniffed) return { ok: false, reason: 'looks binary (it holds NUL bytes); UTF-16 text needs a byte order mark' };
    encoding = sniffed;
  }
  try {
    // The decoder drops a byte order mark, so offsets start at the first character.
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: `is not valid ${encoding.toUpperCase()} text` };
  }
}

function bomEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
