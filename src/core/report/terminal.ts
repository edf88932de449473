/**
 * The text report's lines as a terminal shows them: ANSI styles, or none,
 * and text from files with its control characters shown escaped.
 */
import type { Finding, Severity } from './findings';

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

/** The ANSI styles of a terminal, and none. */
export const ansiStyles: Styles = { dim: ansi(2, 22), bold: ansi(1, 22), red: ansi(31, 39), yellow: ansi(33, 39), cyan: ansi(36, 39) };
export const plainStyles: Styles = { dim: plain, bold: plain, red: plain, yellow: plain, cyan: plain };

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

const severityStyle: Record<Severity, keyof Styles> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** `path:line:column severity code message`, as the `claimlens` problem matcher reads it. */
export function findingLine(path: string, finding: Finding, styles: Styles): string {
  const where = `${escapeControls(path)}:${finding.start.line}:${finding.start.column}`;
  return `${where} ${styles[severityStyle[finding.severity]](finding.severity)} ${styles.dim(finding.code)} ${escapeControls(finding.message)}`;
}
