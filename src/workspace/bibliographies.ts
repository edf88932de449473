import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { glob } from 'tinyglobby';
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
import { decodeText, describeError } from './read-article';

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

  /** `display` turns an absolute path into the path shown (and used as the file's name in entries and messages). */
  constructor(
    private readonly cwd: string,
    private readonly display: (path: string) => string,
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
      found = glob([ref.path], { cwd: base, absolute: true, onlyFiles: true, expandDirectories: false, ignore: ['**/node_modules/**', '**/.git/**'] })
        .then((paths) => paths.map((p) => resolve(p)).sort());
      this.globs.set(key, found);
    }
    return found;
  }

  private load(path: string): Promise<BibliographyFileResult> {
    let pending = this.files.get(path);
    if (!pending) {
      pending = this.read(path);
      this.files.set(path, pending);
    }
    return pending;
  }

  private async read(path: string): Promise<BibliographyFileResult> {
    const fileName = this.display(path);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      return { ok: false, fileName, missing: code === 'ENOENT' || code === 'ENOTDIR', reason: describeError(cause) };
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { ok: false, fileName, missing: false, reason: decoded.reason };
    return { ok: true, fileName, parsed: parseBibliography(decoded.text, fileName) };
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
