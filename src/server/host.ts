/**
 * What the language server needs from where it runs, behind one small
 * interface: the paths of documents and folders, the `.claimlensrc.*`
 * lookup, the bibliography reader, and (on a disk) the walk over a whole
 * workspace folder. `node-host.ts` reads the disk (the command line's
 * workspace layer); `browser-host.ts` asks the client for each file, so the
 * same server runs in a web worker.
 */
import type { ArticleBibliography, BibliographySetting, Format } from '../core';
import type { AnalyseFilesOptions, FileSettings, FilesAnalysis, SettingsSource } from '../workspace';

/** The bibliographies of the articles of one workspace folder. */
export interface ArticleBibliographies {
  /**
   * The bibliography of the article at `path` whose content is `text`:
   * front matter paths relative to the article, `.claimlensrc` entries
   * relative to the configuration file, `extra` entries relative to their
   * own base folders.
   */
  forArticle(path: string, text: string, format: Format, fileSettings: FileSettings, extra: readonly BibliographySetting<string>[]): Promise<ArticleBibliography<string>>;
}

export interface ServerHost {
  /** The path a document's neighbours are read by (a file path on Node, the URI in a browser); undefined when none can be. */
  pathOf(uri: string): string | undefined;
  /** The URI of a path that `pathOf` gave, or that was joined to one. */
  uriOf(path: string): string;
  /** The folder holding `path`. */
  dirname(path: string): string;
  /** `path` relative to `folder`, with `/` between names; `''` when they are the same. */
  relative(folder: string, path: string): string;
  /** A `/`-separated relative path (as bibliography entries name files) resolved against `folder`. */
  join(folder: string, relativePath: string): string;
  /** Whether `path` is `folder` or lies inside it. */
  isInside(folder: string, path: string): boolean;
  /**
   * A fresh lookup of the nearest `.claimlensrc.*` of each file, reading
   * each configuration file once; `folderOf` gives the workspace folder a
   * path lies in, for hosts that look no higher.
   */
  createConfig(folderOf: (path: string) => string | undefined): SettingsSource;
  /** A fresh reader of the bibliographies of a workspace folder's articles, reading only inside the folder. */
  createBibliographies(folder: string, display: (path: string) => string): ArticleBibliographies;
  /** Every article of a folder as the command line reads them; absent where the host cannot walk a folder (a browser). */
  readonly analyseFolder?: (options: AnalyseFilesOptions) => Promise<FilesAnalysis>;
}
