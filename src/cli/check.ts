import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  explainFile,
  findingsOf,
  formatRuleStats,
  ruleStats,
  summarize,
  summaryLine,
  toCsv,
  jsonReportFrame,
  jsonReportText,
  toMarkdown,
  toSarif,
  type Finding,
  type Severity,
  type Totals,
} from '../core';
import { analyseFiles, timingsLine, type RenderedFiles } from '../workspace';
import type { CheckOptions } from './args';
import { escapeControls, stylesFor, type CliIo, type Styles } from './io';

/** Progress is shown for more files than this, on a terminal. */
const progressThreshold = 20;

/**
 * `claimlens check`: has the workspace layer find, read and analyse the
 * files, prints the report and returns the exit code: 2 when a path named
 * nothing, a file or configuration could not be read or had errors; else 1
 * when more claims are uncited than `--max-uncited`; else 0.
 */
export async function runCheck(options: CheckOptions, io: CliIo, version: string): Promise<number> {
  const errStyles = stylesFor(io.stderr, io.env, options.color);
  const usage = (message: string) => io.stderr.write(`claimlens: ${message}\n`);
  // What goes to the terminal: names and messages from files, with their control characters shown escaped.
  const safe = escapeControls;
  const progress = progressReporter(io, options.quiet);
  const scope = options.scope;
  // The JSON report of many files is rendered where each file is analysed, in the worker threads too; --verify adds to the files after.
  const renderJson = options.format === 'json' && !options.verify && !options.explain && !options.ruleStats;
  // Rendered files are written as they come, in order, unless to a terminal, where the progress line shares the screen.
  const stream = renderJson && io.stdout.isTTY !== true ? new JsonStream(io) : undefined;
  const run = await analyseFiles({
    paths: options.paths,
    cwd: io.cwd,
    maxSize: options.maxSize,
    ...(options.root !== undefined ? { root: options.root } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(scope ? { overrides: { scope } } : {}),
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    onProgress: progress.step,
    explain: options.explain || options.ruleStats,
    renderJson,
    ...(stream ? { onRendered: (json: Uint8Array) => stream.write(json) } : {}),
    shortLived: true,
  });
  progress.done();
  if (run.usageErrors.length) {
    for (const message of run.usageErrors) usage(safe(message));
    return 2;
  }
  const { configIssues, skipped, leftOut } = run;
  let files = run.files;
  // The verify layer (fetching, caching, matching) is loaded only for `--verify`.
  const verifying = options.verify ? (require('./verify-sources') as typeof import('./verify-sources')) : undefined;
  if (options.verify && verifying) files = await verifying.verifyFiles(files, options.verify, io, version, options.quiet);
  const display = (path: string) => relative(io.cwd, path).split(sep).join('/') || '.';
  for (const { path, issue } of configIssues) {
    const where = `${safe(display(path))}:${issue.line ?? 1}:${issue.column ?? 1}`;
    io.stderr.write(`${where} ${errStyles.red('error')} config-error ${safe(issue.field)}: ${safe(issue.message)}\n`);
  }
  for (const warning of run.bibliographyWarnings) {
    io.stderr.write(`${safe(warning.path)}:${warning.line}:1 ${errStyles.yellow('warning')} ${warning.code} ${safe(warning.message)}\n`);
  }
  for (const failure of skipped) {
    io.stderr.write(`${safe(failure.path)}:1:1 ${errStyles.red('error')} read-error ${safe(failure.reason)}; file skipped\n`);
  }
  // Files left out on purpose (too large, not a WordPress post): a note, not an error.
  if (!options.quiet) {
    for (const note of leftOut) io.stderr.write(`${safe(note.path)}:1:1 ${errStyles.cyan('info')} skipped ${safe(note.reason)}\n`);
  }

  const totals = run.rendered && files === run.files ? run.rendered.totals : summarize(files);
  const reportStarted = performance.now();
  if (options.explain || options.ruleStats) {
    // Each line escaped on its own: names and phrases come from the files.
    const parts = options.explain ? files.map((f) => explainFile(f)).filter(Boolean) : [];
    if (options.ruleStats) parts.push(formatRuleStats(ruleStats(files), files.length));
    io.stdout.write(`${parts.join('\n\n').split('\n').map(safe).join('\n')}\n`);
  } else switch (options.format) {
    case 'json':
      if (run.rendered && files === run.files && stream) stream.end(run.rendered.totals);
      else if (run.rendered && files === run.files) writeRendered(io, run.rendered);
      else writePieces(io, [...jsonReportText(files), '\n']);
      break;
    case 'sarif':
      io.stdout.write(`${JSON.stringify(toSarif(files, { toolVersion: version, srcRoot: `${pathToFileURL(io.cwd).href.replace(/\/?$/, '/')}` }), null, 2)}\n`);
      break;
    case 'csv':
      io.stdout.write(toCsv(files));
      break;
    case 'markdown':
      io.stdout.write(toMarkdown(files));
      break;
    case 'text': {
      const styles = stylesFor(io.stdout, io.env, options.color);
      const lines: string[] = [];
      for (const file of files) {
        for (const finding of findingsOf(file)) {
          if (options.quiet && finding.severity === 'info') continue;
          lines.push(findingLine(file.path, finding, styles));
        }
      }
      if (!options.quiet) lines.push(styles.bold(summaryLine(totals, skipped.length + leftOut.length)));
      if (lines.length) io.stdout.write(`${lines.join('\n')}\n`);
      break;
    }
  }

  if (run.timings) {
    for (const timings of run.timings) io.stderr.write(`${timingsLine(timings)}\n`);
    io.stderr.write(`claimlens timings: report after the analysis: ${(performance.now() - reportStarted).toFixed(0)} ms\n`);
  }
  if (skipped.length || configIssues.length) return 2;
  const failing = totals.uncited + (options.verify?.failOnUnsupported && verifying ? verifying.unsupportedClaims(files) : 0);
  return failing > options.maxUncited ? 1 : 0;
}

/** Writes the JSON report of files rendered where they were analysed, in writes of about a megabyte. */
function writeRendered(io: CliIo, rendered: RenderedFiles): void {
  const frame = jsonReportFrame(rendered.totals, rendered.json.length);
  const separator = Buffer.from(frame.separator);
  let batch: Uint8Array[] = [Buffer.from(frame.head)];
  let length = 0;
  rendered.json.forEach((bytes, i) => {
    if (i) batch.push(separator);
    batch.push(bytes);
    length += bytes.length;
    if (length >= 1 << 20) {
      io.stdout.write(Buffer.concat(batch));
      batch = [];
      length = 0;
    }
  });
  batch.push(Buffer.from(`${frame.tail}\n`));
  io.stdout.write(Buffer.concat(batch));
}

/**
 * Writes the JSON report of files rendered where they were analysed while
 * they come, in their order: the head before the first, a separator before
 * each next, and at the end the tail with the totals. The report is the one
 * `writeRendered` writes, byte for byte.
 */
class JsonStream {
  private written = 0;
  private readonly head: Uint8Array;
  private readonly separator: Uint8Array;

  constructor(private readonly io: CliIo) {
    // The head and separator of a report with files do not depend on the totals.
    const frame = jsonReportFrame(summarize([]), 1);
    this.head = Buffer.from(frame.head);
    this.separator = Buffer.from(frame.separator);
  }

  write(json: Uint8Array): void {
    this.io.stdout.write(this.written++ ? this.separator : this.head);
    this.io.stdout.write(json);
  }

  end(totals: Totals): void {
    const frame = jsonReportFrame(totals, this.written);
    this.io.stdout.write(`${this.written ? frame.tail : frame.head}\n`);
  }
}

/** Writes `pieces` in writes of about a megabyte: a report of many files is too large for one string. */
function writePieces(io: CliIo, pieces: readonly string[]): void {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= 1 << 20) {
      io.stdout.write(batch.join(''));
      batch = [];
      length = 0;
    }
  }
  if (batch.length) io.stdout.write(batch.join(''));
}

const severityStyle: Record<Severity, keyof Styles> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** `path:line:column severity code message`, as the `claimlens` problem matcher reads it. */
export function findingLine(path: string, finding: Finding, styles: Styles): string {
  const where = `${escapeControls(path)}:${finding.start.line}:${finding.start.column}`;
  return `${where} ${styles[severityStyle[finding.severity]](finding.severity)} ${styles.dim(finding.code)} ${escapeControls(finding.message)}`;
}

function progressReporter(io: CliIo, quiet: boolean): { step(count: number, total: number): void; done(): void } {
  if (quiet || io.stderr.isTTY !== true) return { step() {}, done() {} };
  let shownAt = 0;
  let shown = false;
  return {
    step(count, total) {
      if (total <= progressThreshold) return;
      const now = Date.now();
      if (now - shownAt < 100 && count < total) return;
      shownAt = now;
      shown = true;
      io.stderr.write(`\rAnalysing ${count}/${total} files…`);
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[K');
    },
  };
}
