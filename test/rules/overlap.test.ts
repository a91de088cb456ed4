import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

const decimal = (yaml: string) => ({ 'workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100, integer: false }\n', 'test.yaml': yaml });

ruleTester('overlap', {
  valid: [
    ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]),
    { name: 'integer boundaries that only touch', config: ruleset([['Target', 80, 100], ['Qualified', 50, 79.5]]) },
    { name: 'an overlap outside the domain is not an overlap', config: ruleset([['Target', 80], ['Below', -20, -5], ['Also below', -10, -1]]) },
    { name: 'decimal levels that meet', config: decimal(ruleset([['Target', 80], ['Qualified', 50, 79.99]])) },
    { name: 'with decimal scores, a level may end where the one written before it starts', config: decimal(ruleset([['Target', 79.5], ['Qualified', 50, 79.5]])) },
  ],
  invalid: [
    {
      name: 'a max that reaches into the level above (written first)',
      config: ruleset([['Target', 80], ['Qualified', 50, 80], ['Standard', 0, 49]]),
      // line 7 is Qualified: `  - { name: Qualified, min: 50, max: 80 }`; the max is the culprit.
      findings: [{ line: 7, column: 38, message: /'Target' \(80 and above\) and 'Qualified' \(50 to 80\) overlap on 80; under first-match 'Target' wins/, severity: 'error' }],
    },
    {
      name: 'a min that reaches into the level written before it',
      config: ruleset([['Qualified', 50, 80], ['Target', 75]]),
      findings: [{ line: 7, column: 26, message: /overlap on 75 to 80; under first-match 'Qualified' wins/ }],
    },
    {
      name: 'each overlapping pair is reported',
      config: ruleset([['Target', 70], ['Qualified', 50, 75], ['Standard', 0, 55]]),
      findings: [{ line: 7, message: /'Target'.*'Qualified'.*70 to 75/ }, { line: 8, message: /'Qualified'.*'Standard'.*50 to 55/ }],
    },
    {
      name: 'with decimal scores, a shared boundary won by the lower level is an overlap',
      config: decimal(ruleset([['Qualified', 50, 80], ['Target', 80]])),
      findings: [{ line: 7, message: /overlap on 80; under first-match 'Qualified' wins/ }],
    },
    {
      name: 'with decimal scores, more than the boundary is an overlap',
      config: decimal(ruleset([['Target', 79.5], ['Qualified', 50, 80]])),
      findings: [{ line: 7, message: /overlap on 79\.5 to 80;/ }],
    },
    {
      name: 'a level that contains an earlier one entirely points at the level',
      config: ruleset([['Target', 60, 70], ['Broad', 0, 100]]),
      findings: [{ line: 7, column: 5, message: /overlap on 60 to 70/ }],
    },
  ],
});
