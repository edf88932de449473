/**
 * The language server's host in a browser (VS Code for the Web): there is
 * no disk, so every file beside an article — its bibliographies, the
 * `.claimlensrc.*` files above it — is asked of the client with
 * `claimlens/readFile` (and the files of a glob with `claimlens/findFiles`),
 * and the client reads it with `workspace.fs` inside the workspace folders
 * only. A whole folder is not walked: the workspace report and workspace
 * diagnostics are not offered. Its paths stand for URIs
 * (`../shared/uri-paths.ts`).
 */
import {
  assembleBibliography,
  configFileNames,
  defaultSettings,
  parseBibliography,
  parseConfigText,
  planBibliography,
  type ArticleBibliography,
  type BibliographyFileResult,
  type BibliographySetting,
  type Format,
} from '../core';
import type { Connection } from 'vscode-languageserver';
import { uriPathDirname, uriPathInside, uriPathJoin, uriPathRelative, uriPathToUri, uriToUriPath } from '../shared/uri-paths';
import type { FileSettings, LocatedConfigIssue, SettingsSource } from '../workspace/config-lookup';
import { decodeText } from '../workspace/decode';
import type { ArticleBibliographies, ServerHost } from './host';
import { findFilesRequest, readFileRequest, type ReadFileKind, type ReadFileResult } from './protocol';

/** What the host needs of the connection: to send the client a request. */
export type RequestSender = Pick<Connection, 'sendRequest'>;

/** A read through the client: the bytes, or why not. */
type ClientRead = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly missing: boolean; readonly reason: string };

/** The host of a server in a browser, reading through `client`. */
export function createBrowserHost(client: RequestSender): ServerHost {
  const read = async (path: string, kind: ReadFileKind): Promise<ClientRead> => {
    let result: ReadFileResult;
    try {
      result = await client.sendRequest(readFileRequest, { uri: uriPathToUri(path), kind });
    } catch (cause) {
      return { ok: false, missing: false, reason: `the editor did not read it (${cause instanceof Error ? cause.message : String(cause)})` };
    }
    if (!result.ok) return result;
    return { ok: true, bytes: fromBase64(result.base64) };
  };
  const find = async (base: string, pattern: string): Promise<string[]> => {
    try {
      const { uris } = await client.sendRequest(findFilesRequest, { base: uriPathToUri(base), pattern });
      return uris.flatMap((uri) => uriToUriPath(uri) ?? []);
    } catch {
      return []; // a client without claimlens/findFiles: the glob matches nothing
    }
  };
  return {
    pathOf: uriToUriPath,
    uriOf: uriPathToUri,
    dirname: uriPathDirname,
    relative: uriPathRelative,
    join: uriPathJoin,
    isInside: uriPathInside,
    createConfig: (folderOf) => new ClientConfig(read, folderOf),
    createBibliographies: (folder, display) => new ClientBibliographies(folder, display, read, find),
  };
}

/**
 * The nearest `.claimlensrc.*` above a file, looked for up to the file's
 * workspace folder (not above it, as in VS Code on the desktop) and read
 * through the client, each folder once.
 */
class ClientConfig implements SettingsSource {
  readonly issues: LocatedConfigIssue[] = [];
  private readonly folders = new Map<string, Promise<FileSettings>>();

  constructor(
    private readonly read: (path: string, kind: ReadFileKind) => Promise<ClientRead>,
    private readonly folderOf: (path: string) => string | undefined,
  ) {}

  settingsFor(file: string): Promise<FileSettings> {
    const root = this.folderOf(file);
    return root === undefined ? Promise.resolve({ settings: defaultSettings }) : this.forFolder(uriPathDirname(file), root);
  }

  private forFolder(folder: string, root: string): Promise<FileSettings> {
    let settings = this.folders.get(folder);
    if (!settings) {
      settings = this.lookUp(folder, root);
      this.folders.set(folder, settings);
    }
    return settings;
  }

  private async lookUp(folder: string, root: string): Promise<FileSettings> {
    for (const name of configFileNames) {
      const path = uriPathJoin(folder, name);
      const read = await this.read(path, 'config');
      if (!read.ok) {
        if (read.missing) continue;
        this.issues.push({ path, issue: { file: name, field: '(file)', message: `cannot read: ${read.reason}` } });
        return { settings: defaultSettings };
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
      } catch {
        this.issues.push({ path, issue: { file: name, field: '(file)', message: 'cannot read: is not valid UTF-8 text' } });
        return { settings: defaultSettings };
      }
      const parsed = parseConfigText(text.replace(/^\uFEFF/u, ''), name);
      for (const issue of parsed.issues) this.issues.push({ path, issue });
      return { settings: parsed.settings, ignore: parsed.ignore, configPath: path };
    }
    return folder === root || !uriPathInside(root, folder) ? { settings: defaultSettings } : this.forFolder(uriPathDirname(folder), root);
  }
}

/**
 * The bibliographies of a workspace folder's articles, as the command line
 * plans them (the core's `planBibliography`), each file read through the
 * client and parsed once; the files a glob of the `bibliography` setting
 * matches are listed by the client (`claimlens/findFiles`).
 */
class ClientBibliographies implements ArticleBibliographies {
  private readonly files = new Map<string, Promise<BibliographyFileResult>>();
  private readonly globs = new Map<string, Promise<string[]>>();

  constructor(
    private readonly folder: string,
    private readonly display: (path: string) => string,
    private readonly read: (path: string, kind: ReadFileKind) => Promise<ClientRead>,
    private readonly find: (base: string, pattern: string) => Promise<string[]>,
  ) {}

  async forArticle(path: string, text: string, format: Format, fileSettings: FileSettings, extra: readonly BibliographySetting<string>[]): Promise<ArticleBibliography<string>> {
    const base = fileSettings.configPath ? uriPathDirname(fileSettings.configPath) : this.folder;
    const settings = [...extra, ...fileSettings.settings.bibliography.map((p) => ({ path: p, base }))];
    const articleName = this.display(path);
    const plan = planBibliography(text, format, settings, articleName);
    const resolved = await Promise.all(
      plan.files.map(async (ref) => {
        if (ref.isGlob && ref.origin.kind === 'setting') return { ref, files: await Promise.all((await this.matches(ref.origin.base, ref.path)).map((p) => this.load(p))) };
        const file = ref.origin.kind === 'front-matter' ? uriPathJoin(uriPathDirname(path), ref.path) : uriPathJoin(ref.origin.base, ref.path);
        return { ref, files: [await this.load(file)] };
      }),
    );
    return assembleBibliography(plan, resolved, articleName);
  }

  /** The files a glob matches, asked once (a changed file gives the server new readers). */
  private matches(base: string, pattern: string): Promise<string[]> {
    const key = `${base}\u0000${pattern}`;
    let found = this.globs.get(key);
    if (!found) {
      found = this.find(base, pattern);
      this.globs.set(key, found);
    }
    return found;
  }

  private load(path: string): Promise<BibliographyFileResult> {
    let pending = this.files.get(path);
    if (!pending) {
      pending = this.parse(path);
      this.files.set(path, pending);
    }
    return pending;
  }

  private async parse(path: string): Promise<BibliographyFileResult> {
    const fileName = this.display(path);
    const read = await this.read(path, 'bibliography');
    if (!read.ok) return { ok: false, fileName, missing: read.missing, reason: read.reason };
    const decoded = decodeText(read.bytes);
    if (!decoded.ok) return { ok: false, fileName, missing: false, reason: decoded.reason };
    return { ok: true, fileName, parsed: parseBibliography(decoded.text, fileName) };
  }
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
