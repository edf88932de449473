import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import * as lexicon from '../../src/core/lang/en/words';
import { tokenize } from '../../src/core/claims/tokens';

const root = join(__dirname, '..', '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Whether an array literal is the argument of `new Map(…)`. */
function isMapEntries(node: ts.ArrayLiteralExpression): boolean {
  const parent = node.parent;
  return ts.isNewExpression(parent) && parent.expression.getText() === 'Map';
}

/** Every array literal of string literals (the lists inside `new Set([…])`, `new Map([…])` and plain lists), with its repeats. */
function repeatsIn(path: string, text = readFileSync(path, 'utf8')): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    // A list inside a list is a phrase or a map's entry: the outer list is checked whole.
    if (ts.isArrayLiteralExpression(node) && !ts.isArrayLiteralExpression(node.parent)) {
      // A map's entries are pairs: their keys must not repeat; a list of phrases: the phrases must not.
      const keys = isMapEntries(node)
        ? node.elements.map((e) => (ts.isArrayLiteralExpression(e) && e.elements[0] && ts.isStringLiteral(e.elements[0]) ? e.elements[0].text : undefined))
        : node.elements.map((e) => (ts.isStringLiteral(e) ? e.text : ts.isArrayLiteralExpression(e) && e.elements.every(ts.isStringLiteral) ? e.elements.map((w) => (w as ts.StringLiteral).text).join(' ') : undefined));
      const strings = keys.filter((k): k is string => k !== undefined);
      if (strings.length > 1) {
        const seen = new Set<string>();
        for (const s of strings) {
          if (seen.has(s)) out.push(`${path.slice(root.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} "${s}"`);
          seen.add(s);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Whether a string literal holds a letter, in any script: a word, not a mark. */
function isWord(node: ts.Node): boolean {
  return ts.isStringLiteral(node) && /\p{L}/u.test(node.text);
}

/** Properties whose lists are not words: a rule's examples and the languages it serves. */
const notWordLists = new Set(['examples', 'languages']);

/**
 * The word lists a file declares: array literals of two or more words (a
 * `new Set([…])`'s, a `new Map([…])`'s keys, a plain list), and lists of
 * word objects (`{ word: '统计' }`). Lists of marks (".", "。") are not words.
 */
function wordListsIn(path: string, text = readFileSync(path, 'utf8')): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    // A rule's examples (sentences) and the language codes it serves are not word lists.
    if (ts.isPropertyAssignment(node) && notWordLists.has(node.name.getText(source))) return;
    if (ts.isArrayLiteralExpression(node)) {
      const words = node.elements.filter((e) => isWord(e) || (ts.isArrayLiteralExpression(e) && e.elements.some(isWord)) ||
        (ts.isObjectLiteralExpression(e) && e.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'word' && isWord(p.initializer))));
      if (words.length >= 2) out.push(`${path.slice(root.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
      else ts.forEachChild(node, visit);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('word lists live in the language packs and nowhere else', () => {
  it('finds a word list when a file declares one (the check can fail)', () => {
    const text = [
      "const a = new Set(['said', 'says']);", "const b = new Map([['one', 1], ['two', 2]]);", "const c = [{ word: '统计' }, { word: '显示' }];",
      "const marks = new Set(['.', '。']);", "const one = ['据'];", "const rule = { languages: ['en', 'zh'], examples: { fires: ['It rose 5%.', 'Up 6%.'] } };", '',
    ].join('\n');
    assert.deepEqual(wordListsIn(join(root, 'src', 'x.ts'), text), ['src/x.ts:1', 'src/x.ts:2', 'src/x.ts:3']);
  });

  it('has no word list in the claim or source recognisers (src/core/claims, src/core/sources)', () => {
    const files = [...filesUnder(join(root, 'src', 'core', 'claims')), ...filesUnder(join(root, 'src', 'core', 'sources'))];
    assert.ok(files.length > 20, 'found the files');
    assert.deepEqual(files.flatMap((f) => wordListsIn(f)), []);
  });
});

describe('word lists: no repeats, no entry that can never match', () => {
  it('finds a repeat when there is one (the check can fail)', () => {
    const text = "const a = new Set(['km', 'mi', 'km']);\nconst b = new Map([['one', 1], ['one', 2]]);\nconst c = [['as', 'many', 'as'], ['as', 'many', 'as']];\n";
    assert.deepEqual(repeatsIn(join(root, 'src', 'x.ts'), text), ['src/x.ts:1 "km"', 'src/x.ts:2 "one"', 'src/x.ts:3 "as many as"']);
  });

  it('has no repeated entry in a list of the language packs or the rules', () => {
    const files = [...filesUnder(join(root, 'src', 'core', 'lang')), ...filesUnder(join(root, 'src', 'core', 'claims', 'rules')), ...filesUnder(join(root, 'src', 'core', 'sources'))];
    assert.ok(files.length >= 3);
    assert.deepEqual(files.flatMap((f) => repeatsIn(f)), []);
  });

  /** Lists looked up one token at a time: an entry that is not one lower-case word token can never match. */
  const tokenLists: Record<string, Iterable<string>> = {
    measureUnits: lexicon.measureUnits,
    percentWords: lexicon.percentWords,
    timeWords: lexicon.timeWords,
    monthWords: lexicon.monthWords,
    identifierWords: lexicon.identifierWords,
    capitalisedFunctionWords: lexicon.capitalisedFunctionWords,
    listItemNouns: lexicon.listItemNouns,
    notCountedAfter: lexicon.notCountedAfter,
    currencyCodesBefore: lexicon.currencyCodesBefore,
  };
  for (const [name, list] of Object.entries(tokenLists)) {
    it(`${name}: every entry is one lower-case word as the tokenizer reads it`, () => {
      const never = [...list].filter((entry) => {
        const tokens = tokenize(entry);
        return tokens.length !== 1 || tokens[0].kind !== 'word' || tokens[0].lower !== entry;
      });
      assert.deepEqual(never, []);
    });
  }
});
