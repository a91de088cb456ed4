#!/usr/bin/env node
// Bundles the CLI into lib/bin/: one file for start-up and one chunk per command, loaded when
// the command runs. Loading the ~70 modules of `levels plan` one by one cost Node 20 more
// (120-170 ms) than the command's own start-up work; a bundle loads in a fraction of that.
// The library (lib/index.js) stays as tsc writes it.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Chunk names change with their content: a chunk of an earlier build must not linger.
rmSync(join(root, 'lib/bin'), { recursive: true, force: true });

await build({
  entryPoints: [join(root, 'src/cli.ts')],
  outdir: join(root, 'lib/bin'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // The store drivers load from node_modules when a store is used: better-sqlite3 is a native
  // module, and pg carries an optional native binding.
  external: ['better-sqlite3', 'pg', 'pg-copy-streams'],
  // Bundled CommonJS dependencies (simple-git) require Node's built-in modules at run time.
  banner: { js: "import { createRequire as __levelsRequire } from 'node:module'; const require = __levelsRequire(import.meta.url);" },
});
