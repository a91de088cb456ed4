import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

ruleTester('descriptive-names', {
  valid: [
    ruleset([['Target', 80], ['Qualified', 50, 79], ['Nurture', 0, 49]]),
    {
      name: 'generic words that come with a real name',
      config: ruleset([['Tier 1 Enterprise', 90], ['Priority Accounts', 70, 89], ['VIP', 50, 69], ['Self-serve', 0, 49]]),
    },
    { name: 'turned off in the Workspace', config: { 'workspace.yaml': 'kind: Workspace\nlint: { rules: { descriptive-names: off } }\n', 'test.yaml': ruleset([['Tier 1', 50], ['Tier 2', 0, 49]]) } },
  ],
  invalid: [
    {
      name: 'Tier 1, Tier 2, Tier 3',
      config: ruleset([['Tier 1', 80], ['Tier 2', 50, 79], ['Tier 3', 0, 49]]),
      findings: [
        { line: 6, column: 13, message: /^Level name 'Tier 1' ranks accounts without saying what to do with them/, severity: 'info' },
        { line: 7, column: 13, message: /^Level name 'Tier 2' ranks accounts/, severity: 'info' },
        { line: 8, column: 13, message: /^Level name 'Tier 3' ranks accounts/, severity: 'info' },
      ],
    },
    {
      name: 'numbers, letters and roman numerals, with or without a prefix',
      config: ruleset([['Level-2', 90], ['P1', 70, 89], ['A', 50, 69], ['"3"', 30, 49], ['Group B', 10, 29], ['Tier IV', 0, 9]]),
      findings: [
        { line: 6, column: 13, message: /'Level-2'/ },
        { line: 7, column: 13, message: /'P1'/ },
        { line: 8, column: 13, message: /'A'/ },
        { line: 9, column: 13, message: /'3'/ },
        { line: 10, column: 13, message: /'Group B'/ },
        { line: 11, column: 13, message: /'Tier IV'/ },
      ],
    },
    {
      name: 'only the generic one, trimmed in the message, with a severity override',
      config: {
        'workspace.yaml': 'kind: Workspace\nlint: { rules: { descriptive-names: warning } }\n',
        'test.yaml': ruleset([['Target', 80], ['" Level 2 "', 50, 79], ['Nurture', 0, 49]]),
      },
      findings: [{ line: 7, column: 13, message: /^Level name 'Level 2' ranks accounts/, severity: 'warning' }],
    },
  ],
});
