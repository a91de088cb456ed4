import { createRule } from '../rule.js';

const MIN_LEVELS = 3;
const MAX_LEVELS = 5;

export default createRule({
  id: 'level-count',
  severity: 'warning',
  type: 'static',
  description: `A ruleset has fewer than ${MIN_LEVELS} or more than ${MAX_LEVELS} levels.`,
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 80 }\n  - { name: Qualified, min: 50, max: 79 }\n  - { name: Nurture, min: 0, max: 49 }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 50 }\n  - { name: Nurture, min: 0, max: 49 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      const count = source.ruleset.levels.length;
      if (count >= MIN_LEVELS && count <= MAX_LEVELS) continue;
      const why = count < MIN_LEVELS ? 'too few to separate accounts into distinct plays' : 'more than a sales team can tell apart';
      context.report({
        at: source,
        path: ['levels'],
        target: 'key',
        message: `Ruleset '${source.ruleset.id}' has ${count} level${count === 1 ? '' : 's'}, ${why}; ${MIN_LEVELS} to ${MAX_LEVELS} levels work best.`,
      });
    }
  },
});
