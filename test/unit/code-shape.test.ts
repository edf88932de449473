import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every function, method, arrow function and accessor in a file with its line count. */
function functionLengths(path: string, text = readFileSync(path, 'utf8')): { name: string; lines: number }[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      out.push({ name: `${path.slice(root.length + 1)}:${first + 1} ${name}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('code shape: the recogniser reads as rules', () => {
  const dirs = ['src/core/claims', 'src/core/sources'];
  it('has no function over 80 lines in src/core/claims or src/core/sources', () => {
    const files = dirs.flatMap((d) => filesUnder(join(root, d)));
    assert.ok(files.length > 10, 'found the files');
    const all = files.flatMap((f) => functionLengths(f));
    assert.ok(all.length > 100, 'found the functions');
    assert.deepEqual(all.filter((f) => f.lines > 80).map((f) => `${f.name} (${f.lines} lines)`), []);
  });

  it('counts every function, nested ones too, by its lines', () => {
    const body = Array.from({ length: 90 }, (_, i) => `  x += ${i};`).join('\n');
    const text = `function long(): number {\n  let x = 0;\n${body}\n  const f = () => 1;\n  return x + f();\n}\n`;
    const lengths = functionLengths(join(root, 'src', 'long.ts'), text).map((f) => [f.name, f.lines]);
    assert.deepEqual(lengths, [['src/long.ts:1 long', 95], ['src/long.ts:93 (anonymous)', 1]]);
  });
});
