import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { addTotals, analyzeArticles, formatOfContent, formatOfPath, ignoredClaimsFor, summarize, withBibliographyProblems, type ReportFile, type Settings, type Totals } from '../core';
import { RunBibliographies, type BibliographyWarning } from './bibliographies';
import { FixedConfig, NearestConfig, type LocatedConfigIssue, type SettingsSource } from './config-lookup';
import { discoverFiles, readRoots } from './discover';
import { mapConcurrent } from './pool';
import { readArticle } from './read-article';
import { renderFile, type RenderFormat } from './render-file';
import { InOrder } from './in-order';
import { PhaseTimer, type ThreadTimings } from './timings';
import { analyseInWorkers } from './worker-pool';

/** A file that could not be analysed, and why. */
export interface SkippedFile {
  /** The path shown: relative to the working folder, with `/`. */
  readonly path: string;
  readonly reason: string;
}

/** What to analyse, and how. */
export interface AnalyseFilesOptions {
  /** Files, folders and globs, relative to `cwd`. */
  readonly paths: readonly string[];
  /** The working folder: paths are resolved and shown relative to it. */
  readonly cwd: string;
  /** Files larger than this many bytes are skipped. */
  readonly maxSize: number;
  /**
   * The folder bibliographies and followed links must lie in (relative to
   * `cwd`); default: the git work tree around `cwd`, else `cwd`.
   */
  readonly root?: string;
  /** A configuration file for every file, instead of the nearest `.claimlensrc.*`. */
  readonly config?: string;
  /** Settings laid over each file's own (the command line's `--scope`). */
  readonly overrides?: Partial<Settings>;
  /** Files read at once in one thread (default 8). */
  readonly concurrency?: number;
  /**
   * Threads analysing many files at once, this one included: default one
   * per core (`defaultJobs`, at most 8) and one per `minBytesPerWorker` bytes of files; 1 analyses everything in
   * this thread. Fewer than `minFilesPerWorker` files per worker are not worth a thread's start-up.
   */
  readonly jobs?: number;
  /** The worker script (default: `analyse-worker.js` beside this bundle); without one, everything runs in this thread. */
  readonly workerScript?: string;
  /** Called after each file, with how many are done and how many there are. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Record which named rules fired in each analysis (`Analysis.firings`). */
  readonly explain?: boolean;
  /**
   * Render each file for this report (`renderFile`) in the thread that
   * analyses it, and keep only that (`rendered`): `files` is then empty, and
   * worker threads send texts and counts instead of analyses.
   */
  readonly render?: RenderFormat;
  /**
   * With `render`: takes each file's rendering as soon as it and every
   * file before it are done, in the order of `rendered.pieces` (which then
   * stays empty), so that the report is written while files are still
   * analysed.
   */
  readonly onRendered?: (piece: Uint8Array) => void;
  /**
   * The process ends with this run (the command line). With more than one
   * thread, V8 then spends less on optimising the analysis (no inlining):
   * each thread compiles it anew, and on a few cores that compiling competes
   * with the analysis itself.
   */
  readonly shortLived?: boolean;
  /** Stops the run: files not started yet are left out, and `cancelled` is set. */
  readonly signal?: AbortSignal;
}

/** The outcome of one run over a workspace. */
export interface FilesAnalysis {
  /** Analysed files, sorted by path (none with `render`: see `rendered`). */
  readonly files: readonly ReportFile[];
  /** Files that could not be read (binary, not UTF-8, unreadable), sorted by path: errors. */
  readonly skipped: readonly SkippedFile[];
  /**
   * Files left out on purpose, sorted by path: larger than `maxSize`, or a
   * `.json` or `.xml` file named among the paths that is not a WordPress
   * post or export. Notes, not errors. (Such files found in a folder or by
   * a glob are passed over without a note, unless too large and of a
   * format read by name.)
   */
  readonly leftOut: readonly SkippedFile[];
  /** Paths, folders or globs that named nothing; nothing else was done. */
  readonly usageErrors: readonly string[];
  /** Issues of configuration files, by path. */
  readonly configIssues: readonly LocatedConfigIssue[];
  /** What was wrong in bibliography files and settings, each once. */
  readonly bibliographyWarnings: readonly BibliographyWarning[];
  /** The run was stopped by its signal before every file was done. */
  readonly cancelled: boolean;
  /** Worker threads that analysed files beside this one (0: this thread alone). */
  readonly workers: number;
  /** With `render`: the analysed files, sorted by path, rendered for the report. */
  readonly rendered?: RenderedFiles;
  /** With `CLAIMLENS_TIMINGS=1`: where each thread spent its time. */
  readonly timings?: readonly ThreadTimings[];
}

