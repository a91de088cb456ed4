import { createRule } from '../rule.js';
import { levelLabel } from '../words.js';

export default createRule({
  id: 'level-order',
  severity: 'info',
  type: 'static',
  description: 'Levels are not written from highest to lowest.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 50 }\n  - { name: Nurture, min: 0, max: 49 }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Nurture, min: 0, max: 49 }\n  - { name: Target, min: 50 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      const levels = source.ruleset.levels;
      const index = levels.findIndex((level, i) => {
        const previous = levels[i - 1];
        if (!previous) return false;
        return level.min > previous.min || (level.min === previous.min && (level.max ?? Number.POSITIVE_INFINITY) > (previous.max ?? Number.POSITIVE_INFINITY));
      });
      if (index < 0) continue;
      context.report({
        at: source,
        path: ['levels', index],
        message: `Level ${levelLabel(levels[index]!)} is written after the lower level ${levelLabel(levels[index - 1]!)}; write levels from highest to lowest so the file reads as the tier list.`,
      });
    }
  },
});
