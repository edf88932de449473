import * as vscode from 'vscode';
import {
  assembleBibliography,
  BibliographyCache,
  LineIndex,
  planBibliography,
  type Bibliography,
  type BibliographyFileRef,
  type BibliographyFileResult,
  type BibEntry,
  type BibliographySetting,
  type BibProblem,
  type Format,
  type ParsedBibliography,
  type Problem,
  type ResolvedBibliographyRef,
} from '../core/index';
import type { Log } from './log';
import { isInside, maxBibliographyBytes, readGuarded, realPathOf } from '../workspace/guarded-read';

/** A document's bibliography, and the files it names that could not be read. */
export interface DocumentBibliography {
  /** Undefined when the document names no bibliography (or none could be read): citation keys are then not checked. */
  readonly bibliography?: Bibliography;
  /** `missing-bibliography` / `bibliography-error` problems at the front matter paths that failed. */
  readonly problems: readonly Problem[];
}

const watchedGlob = '**/*.{bib,bibtex,json,yaml,yml}';

/** A file read and parsed, with what is needed to place its problems. */
interface LoadedFile {
  readonly version: string;
  readonly result: ParsedBibliography;
  readonly lines: LineIndex;
  readonly length: number;
}

/**
 * Loads the bibliographies of articles as the core's `planBibliography`
 * finds them: the front matter's `bibliography:` (relative to the article)
 * and `references:`, and the `claimlens.bibliography` / `.claimlensrc`
 * entries (paths or globs relative to the workspace folder or the
 * configuration file). Files are read through `workspace.fs`, parsed once
 * per content, and dropped from the cache when they change on disk, which
 * fires `onDidChange` so open articles are analysed again. What is wrong in
 * a file (a malformed entry, a key defined twice) is a diagnostic in that
 * file. The same `Bibliography` object is handed out while nothing changed,
 * so an incremental analyser keeps its state.
 */
export class Bibliographies implements vscode.Disposable {
  private readonly cache = new BibliographyCache();
  private readonly loaded = new Map<string, LoadedFile>();
  private readonly used = new Set<string>();
  private readonly globs = new Map<string, Promise<vscode.Uri[]>>();
  private readonly resultIds = new WeakMap<ParsedBibliography, number>();
  private readonly memo = new Map<string, { signature: string; bibliography: Bibliography | undefined }>();
  /** Problems found across files (duplicate keys), by article, for the files' diagnostics. */
  private readonly crossFile = new Map<string, readonly BibProblem[]>();
  private readonly warned = new Set<string>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('claimlens-bibliography');
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private nextId = 1;
  private usesGlobs = false;

  /** Fires when a bibliography file some article uses (or a glob may match) was created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(watchedGlob);
    const onChange = (uri: vscode.Uri, createdOrDeleted: boolean): void => {
      const key = uri.toString();
      if (createdOrDeleted) this.globs.clear();
      // A new or deleted file may change what a glob matches.
      if (!this.used.has(key) && !(createdOrDeleted && this.usesGlobs)) return;
      this.cache.delete(key);
      this.loaded.delete(key);
      this.changed.fire(uri);
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => onChange(uri, false)),
      watcher.onDidCreate((uri) => onChange(uri, true)),
      watcher.onDidDelete((uri) => onChange(uri, true)),
      this.changed,
      this.diagnostics,
    );
  }

  /**
   * The bibliography of the article at `uri` whose content is `text`.
   * `settings` are the `bibliography` setting's entries, each with the
   * folder it is relative to. `transient` articles (read for a workspace
   * report, not open) leave no diagnostics behind in the bibliography files.
   */
  async forDocument(
    uri: vscode.Uri,
    text: string,
    format: Format,
    settings: readonly BibliographySetting<vscode.Uri>[],
    transient = false,
  ): Promise<DocumentBibliography> {
    const articleName = uri.toString();
    const plan = planBibliography(text, format, settings, articleName);
    // An untitled article has no folder for its front matter's paths to be relative to.
    const planned = uri.scheme === 'untitled' ? { ...plan, files: plan.files.filter((f) => f.origin.kind !== 'front-matter') } : plan;
    if (!planned.files.length && !planned.inline.length && !planned.problems.length) {
      this.memo.delete(articleName);
      if (!transient) this.setCrossFile(articleName, []);
      return { problems: [] };
    }
    const resolved: ResolvedBibliographyRef<vscode.Uri>[] = [];
    const ids: number[] = [];
    // Files are read inside the article's workspace folder only, unless the user's own settings (not the workspace's) name them.
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    const userPaths = new Set(vscode.workspace.getConfiguration('claimlens', uri).inspect<string[]>('bibliography')?.globalValue ?? []);
    for (const ref of planned.files) {
      const files: BibliographyFileResult[] = [];
      const root = ref.origin.kind === 'setting' && userPaths.has(ref.path) ? undefined : folder;
      for (const file of await this.urisOf(uri, ref, root)) {
        this.used.add(file.toString());
        const result = await this.load(file, root);
        files.push(result);
        if (result.ok) ids.push(this.idOf(result.parsed));
      }
      resolved.push({ ref, files });
    }
    const assembled = assembleBibliography(planned, resolved, articleName);
    for (const unread of assembled.unread) {
      const message = `${vscode.workspace.asRelativePath(uri)}: claimlens.bibliography: ${unread.message}`;
      if (!this.warned.has(message)) {
        this.warned.add(message);
        this.log.warn(message);
      }
    }
    if (!transient) this.setCrossFile(articleName, assembled.fileProblems.filter((p) => p.code === 'duplicate-key' && !this.ownProblem(p)));

    // Inline references are few: their whole content is part of the signature, so an edited one gives a new bibliography.
    const signature = `${assembled.fileNames.join('\n')}#${ids.join(',')}#${planned.inline.length ? JSON.stringify(planned.inline) : ''}`;
    const memo = this.memo.get(articleName);
    if (memo && memo.signature === signature) return { ...(memo.bibliography ? { bibliography: memo.bibliography } : {}), problems: assembled.problems };
    this.memo.set(articleName, { signature, bibliography: assembled.bibliography });
    return { ...(assembled.bibliography ? { bibliography: assembled.bibliography } : {}), problems: assembled.problems };
  }

