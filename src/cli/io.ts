/** Where the CLI writes, and what it knows of its surroundings; `main` passes the process's own. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The part of a stream the CLI uses. */
export interface OutputStream {
  /** Text, or UTF-8 bytes (the JSON report of many files, rendered in worker threads). */
  write(text: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
}

/** ANSI styles, or none. */
export interface Styles {
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/** Colours only for a terminal, unless `NO_COLOR` is set or `--no-color` given (`FORCE_COLOR` forces them). */
export function stylesFor(stream: OutputStream, env: CliIo['env'], wanted: boolean): Styles {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const on = wanted && !env.NO_COLOR && (forced || stream.isTTY === true);
  if (!on) return { dim: plain, bold: plain, red: plain, yellow: plain, cyan: plain };
  return { dim: ansi(2, 22), bold: ansi(1, 22), red: ansi(31, 39), yellow: ansi(33, 39), cyan: ansi(36, 39) };
}

/**
 * Text from a file or its name made safe for a terminal: control characters
 * (C0, DEL, C1, and line and paragraph separators) shown as `\x1b` or
 * `\u2028`, so that an escape sequence in a file name or citation key
 * neither drives the terminal nor forges a line a problem matcher reads.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
