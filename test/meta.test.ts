import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { levelsSchema } from '../src/model/generated/schema.js';
import { rules } from '../src/lint/rules/index.js';
import { lintExample } from './helpers/lint.js';

const ruleFiles = readdirSync('src/lint/rules')
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .map((name) => name.replace(/\.ts$/, ''));

describe('the rule registry', () => {
  it('registers every rule file, each under its own id, sorted by id', () => {
    expect(rules.map((rule) => rule.id)).toEqual([...ruleFiles].sort());
    const index = readFileSync('src/lint/rules/index.ts', 'utf8');
    for (const id of ruleFiles) expect(index).toContain(`from './${id}.js'`);
  });

  it('holds every rule of SPEC section 4 and nothing else', () => {
    const spec = [
      'schema', 'yaml-syntax', 'duplicate-ruleset-id', 'single-primary', 'primary-enabled', 'min-above-max',
      'duplicate-level-name', 'overlap', 'shadowed-level', 'gap', 'floor-coverage', 'ceiling-coverage',
      'unreachable-level', 'level-count', 'color-semantics', 'round-boundaries', 'descriptive-names', 'level-order',
      'missing-owner', 'unassigned-accounts', 'dominant-level', 'empty-level', 'expected-share', 'score-outside-domain',
    ];
    expect(rules.map((rule) => rule.id).sort()).toEqual([...spec].sort());
  });

  it('lets a Workspace configure exactly the rules that are not fixed (the schema lists them)', () => {
    const configurable = Object.keys(levelsSchema.definitions.Workspace.properties.lint.properties.rules.properties);
    expect([...configurable].sort()).toEqual(rules.filter((rule) => !rule.fixed).map((rule) => rule.id).sort());
  });

  it('gives every rule a test file', () => {
    for (const rule of rules) expect(existsSync(`test/rules/${rule.id}.test.ts`), `test/rules/${rule.id}.test.ts`).toBe(true);
  });

  it('gives every rule a one-line description ending in a full stop', () => {
    for (const rule of rules) {
      expect(rule.description, rule.id).toMatch(/^[A-Z0-9].*\.$/);
      expect(rule.description, rule.id).not.toContain('\n');
    }
  });
});

describe('the documentation examples of each rule', () => {
  for (const rule of rules.filter((candidate) => candidate.type === 'static')) {
    it(`${rule.id}: good examples pass, bad examples are caught`, () => {
      expect(rule.examples.valid.length, 'good examples').toBeGreaterThan(0);
      expect(rule.examples.invalid.length, 'bad examples').toBeGreaterThan(0);
      for (const example of rule.examples.valid) {
        expect(lintExample(example).filter((finding) => finding.rule === rule.id)).toEqual([]);
      }
      for (const example of rule.examples.invalid) {
        expect(lintExample(example).filter((finding) => finding.rule === rule.id).length).toBeGreaterThan(0);
      }
    });
  }
});
