import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

ruleTester('level-order', {
  valid: [
    ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]),
    { name: 'two levels with the same range are not out of order', config: ruleset([['Target', 80], ['Twin', 80], ['Standard', 0, 79]]) },
    { name: 'a narrow band first, then the broader level below it', config: ruleset([['Strategic', 90, 95], ['Target', 80], ['Standard', 0, 79]]) },
    { name: 'turned off in the Workspace', config: { 'workspace.yaml': 'kind: Workspace\nlint: { rules: { level-order: off } }\n', 'test.yaml': ruleset([['Standard', 0, 49], ['Target', 50]]) } },
  ],
  invalid: [
    {
      name: 'lowest first',
      config: ruleset([['Nurture', 0, 49], ['Target', 50]]),
      findings: [
        {
          line: 7,
          column: 5,
          message: /^Level 'Target' \(50 and above\) is written after the lower level 'Nurture' \(0 to 49\); write levels from highest to lowest/,
          severity: 'info',
        },
      ],
    },
    {
      name: 'ascending throughout: reported once, at the first level out of place',
      config: ruleset([['Standard', 0, 49], ['Qualified', 50, 79], ['Target', 80]]),
      findings: [{ line: 7, column: 5, message: /^Level 'Qualified' \(50 to 79\) is written after the lower level 'Standard' \(0 to 49\)/ }],
    },
    {
      name: 'same min: the open-ended level belongs first',
      config: ruleset([['Qualified', 50, 79], ['Target', 50]]),
      findings: [{ line: 7, column: 5, message: /^Level 'Target' \(50 and above\) is written after the lower level 'Qualified' \(50 to 79\)/ }],
    },
    {
      name: 'one swap at the end, in each of two rulesets, with a severity override',
      config: {
        'a.yaml': ruleset([['Target', 80], ['Standard', 0, 49], ['Qualified', 50, 79]]),
        'b.yaml': ruleset([['Exact', 50, 50], ['Above', 51]], 'kind: LevelRuleset\nid: trial\nname: Trial\n'),
        'workspace.yaml': 'kind: Workspace\nlint: { rules: { level-order: warning } }\n',
      },
      findings: [
        { line: 8, column: 5, message: /^Level 'Qualified' \(50 to 79\) is written after the lower level 'Standard' \(0 to 49\)/, severity: 'warning' },
        { line: 6, column: 5, message: /^Level 'Above' \(51 and above\) is written after the lower level 'Exact' \(50\)/, severity: 'warning' },
      ],
    },
  ],
});
