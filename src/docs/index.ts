import { rules } from '../lint/rules/index.js';
import { rulesDocument } from './rules-doc.js';
import { schemaDocument } from './schema-doc.js';

/**
 * The docs generated from the product's own metadata (lint rules, JSON Schemas), by path:
 * written by `npm run docs`, compared by a test so they cannot drift.
 */
export function generatedDocs(schemas: { levels: object; plan: object }): Record<string, string> {
  return {
    'docs/rules.md': rulesDocument(rules),
    'docs/file-format.md': schemaDocument(schemas.levels, {
      title: 'The file format',
      intro: [
        '<!-- Generated from schema/levels.schema.json by `npm run docs`; npm test fails when this file is stale. -->',
        '',
        'A config folder (default `levels/`) holds YAML files, one document each: any number of `LevelRuleset`s and at most one `Workspace`. Every file is checked against [`schema/levels.schema.json`](../schema/levels.schema.json); start a file with `# yaml-language-server: $schema=../schema/levels.schema.json` for completion and checks in editors. An account gets the first level, in file order, whose range holds its score (`min` ≤ score ≤ `max`; no `max`: no upper bound); with whole-number scores, 50–79 and 80–100 meet. The enabled ruleset marked `primary` classifies accounts; other enabled rulesets are experiments, shown in plans. See [rules.md](rules.md) for what lint checks.',
      ].join('\n'),
    }),
    'docs/plan.md': schemaDocument(schemas.plan, {
      title: 'The plan object',
      intro: [
        '<!-- Generated from schema/plan.schema.json by `npm run docs`; npm test fails when this file is stale. -->',
        '',
        '`levels plan --format json` prints it and `levels plan --out plan.json` saves it; `levels apply plan.json` applies exactly it. It is described by [`schema/plan.schema.json`](../schema/plan.schema.json); `format_version` changes when a field changes meaning.',
      ].join('\n'),
      root: 'Plan',
    }),
  };
}
