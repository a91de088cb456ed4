import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';
import { data } from '../helpers/data.js';

const tiers = ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]);

ruleTester('empty-level', {
  valid: [
    { name: 'every level holds an account', config: tiers, data: data([1, 1, 1]) },
    { name: 'an empty export says nothing about levels', config: tiers, data: data([0, 0, 0]) },
  ],
  invalid: [
    {
      name: 'the top level is empty too',
      config: tiers,
      data: data([0, 5, 0]),
      findings: [
        { line: 6, column: 5, severity: 'warning', message: /^Level 'Target' of 'tiers' holds none of the 5 accounts of scores\.csv\.$/ },
        { line: 8, message: /^Level 'Standard' of 'tiers'/ },
      ],
    },
    {
      name: 'turned down to info',
      config: { 'workspace.yaml': 'kind: Workspace\nlint: { rules: { empty-level: info } }\n', 'test.yaml': tiers },
      data: data([3, 0, 3]),
      findings: [{ line: 7, severity: 'info' }],
    },
  ],
});
