import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';
import { data } from '../helpers/data.js';

const tiers = ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]);

ruleTester('dominant-level', {
  valid: [
    { name: 'just under 80%', config: tiers, data: data([10, 79, 11]) },
    { name: 'no accounts', config: tiers, data: data([0, 0, 0]) },
    { name: 'a one-level ruleset cannot spread accounts', config: ruleset([['Everyone', 0]]), data: data([100]) },
  ],
  invalid: [
    {
      name: '80% exactly is dominant',
      config: tiers,
      data: data([10, 80, 10]),
      findings: [{ line: 7, column: 5, severity: 'warning', message: /^Level 'Qualified' holds 80\.0% of the accounts of scores\.csv, so the levels of 'tiers' barely separate them/ }],
    },
    {
      name: 'Unassigned accounts count in the whole',
      config: tiers,
      data: data([90, 5, 0], { unassigned: 5 }),
      findings: [{ line: 6, message: /'Target' holds 90\.0%/ }],
    },
  ],
});
