/**
 * The largest article read, by default, in bytes: `claimlens check
 * --max-size`, the editor's `claimlens.maxFileSizeKB` and the language
 * server's workspace report share it, so they skip the same files.
 */
export const defaultMaxFileSize = 10 * 1024 * 1024;

/** The same, in KB, as `claimlens.maxFileSizeKB` counts. */
export const defaultMaxFileSizeKB = defaultMaxFileSize / 1024;
