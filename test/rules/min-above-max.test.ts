import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

ruleTester('min-above-max', {
  valid: [
    ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]),
    { name: 'a single-score level (min equals max)', config: ruleset([['Target', 51], ['Exact', 50, 50], ['Standard', 0, 49]]) },
    { name: 'decimal and negative bounds in order', config: ruleset([['Target', 49.95], ['Qualified', 49.5, 49.9], ['Standard', -10, -0.5]]) },
    { name: 'an open-ended level with a large min has no max to be above', config: ruleset([['Target', 1000000], ['Standard', 0, 999999]]) },
  ],
  invalid: [
    {
      name: 'swapped bounds point at the max',
      config: ruleset([['Target', 80], ['Qualified', 79, 50], ['Standard', 0, 49]]),
      findings: [{ line: 7, column: 38, message: /^Level 'Qualified' has min 79 above max 50, so it holds no score; swap them/, severity: 'error' }],
    },
    {
      name: 'every inverted level, decimal and negative ones included',
      config: ruleset([['Target', 80.5, 80.25], ['Qualified', 50, 79], ['Standard', 0, -1]]),
      findings: [
        { line: 6, column: 37, message: /^Level 'Target' has min 80\.5 above max 80\.25/ },
        { line: 8, column: 36, message: /^Level 'Standard' has min 0 above max -1/ },
      ],
    },
    {
      name: 'block style, and a severity override',
      config: {
        'test.yaml':
          'kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nlevels:\n  - name: Target\n    max: 10\n    min: 80\n  - name: Standard\n    min: 0\n    max: 79\n',
        'workspace.yaml': 'kind: Workspace\nlint: { rules: { min-above-max: warning } }\n',
      },
      findings: [{ line: 7, column: 10, message: /'Target' has min 80 above max 10/, severity: 'warning' }],
    },
  ],
});