  /**
   * Where an entry stands in the bibliography file it was read from: its
   * header's line, from the header to the end of the line. Undefined for an
   * entry of a file not loaded here (an article's own `references:`).
   */
  rangeOf(entry: BibEntry): { uri: vscode.Uri; range: vscode.Range } | undefined {
    if (entry.file === undefined || entry.line === undefined) return undefined;
    const loaded = this.loaded.get(entry.file);
    if (!loaded) return undefined;
    return { uri: vscode.Uri.parse(entry.file), range: lineRange(loaded, entry.line, entry.offset) };
  }

  /** Drops what was kept for a closed document. */
  forget(uri: vscode.Uri): void {
    this.memo.delete(uri.toString());
    this.setCrossFile(uri.toString(), []);
  }

  /** The files a planned reference names: one for a path, those matched for a glob. */
  private async urisOf(article: vscode.Uri, ref: BibliographyFileRef<vscode.Uri>, root: vscode.Uri | undefined): Promise<vscode.Uri[]> {
    if (ref.origin.kind === 'front-matter') return [joinPath(vscode.Uri.joinPath(article, '..'), ref.path)];
    const base = ref.origin.base;
    if (!ref.isGlob) return [joinPath(base, ref.path)];
    this.usesGlobs = true;
    // A glob that leads out of the folder (`../../**`, `/etc/**`) matches nothing.
    if (root && (/^(?:[\\/]|[A-Za-z]:)/u.test(ref.path) || !uriInside(root, vscode.Uri.joinPath(base, ref.path.split(/[*?[{]/u)[0] || '.')))) return [];
    const key = `${base.toString()}\u0000${ref.path}`;
    let found = this.globs.get(key);
    if (!found) {
      found = Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(base, ref.path), '**/{node_modules,.git}/**')).then((uris) =>
        uris.sort((a, b) => a.toString().localeCompare(b.toString())),
      );
      this.globs.set(key, found);
      found.catch(() => this.globs.delete(key));
    }
    return found;
  }

