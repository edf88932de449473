import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinModules } from 'node:module';

/** Every TypeScript file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

const importFrom = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/gu;
const banned = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe('the core stays pure', () => {
  const root = join(__dirname, '..', '..', '..', 'src', 'core');
  const files = sources(root);

  it('has files to check', () => {
    assert.ok(files.length > 10, `found only ${files.length} files under ${root}`);
  });

  it('imports neither vscode nor any Node built-in module', () => {
    const offences: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      importFrom.lastIndex = 0;
      for (let m = importFrom.exec(text); m; m = importFrom.exec(text)) {
        const spec = m[1] ?? m[2];
        if (banned.has(spec) || banned.has(spec.split('/')[0])) offences.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    assert.deepEqual(offences, []);
  });

  it('uses no process state or console', () => {
    const offences = files.filter((f) => /\b(?:process\.(?:env|cwd|argv|exit)|console\.(?:log|error|warn))\b/u.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offences.map((f) => relative(root, f)), []);
  });
});

describe('the layers import downwards only', () => {
  const src = join(__dirname, '..', '..', '..', 'src');
  const importsOf = (file: string): string[] => {
    const text = readFileSync(file, 'utf8');
    const found: string[] = [];
    importFrom.lastIndex = 0;
    for (let m = importFrom.exec(text); m; m = importFrom.exec(text)) found.push(m[1] ?? m[2]);
    return found;
  };

  it('the workspace layer imports neither vscode nor a shell (cli, extension, server)', () => {
    const offences = sources(join(src, 'workspace')).flatMap((file) =>
      importsOf(file).filter((spec) => spec === 'vscode' || /^\.\.\/(?:cli|extension|server)\b/u.test(spec)).map((spec) => `${relative(src, file)} imports ${spec}`));
    assert.deepEqual(offences, []);
  });

  it('the command line reads no file itself: it goes through the workspace layer', () => {
    const offences = sources(join(src, 'cli')).flatMap((file) =>
      importsOf(file).filter((spec) => /^(?:node:)?fs(?:\/promises)?$/u.test(spec) || spec === 'tinyglobby' || spec === 'ignore').map((spec) => `${relative(src, file)} imports ${spec}`));
    assert.deepEqual(offences, []);
  });
});
