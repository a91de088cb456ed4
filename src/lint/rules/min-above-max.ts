import { createRule } from '../rule.js';

export default createRule({
  id: 'min-above-max',
  severity: 'error',
  type: 'static',
  description: 'A level has min above max, so it holds no score.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Qualified, min: 50, max: 79 }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Qualified, min: 79, max: 50 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      source.ruleset.levels.forEach((level, index) => {
        if (level.max !== undefined && level.min > level.max) {
          context.report({
            at: source,
            path: ['levels', index, 'max'],
            message: `Level '${level.name}' has min ${level.min} above max ${level.max}, so it holds no score; swap them, or fix the one that is wrong.`,
          });
        }
      });
    }
  },
});
