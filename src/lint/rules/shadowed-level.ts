import { createRule } from '../rule.js';
import { levelLabel, listNames } from '../words.js';

export default createRule({
  id: 'shadowed-level',
  severity: 'warning',
  type: 'static',
  description: 'A level is entirely covered by earlier levels, so under first-match it is never assigned.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 80 }\n  - { name: Qualified, min: 50, max: 79 }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 50 }\n  - { name: Qualified, min: 60, max: 79 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      for (const level of context.ranges(source).levels) {
        if (level.inverted || level.inDomain.isEmpty || !level.effective.isEmpty) continue;
        const covering = level.coveredBy.map((index) => source.ruleset.levels[index]!.name);
        context.report({
          at: source,
          path: ['levels', level.index],
          message: `Level ${levelLabel(source.ruleset.levels[level.index]!)} is entirely covered by ${covering.length === 1 ? 'the earlier level' : 'the earlier levels'} ${listNames(covering)}, so under first-match no account is ever assigned to it.`,
        });
      }
    }
  },
});
