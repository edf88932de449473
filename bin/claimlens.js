#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');

// A fresh checkout has no build yet: install the dependencies and build once.
if (!existsSync(cli) && existsSync(join(root, 'esbuild.mjs'))) {
  process.stderr.write('claimlens: first run in this checkout, installing and building…\n');
  // node:child_process is loaded here only: it costs milliseconds that a run of a built checkout does not need.
  const setup = require('node:child_process').spawnSync(process.execPath, [join(root, 'scripts', 'bootstrap.mjs'), '--no-system', '--build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (setup.status !== 0) {
    process.stderr.write('claimlens: set-up failed; run `npm ci && npm run build` in the checkout\n');
    process.exit(2);
  }
}

// The CLI is loaded with V8's code cache (dist/code-cache.js): a run after the first skips compiling it.
const codeCache = join(root, 'dist', 'code-cache.js');
const loaded = existsSync(codeCache) ? require(codeCache).requireWithCodeCache(cli, module) : require(cli);
loaded
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
