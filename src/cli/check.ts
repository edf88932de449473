import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  analyze,
  findingsOf,
  formatOfPath,
  summarize,
  summaryLine,
  toCsv,
  toJsonReport,
  toMarkdown,
  toSarif,
  withBibliographyProblems,
  type Finding,
  type ReportFile,
  type Severity,
} from '../core';
import type { CheckOptions } from './args';
import { RunBibliographies } from './bibliographies';
import { FixedConfig, NearestConfig, type SettingsSource } from './config-lookup';
import { discoverFiles, workspaceRoot } from './discover';
import { stylesFor, type CliIo, type Styles } from './io';
import { mapConcurrent } from './pool';
import { readArticle } from './read-article';

/** Files read at once. */
const concurrency = 8;
/** Progress is shown for more files than this, on a terminal. */
const progressThreshold = 20;

/** A file that could not be analysed, and why. */
interface Failure {
  readonly path: string;
  readonly reason: string;
}

/**
 * `claimlens check`: finds the files, reads and analyses them, prints the
 * report and returns the exit code: 2 when a path named nothing, a file or
 * configuration could not be read or had errors; else 1 when more claims
 * are uncited than `--max-uncited`; else 0.
 */
export async function runCheck(options: CheckOptions, io: CliIo, version: string): Promise<number> {
  const display = (path: string) => relative(io.cwd, path).split(sep).join('/') || '.';
  const errStyles = stylesFor(io.stderr, io.env, options.color);
  const usage = (message: string) => io.stderr.write(`claimlens: ${message}\n`);

  let config: SettingsSource;
  if (options.config !== undefined) {
    try {
      config = await FixedConfig.load(resolve(io.cwd, options.config));
    } catch (cause) {
      usage(cause instanceof Error ? cause.message : String(cause));
      return 2;
    }
  } else {
    config = new NearestConfig();
  }

  const discovery = await discoverFiles(options.paths, io.cwd, await workspaceRoot(options.root === undefined ? undefined : resolve(io.cwd, options.root), io.cwd));
  if (discovery.usageErrors.length) {
    for (const message of discovery.usageErrors) usage(message);
    return 2;
  }
  const failures: Failure[] = discovery.ioErrors.map(([path, reason]) => ({ path: display(path), reason }));

  const paths = discovery.files.map((file) => ({ file, path: display(file) })).sort((a, b) => compare(a.path, b.path));
  const progress = progressReporter(io, paths.length, options.quiet);
  const root = await workspaceRoot(options.root === undefined ? undefined : resolve(io.cwd, options.root), io.cwd);
  const bibliographies = new RunBibliographies(io.cwd, display, root);
  const analysed = await mapConcurrent(paths, concurrency, async ({ file, path }): Promise<ReportFile | undefined> => {
    try {
      const format = formatOfPath(file);
      const read = await readArticle(file, options.maxSize);
      const fileSettings = await config.settingsFor(file);
      const settings = { ...fileSettings.settings, ...(options.scope ? { scope: options.scope } : {}) };
      if (!read.ok || !format) {
        failures.push({ path, reason: read.ok ? 'not a format Claim Lens reads' : read.reason });
        return undefined;
      }
      try {
        const { bibliography, problems } = await bibliographies.forArticle(file, read.text, format, fileSettings);
        const analysis = analyze(read.text, { format, settings, ...(bibliography ? { bibliography } : {}) });
        return { path, text: read.text, analysis: withBibliographyProblems(analysis, problems), settings };
      } catch (cause) {
        failures.push({ path, reason: `could not be analysed: ${cause instanceof Error ? cause.message : String(cause)}` });
        return undefined;
      }
    } finally {
      progress.step();
    }
  });
  progress.done();
  const files = analysed.filter((file): file is ReportFile => file !== undefined);

  const configIssues = [...config.issues].sort((a, b) => compare(a.path, b.path));
  for (const { path, issue } of configIssues) {
    const where = `${display(path)}:${issue.line ?? 1}:${issue.column ?? 1}`;
    io.stderr.write(`${where} ${errStyles.red('error')} config-error ${issue.field}: ${issue.message}\n`);
  }
  for (const warning of bibliographies.warnings()) {
    io.stderr.write(`${warning.path}:${warning.line}:1 ${errStyles.yellow('warning')} ${warning.code} ${warning.message}\n`);
  }
  for (const failure of failures.sort((a, b) => compare(a.path, b.path))) {
    io.stderr.write(`${failure.path}:1:1 ${errStyles.red('error')} read-error ${failure.reason}; file skipped\n`);
  }

  const totals = summarize(files);
  switch (options.format) {
    case 'json':
      io.stdout.write(`${JSON.stringify(toJsonReport(files), null, 2)}\n`);
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
      if (!options.quiet) lines.push(styles.bold(summaryLine(totals)));
      if (lines.length) io.stdout.write(`${lines.join('\n')}\n`);
      break;
    }
  }

  if (failures.length || configIssues.length) return 2;
  return totals.uncited > options.maxUncited ? 1 : 0;
}

const severityStyle: Record<Severity, keyof Styles> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** `path:line:column severity code message`, as the `claimlens` problem matcher reads it. */
export function findingLine(path: string, finding: Finding, styles: Styles): string {
  const where = `${path}:${finding.start.line}:${finding.start.column}`;
  return `${where} ${styles[severityStyle[finding.severity]](finding.severity)} ${styles.dim(finding.code)} ${finding.message}`;
}

/** Orders paths by UTF-16 code units, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function progressReporter(io: CliIo, total: number, quiet: boolean): { step(): void; done(): void } {
  if (quiet || total <= progressThreshold || io.stderr.isTTY !== true) return { step() {}, done() {} };
  let count = 0;
  let shownAt = 0;
  return {
    step() {
      count++;
      const now = Date.now();
      if (now - shownAt < 100 && count < total) return;
      shownAt = now;
      io.stderr.write(`\rAnalysing ${count}/${total} files…`);
    },
    done() {
      io.stderr.write('\r\u001b[K');
    },
  };
}
