import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

/** A YAML text from its lines: the first argument is line 1. */
const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

const owned = yaml(
  'kind: LevelRuleset',
  'id: tiers',
  'name: Tiers',
  'primary: true',
  'levels:',
  '  - { name: Target, min: 80, owner: "@enterprise-ae" }',
  '  - { name: Qualified, min: 50, max: 79, owner: Jane Doe }',
  '  - { name: Standard, min: 0, max: 49, owner: sdr-team }',
);

ruleTester('missing-owner', {
  valid: [
    owned,
    {
      name: 'block style',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'name: Tiers', 'primary: true', 'levels:', '  - name: Target', '    min: 0', '    owner: "@revops"'),
    },
    { name: 'turned off in the Workspace', config: { 'workspace.yaml': 'kind: Workspace\nlint: { rules: { missing-owner: off } }\n', 'test.yaml': ruleset([['Target', 50], ['Nurture', 0, 49]]) } },
  ],
  invalid: [
    {
      name: 'every level without an owner',
      config: ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]),
      findings: [
        { line: 6, column: 5, message: /^Level 'Target' has no owner; add owner: with the person or team responsible/, severity: 'info' },
        { line: 7, column: 5, message: /^Level 'Qualified' has no owner/, severity: 'info' },
        { line: 8, column: 5, message: /^Level 'Standard' has no owner/, severity: 'info' },
      ],
    },
    {
      name: 'block style: points at the start of the level',
      config: yaml(
        'kind: LevelRuleset',
        'id: tiers',
        'name: Tiers',
        'primary: true',
        'levels:',
        '  - name: Target',
        '    min: 80',
        '    owner: "@enterprise-ae"',
        '  - name: Nurture',
        '    min: 0',
        '    max: 79',
      ),
      findings: [{ line: 9, column: 5, message: /^Level 'Nurture' has no owner/ }],
    },
    {
      name: 'in each ruleset, with a severity override to warning',
      config: {
        'a.yaml': owned.replace(', owner: sdr-team', ''),
        'b.yaml': ruleset([['Target', 50], ['Nurture', 0, 49]], 'kind: LevelRuleset\nid: trial\nname: Trial\n'),
        'workspace.yaml': 'kind: Workspace\nlint: { rules: { missing-owner: warning } }\n',
      },
      findings: [
        { line: 8, column: 5, message: /^Level 'Standard' has no owner/, severity: 'warning' },
        { line: 5, column: 5, message: /^Level 'Target' has no owner/, severity: 'warning' },
        { line: 6, column: 5, message: /^Level 'Nurture' has no owner/, severity: 'warning' },
      ],
    },
  ],
});
