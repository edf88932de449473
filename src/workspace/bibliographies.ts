import { dirname, isAbsolute, resolve } from 'node:path';
import {
  assembleBibliography,
  parseBibliography,
  planBibliography,
  type ArticleBibliography,
  type BibliographyFileRef,
  type BibliographyFileResult,
  type BibliographySetting,
  type BibProblem,
  type Format,
  type ResolvedBibliographyRef,
} from '../core';
import type { FileSettings } from './config-lookup';
import { decodeText } from './decode';
import { isInside, maxBibliographyBytes, readGuarded, realPathOf } from './guarded-read';

/** A bibliography warning for stderr: where, and what. */
export interface BibliographyWarning {
  /** The path to show (relative to the working folder). */
  readonly path: string;
  /** 1-based line. */
  readonly line: number;
  readonly code: 'bibliography-error' | 'missing-bibliography';
  readonly message: string;
}

/**
 * Loads the bibliographies of the articles of one run, as the editor does
 * (the core's `planBibliography`): front matter `bibliography:` relative to
 * the article, `references:`, and the `bibliography` setting relative to the
 * `.claimlensrc` file that sets it (or the working folder). Each file is read
 * and parsed once per run, however many articles name it; what is wrong in
 * the files is collected once, for stderr.
 */
export class RunBibliographies {
  private readonly files = new Map<string, Promise<BibliographyFileResult>>();
  private readonly globs = new Map<string, Promise<string[]>>();
  private readonly warned = new Map<string, BibliographyWarning>();

  /**
   * `display` turns an absolute path into the path shown (and used as the
   * file's name in entries and messages). `roots` (real paths) are the
   * folders bibliography files must lie in: a path, glob or link that leads
   * out of all of them is not read.
   */
  constructor(
    private readonly cwd: string,
    private readonly display: (path: string) => string,
    private readonly roots: readonly string[],
  ) {}

  /**
   * The bibliography of the article at the absolute path `file`. `extra`
   * adds bibliography settings with their own base folders (an editor's
   * `claimlens.bibliography`, relative to its workspace folder).
   */
  async forArticle(
    file: string,
    text: string,
    format: Format,
    fileSettings: FileSettings,
    extra: readonly BibliographySetting<string>[] = [],
  ): Promise<ArticleBibliography<string>> {
    const base = fileSettings.configPath ? dirname(fileSettings.configPath) : this.cwd;
    const settings = [...extra, ...fileSettings.settings.bibliography.map((path) => ({ path, base }))];
    const articleName = this.display(file);
    const plan = planBibliography(text, format, settings, articleName);
    const resolved: ResolvedBibliographyRef<string>[] = [];
    for (const ref of plan.files) resolved.push({ ref, files: await Promise.all((await this.pathsOf(file, ref)).map((path) => this.load(path))) });
    const result = assembleBibliography(plan, resolved, articleName);
    for (const problem of result.fileProblems) this.warnAbout(problem);
    for (const unread of result.unread) {
      const where = fileSettings.configPath ? this.display(fileSettings.configPath) : articleName;
      const message = `"bibliography": ${unread.message}`;
      this.warn({ path: where, line: 1, code: unread.missing ? 'missing-bibliography' : 'bibliography-error', message });
    }
    return result;
  }

  /** Every problem found in bibliography files and settings so far, by path and line, each once. */
  warnings(): BibliographyWarning[] {
    return [...this.warned.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  }

  private async pathsOf(article: string, ref: BibliographyFileRef<string>): Promise<string[]> {
    if (ref.origin.kind === 'front-matter') return [resolve(dirname(article), ref.path)];
    const base = ref.origin.base;
    if (!ref.isGlob) return [resolve(base, ref.path)];
    const key = `${base}\u0000${ref.path}`;
    let found = this.globs.get(key);
    if (!found) {
      found = this.expandGlob(base, ref.path);
      this.globs.set(key, found);
    }
    return found;
  }

  /**
   * The files a glob matches inside the root, each once by its real path. A
   * glob whose fixed part leads out of the root (`../../**`, `/etc/**`)
   * matches nothing; links are not followed while matching, so a loop of
   * links is not walked round.
   */
  private async expandGlob(base: string, pattern: string): Promise<string[]> {
    const fixed = resolve(base, staticPart(pattern));
    const realBase = await realPathOf(base);
    if (!this.contains(fixed) || (realBase !== undefined && !this.contains(realBase))) return [];
    // tinyglobby is loaded with the first bibliography glob.
    const paths = await (require('tinyglobby') as typeof import('tinyglobby')).glob([pattern], {
      cwd: base,
      absolute: true,
      onlyFiles: true,
      expandDirectories: false,
      followSymbolicLinks: false,
      ignore: ['**/node_modules/**', '**/.git/**'],
    });
    const byRealPath = new Map<string, string>();
    for (const path of paths.map((p) => resolve(p)).sort()) {
      const real = await realPathOf(path);
      if (real !== undefined && this.contains(real) && !byRealPath.has(real)) byRealPath.set(real, path);
    }
    return [...byRealPath.values()];
  }

  /** Reads and parses a file once per run, however many paths (links) lead to it. */
  private async load(path: string): Promise<BibliographyFileResult> {
    const key = (await realPathOf(path)) ?? path;
    let pending = this.files.get(key);
    if (!pending) {
      pending = this.read(path);
      this.files.set(key, pending);
    }
    return pending;
  }

  private async read(path: string): Promise<BibliographyFileResult> {
    const fileName = this.display(path);
    const real = await realPathOf(path);
    const root = real === undefined ? this.roots[0] : (this.roots.find((r) => isInside(r, real)) ?? this.roots[0]);
    const read = await readGuarded(path, { maxBytes: maxBibliographyBytes, root });
    if (!read.ok) return { ok: false, fileName, missing: read.missing, reason: read.reason };
    const decoded = decodeText(read.bytes);
    if (!decoded.ok) return { ok: false, fileName, missing: false, reason: decoded.reason };
    return { ok: true, fileName, parsed: parseBibliography(decoded.text, fileName) };
  }

  private contains(path: string): boolean {
    return this.roots.some((root) => isInside(root, path));
  }

  private warnAbout(problem: BibProblem): void {
    if (problem.file === undefined) return;
    const key = problem.key !== undefined && !problem.message.includes(`"${problem.key}"`) ? ` (key "${problem.key}")` : '';
    this.warn({ path: problem.file, line: problem.line ?? 1, code: 'bibliography-error', message: `${problem.message}${key}` });
  }

  private warn(warning: BibliographyWarning): void {
    const id = `${warning.path}\u0000${warning.line}\u0000${warning.message}`;
    if (!this.warned.has(id)) this.warned.set(id, warning);
  }
}

/** The part of a glob before its first segment with a wildcard: `refs/**\/*.bib` → `refs`. */
function staticPart(pattern: string): string {
  const segments = pattern.split(/[\\/]/u);
  const fixed: string[] = [];
  for (const segment of segments) {
    if (/[*?[\]{}()!]/u.test(segment)) break;
    fixed.push(segment);
  }
  const joined = fixed.join('/');
  return joined === '' && isAbsolute(pattern) ? '/' : joined;
}
