import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

const workspace = (scores: string, rules = '') => `kind: Workspace\nscores: ${scores}\n${rules ? `lint: { rules: { ${rules} } }\n` : ''}`;
const decimal = (yaml: string) => ({ 'workspace.yaml': workspace('{ min: 0, max: 100, integer: false }'), 'test.yaml': yaml });

ruleTester('shadowed-level', {
  valid: [
    ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]),
    { name: 'a partial overlap leaves the later level some scores', config: ruleset([['Target', 70], ['Qualified', 50, 75], ['Standard', 0, 49]]) },
    { name: 'a level outside the domain is unreachable, not shadowed', config: ruleset([['Target', 50], ['Standard', 0, 49], ['Negative', -10, -1]]) },
    { name: 'an inverted level is min-above-max, not shadowed', config: ruleset([['Target', 50], ['Odd', 45, 40], ['Standard', 0, 49]]) },
    {
      name: 'with decimal scores, 79.5 to 80.5 keeps (80, 80.5] for itself',
      config: decimal(ruleset([['Target', 70, 80], ['Edge', 79.5, 80.5], ['Standard', 0, 69]])),
    },
    {
      name: 'turned off in the Workspace',
      config: { 'workspace.yaml': 'kind: Workspace\nlint: { rules: { shadowed-level: off } }\n', 'test.yaml': ruleset([['Target', 50], ['Qualified', 60, 79]]) },
    },
  ],
  invalid: [
    {
      name: 'a level inside an earlier open-ended one',
      config: ruleset([['Target', 50], ['Qualified', 60, 79], ['Standard', 0, 49]]),
      findings: [{ line: 7, column: 5, message: /^Level 'Qualified' \(60 to 79\) is entirely covered by the earlier level 'Target', so under first-match no account is ever assigned to it/, severity: 'warning' }],
    },
    {
      name: 'covered by the union of two earlier levels',
      config: ruleset([['Target', 80], ['Qualified', 50, 79], ['Middle', 60, 90], ['Standard', 0, 49]]),
      findings: [{ line: 8, column: 5, message: /^Level 'Middle' \(60 to 90\) is entirely covered by the earlier levels 'Target' and 'Qualified'/ }],
    },
    {
      name: 'a catch-all written first shadows every later level',
      config: ruleset([['Everyone', 0], ['Target', 80], ['Standard', 0, 79]]),
      findings: [
        { line: 7, column: 5, message: /^Level 'Target' \(80 and above\) is entirely covered by the earlier level 'Everyone'/ },
        { line: 8, column: 5, message: /^Level 'Standard' \(0 to 79\) is entirely covered by the earlier level 'Everyone'/ },
      ],
    },
    {
      name: 'only the part inside the domain counts: 90 to 120 with scores up to 100',
      config: { 'workspace.yaml': workspace('{ min: 0, max: 100 }'), 'test.yaml': ruleset([['Target', 80], ['Top', 90, 120], ['Standard', 0, 79]]) },
      findings: [{ line: 7, column: 5, message: /^Level 'Top' \(90 to 120\) is entirely covered by the earlier level 'Target'/ }],
    },
    {
      name: 'with whole-number scores, 79.5 to 80.5 only holds 80, which is taken',
      config: ruleset([['Target', 70, 80], ['Edge', 79.5, 80.5], ['Standard', 0, 69]]),
      findings: [{ line: 7, column: 5, message: /^Level 'Edge' \(79\.5 to 80\.5\) is entirely covered by the earlier level 'Target'/ }],
    },
    {
      name: 'a severity override to error',
      config: { 'workspace.yaml': 'kind: Workspace\nlint: { rules: { shadowed-level: error } }\n', 'test.yaml': ruleset([['Target', 80], ['Twin', 80], ['Standard', 0, 79]]) },
      findings: [{ line: 7, column: 5, message: /'Twin' \(80 and above\) is entirely covered by the earlier level 'Target'/, severity: 'error' }],
    },
  ],
});
