import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

const withWorkspace = (workspace: string, yaml: string) => ({ 'workspace.yaml': `kind: Workspace\n${workspace}`, 'test.yaml': yaml });
const upTo100 = 'scores: { min: 0, max: 100 }\n';

ruleTester('unreachable-level', {
  valid: [
    { name: 'no domain max: any top level is reachable', config: ruleset([['Elite', 1000000], ['Target', 80, 999999], ['Standard', 0, 79]]) },
    { name: 'a level starting exactly at the domain max', config: withWorkspace(upTo100, ruleset([['Top', 100], ['Target', 50, 99], ['Standard', 0, 49]])) },
    { name: 'a level only partly above the domain', config: withWorkspace(upTo100, ruleset([['Target', 80, 150], ['Standard', 0, 79]])) },
    {
      name: 'decimal scores: a level between two whole numbers holds scores',
      config: withWorkspace('scores: { min: 0, max: 100, integer: false }\n', ruleset([['Target', 80], ['Sliver', 79.2, 79.8], ['Standard', 0, 79.2]])),
    },
    { name: 'an inverted level is min-above-max, not unreachable', config: ruleset([['Target', 50], ['Odd', 40, 30], ['Standard', 0, 49]]) },
    { name: 'turned off in the Workspace', config: withWorkspace(`${upTo100}lint: { rules: { unreachable-level: off } }\n`, ruleset([['Elite', 120], ['Target', 0]])) },
  ],
  invalid: [
    {
      name: 'a level whose min is above the domain max points at the min',
      config: withWorkspace(upTo100, ruleset([['Elite', 120], ['Target', 80, 119], ['Standard', 0, 79]])),
      findings: [
        {
          line: 6,
          column: 25,
          message: /^Level 'Elite' \(120 and above\) lies outside the score domain, 0 to 100 \(whole-number scores\), so no account can ever be in it\.$/,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a level below the domain min points at the max',
      config: ruleset([['Target', 50], ['Standard', 0, 49], ['Negative', -20, -1]]),
      findings: [{ line: 8, column: 38, message: /^Level 'Negative' \(-20 to -1\) lies outside the score domain, 0 and above \(whole-number scores\)/ }],
    },
    {
      name: 'whole-number scores: a level between two whole numbers holds none',
      config: ruleset([['Target', 80], ['Qualified', 50, 79], ['Sliver', 79.2, 79.8], ['Standard', 0, 49]]),
      findings: [{ line: 8, column: 13, message: /^Level 'Sliver' \(79\.2 to 79\.8\) holds no whole number, and scores are whole numbers, so no account can ever be in it\./ }],
    },
    {
      name: 'every unreachable level, above and below',
      config: withWorkspace('scores: { min: 300, max: 850 }\n', ruleset([['Ultra', 900], ['Elite', 851, 899], ['Target', 300, 850], ['Zero', 0, 299]])),
      findings: [
        { line: 6, column: 25, message: /^Level 'Ultra' \(900 and above\) lies outside the score domain, 300 to 850/ },
        { line: 7, column: 25, message: /^Level 'Elite' \(851 to 899\) lies outside the score domain, 300 to 850/ },
        { line: 9, column: 32, message: /^Level 'Zero' \(0 to 299\) lies outside the score domain, 300 to 850/ },
      ],
    },
    {
      name: 'whole-number scores up to 100.5: a level from 100.2 holds no whole number (it is not outside 0 to 100.5)',
      config: withWorkspace('scores: { min: 0, max: 100.5 }\n', ruleset([['Top', 100.2], ['Target', 50, 100], ['Standard', 0, 49]])),
      findings: [{ line: 6, message: /^Level 'Top' \(100\.2 and above\) holds no whole number/ }],
    },
    {
      name: 'decimal scores, and a severity override to error',
      config: withWorkspace(
        'scores: { min: 0, max: 100, integer: false }\nlint: { rules: { unreachable-level: error } }\n',
        ruleset([['Target', 50], ['Standard', 0, 50], ['Below', -1, -0.5]]),
      ),
      findings: [{ line: 8, column: 34, message: /^Level 'Below' \(-1 to -0\.5\) lies outside the score domain, 0 to 100 \(decimal scores\)/, severity: 'error' }],
    },
  ],
});
