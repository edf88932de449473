// `npm run test:grammar`: checks the injection grammars in syntaxes/ against
// the assertions in test/grammar/*.test.{md,mdx}, with vscode-tmgrammar-test.
//
// The injection grammars come from package.json (contributes.grammars, with
// their injectTo); the grammars they are injected into — VS Code's Markdown
// grammar, the MDX grammar — and every grammar those embed (HTML, YAML front
// matter, the languages of fenced code) come from the tm-grammars package, so
// the tests tokenize as VS Code does and run offline.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { grammars } from 'tm-grammars';

const require = createRequire(import.meta.url);
const hostScopes = ['text.html.markdown', 'source.mdx'];
const testFiles = ['test/grammar/*.test.md', 'test/grammar/*.test.mdx'];

const byScope = new Map(grammars.map((g) => [g.scopeName, g.name]));

/** The scopes a grammar includes from other grammars (`source.js`, `text.html.basic#tags`). */
function externalScopes(grammar) {
  const found = new Set();
  JSON.stringify(grammar, (key, value) => {
    if (key === 'include' && typeof value === 'string' && !value.startsWith('#') && !value.startsWith('$')) {
      found.add(value.split('#')[0]);
    }
    return value;
  });
  return found;
}

/** The grammar files of `roots` and of everything they embed that tm-grammars has. */
function grammarFiles(roots) {
  const files = new Map();
  const queue = [...roots];
  while (queue.length) {
    const scope = queue.pop();
    if (files.has(scope) || !byScope.has(scope)) continue;
    const file = require.resolve(`tm-grammars/grammars/${byScope.get(scope)}.json`);
    files.set(scope, file);
    for (const next of externalScopes(JSON.parse(readFileSync(file, 'utf8')))) queue.push(next);
  }
  return [...files.values()];
}

const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
const args = [cli, ...grammarFiles(hostScopes).flatMap((file) => ['-g', file]), ...testFiles];
const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
// Grammars that tm-grammars lacks (a few rare fenced-code languages) are only
// reported as missing; anything else on stderr is shown.
const stderr = result.stderr
  .split('\n')
  .filter((line) => line && !line.startsWith('grammar not found for'))
  .join('\n');
if (stderr) process.stderr.write(stderr + '\n');
if (result.error) throw new Error('vscode-tmgrammar-test did not start', { cause: result.error });
process.exit(result.status ?? 1);
