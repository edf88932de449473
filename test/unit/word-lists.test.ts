import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import ts from 'typescript';
import * as lexicon from '../../src/core/lang/en/words';
import { tokenize } from '../../src/core/claims/tokens';
import { builtInLanguages } from '../../src/core/lang';

const root = join(__dirname, '..', '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Whether an array literal is the argument of `new Set(…)` or `new Map(…)`. */
function isCollectionEntries(node: ts.ArrayLiteralExpression): boolean {
  const parent = node.parent;
  return ts.isNewExpression(parent) && (parent.expression.getText() === 'Set' || parent.expression.getText() === 'Map');
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
      // A set or a map of even one word is a word list; a plain list of one word is a phrase.
      if (words.length >= (isCollectionEntries(node) ? 1 : 2)) out.push(`${path.slice(root.length + 1)}#${ownerOf(node)}`);
      else ts.forEachChild(node, visit);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The alternatives of every group of a regular expression's source, the top level included: "(?:a|b)c|d" → [["a", "b"], ["(G)c", "d"]]. */
function alternationsOf(pattern: string): string[][] {
  const out: string[][] = [];
  const stack: string[][] = [['']];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const group = stack[stack.length - 1];
    if (c === '\\') {
      group[group.length - 1] += c + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass || c === '[') {
      inClass = c === '[' ? true : c !== ']';
      group[group.length - 1] += c;
    } else if (c === '(') {
      stack.push(['']);
      const prefix = /^\?(?::|=|!|<=|<!|<[A-Za-z]\w*>)/u.exec(pattern.slice(i + 1));
      if (prefix) i += prefix[0].length;
    } else if (c === ')' && stack.length > 1) {
      out.push(stack.pop() as string[]);
      const outer = stack[stack.length - 1];
      outer[outer.length - 1] += '(G)';
    } else if (c === '|') {
      group.push('');
    } else {
      group[group.length - 1] += c;
    }
  }
  out.push(stack[0]);
  return out;
}

/** Whether an alternative of a pattern is a word or words: two letters or more ("said", "comments?", "\bper\s+cent", "works cited"), or Han characters ("表示"). */
function isWordAlternative(alternative: string): boolean {
  const bare = alternative.replace(/\\b|[\^$]/gu, '').replace(/\\s[+*?]?| \??/gu, ' ').trim().replace(/\?$/u, '');
  return /^\p{L}[\p{L}'’-]*\p{L}(?: \p{L}[\p{L}'’-]*\p{L})*$/u.test(bare) || /^\p{Script=Han}+$/u.test(bare);
}

/** The word lists inside a regular expression's source: a group of two or more word alternatives, or a class of two or more Han characters. */
function wordListsInPattern(pattern: string): string[] {
  const groups = alternationsOf(pattern).map((g) => g.filter(isWordAlternative)).filter((words) => words.length >= 2).map((words) => words.join('|'));
  const hanClasses = [...pattern.matchAll(/\[((?:\\.|[^\]\\])*)\]/gu)]
    .filter((m) => [...m[1].replace(/.-./gu, '')].filter((c) => /\p{Script=Han}/u.test(c)).length >= 2)
    .map((m) => m[0]);
  return [...groups, ...hanClasses];
}

/** The source of a template as a pattern: each substitution stands as "\0", which is no word. */
function templateText(node: ts.TemplateLiteral, raw: boolean): string {
  if (ts.isNoSubstitutionTemplateLiteral(node)) return raw ? node.rawText ?? node.text : node.text;
  const head = raw ? node.head.rawText ?? node.head.text : node.head.text;
  return head + node.templateSpans.map((span) => '\0' + (raw ? span.literal.rawText ?? span.literal.text : span.literal.text)).join('');
}

/** Whether a node is the source given to `new RegExp(…)` or the template of a tagged template (read there already). */
function isReadAsPattern(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isTaggedTemplateExpression(parent) ||
    ((ts.isNewExpression(parent) || ts.isCallExpression(parent)) && parent.expression.getText() === 'RegExp' && parent.arguments?.[0] === node);
}

