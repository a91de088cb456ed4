import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';
import { data } from '../helpers/data.js';

const tiers = ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]);
const workspace = 'kind: Workspace\nscores: { min: 0, max: 100 }\n';

ruleTester('score-outside-domain', {
  valid: [
    { name: 'every score inside', config: { 'workspace.yaml': workspace, 'test.yaml': tiers }, data: data([1, 1, 1]) },
  ],
  invalid: [
    {
      name: 'below and above, pointed at the Workspace scores',
      config: { 'workspace.yaml': workspace, 'test.yaml': tiers },
      data: data([1, 1, 1], { belowDomain: 2, aboveDomain: 1, minScore: -4, maxScore: 130 }),
      findings: [{ line: 2, column: 1, severity: 'warning', message: /^scores\.csv has 2 scores below 0 \(lowest -4\) and 1 score above 100 \(highest 130\), outside the score domain 0 to 100 \(whole-number scores\)/ }],
    },
    {
      name: 'without a Workspace, on the primary ruleset',
      config: tiers,
      data: data([1, 1, 1], { belowDomain: 1, minScore: -1 }),
      findings: [{ line: 5, message: /1 score below 0 \(lowest -1\)/ }],
    },
  ],
});
