import { dirname, relative, resolve, sep } from 'node:path';
import { analyze, formatOfPath, ignoredClaimsFor, withBibliographyProblems, type ReportFile, type Settings } from '../core';
import { RunBibliographies, type BibliographyWarning } from './bibliographies';
import { FixedConfig, NearestConfig, type LocatedConfigIssue, type SettingsSource } from './config-lookup';
import { discoverFiles, readRoots } from './discover';
import { mapConcurrent } from './pool';
import { readArticle } from './read-article';

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
  /** Settings laid over each file's own (the command line's `--scope`, an editor's settings). */
  readonly override?: (settings: Settings) => Settings;
  /** Files read at once (default 8). */
  readonly concurrency?: number;
  /** Called after each file, with how many are done and how many there are. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Record which named rules fired in each analysis (`Analysis.firings`). */
  readonly explain?: boolean;
  /** Stops the run: files not started yet are left out, and `cancelled` is set. */
  readonly signal?: AbortSignal;
}

/** The outcome of one run over a workspace. */
export interface FilesAnalysis {
  /** Analysed files, sorted by path. */
  readonly files: readonly ReportFile[];
  /** Files skipped (binary, not UTF-8, too large, unreadable), sorted by path. */
  readonly skipped: readonly SkippedFile[];
  /** Paths, folders or globs that named nothing; nothing else was done. */
  readonly usageErrors: readonly string[];
  /** Issues of configuration files, by path. */
  readonly configIssues: readonly LocatedConfigIssue[];
  /** What was wrong in bibliography files and settings, each once. */
  readonly bibliographyWarnings: readonly BibliographyWarning[];
  /** The run was stopped by its signal before every file was done. */
  readonly cancelled: boolean;
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
  const display = (path: string) => relative(cwd, path).split(sep).join('/') || '.';
  let config: SettingsSource;
  if (options.config !== undefined) {
    const path = resolve(cwd, options.config);
    try {
      config = await FixedConfig.load(path);
    } catch (cause) {
      return empty({ usageErrors: [cause instanceof Error ? cause.message : String(cause)] });
    }
  } else {
    config = new NearestConfig();
  }

  const roots = await readRoots({ paths: options.paths, ...(options.root !== undefined ? { root: options.root } : {}) }, cwd);
  const discovery = await discoverFiles(options.paths, cwd, roots);
  if (discovery.usageErrors.length) return empty({ usageErrors: discovery.usageErrors });
  const skipped: SkippedFile[] = discovery.ioErrors.map(([path, reason]) => ({ path: display(path), reason }));

  const paths = discovery.files.map((file) => ({ file, path: display(file) })).sort((a, b) => compare(a.path, b.path));
  const bibliographies = new RunBibliographies(cwd, display, roots);
  let done = 0;
  let cancelled = false;
  const analysed = await mapConcurrent(paths, options.concurrency ?? 8, async ({ file, path }): Promise<ReportFile | undefined> => {
    if (options.signal?.aborted) {
      cancelled = true;
      return undefined;
    }
    try {
      const format = formatOfPath(file);
      const read = await readArticle(file, options.maxSize);
      const fileSettings = await config.settingsFor(file);
      const settings = options.override ? options.override(fileSettings.settings) : fileSettings.settings;
      if (!read.ok || !format) {
        skipped.push({ path, reason: read.ok ? 'not a format Claim Lens reads' : read.reason });
        return undefined;
      }
      try {
        const { bibliography, problems } = await bibliographies.forArticle(file, read.text, format, fileSettings);
        const ignoredClaims = fileSettings.configPath && fileSettings.ignore?.length
          ? ignoredClaimsFor(fileSettings.ignore, relative(dirname(fileSettings.configPath), file).split(sep).join('/'))
          : [];
        const analysis = analyze(read.text, { format, settings, ignoredClaims, explain: options.explain === true, ...(bibliography ? { bibliography } : {}) });
        return { path, text: read.text, analysis: withBibliographyProblems(analysis, problems), settings };
      } catch (cause) {
        skipped.push({ path, reason: `could not be analysed: ${cause instanceof Error ? cause.message : String(cause)}` });
        return undefined;
      }
    } finally {
      options.onProgress?.(++done, paths.length);
    }
  });
  return {
    files: analysed.filter((file): file is ReportFile => file !== undefined),
    skipped: skipped.sort((a, b) => compare(a.path, b.path)),
    usageErrors: [],
    configIssues: [...config.issues].sort((a, b) => compare(a.path, b.path)),
    bibliographyWarnings: bibliographies.warnings(),
    cancelled,
  };
}

function empty(part: Partial<FilesAnalysis>): FilesAnalysis {
  return { files: [], skipped: [], usageErrors: [], configIssues: [], bibliographyWarnings: [], cancelled: false, ...part };
}

/** Orders paths by UTF-16 code units, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