/** Below this many files per worker, one thread is faster than starting more. */
export const minFilesPerWorker = 48;

/**
 * Below this many bytes of files per thread, the default (no `jobs`) starts
 * no more threads: a worker compiles and warms up the analysis anew, which
 * costs about as much CPU as analysing a few megabytes, and on two cores
 * that are also busy with other work a second thread measured slower than
 * one for folders of 1 and 3 MB.
 */
export const minBytesPerWorker = 4 * 1024 * 1024;

/**
 * What one file gave: its reports (one, or one per post of a WordPress
 * export; none for a `.json` or `.xml` file found in a folder that is no
 * post), or why it was skipped (an error) or left out (on purpose).
 */
export type FileResult =
  | { readonly files: readonly ReportFile[] }
  | { readonly rendered: RenderedFiles }
  | { readonly skipped: SkippedFile }
  | { readonly leftOut: SkippedFile };

/** What analysing one file needs: the settings source, the run's bibliographies and the limits. */
export interface FileAnalyser {
  readonly config: SettingsSource;
  readonly bibliographies: RunBibliographies;
  analyse(file: string, path: string): Promise<FileResult>;
}

/**
 * Files rendered for a report (`renderFile`), in UTF-8: bytes outside the
 * JavaScript heap, which a worker thread hands over without a copy and the
 * CLI writes as they are. With the files' totals.
 */
export interface RenderedFiles {
  readonly pieces: readonly Uint8Array[];
  readonly totals: Totals;
}

const utf8 = new TextEncoder();

/** The serialisable part of a run's options, which a worker thread needs to analyse files as this thread would. */
export interface RunSetup {
  readonly cwd: string;
  /** The real folders bibliographies and followed links must lie in. */
  readonly roots: readonly string[];
  readonly maxSize: number;
  readonly config?: string;
  readonly overrides?: Partial<Settings>;
  /** Files named among the paths themselves: a `.json` or `.xml` one that is no post gets a note. */
  readonly named?: readonly string[];
  /** Record which named rules fired in each analysis (`Analysis.firings`). */
  readonly explain?: boolean;
  /** Give each file rendered for this report instead of its analysis. */
  readonly render?: RenderFormat;
  /** Count where the time goes (`CLAIMLENS_TIMINGS`). */
  readonly timings?: boolean;
}

/** Makes the analyser of one thread; throws an `Error` naming the file when the fixed configuration cannot be read. */
export async function createFileAnalyser(setup: RunSetup, timer: PhaseTimer = new PhaseTimer('thread', false)): Promise<FileAnalyser> {
  const display = (path: string) => relative(setup.cwd, path).split(sep).join('/') || '.';
  const config: SettingsSource = setup.config !== undefined ? await FixedConfig.load(resolve(setup.cwd, setup.config)) : new NearestConfig();
  const bibliographies = new RunBibliographies(setup.cwd, display, setup.roots);
  const named = new Set(setup.named ?? []);
  return {
    config,
    bibliographies,
    async analyse(file, path) {
      const read = await timer.time('read', () => readArticle(file, setup.maxSize));
      // A .json or .xml file found in a folder is an article only when its content says so; others pass unnoticed.
      const byName = formatOfPath(file) !== undefined || named.has(file);
      if (!read.ok) {
        if (!byName) return { files: [] };
        return read.skipped ? { leftOut: { path, reason: read.reason } } : { skipped: { path, reason: read.reason } };
      }
      const format = formatOfContent(file, read.text);
      if (!format) return byName ? { leftOut: { path, reason: 'not a WordPress post, page or export, the only .json and .xml files Claim Lens reads' } } : { files: [] };
      const fileSettings = await timer.time('settings', () => config.settingsFor(file));
      const settings = setup.overrides ? { ...fileSettings.settings, ...setup.overrides } : fileSettings.settings;
      try {
        const { bibliography, problems } = await timer.time('bibliography', () => bibliographies.forArticle(file, read.text, format, fileSettings));
        const ignoredClaims = fileSettings.configPath && fileSettings.ignore?.length
          ? ignoredClaimsFor(fileSettings.ignore, relative(dirname(fileSettings.configPath), file).split(sep).join('/'))
          : [];
        // A WordPress export or a list of posts is reported post by post: `export.xml#post-slug`.
        const articles = timer.timeSync('analyse', () => analyzeArticles(read.text, { format, settings, ignoredClaims, explain: setup.explain === true, ...(bibliography ? { bibliography } : {}) }));
        const files: ReportFile[] = articles.map((article) => ({
          path: article.name === undefined ? path : `${path}#${article.name}`,
          text: read.text,
          analysis: withBibliographyProblems(article.analysis, problems),
          settings,
        }));
        const { render } = setup;
        if (!render) return { files };
        return timer.timeSync('render', () => ({ rendered: { pieces: files.map((f) => utf8.encode(renderFile(f, render))), totals: summarize(files) } }));
      } catch (cause) {
        return { skipped: { path, reason: `could not be analysed: ${cause instanceof Error ? cause.message : String(cause)}` } };
      }
    },
  };
}

