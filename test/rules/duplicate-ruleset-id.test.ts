import { ruleTester } from '../helpers/rule-tester.js';

/** A YAML text from its lines: the first argument is line 1. */
const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/** A one-level ruleset; its id is on line 2. */
const file = (id: string, primary = false) => yaml('kind: LevelRuleset', `id: ${id}`, `name: ${id}`, `primary: ${primary}`, 'levels:', '  - { name: Target, min: 0 }');

/** The same, with the id on line 4 (after a comment and the name). */
const late = (id: string, primary = false) =>
  yaml('# yaml-language-server: $schema=../schema/levels.schema.json', 'kind: LevelRuleset', 'name: Late', `id: ${id}`, `primary: ${primary}`, 'levels:', '  - { name: Target, min: 0 }');

ruleTester('duplicate-ruleset-id', {
  valid: [
    { name: 'one ruleset', config: file('tiers', true) },
    { name: 'distinct ids, one a prefix of the other', config: { 'a.yaml': file('tiers', true), 'b.yaml': file('tiers-next') } },
    {
      name: 'a file that fails the schema contributes no ruleset, so no duplicate',
      config: { 'a.yaml': file('tiers', true), 'b.yaml': yaml('kind: LevelRuleset', 'id: tiers', 'name: Tiers', 'levels:', '  - { name: Target, min: "0" }') },
    },
    {
      name: 'turned off in the Workspace',
      config: { 'a.yaml': file('tiers', true), 'b.yaml': file('tiers'), 'workspace.yaml': yaml('kind: Workspace', 'lint: { rules: { duplicate-ruleset-id: off } }') },
    },
  ],
  invalid: [
    {
      name: 'the second file is pointed at and names where the id was first used',
      config: { 'a.yaml': file('tiers', true), 'b.yaml': late('tiers') },
      findings: [{ line: 4, column: 5, message: /^Ruleset id 'tiers' is already used in levels\/a\.yaml:2; ruleset ids are unique/, severity: 'error' }],
    },
    {
      name: 'three files with one id, one in a subfolder: every later one refers to the first',
      config: { 'a.yaml': late('tiers', true), 'b.yaml': file('tiers'), 'sub/c.yaml': file('tiers') },
      findings: [
        { line: 2, column: 5, message: /Ruleset id 'tiers' is already used in levels\/a\.yaml:4/ },
        { line: 2, column: 5, message: /Ruleset id 'tiers' is already used in levels\/a\.yaml:4/ },
      ],
    },
    {
      name: 'two pairs of duplicates, disabled rulesets included',
      config: {
        'a.yaml': file('tiers', true),
        'b.yaml': file('trial'),
        'c.yaml': yaml('kind: LevelRuleset', 'id: trial', 'name: Trial', 'enabled: false', 'levels:', '  - { name: Target, min: 0 }'),
        'd.yaml': file('tiers'),
      },
      findings: [
        { line: 2, column: 5, message: /'trial' is already used in levels\/b\.yaml:2/ },
        { line: 2, column: 5, message: /'tiers' is already used in levels\/a\.yaml:2/ },
      ],
    },
    {
      name: 'a severity override to warning',
      config: { 'a.yaml': file('tiers', true), 'b.yaml': file('tiers'), 'workspace.yaml': yaml('kind: Workspace', 'lint: { rules: { duplicate-ruleset-id: warning } }') },
      findings: [{ line: 2, column: 5, message: /'tiers' is already used in levels\/a\.yaml:2/, severity: 'warning' }],
    },
  ],
});
