import type { Ignore } from 'ignore';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * `.gitignore` rules as git applies them: every `.gitignore` from the top
 * folder down to a file's folder, each matching paths relative to its own
 * folder, the deeper one winning. Files are read once and cached.
 */
export class GitignoreRules {
  private readonly files = new Map<string, Promise<Ignore | undefined>>();

  /** Whether `path` (absolute) is ignored by the `.gitignore` files from `top` down. */
  async ignores(top: string, path: string, isDirectory: boolean): Promise<boolean> {
    const rel = relative(top, path);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
    const segments = rel.split(sep);
    let ignored = false;
    let folder = top;
    for (let i = 0; i < segments.length; i++) {
      const rules = await this.rulesOf(folder);
      if (rules) {
        const result = rules.test(segments.slice(i).join('/') + (isDirectory ? '/' : ''));
        if (result.ignored) ignored = true;
        else if (result.unignored) ignored = false;
      }
      folder = join(folder, segments[i]);
    }
    return ignored;
  }

  private rulesOf(folder: string): Promise<Ignore | undefined> {
    let rules = this.files.get(folder);
    if (!rules) {
      rules = readFile(join(folder, '.gitignore'), 'utf8').then(
        // `ignore` is loaded with the first .gitignore file found.
        (text) => (require('ignore') as typeof import('ignore'))().add(text),
        () => undefined,
      );
      this.files.set(folder, rules);
    }
    return rules;
  }
}

/**
 * The folder where `.gitignore` rules start for `folder`: the root of its git
 * work tree; outside one, the working folder when `folder` is inside it, else
 * `folder` itself.
 */
export async function ignoreTop(folder: string, cwd: string): Promise<string> {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (await stat(join(dir, '.git')).then(() => true, () => false)) return dir;
    if (dirname(dir) === dir) break;
  }
  const rel = relative(cwd, folder);
  return rel.startsWith('..') || isAbsolute(rel) ? folder : cwd;
}
