import { ruleTester } from '../helpers/rule-tester.js';
import { data } from '../helpers/data.js';

const tiers = `kind: LevelRuleset
id: tiers
name: Tiers
primary: true
levels:
  - { name: Target, min: 80, expected_share: 10-20% }
  - { name: Qualified, min: 50, max: 79, expected_share: "<= 30%" }
  - { name: Standard, min: 0, max: 49 }
`;

ruleTester('expected-share', {
  valid: [
    { name: 'inside the ranges, bounds included', config: tiers, data: data([10, 30, 60]) },
    { name: 'the bound is compared at the shown precision (20.04% shows as 20.0%)', config: tiers, data: data([2004, 1000, 6996]) },
    { name: 'no accounts', config: tiers, data: data([0, 0, 0]) },
  ],
  invalid: [
    {
      name: 'below one range and above one bound',
      config: tiers,
      data: data([5, 40, 55]),
      findings: [
        { line: 6, column: 46, severity: 'warning', message: /^Level 'Target' holds 5\.0% of the accounts of scores\.csv, outside its expected_share of 10-20%\.$/ },
        { line: 7, column: 58, message: /'Qualified' holds 40\.0% .* of <= 30%/ },
      ],
    },
    {
      name: 'just over the top of the range',
      config: tiers,
      data: data([206, 100, 694]),
      findings: [{ line: 6, message: /holds 20\.6%/ }],
    },
  ],
});
