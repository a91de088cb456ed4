#!/usr/bin/env node
// Bundles the GitHub Action (src/action/main.ts) into one file, dist/index.js, committed so that
// `uses: owner/levels@v1` runs without an install. No native module goes in: the SQLite driver is
// replaced by a stand-in that says the action needs a store reached by URL.
//
//   node scripts/bundle-action.mjs            writes dist/
//   node scripts/bundle-action.mjs --out DIR  writes DIR/ (the freshness test compares the two)
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--out');
const out = at >= 0 ? resolve(process.argv[at + 1]) : join(root, 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** The embedded store's driver, swapped for the stand-in. */
const noEmbeddedStore = {
  name: 'no-embedded-store',
  setup(bundle) {
    bundle.onResolve({ filter: /\/drivers\/sqlite\.js$/ }, () => ({ path: join(root, 'src/action/no-embedded-store.ts') }));
    bundle.onResolve({ filter: /^better-sqlite3$/ }, (args) => {
      throw new Error(`better-sqlite3 is imported by ${args.importer}: the action bundle must not carry a native module`);
    });
  },
};

await build({
  absWorkingDir: root,
  entryPoints: ['src/action/main.ts'],
  outfile: join(out, 'index.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [noEmbeddedStore],
  // pg asks for its optional native binding only when told to use it.
  external: ['pg-native'],
  banner: { js: "import { createRequire as __levelsRequire } from 'node:module'; const require = __levelsRequire(import.meta.url);" },
});
