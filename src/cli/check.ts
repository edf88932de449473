import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  explainFile,
  formatRuleStats,
  ruleStats,
  summarize,
  summaryLine,
  toCsv,
  jsonReportFrame,
  jsonReportText,
  toMarkdown,
  toSarif,
  csvHead,
  markdownHead,
  type Totals,
} from '../core';
import { analyseFiles, renderFile, timingsLine, type RenderFormat } from '../workspace';

export { findingLine } from '../core';
import type { CheckOptions } from './args';
import { ansiStyles, colorsOn, escapeControls, plainStyles, stylesFor, type CliIo } from './io';

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
  // Each file's part of the report is rendered where the file is analysed, in the worker threads too; --verify adds to
  // the files after, and --explain and SARIF need them all.
  const render = renderFormatOf(options, colorsOn(io.stdout, io.env, options.color));
  // JSON and CSV parts are written as they come, in order, unless to a terminal, where the progress line shares the
  // screen; the text report keeps its place after the messages on stderr, and Markdown starts with the totals.
  const stream = render && (render.kind === 'json' || render.kind === 'csv') && io.stdout.isTTY !== true ? new PieceWriter(io, render) : undefined;
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
    ...(render ? { render } : {}),
    ...(stream ? { onRendered: (piece: Uint8Array) => stream.write(piece) } : {}),
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
  } else if (run.rendered && render && files === run.files) {
    // Written as they came, or now, in order: the same bytes either way.
    const writer = stream ?? new PieceWriter(io, render);
    for (const piece of run.rendered.pieces) writer.write(piece);
    writer.end(totals, skipped.length + leftOut.length);
  } else switch (options.format) {
    case 'json':
      writePieces(io, [...jsonReportText(files), '\n']);
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
      const color = colorsOn(io.stdout, io.env, options.color);
      let text = '';
      for (const file of files) text += renderFile(file, { kind: 'text', quiet: options.quiet, color });
      if (!options.quiet) text += `${(color ? ansiStyles : plainStyles).bold(summaryLine(totals, skipped.length + leftOut.length))}\n`;
      if (text) io.stdout.write(text);
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

/** How files are rendered where they are analysed, for the report asked for; none when the report needs the analyses. */
function renderFormatOf(options: CheckOptions, color: boolean): RenderFormat | undefined {
  if (options.verify || options.explain || options.ruleStats) return undefined;
  switch (options.format) {
    case 'json':
    case 'csv':
    case 'markdown':
      return { kind: options.format };
    case 'text':
      return { kind: 'text', quiet: options.quiet, color };
    case 'sarif':
      return undefined;
  }
}

/**
 * Writes a report from the parts of files rendered where they were
 * analysed (`renderFile`), in path order, byte for byte as the report of
 * the analyses: what stands before the first part, between two parts and
 * after the last (from the totals) is written here. The text, CSV and JSON
 * reports are written part by part, while files are analysed when the
 * parts are handed over as they come; the Markdown report, which starts
 * with the totals, at the end.
 */
class PieceWriter {
  private written = 0;
  private readonly held: Uint8Array[] = [];

  constructor(
    private readonly io: CliIo,
    private readonly format: RenderFormat,
  ) {}

  write(piece: Uint8Array): void {
    if (this.format.kind === 'markdown') {
      this.held.push(piece);
      return;
    }
    if (this.written++ === 0) {
      // The JSON report's head, when it lists files, and the CSV header do not depend on the totals.
      if (this.format.kind === 'json') this.io.stdout.write(jsonReportFrame(summarize([]), 1).head);
      else if (this.format.kind === 'csv') this.io.stdout.write(csvHead(false));
    } else if (this.format.kind === 'json') this.io.stdout.write(',\n');
    // As a Buffer over the same bytes: a stream given a plain Uint8Array may take it for something else.
    if (piece.length) this.io.stdout.write(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
  }

  /** Writes what follows the parts; `notes`: the files skipped or left out, which the text report's summary counts. */
  end(totals: Totals, notes: number): void {
    switch (this.format.kind) {
      case 'json': {
        const frame = jsonReportFrame(totals, this.written);
        this.io.stdout.write(`${this.written ? frame.tail : frame.head}\n`);
        break;
      }
      case 'csv':
        if (!this.written) this.io.stdout.write(csvHead(false));
        break;
      case 'markdown':
        this.io.stdout.write(markdownHead(totals));
        for (const piece of this.held.splice(0)) this.io.stdout.write(piece);
        break;
      case 'text':
        if (!this.format.quiet) this.io.stdout.write(`${(this.format.color ? ansiStyles : plainStyles).bold(summaryLine(totals, notes))}\n`);
        break;
    }
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
