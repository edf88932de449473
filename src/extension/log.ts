import * as vscode from 'vscode';

/** The "Claim Lens" output channel: errors with their whole cause chain. */
export class Log implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Claim Lens', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  /** Logs `message` and every cause under it. */
  error(message: string, cause?: unknown): void {
    this.channel.error([message, ...describeCauses(cause)].join('\n  caused by: '));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

function describeCauses(cause: unknown): string[] {
  const out: string[] = [];
  let at = cause;
  for (let depth = 0; at !== undefined && depth < 8; depth++) {
    if (at instanceof Error) {
      out.push(at.stack ?? `${at.name}: ${at.message}`);
      at = at.cause;
    } else {
      out.push(String(at));
      break;
    }
  }
  return out;
}
