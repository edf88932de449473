// Writes schemas/claimlensrc.schema.json, the JSON Schema of `.claimlensrc.json`,
// from the settings schema in src/core (a unit test checks the file is up to date).
//   node scripts/gen-schema.mjs
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimlens-schema-'));
try {
  const bundle = join(dir, 'config.cjs');
  await esbuild.build({
    entryPoints: [join(root, 'src/core/config.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    logLevel: 'warning',
  });
  const { settingsJsonSchema } = createRequire(import.meta.url)(bundle);
  const file = join(root, 'schemas/claimlensrc.schema.json');
  writeFileSync(file, `${JSON.stringify(settingsJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${file}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
