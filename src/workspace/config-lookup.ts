import { basename, dirname, join } from 'node:path';
import { configFileNames, defaultSettings, parseConfigText, type ConfigIssue, type IgnoreEntry, type Settings } from '../core';
import { maxConfigBytes, readGuarded } from './guarded-read';

/** A configuration file's text, read through the guarded reader: undefined when there is none, or why it cannot be read. */
async function readConfig(path: string): Promise<{ text: string } | { missing: boolean; reason: string }> {
  const read = await readGuarded(path, { maxBytes: maxConfigBytes });
  if (!read.ok) return { missing: read.missing, reason: read.reason };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) };
  } catch {
    return { missing: false, reason: 'is not valid UTF-8 text' };
  }
}

/** A configuration file's issue, with the file's absolute path. */
export interface LocatedConfigIssue {
  readonly path: string;
  readonly issue: ConfigIssue;
}

/** The settings of a file, and the configuration file they come from (none: the defaults). */
export interface FileSettings {
  readonly settings: Settings;
  /** Absolute path of the `.claimlensrc.*` file; its folder is what its `bibliography` paths are relative to. */
  readonly configPath?: string;
  /** The file's `ignore` entries (their paths relative to its folder). */
  readonly ignore?: readonly IgnoreEntry[];
}

/** Settings for files: from one fixed file, or from the nearest `.claimlensrc.*` above each file. */
export interface SettingsSource {
  settingsFor(file: string): Promise<FileSettings>;
  /** Every issue of every configuration file read so far, each file once. */
  readonly issues: readonly LocatedConfigIssue[];
}

/**
 * Finds the nearest `.claimlensrc.json`, `.claimlensrc.yaml` or
 * `.claimlensrc.yml` upward from a file's folder (the first of these names
 * wins in one folder); defaults when there is none. Caches per folder, so
 * each configuration file is read and reported once.
 */
export class NearestConfig implements SettingsSource {
  readonly issues: LocatedConfigIssue[] = [];
  private readonly folders = new Map<string, Promise<FileSettings>>();

  settingsFor(file: string): Promise<FileSettings> {
    return this.forFolder(dirname(file));
  }

  private forFolder(folder: string): Promise<FileSettings> {
    let settings = this.folders.get(folder);
    if (!settings) {
      settings = this.lookUp(folder);
      this.folders.set(folder, settings);
    }
    return settings;
  }

  private async lookUp(folder: string): Promise<FileSettings> {
    for (const name of configFileNames) {
      const path = join(folder, name);
      const read = await readConfig(path);
      if (!('text' in read)) {
        if (read.missing) continue;
        this.issues.push({ path, issue: { file: name, field: '(file)', message: `cannot read: ${read.reason}` } });
        return { settings: defaultSettings };
      }
      return { ...parseInto(this.issues, path, read.text), configPath: path };
    }
    const parent = dirname(folder);
    return parent === folder ? { settings: defaultSettings } : this.forFolder(parent);
  }
}

/** `--config FILE`: one file's settings for every file. */
export class FixedConfig implements SettingsSource {
  readonly issues: LocatedConfigIssue[] = [];
  private constructor(private readonly settings: FileSettings) {}

  /** Reads the file; throws an `Error` naming the file when it cannot be read. */
  static async load(path: string): Promise<FixedConfig> {
    const read = await readConfig(path);
    if (!('text' in read)) throw new Error(`cannot read the configuration file ${path}: ${read.reason}`);
    const text = read.text;
    const issues: LocatedConfigIssue[] = [];
    const config = new FixedConfig({ ...parseInto(issues, path, text), configPath: path });
    config.issues.push(...issues);
    return config;
  }

  settingsFor(): Promise<FileSettings> {
    return Promise.resolve(this.settings);
  }
}

function parseInto(issues: LocatedConfigIssue[], path: string, text: string): { settings: Settings; ignore: readonly IgnoreEntry[] } {
  const parsed = parseConfigText(text.replace(/^\uFEFF/, ''), basename(path));
  for (const issue of parsed.issues) issues.push({ path, issue });
  return { settings: parsed.settings, ignore: parsed.ignore };
}
