#!/usr/bin/env node
// Writes the files generated from a single source of truth:
//   src/model/generated/types.ts   TypeScript types from schema/levels.schema.json (json-schema-to-typescript)
//   src/model/generated/schema.ts  the schema itself as a module, so the runtime and the bundled
//                                  Action need no file read and no JSON-module flag
//   src/model/generated/validators.ts  the schema's validators, compiled by ajv ahead of time
//   src/plan/generated/types.ts    the Plan types from schema/plan.schema.json
//   src/plan/generated/schema.ts   the plan schema as a module
//   src/plan/generated/validator.ts  its validator, compiled by ajv ahead of time (apply checks plan files)
//   src/version.ts                 the version from package.json, and a fingerprint of the config schema
// `npm test` fails when a committed file differs from what this writes (test/generated.test.ts).
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

/**
 * The schema validators, compiled by ajv now rather than at every run (loading ajv and compiling
 * them cost 170 ms a command). The code's one runtime helper, ajv's ucs2length (a string's
 * length in code points), is defined inline: importing the CommonJS module resolves
 * differently under Node and under the test runner, and bundles would have to carry it.
 */
function validators(schema, exports) {
  const ajv = new Ajv.default({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true, code: { source: true, esm: true } });
  ajv.addSchema(schema, 'schema');
  const code = standaloneCode.default(ajv, exports);
  const runtime = 'require("ajv/dist/runtime/ucs2length")';
  const rest = code.replaceAll(runtime, 'ucs2length').replace('"use strict";', '');
  if (/require\(/.test(rest)) throw new Error('The generated validators need another ajv runtime module: import it here.');
  const helper = 'const ucs2length = { default: (text) => { let count = 0; for (const _ of text) count++; return count; } };';
  return `// @ts-nocheck\n${helper}\n${rest}`;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const banner = (source) => `// Generated from ${source} by \`npm run generate\`. Do not edit.\n`;

/** Every generated file: repository path → content. */
export async function generatedFiles() {
  const schema = JSON.parse(await readFile(join(root, 'schema/levels.schema.json'), 'utf8'));
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const types = await compile(structuredClone(schema), 'LevelsDocument', {
    bannerComment: banner('schema/levels.schema.json').trimEnd(),
    additionalProperties: false,
    unreachableDefinitions: true,
    ignoreMinAndMaxItems: true,
    format: true,
  });
  const plan = JSON.parse(await readFile(join(root, 'schema/plan.schema.json'), 'utf8'));
  const planTypes = await compile(structuredClone(plan), 'Plan', {
    bannerComment: banner('schema/plan.schema.json').trimEnd(),
    additionalProperties: false,
    unreachableDefinitions: true,
    format: true,
  });
  return {
    'src/model/generated/types.ts': types,
    'src/plan/generated/types.ts': planTypes,
    'src/plan/generated/schema.ts': `${banner('schema/plan.schema.json')}export const planSchema = ${JSON.stringify(plan, null, 2)} as const;\n`,
    'src/model/generated/schema.ts': `${banner('schema/levels.schema.json')}export const levelsSchema = ${JSON.stringify(schema, null, 2)} as const;\n`,
    'src/model/generated/validators.ts': `${banner('schema/levels.schema.json')}${validators(schema, { LevelRuleset: 'schema#/definitions/LevelRuleset', Workspace: 'schema#/definitions/Workspace' })}\n`,
    'src/plan/generated/validator.ts': `${banner('schema/plan.schema.json')}${validators(plan, { Plan: 'schema' })}\n`,
    'src/version.ts': `${banner('package.json and schema/levels.schema.json')}export const VERSION = ${JSON.stringify(pkg.version)};\n/** A fingerprint of the config schema: what was read under another schema is read again. */\nexport const SCHEMA_FINGERPRINT = ${JSON.stringify(createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16))};\n`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, content] of Object.entries(await generatedFiles())) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
    console.log(`wrote ${path}`);
  }
}
