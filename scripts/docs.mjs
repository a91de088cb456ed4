#!/usr/bin/env node
// Writes the docs generated from the product's own metadata (docs/rules.md, file-format.md,
// plan.md) from the built library: `npm run docs` builds first.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedDocs } from '../lib/docs/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = (name) => JSON.parse(readFileSync(join(root, 'schema', name), 'utf8'));
for (const [path, text] of Object.entries(generatedDocs({ levels: schema('levels.schema.json'), plan: schema('plan.schema.json') }))) {
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
}
