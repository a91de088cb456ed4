import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';
import { data } from '../helpers/data.js';

const tiers = ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]);

ruleTester('unassigned-accounts', {
  valid: [
    { name: 'every account has a level', config: tiers, data: data([10, 20, 30]) },
    { name: 'another ruleset has unassigned accounts, not this one', config: tiers, data: data([1, 1, 1], { ruleset: 'other', unassigned: 5, unassignedRange: [1, 2] }) },
    { name: 'static lint runs no data rule', config: tiers },
  ],
  invalid: [
    {
      name: 'counts, share and score range',
      config: tiers,
      data: data([10, 20, 66], { unassigned: 4, unassignedRange: [-3, 120] }),
      findings: [{ line: 5, column: 1, severity: 'warning', message: /^4 accounts of scores\.csv \(4\.0%, scores -3 to 120\) fall in no level of 'tiers' and would be Unassigned\.$/ }],
    },
    {
      name: 'one account, one score',
      config: tiers,
      data: data([10, 0, 0], { unassigned: 1, unassignedRange: [55.5, 55.5] }),
      findings: [{ line: 5, message: /^1 account of scores\.csv \(9\.1%, score 55\.5\)/ }],
    },
    {
      name: 'raised to error in the Workspace',
      config: { 'workspace.yaml': 'kind: Workspace\nlint: { rules: { unassigned-accounts: error } }\n', 'test.yaml': tiers },
      data: data([1, 1, 1], { unassigned: 1, unassignedRange: [5, 5] }),
      findings: [{ line: 5, severity: 'error' }],
    },
  ],
});
