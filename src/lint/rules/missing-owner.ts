import { createRule } from '../rule.js';

export default createRule({
  id: 'missing-owner',
  severity: 'info',
  type: 'static',
  description: 'A level has no owner: every tier needs a responsible person in sales and marketing.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 0, owner: "@enterprise-sales" }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 0 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      source.ruleset.levels.forEach((level, index) => {
        if (level.owner !== undefined) return;
        context.report({
          at: source,
          path: ['levels', index],
          message: `Level '${level.name}' has no owner; add owner: with the person or team responsible for these accounts.`,
        });
      });
    }
  },
});
