import { ansiStyles, plainStyles, type Styles } from '../core';

/** Where the CLI writes, and what it knows of its surroundings; `main` passes the process's own. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The part of a stream the CLI uses. */
export interface OutputStream {
  /** Text, or UTF-8 bytes as a Buffer (the parts of a report rendered where the files were analysed). */
  write(text: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
}

export { ansiStyles, escapeControls, plainStyles, type Styles } from '../core';

/** Colours only for a terminal, unless `NO_COLOR` is set or `--no-color` given (`FORCE_COLOR` forces them). */
export function stylesFor(stream: OutputStream, env: CliIo['env'], wanted: boolean): Styles {
  return colorsOn(stream, env, wanted) ? ansiStyles : plainStyles;
}

/** Whether `stylesFor` gives colours. */
export function colorsOn(stream: OutputStream, env: CliIo['env'], wanted: boolean): boolean {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return wanted && !env.NO_COLOR && (forced || stream.isTTY === true);
}
