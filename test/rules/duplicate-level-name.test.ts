import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

ruleTester('duplicate-level-name', {
  valid: [
    ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]),
    { name: 'names that differ inside, not just in case or spaces', config: ruleset([['Target', 80], ['Targets', 50, 79], ['Low Priority', 20, 49], ['Low-Priority', 0, 19]]) },
    {
      name: 'the same level names in two rulesets',
      config: {
        'a.yaml': ruleset([['Target', 50], ['Standard', 0, 49]]),
        'b.yaml': ruleset([['Target', 60], ['Standard', 0, 59]], 'kind: LevelRuleset\nid: trial\nname: Trial\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'case and surrounding spaces are ignored; the message names the first use',
      config: ruleset([['Target', 80], ['" target "', 0, 79]]),
      findings: [{ line: 7, column: 13, message: /^Level name 'target' is already used in ruleset 'tiers' \(line 6\); level names are unique, ignoring case/, severity: 'error' }],
    },
    {
      name: 'every repeat is reported, each naming the first use',
      config: ruleset([['Target', 80], ['Qualified', 50, 79], ['TARGET', 20, 49], ['target', 0, 19]]),
      findings: [
        { line: 8, column: 13, message: /^Level name 'TARGET' is already used in ruleset 'tiers' \(line 6\)/ },
        { line: 9, column: 13, message: /^Level name 'target' is already used in ruleset 'tiers' \(line 6\)/ },
      ],
    },
    {
      name: 'block style, in a second ruleset',
      config: {
        'a.yaml': ruleset([['Target', 50], ['Standard', 0, 49]]),
        'b.yaml':
          'kind: LevelRuleset\nid: trial\nname: Trial\nlevels:\n  - name: Target\n    min: 80\n  - name: Nurture\n    min: 0\n    max: 79\n  - name: nurture\n    min: -10\n    max: -1\n',
      },
      findings: [{ line: 10, column: 11, message: /^Level name 'nurture' is already used in ruleset 'trial' \(line 7\)/ }],
    },
  ],
});