  /** Reads and parses one file; `root`, when given, is the folder it must lie in. */
  private async load(uri: vscode.Uri, root: vscode.Uri | undefined): Promise<BibliographyFileResult> {
    const key = uri.toString();
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      this.loaded.delete(key);
      this.diagnostics.delete(uri);
      return { ok: false, fileName: key, missing: true, reason: 'no such file' };
    }
    if (root && !uriInside(root, uri)) return { ok: false, fileName: key, missing: false, reason: 'outside the workspace folder; not read' };
    // Only regular files, and none too large: a device or pipe named as a bibliography is not read.
    if (!(stat.type & vscode.FileType.File) || stat.size > maxBibliographyBytes) {
      return { ok: false, fileName: key, missing: false, reason: stat.size > maxBibliographyBytes ? 'too large; not read' : 'not a regular file; not read' };
    }
    const version = `${stat.mtime}:${stat.size}`;
    const cached = this.cache.get(key, version);
    if (cached && this.loaded.get(key)?.result === cached) return { ok: true, fileName: key, parsed: cached };
    let text: string;
    try {
      text = new TextDecoder().decode(await this.readBytes(uri, root));
    } catch (cause) {
      this.log.error(`Could not read the bibliography ${uri.toString(true)}.`, cause);
      return { ok: false, fileName: key, missing: false, reason: cause instanceof Error ? cause.message : String(cause) };
    }
    const result = this.cache.load(key, text, version);
    const previous = this.loaded.get(key);
    this.loaded.set(key, { version, result, lines: new LineIndex(text), length: text.length });
    if (previous?.result !== result) this.publish(key);
    return { ok: true, fileName: key, parsed: result };
  }

  /**
   * A file's bytes: on disk through the guarded reader (non-blocking, regular
   * files only, capped, links resolved and kept inside `root`), elsewhere
   * through `workspace.fs` after the checks of `load`.
   */
  private async readBytes(uri: vscode.Uri, root: vscode.Uri | undefined): Promise<Uint8Array> {
    if (uri.scheme !== 'file') return vscode.workspace.fs.readFile(uri);
    const realRoot = root?.scheme === 'file' ? ((await realPathOf(root.fsPath)) ?? root.fsPath) : undefined;
    const read = await readGuarded(uri.fsPath, { maxBytes: maxBibliographyBytes, ...(realRoot !== undefined ? { root: realRoot } : {}) });
    if (!read.ok) throw new Error(`${uri.fsPath}: ${read.reason}`);
    return read.bytes;
  }

  /** Whether a problem is one the file's own parse found (reported with the file, not per article). */
  private ownProblem(problem: BibProblem): boolean {
    return problem.file !== undefined && (this.loaded.get(problem.file)?.result.problems.includes(problem) ?? false);
  }

  private setCrossFile(article: string, problems: readonly BibProblem[]): void {
    const before = this.crossFile.get(article) ?? [];
    if (!before.length && !problems.length) return;
    if (problems.length) this.crossFile.set(article, problems);
    else this.crossFile.delete(article);
    const files = new Set([...before, ...problems].map((p) => p.file).filter((f): f is string => f !== undefined));
    for (const file of files) this.publish(file);
  }

  /** Sets the diagnostics of one bibliography file: its own problems and the duplicate keys articles found. */
  private publish(file: string): void {
    const loaded = this.loaded.get(file);
    const uri = vscode.Uri.parse(file);
    if (!loaded) {
      this.diagnostics.delete(uri);
      return;
    }
    const seen = new Set<string>();
    const out: vscode.Diagnostic[] = [];
    const problems = [...loaded.result.problems, ...[...this.crossFile.values()].flat().filter((p) => p.file === file)];
    for (const problem of problems) {
      const id = `${problem.line ?? 0}\u0000${problem.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const diagnostic = new vscode.Diagnostic(lineRange(loaded, problem.line ?? 1, problem.offset), problem.message, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'Claim Lens';
      diagnostic.code = 'bibliography-error';
      out.push(diagnostic);
    }
    this.diagnostics.set(uri, out);
  }

  private idOf(result: ParsedBibliography): number {
    let id = this.resultIds.get(result);
    if (id === undefined) this.resultIds.set(result, (id = this.nextId++));
    return id;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** From `offset` (when on `line`, else the line's start) to the end of the 1-based `line`. */
function lineRange(file: LoadedFile, line: number, offset: number | undefined): vscode.Range {
  const at = Math.max(1, Math.min(line, file.lines.lineCount));
  const start = file.lines.lineStart(at);
  const end = at < file.lines.lineCount ? file.lines.lineStart(at + 1) - 1 : file.length;
  const from = offset !== undefined && offset >= start && offset <= end ? offset : start;
  return new vscode.Range(at - 1, from - start, at - 1, Math.max(from, end) - start);
}

/** Whether `uri` is `folder` or lies inside it (same scheme and authority, path under it). */
function uriInside(folder: vscode.Uri, uri: vscode.Uri): boolean {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return false;
  if (uri.scheme === 'file') return isInside(folder.fsPath, uri.fsPath);
  const base = folder.path.replace(/\/+$/u, '');
  const path = vscode.Uri.joinPath(uri, '.').path;
  return path === base || path.startsWith(`${base}/`);
}

/** A path from the front matter or a setting, against a folder; absolute paths stand as they are. */
function joinPath(folder: vscode.Uri, path: string): vscode.Uri {
  if (folder.scheme === 'file' && (path.startsWith('/') || /^[A-Za-z]:[\\/]/u.test(path))) return vscode.Uri.file(path);
  return vscode.Uri.joinPath(folder, path);
}
