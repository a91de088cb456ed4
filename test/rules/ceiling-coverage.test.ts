import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

const withWorkspace = (workspace: string, yaml: string) => ({ 'workspace.yaml': `kind: Workspace\n${workspace}`, 'test.yaml': yaml });

ruleTester('ceiling-coverage', {
  valid: [
    { name: 'an open-ended top level with no domain max', config: ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]) },
    { name: 'the open-ended level written last', config: ruleset([['Standard', 0, 49], ['Target', 50]]) },
    { name: 'a bounded domain reached exactly', config: withWorkspace('scores: { min: 0, max: 100 }\n', ruleset([['Target', 80, 100], ['Standard', 0, 79]])) },
    {
      name: 'whole-number scores up to 100.5: the highest possible score is 100',
      config: withWorkspace('scores: { min: 0, max: 100.5 }\n', ruleset([['Target', 80, 100], ['Standard', 0, 79]])),
    },
    { name: 'decimal scores reaching the max', config: withWorkspace('scores: { min: 0, max: 100, integer: false }\n', ruleset([['Target', 80, 100], ['Standard', 0, 80]])) },
    { name: 'turned off in the Workspace', config: withWorkspace('lint: { rules: { ceiling-coverage: off } }\n', ruleset([['Target', 80, 100], ['Standard', 0, 79]])) },
  ],
  invalid: [
    {
      name: 'no domain max and no open-ended level',
      config: ruleset([['Target', 80, 100], ['Qualified', 50, 79], ['Standard', 0, 49]]),
      findings: [
        {
          line: 6,
          column: 35,
          message: /^No level of 'tiers' is open-ended: scores 101 and above are Unassigned\. Leave max off 'Target', or set Workspace scores\.max\.$/,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a bounded domain whose max is not reached',
      config: withWorkspace('scores: { min: 0, max: 100 }\n', ruleset([['Target', 80, 90], ['Standard', 0, 79]])),
      findings: [{ line: 6, column: 35, message: /^The highest possible score, 100, is in no level of 'tiers': scores 91 to 100 are Unassigned\. Raise the max of 'Target' to 100, or leave it out\.$/ }],
    },
    {
      name: 'decimal scores: a max of 99.5 leaves (99.5, 100]',
      config: withWorkspace('scores: { min: 0, max: 100, integer: false }\n', ruleset([['Target', 80, 99.5], ['Standard', 0, 80]])),
      findings: [{ line: 6, column: 35, message: /^The highest possible score, 100, is in no level of 'tiers': scores above 99\.5 up to 100 are Unassigned/ }],
    },
    {
      name: 'decimal scores with no max',
      config: withWorkspace('scores: { integer: false }\n', ruleset([['Target', 50, 100], ['Standard', 0, 50]])),
      findings: [{ line: 6, column: 35, message: /^No level of 'tiers' is open-ended: scores above 100 are Unassigned/ }],
    },
    {
      name: 'an open-ended level above the domain does not count; the highest reachable level is pointed at',
      config: withWorkspace('scores: { min: 0, max: 100 }\n', ruleset([['Elite', 120], ['Standard', 0, 49], ['Target', 50, 99]])),
      findings: [{ line: 8, column: 35, message: /^The highest possible score, 100, is in no level of 'tiers': score 100 is Unassigned\. Raise the max of 'Target' to 100/ }],
    },
    {
      name: 'no level in the domain at all: points at the levels key',
      config: withWorkspace('scores: { min: 0, max: 100 }\n', ruleset([['Elite', 120], ['Super', 101, 119]])),
      findings: [{ line: 5, column: 1, message: /^The highest possible score, 100, is in no level of 'tiers': scores 0 to 100 are Unassigned\. Add a level that reaches 100\./ }],
    },
    {
      name: 'a severity override to error',
      config: withWorkspace('lint: { rules: { ceiling-coverage: error } }\n', ruleset([['Target', 50, 95], ['Standard', 0, 49]])),
      findings: [{ line: 6, column: 35, message: /scores 96 and above are Unassigned/, severity: 'error' }],
    },
  ],
});
