import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

const withWorkspace = (workspace: string, yaml: string) => ({ 'workspace.yaml': `kind: Workspace\n${workspace}`, 'test.yaml': yaml });

ruleTester('floor-coverage', {
  valid: [
    ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]),
    { name: 'a level reaching below the floor covers it', config: ruleset([['Target', 50], ['Standard', -10, 49]]) },
    {
      name: 'whole-number scores from min 0.5: the lowest possible score is 1',
      config: withWorkspace('scores: { min: 0.5, max: 100 }\n', ruleset([['Target', 50], ['Standard', 1, 49]])),
    },
    { name: 'a custom domain minimum', config: withWorkspace('scores: { min: 300, max: 850 }\n', ruleset([['Target', 700], ['Standard', 300, 699]])) },
    { name: 'decimal scores starting at 0', config: withWorkspace('scores: { min: 0, max: 100, integer: false }\n', ruleset([['Target', 50], ['Standard', 0, 50]])) },
    { name: 'turned off in the Workspace', config: withWorkspace('lint: { rules: { floor-coverage: off } }\n', ruleset([['Target', 50], ['Standard', 10, 49]])) },
  ],
  invalid: [
    {
      name: 'the lowest level starts above 0',
      config: ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 10, 49]]),
      findings: [
        {
          line: 8,
          column: 28,
          message: /^The lowest possible score, 0, is in no level of 'tiers': scores 0 to 9 are Unassigned\. Start 'Standard' at 0, or set Workspace scores\.min\.$/,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'decimal scores: a lowest level starting at 0.5 leaves [0, 0.5)',
      config: withWorkspace('scores: { min: 0, max: 100, integer: false }\n', ruleset([['Target', 50], ['Standard', 0.5, 50]])),
      findings: [{ line: 7, column: 28, message: /^The lowest possible score, 0, is in no level of 'tiers': scores 0 to below 0\.5 are Unassigned/ }],
    },
    {
      name: 'whole-number scores from min 0.5: the floor is 1',
      config: withWorkspace('scores: { min: 0.5, max: 100 }\n', ruleset([['Target', 50], ['Standard', 2, 49]])),
      findings: [{ line: 7, column: 28, message: /^The lowest possible score, 1, is in no level.*Start 'Standard' at 1/ }],
    },
    {
      name: 'a custom domain minimum',
      config: withWorkspace('scores: { min: 10, max: 100 }\n', ruleset([['Target', 50], ['Standard', 20, 49]])),
      findings: [{ line: 7, column: 28, message: /^The lowest possible score, 10, is in no level of 'tiers': scores 10 to 19 are Unassigned\. Start 'Standard' at 10/ }],
    },
    {
      name: 'the lowest level written first',
      config: ruleset([['Standard', 5, 49], ['Target', 50]]),
      findings: [{ line: 6, column: 28, message: /scores 0 to 4 are Unassigned\. Start 'Standard' at 0/ }],
    },
    {
      name: 'no level in the domain at all: points at the levels key',
      config: withWorkspace('scores: { min: 0, max: 100 }\n', ruleset([['Elite', 120], ['Super', 101, 119]])),
      findings: [{ line: 5, column: 1, message: /^The lowest possible score, 0, is in no level of 'tiers': scores 0 to 100 are Unassigned\. Add a level starting at 0/ }],
    },
    {
      name: 'a severity override to error, in each ruleset',
      config: {
        'workspace.yaml': 'kind: Workspace\nlint: { rules: { floor-coverage: error } }\n',
        'a.yaml': ruleset([['Target', 50], ['Standard', 10, 49]]),
        'b.yaml': ruleset([['Target', 40], ['Standard', 1, 39]], 'kind: LevelRuleset\nid: trial\nname: Trial\n'),
      },
      findings: [
        { line: 7, column: 28, message: /level of 'tiers': scores 0 to 9/, severity: 'error' },
        { line: 6, column: 28, message: /level of 'trial': score 0 is Unassigned\. Start 'Standard' at 0/, severity: 'error' },
      ],
    },
  ],
});