/**
 * One answer to "which files, read how, with which settings": finds the files
 * (`discoverFiles`), reads them (`readArticle`), takes each one's settings
 * from the nearest `.claimlensrc.*` (or the fixed `config`), loads its
 * bibliography once per run, and analyses it. The command line and the
 * language server's workspace report both call this.
 */
export async function analyseFiles(options: AnalyseFilesOptions): Promise<FilesAnalysis> {
  const { cwd } = options;
  const timer = new PhaseTimer('main thread');
  const display = (path: string) => relative(cwd, path).split(sep).join('/') || '.';
  const roots = await readRoots({ paths: options.paths, ...(options.root !== undefined ? { root: options.root } : {}) }, cwd);
  let setup: RunSetup = {
    cwd,
    roots,
    maxSize: options.maxSize,
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.explain ? { explain: true } : {}),
    ...(options.render ? { render: options.render } : {}),
    ...(timer.on ? { timings: true } : {}),
  };
  let analyser: FileAnalyser;
  try {
    analyser = await createFileAnalyser(setup, timer);
  } catch (cause) {
    return empty({ usageErrors: [cause instanceof Error ? cause.message : String(cause)] });
  }

  const discovery = await timer.time('discover', () => discoverFiles(options.paths, cwd, roots));
  if (discovery.usageErrors.length) return empty({ usageErrors: discovery.usageErrors });
  // A .json or .xml file named on the command line that is no WordPress post gets a note; found in a folder, none.
  const namedByContent = [...discovery.named].filter((file) => formatOfPath(file) === undefined);
  if (namedByContent.length) {
    setup = { ...setup, named: namedByContent };
    analyser = await createFileAnalyser(setup, timer);
  }
  const skipped: SkippedFile[] = discovery.ioErrors.map(([path, reason]) => ({ path: display(path), reason }));
  const paths = discovery.files.map((file) => ({ file, path: display(file) })).sort((a, b) => compare(a.path, b.path));
  const onRendered = setup.render ? options.onRendered : undefined;

  const script = options.workerScript ?? join(__dirname, 'analyse-worker.js');
  let jobs = Math.min(options.jobs ?? defaultJobs(), Math.floor(paths.length / minFilesPerWorker));
  if (options.jobs === undefined && jobs > 1) jobs = Math.max(1, Math.min(jobs, Math.floor((await totalBytes(paths, options.maxSize)) / minBytesPerWorker)));
  if (jobs > 1 && existsSync(script)) {
    if (options.shortLived) optimiseLess();
    const run = await analyseInWorkers(paths, setup, {
      jobs,
      script,
      local: analyser,
      ...(onRendered ? { onRendered: (piece: Uint8Array) => timer.timeSync('write', () => onRendered(piece)) } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const issues = dedupe([...analyser.config.issues, ...run.configIssues], (i) => `${i.path}\u0000${i.issue.line}\u0000${i.issue.column}\u0000${i.issue.field}\u0000${i.issue.message}`);
    const warnings = dedupe([...analyser.bibliographies.warnings(), ...run.bibliographyWarnings], (w) => `${w.path}\u0000${w.line}\u0000${w.message}`);
    return {
      files: run.files,
      ...(run.rendered ? { rendered: run.rendered } : {}),
      skipped: [...skipped, ...run.skipped].sort((a, b) => compare(a.path, b.path)),
      leftOut: [...run.leftOut].sort((a, b) => compare(a.path, b.path)),
      usageErrors: [],
      configIssues: issues.sort((a, b) => compare(a.path, b.path)),
      bibliographyWarnings: warnings.sort((a, b) => compare(a.path, b.path) || a.line - b.line),
      cancelled: run.cancelled,
      workers: jobs - 1,
      ...(timer.on ? { timings: [timer.snapshot(), ...run.timings] } : {}),
    };
  }

  let done = 0;
  let cancelled = false;
  const leftOut: SkippedFile[] = [];
  const inOrder = onRendered ? new InOrder<Uint8Array>((piece) => timer.timeSync('write', () => onRendered(piece))) : undefined;
  const analysed = await mapConcurrent(paths, options.concurrency ?? 8, async ({ file, path }, index): Promise<FileResult | undefined> => {
    if (options.signal?.aborted) {
      cancelled = true;
      inOrder?.put(index, []);
      return undefined;
    }
    let result: FileResult | undefined;
    try {
      result = await analyser.analyse(file, path);
      if ('skipped' in result) skipped.push(result.skipped);
      else if ('leftOut' in result) leftOut.push(result.leftOut);
      return inOrder ? streamed(result, inOrder, index) : result;
    } finally {
      if (!result) inOrder?.put(index, []);
      options.onProgress?.(++done, paths.length);
    }
  });
  const { files, rendered } = joinResults(analysed, setup.render !== undefined);
  return {
    files,
    ...(rendered ? { rendered } : {}),
    skipped: skipped.sort((a, b) => compare(a.path, b.path)),
    leftOut: leftOut.sort((a, b) => compare(a.path, b.path)),
    usageErrors: [],
    configIssues: [...analyser.config.issues].sort((a, b) => compare(a.path, b.path)),
    bibliographyWarnings: analyser.bibliographies.warnings(),
    cancelled,
    workers: 0,
    ...(timer.on ? { timings: [timer.snapshot()] } : {}),
  };
}

/** Hands a file's renderings to `inOrder` and keeps only its totals (other results as they are). */
export function streamed(result: FileResult, inOrder: InOrder<Uint8Array>, index: number): FileResult {
  if (!('rendered' in result)) {
    inOrder.put(index, []);
    return result;
  }
  inOrder.put(index, result.rendered.pieces);
  return { rendered: { pieces: [], totals: result.rendered.totals } };
}

/**
 * Has V8 optimise the analysis without inlining, from now on, in every
 * thread of the process. Each thread compiles the analysis anew; with
 * inlining, that compiling took as much CPU as a third of the analysis
 * itself on a run over 1,000 files, in threads that compete with the
 * analysis for the cores. Only for a process that ends after the run: the
 * language server keeps its threads warm and is better off with inlining.
 */
function optimiseLess(): void {
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--no-turbo-inlining');
}

/**
 * Threads for a run over many files when `--jobs` does not say: one per
 * core the process may use (`availableParallelism`), at most 8, whatever
 * the load. The load average counts what other programs ask of the cores,
 * not what they leave this run: under load, the system still shares the
 * cores' time among the runnable threads, so a run in two threads gets
 * more of it than a run in one (`--jobs 1` is there to leave the other
 * cores alone).
 */
export function defaultJobs(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** The bytes the files hold, each counted up to `maxSize` (larger ones are not read); a file that cannot be read counts nothing. */
async function totalBytes(paths: readonly { readonly file: string }[], maxSize: number): Promise<number> {
  const sizes = await mapConcurrent(paths, 32, ({ file }) => stat(file).then((s) => Math.min(s.size, maxSize), () => 0));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** The files' reports in order, or their renderings joined when they were rendered. */
export function joinResults(results: readonly (FileResult | undefined)[], rendered: boolean): { files: ReportFile[]; rendered?: RenderedFiles } {
  const files: ReportFile[] = [];
  const pieces: Uint8Array[] = [];
  const totals: Totals[] = [];
  for (const result of results) {
    if (!result) continue;
    if ('files' in result) files.push(...result.files);
    else if ('rendered' in result) {
      pieces.push(...result.rendered.pieces);
      totals.push(result.rendered.totals);
    }
  }
  return rendered ? { files, rendered: { pieces, totals: addTotals(totals) } } : { files };
}

function dedupe<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

function empty(part: Partial<FilesAnalysis>): FilesAnalysis {
  return { files: [], skipped: [], leftOut: [], usageErrors: [], configIssues: [], bibliographyWarnings: [], cancelled: false, workers: 0, ...part };
}

/** Orders paths by UTF-16 code units, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
