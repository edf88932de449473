import * as vscode from 'vscode';
import {
  BibliographyCache,
  createBibliography,
  readFrontMatterBibliography,
  type Bibliography,
  type BibliographySource,
  type Format,
  type ParsedBibliography,
  type Problem,
  type Settings,
} from '../core/index';
import type { Log } from './log';

/** A document's bibliography, and the files it names that could not be read. */
export interface DocumentBibliography {
  /** Undefined when the document names no bibliography: citation keys are then not checked. */
  readonly bibliography?: Bibliography;
  /** `missing-bibliography` / `bibliography-error` problems at the front matter paths that failed. */
  readonly problems: readonly Problem[];
}

const watchedGlob = '**/*.{bib,bibtex,json,yaml,yml}';
const isGlob = /[*?[\]{}]/u;

/**
 * Loads the bibliographies of articles: the `claimlens.bibliography` files
 * (paths or globs relative to the workspace folder) and the front matter's
 * `bibliography:` (relative to the article) and `references:`. Files are
 * read through `workspace.fs`, parsed once per content, and dropped from
 * the cache when they change on disk. The same `Bibliography` object is
 * handed out while nothing changed, so an incremental analyser keeps its
 * state.
 */
export class Bibliographies implements vscode.Disposable {
  private readonly cache = new BibliographyCache();
  private readonly used = new Set<string>();
  private readonly resultIds = new WeakMap<ParsedBibliography, number>();
  private readonly memo = new Map<string, { signature: string; bibliography: Bibliography }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private nextId = 1;

  /** Fires when a bibliography file some article uses was created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(watchedGlob);
    const onChange = (uri: vscode.Uri): void => {
      const key = uri.toString();
      if (!this.used.has(key)) return;
      this.cache.delete(key);
      this.changed.fire(uri);
    };
    this.disposables.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange), this.changed);
  }

  /** The bibliography of the article at `uri` whose content is `text`. */
  async forDocument(uri: vscode.Uri, text: string, format: Format, settings: Settings): Promise<DocumentBibliography> {
    const document = { uri };
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const files: vscode.Uri[] = [];
    for (const entry of settings.bibliography) {
      if (!folder) break;
      if (isGlob.test(entry)) files.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, entry), '**/node_modules/**')));
      else files.push(vscode.Uri.joinPath(folder.uri, entry));
    }
    const front = format === 'markdown' || format === 'mdx' ? readFrontMatterBibliography(text, document.uri.toString()) : undefined;
    const problems: Problem[] = [];
    const fromFrontMatter = new Map<string, { offset: number; path: string }>();
    if (front && document.uri.scheme !== 'untitled') {
      for (const path of front.paths) {
        const uri = vscode.Uri.joinPath(document.uri, '..', path.path);
        fromFrontMatter.set(uri.toString(), { offset: path.offset, path: path.path });
        files.push(uri);
      }
    }
    if (!files.length && !front?.inline.length) return { problems };

    const sources: BibliographySource[] = [];
    const ids: number[] = [];
    for (const uri of files) {
      const key = uri.toString();
      this.used.add(key);
      const parsed = await this.load(uri);
      const at = fromFrontMatter.get(key);
      if (!parsed.ok) {
        if (at) {
          problems.push({ code: parsed.missing ? 'missing-bibliography' : 'bibliography-error', message: `${parsed.message}: ${at.path}`, range: { start: at.offset, end: at.offset + at.path.length } });
        } else {
          this.log.warn(`${document.uri.toString(true)}: claimlens.bibliography: ${parsed.message}: ${uri.toString(true)}`);
        }
        continue;
      }
      sources.push({ fileName: key, entries: parsed.result.entries });
      ids.push(this.idOf(parsed.result));
    }
    if (front?.inline.length) sources.push({ fileName: document.uri.toString(), entries: front.inline });
    const signature = `${files.map((f) => f.toString()).join('\n')}#${ids.join(',')}#${front?.inline.map((e) => `${e.key}@${e.offset ?? ''}`).join(',') ?? ''}`;
    const key = document.uri.toString();
    const memo = this.memo.get(key);
    if (memo && memo.signature === signature) return { bibliography: memo.bibliography, problems };
    const bibliography = createBibliography(sources);
    this.memo.set(key, { signature, bibliography });
    return { bibliography, problems };
  }

  /** Drops what was kept for a closed document. */
  forget(uri: vscode.Uri): void {
    this.memo.delete(uri.toString());
  }

  private async load(uri: vscode.Uri): Promise<{ ok: true; result: ParsedBibliography } | { ok: false; missing: boolean; message: string }> {
    const key = uri.toString();
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return { ok: false, missing: true, message: 'Bibliography file not found' };
    }
    const version = `${stat.mtime}:${stat.size}`;
    const cached = this.cache.get(key, version);
    if (cached) return { ok: true, result: cached };
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      return { ok: true, result: this.cache.load(key, text, version) };
    } catch (cause) {
      this.log.error(`Could not read the bibliography ${uri.toString(true)}.`, cause);
      return { ok: false, missing: false, message: 'Bibliography file could not be read' };
    }
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
