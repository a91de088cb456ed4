import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

const head = (id: string) => `kind: LevelRuleset\nid: ${id}\nname: ${id}\n`;
const three: [string, number, number?][] = [['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]];
const six: [string, number, number?][] = [['Strategic', 90], ['Target', 80, 89], ['Qualified', 60, 79], ['Standard', 40, 59], ['Nurture', 20, 39], ['Low Priority', 0, 19]];

ruleTester('level-count', {
  valid: [
    { name: 'three levels', config: ruleset(three) },
    { name: 'five levels', config: ruleset([['Strategic', 90], ['Target', 80, 89], ['Qualified', 50, 79], ['Standard', 20, 49], ['Low Priority', 0, 19]]) },
    { name: 'turned off in the Workspace', config: { 'workspace.yaml': 'kind: Workspace\nlint: { rules: { level-count: off } }\n', 'test.yaml': ruleset([['Everyone', 0]]) } },
  ],
  invalid: [
    {
      name: 'two levels: points at the levels key',
      config: ruleset([['Target', 50], ['Nurture', 0, 49]]),
      findings: [{ line: 5, column: 1, message: /^Ruleset 'tiers' has 2 levels, too few to separate accounts into distinct plays; 3 to 5 levels work best\.$/, severity: 'warning' }],
    },
    {
      name: 'one level (singular) and six levels, in two rulesets; a third is fine',
      config: { 'a.yaml': ruleset([['Everyone', 0]], head('a')), 'b.yaml': ruleset(six, head('b')), 'c.yaml': ruleset(three, head('c')) },
      findings: [
        { line: 4, column: 1, message: /^Ruleset 'a' has 1 level, too few/ },
        { line: 4, column: 1, message: /^Ruleset 'b' has 6 levels, more than a sales team can tell apart; 3 to 5 levels work best/ },
      ],
    },
    {
      name: 'block style with a description before levels, and the SPEC example override to error',
      config: {
        'workspace.yaml': 'kind: Workspace\nlint:\n  rules: { round-boundaries: off, level-count: error }\n',
        'test.yaml': 'kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\ndescription: >\n  Two tiers only,\n  for now.\nlevels:\n  - name: Target\n    min: 50\n  - name: Nurture\n    min: 0\n    max: 49\n',
      },
      findings: [{ line: 8, column: 1, message: /'tiers' has 2 levels/, severity: 'error' }],
    },
  ],
});
