import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

const decimal = (yaml: string) => ({ 'workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100, integer: false }\n', 'test.yaml': yaml });

ruleTester('gap', {
  valid: [
    ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]),
    { name: 'whole-number scores: a decimal min still starts right after 79', config: ruleset([['Target', 79.5], ['Qualified', 50, 79], ['Standard', 0, 49]]) },
    { name: 'decimal scores: levels that share their boundaries leave nothing out', config: decimal(ruleset([['Target', 80], ['Qualified', 50, 80], ['Standard', 0, 50]])) },
    { name: 'a missing top and bottom are ceiling- and floor-coverage, not gaps', config: ruleset([['Qualified', 50, 79]]) },
    {
      name: 'uncovered scores outside the domain are not a gap',
      config: { 'workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100 }\n', 'test.yaml': ruleset([['Top', 200], ['Target', 50, 100], ['Standard', 0, 49]]) },
    },
    {
      name: 'levels written out of order cover the domain all the same',
      config: ruleset([['Standard', 0, 49], ['Target', 80], ['Qualified', 50, 79]]),
    },
    {
      name: 'turned off in the Workspace',
      config: { 'workspace.yaml': 'kind: Workspace\nlint: { rules: { gap: off } }\n', 'test.yaml': ruleset([['Target', 80], ['Standard', 0, 49]]) },
    },
  ],
  invalid: [
    {
      name: 'a whole-number gap is counted and pointed at the level that starts above it',
      config: ruleset([['Target', 80], ['Qualified', 55, 79], ['Standard', 0, 49]]),
      findings: [{ line: 7, column: 29, message: /^Scores 50 to 54 \(5 scores\) are in no level of 'tiers', so accounts there are Unassigned\.$/, severity: 'warning' }],
    },
    {
      name: 'two gaps, in reading order',
      config: ruleset([['Target', 90], ['Qualified', 60, 79], ['Standard', 0, 49]]),
      findings: [
        { line: 6, column: 26, message: /^Scores 80 to 89 \(10 scores\) are in no level of 'tiers'/ },
        { line: 7, column: 29, message: /^Scores 50 to 59 \(10 scores\) are in no level of 'tiers'/ },
      ],
    },
    {
      name: 'a one-score gap',
      config: ruleset([['Target', 80], ['Standard', 0, 78]]),
      findings: [{ line: 6, column: 26, message: /^Score 79 is in no level of 'tiers', so accounts there are Unassigned\.$/ }],
    },
    {
      name: 'decimal scores: 50-79 and 80+ leave (79, 80) uncovered',
      config: decimal(ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]])),
      findings: [
        { line: 6, column: 26, message: /^Scores above 79 and below 80 are in no level of 'tiers', so accounts there are Unassigned\. With decimal scores/ },
        { line: 7, column: 29, message: /^Scores above 49 and below 50 are in no level of 'tiers'/ },
      ],
    },
    {
      name: 'decimal scores: a max of 79.5 still leaves (79.5, 80)',
      config: decimal(ruleset([['Target', 80], ['Standard', 0, 79.5]])),
      findings: [{ line: 6, column: 26, message: /^Scores above 79\.5 and below 80 are in no level/ }],
    },
    {
      name: 'levels out of order: the gap points at the level that starts right above it',
      config: ruleset([['Standard', 0, 49], ['Target', 80]]),
      findings: [{ line: 7, column: 26, message: /^Scores 50 to 79 \(30 scores\) are in no level/ }],
    },
    {
      name: 'a bounded domain, and a severity override to error',
      config: {
        'workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100 }\nlint: { rules: { gap: error } }\n',
        'test.yaml': ruleset([['Target', 80, 100], ['Standard', 0, 70]]),
      },
      findings: [{ line: 6, column: 26, message: /^Scores 71 to 79 \(9 scores\) are in no level/, severity: 'error' }],
    },
  ],
});