/** The name of the declaration, property or function a node stands in: what an exception names. */
function ownerOf(node: ts.Node): string {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if ((ts.isVariableDeclaration(n) || ts.isPropertyAssignment(n) || ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return n.name.getText();
  }
  return '(top level)';
}

/**
 * The word lists in the regular expressions a file writes: regex literals,
 * `new RegExp(…)` of a string or template, and `String.raw` templates (the
 * sources of patterns built later), each as "path#owner: words".
 */
function patternWordListsIn(path: string, text = readFileSync(path, 'utf8')): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    let pattern: string | undefined;
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      pattern = literal.slice(1, literal.lastIndexOf('/'));
    } else if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'String.raw') {
      pattern = templateText(node.template, true);
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(source) === 'RegExp' && node.arguments?.[0]) {
      const arg = node.arguments[0];
      if (ts.isStringLiteral(arg)) pattern = arg.text;
      else if (ts.isNoSubstitutionTemplateLiteral(arg) || ts.isTemplateExpression(arg)) pattern = templateText(arg, false);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && !isReadAsPattern(node)) {
      // A pattern's source kept in a string for later: it holds a group.
      const text = ts.isTemplateExpression(node) ? templateText(node, false) : node.text;
      if (text.includes('(?:')) pattern = text;
    }
    if (pattern !== undefined) for (const words of wordListsInPattern(pattern)) out.push(`${path.slice(root.length + 1)}#${ownerOf(node)}: ${words}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every TypeScript file of the core but the language packs. */
function coreFiles(): string[] {
  const packs = join(root, 'src', 'core', 'lang') + sep;
  return filesUnder(join(root, 'src', 'core')).filter((f) => !f.startsWith(packs));
}

/**
 * Lists outside the packs that hold no words of a language, by reason, each
 * named by its file and the declaration (or property) it stands in: markup,
 * file formats and the product's own names.
 */
const notLanguageByReason: Record<string, readonly string[]> = {
  'HTML element and tag names': [
    'src/core/bibliography/plain-text.ts#markupTag', 'src/core/fixes/ignore.ts#m', 'src/core/formats/html-depth.ts#flat',
    'src/core/formats/html-depth.ts#rawText', 'src/core/formats/html-elements.ts#blockElements', 'src/core/formats/html-elements.ts#skippedElements',
    'src/core/formats/html-elements.ts#codeElements', 'src/core/formats/html-elements.ts#notDefinitions', 'src/core/formats/html-elements.ts#definitionBlocks',
    'src/core/formats/html-elements.ts#containers', 'src/core/formats/html.ts#entryElements', 'src/core/formats/html.ts#groupElements',
    'src/core/formats/html.ts#framedElements', 'src/core/formats/markdown-html.ts#hiddenContentTags', 'src/core/formats/markdown-html.ts#blockTags',
    'src/core/formats/markdown.ts#headingTags',
  ],
  'ids, classes and DPUB-ARIA roles that site generators give footnotes and reference lists': [
    'src/core/formats/html-elements.ts#isReferenceContainer', 'src/core/formats/html-elements.ts#noteLinkClass', 'src/core/formats/html-elements.ts#isBackLink',
    'src/core/formats/html-elements.ts#hasRegionClass', 'src/core/formats/html-elements.ts#regionClasses', 'src/core/formats/html-elements.ts#regionIds',
    'src/core/formats/html-tokens.ts#noteWord',
  ],
  'names of Markdown syntax nodes': ['src/core/fixes/ignore.ts#leafBlocks', 'src/core/fixes/ignore.ts#opaqueInline', 'src/core/bibliography/citation-keys.ts#notProse'],
  'BibTeX and CSL fields and directives, LaTeX citation commands, Quarto cross-reference prefixes': [
    'src/core/bibliography/bibtex.ts#usedFields', 'src/core/bibliography/bibtex.ts#directives', 'src/core/bibliography/csl.ts#keyOfCsl',
    'src/core/formats/markdown-citations.ts#latexCommands', 'src/core/formats/markdown-citations.ts#crossReferencePrefixes',
  ],
  'WordPress post type identifiers': ['src/core/formats/wordpress.ts#nonArticleTypes'],
  "Claim Lens's own names: comment directives, settings and their values, file names and extensions, CSV columns, statuses, language codes": [
    'src/core/suppression.ts#directive', 'src/core/settings-schema.ts#scope', 'src/core/settings-schema.ts#report', 'src/core/settings-schema.ts#linkSources',
    'src/core/settings-schema.ts#arrayFields', 'src/core/config.ts#configFileNames', 'src/core/index.ts#contentFormatExtensions', 'src/core/report/csv.ts#header',
    'src/core/report/csv.ts#csvHead', 'src/core/report/source-says.ts#sourceSaysOrder', 'src/core/figures.ts#findFigures', 'src/core/settings.ts#reportableStatuses',
    'src/core/settings.ts#report',
  ],
};
const notLanguage: ReadonlySet<string> = new Set(Object.values(notLanguageByReason).flat());

describe('word lists live in the language packs and nowhere else', () => {
  it('finds a word list when a file declares one (the check can fail)', () => {
    const text = [
      "const a = new Set(['said', 'says']);", "const filler = new Set(['official']);", "const b = new Map([['one', 1], ['two', 2]]);", "const c = [{ word: '统计' }, { word: '显示' }];",
      "const marks = new Set(['.', '。']);", "const one = ['据'];", "const rule = { languages: ['en', 'zh'], examples: { fires: ['It rose 5%.', 'Up 6%.'] } };", '',
    ].join('\n');
    assert.deepEqual(wordListsIn(join(root, 'src', 'x.ts'), text), ['src/x.ts#a', 'src/x.ts#filler', 'src/x.ts#b', 'src/x.ts#c']);
  });

  it('finds a word list in a regular expression when a file writes one (the check can fail)', () => {
    const text = [
      "const a = /^(?:who|which|whose|the|an?)$/u;",
      "const b = /^[^。！？]{1,24}?(?:称|表示|说)[。！!]/u;",
      "const c = new RegExp(`\\s+(?:latest\\s+)?(?:research|data|report)$`, 'u');",
      "const d = String.raw`(?:chart|graphic|map)s?\\s*[:：]`;",
      "const e = /(?:[０-９\\d]+日|在[沪京港])+$/u;",
      "const f = /[\\d.,]+\\s?[km]?\\s+(?:comments?|views?|repl(?:y|ies))/iu;",
      "const marks = /[%％]|[，。]|\\d+\\s+of\\s+\\d+|https?:|(?:\\.|,)/u;",
      "const built = new RegExp(`^${words}\\s+\\p{Lu}`, 'iu');",
      "const body = '(?:said|told)\\s';",
      '',
    ].join('\n');
    assert.deepEqual(patternWordListsIn(join(root, 'src', 'x.ts'), text), [
      'src/x.ts#a: who|which|whose|the|an?',
      'src/x.ts#b: 称|表示|说',
      'src/x.ts#c: research|data|report',
      'src/x.ts#d: chart|graphic|map',
      'src/x.ts#e: [沪京港]',
      'src/x.ts#f: comments?|views?',
      'src/x.ts#body: said|told',
    ]);
  });

  it('has no word list in a Set, a Map or a list of src/core outside src/core/lang', () => {
    const files = coreFiles();
    assert.ok(files.length > 50, 'found the files');
    assert.deepEqual(files.flatMap((f) => wordListsIn(f)).filter((found) => !notLanguage.has(found)), []);
  });
});

describe('word lists: none in a pattern outside the language packs', () => {
  it('has no word list in a regular expression of src/core outside src/core/lang', () => {
    const files = coreFiles();
    assert.ok(files.length > 50, 'found the files');
    assert.deepEqual(files.flatMap((f) => patternWordListsIn(f)).filter((found) => !notLanguage.has(found.slice(0, found.indexOf(': ')))), []);
  });

  it('names only exceptions that are still there', () => {
    const found = new Set(coreFiles().flatMap((f) => [...wordListsIn(f), ...patternWordListsIn(f).map((p) => p.slice(0, p.indexOf(': ')))]));
    assert.deepEqual([...notLanguage.keys()].filter((e) => !found.has(e)), []);
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

  it('quoteTagVerbs of every built-in pack are lemmas of its reporting verbs', () => {
    const strays = [...builtInLanguages.values()].flatMap((pack) => pack.sentences.quoteTagVerbs.filter((v) => !pack.attribution.reportingVerbs.includes(v)).map((v) => `${pack.code}: ${v}`));
    assert.deepEqual(strays, []);
    assert.ok([...builtInLanguages.values()].some((pack) => pack.sentences.quoteTagVerbs.length > 0), 'a pack has some');
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
