import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

ruleTester('round-boundaries', {
  valid: [
    ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]),
    { name: 'a max on a multiple of 5, and negative multiples', config: ruleset([['Target', 80], ['Qualified', 50, 80], ['Standard', -5, 50], ['Cold', -20, -6]]) },
    {
      name: 'the domain bounds themselves need not be round',
      config: { 'workspace.yaml': 'kind: Workspace\nscores: { min: 3, max: 97 }\n', 'test.yaml': ruleset([['Target', 80, 97], ['Qualified', 50, 79], ['Standard', 3, 49]]) },
    },
    {
      name: 'turned off in the Workspace (the SPEC example)',
      config: { 'workspace.yaml': 'kind: Workspace\nlint:\n  rules: { round-boundaries: off, level-count: error }\n', 'test.yaml': ruleset([['Target', 77], ['Qualified', 50, 76], ['Standard', 0, 49]]) },
    },
  ],
  invalid: [
    {
      name: 'a min and a max off the grid',
      config: ruleset([['Target', 77], ['Qualified', 50, 76], ['Standard', 0, 49]]),
      findings: [
        { line: 6, column: 26, message: /^min 77 of level 'Target' is not a multiple of 5/, severity: 'info' },
        { line: 7, column: 38, message: /^max 76 of level 'Qualified' is neither a multiple of 5 nor just below one/, severity: 'info' },
      ],
    },
    {
      name: 'every boundary off the grid, in reading order',
      config: ruleset([['Target', 83], ['Qualified', 42, 82], ['Standard', 0, 41]]),
      findings: [
        { line: 6, column: 26, message: /^min 83 of level 'Target'/ },
        { line: 7, column: 29, message: /^min 42 of level 'Qualified'/ },
        { line: 7, column: 38, message: /^max 82 of level 'Qualified'/ },
        { line: 8, column: 36, message: /^max 41 of level 'Standard'/ },
      ],
    },
    {
      name: 'decimal and negative boundaries, with a severity override to warning',
      config: {
        'workspace.yaml': 'kind: Workspace\nlint: { rules: { round-boundaries: warning } }\n',
        'test.yaml': ruleset([['Target', 80.5], ['Qualified', 50, 80], ['Cold', -7, 49]]),
      },
      findings: [
        { line: 6, column: 26, message: /^min 80\.5 of level 'Target' is not a multiple of 5/, severity: 'warning' },
        { line: 8, column: 24, message: /^min -7 of level 'Cold' is not a multiple of 5/, severity: 'warning' },
      ],
    },
  ],
});
