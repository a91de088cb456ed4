import { createRule } from '../rule.js';

/** "Tier 1", "Level 2", "Group B", "A", "3": names that rank without saying what to do. */
const GENERIC = /^\s*((tier|level|lvl|group|bucket|segment|band|class|rank|priority|p)\s*[-_#]?\s*)?(\d+|[ivx]{1,4}|[a-e])\s*$/i;

export default createRule({
  id: 'descriptive-names',
  severity: 'info',
  type: 'static',
  description: 'Level names such as "Tier 1" or "Level 2" that rank accounts without naming the play.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 50 }\n  - { name: Nurture, min: 0, max: 49 }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Tier 1, min: 50 }\n  - { name: Tier 2, min: 0, max: 49 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      source.ruleset.levels.forEach((level, index) => {
        if (!GENERIC.test(level.name)) return;
        context.report({
          at: source,
          path: ['levels', index, 'name'],
          message: `Level name '${level.name.trim()}' ranks accounts without saying what to do with them; name it for its play (e.g. Target, Nurture, Self-serve).`,
        });
      });
    }
  },
});
