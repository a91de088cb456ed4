import type { Finding } from '../../src/findings.js';
import { lint, type LintOptions } from '../../src/lint/engine.js';
import type { RuleExample } from '../../src/lint/rule.js';
import type { Config } from '../../src/model/config.js';
import { parseConfig } from '../../src/model/load.js';

/** One YAML text is one ruleset file, `levels/test.yaml`; an object is a whole config folder. */
export function configOf(example: RuleExample): Config {
  const files = typeof example === 'string' ? { 'test.yaml': example } : example;
  return parseConfig(
    Object.entries(files).map(([path, content]) => ({ path: `levels/${path}`, content })),
    { folder: 'levels' },
  );
}

export function lintExample(example: RuleExample, options: LintOptions = {}): Finding[] {
  return lint(configOf(example), options);
}

/** A ruleset file from levels written as `[name, min, max?]`. */
export function ruleset(levels: readonly (readonly [string, number, number?])[], head = 'kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\n'): string {
  return `${head}levels:\n${levels
    .map(([name, min, max]) => `  - { name: ${name}, min: ${min}${max === undefined ? '' : `, max: ${max}`} }`)
    .join('\n')}\n`;
}
