import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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

describe('shared code names no language', () => {
  const core = join(__dirname, '..', '..', '..', 'src', 'core');
  const lang = join(core, 'lang');
  /** Files outside `src/core/lang/` that import a built-in pack's folder, with what they import from it. */
  const importsOfPacks = (): string[] =>
    sources(core)
      .filter((file) => !file.startsWith(lang + sep))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const found: string[] = [];
        importFrom.lastIndex = 0;
        for (let m = importFrom.exec(text); m; m = importFrom.exec(text)) {
          const spec = m[1] ?? m[2];
          const target = relative(lang, resolve(dirname(file), spec)).split(sep);
          if (spec.startsWith('.') && (target[0] === 'en' || target[0] === 'zh')) found.push(`${relative(core, file).split(sep).join('/')} imports lang/${target.join('/')}`);
        }
        return found;
      });

  /**
   * Code that reads one language only and takes its words from that
   * language's folder: the claim and source rules that serve one language
   * (`languages: ['en']`), the source finder's readers of English and
   * Chinese names and the weak-link check's English words. Every other file reads languages
   * through the `Language` packs it is given or `src/core/lang/index.ts`.
   */
  const oneLanguageRules = [
    'claims/rules/classify/measured-time.ts imports lang/en/rule-words',
    'claims/rules/classify/measured-time.ts imports lang/en/words',
    'claims/rules/classify/ranks.ts imports lang/en/rule-words',
    'claims/rules/classify/ranks.ts imports lang/zh/rule-words',
    'claims/rules/classify/ranks.ts imports lang/zh/words',
    'claims/rules/exclude/ages.ts imports lang/en/rule-words',
    'claims/rules/exclude/dates-and-times.ts imports lang/en/rule-words',
    'claims/rules/exclude/dates-and-times.ts imports lang/en/words',
    'claims/rules/exclude/dates-and-times.ts imports lang/zh/words',
    'claims/rules/exclude/fractions.ts imports lang/en/rule-words',
    'claims/rules/exclude/identifiers.ts imports lang/en/rule-words',
    'claims/rules/exclude/identifiers.ts imports lang/en/words',
    'claims/rules/exclude/identifiers.ts imports lang/zh/words',
    'claims/rules/exclude/list-markers.ts imports lang/en/words',
    'claims/rules/exclude/number-words.ts imports lang/en/numerals',
    'claims/rules/exclude/number-words.ts imports lang/en/rule-words',
    'claims/rules/exclude/number-words.ts imports lang/en/words',
    'claims/rules/exclude/page-furniture.ts imports lang/en/rule-words',
    'claims/rules/exclude/scores.ts imports lang/en/rule-words',
    'claims/rules/widen/of-phrase.ts imports lang/en/rule-words',
    'claims/rules/widen/of-phrase.ts imports lang/en/words',
    'sources/chinese-names.ts imports lang/zh',
    'sources/chinese-names.ts imports lang/zh/rule-words',
    'sources/chinese-names.ts imports lang/zh/words',
    'sources/english-names.ts imports lang/en',
    'sources/english-names.ts imports lang/en/rule-words',
    'sources/english-names.ts imports lang/en/words',
    'sources/rules/chinese.ts imports lang/zh/rule-words',
    'sources/rules/english.ts imports lang/en',
    'sources/rules/english.ts imports lang/en/rule-words',
    'sources/weak-links.ts imports lang/en/rule-words',
  ];

  it('finds the imports of a pack folder it looks for', () => {
    assert.ok(importsOfPacks().length > 0, 'the rules of one language import its words');
  });

  it("imports no built-in pack's folder outside src/core/lang but in code of that one language", () => {
    assert.deepEqual([...new Set(importsOfPacks())].sort(), [...oneLanguageRules].sort());
  });
});
