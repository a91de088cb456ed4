import { createRule } from '../rule.js';

export default createRule({
  id: 'duplicate-level-name',
  severity: 'error',
  type: 'static',
  description: 'Two levels of one ruleset share a name (ignoring case and surrounding spaces).',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 80 }\n  - { name: Standard, min: 0, max: 79 }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 80 }\n  - { name: " target", min: 0, max: 79 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      const seen = new Map<string, number>();
      source.ruleset.levels.forEach((level, index) => {
        const key = level.name.trim().toLowerCase();
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, index);
          return;
        }
        const line = source.source.locate(['levels', first, 'name']).line;
        context.report({
          at: source,
          path: ['levels', index, 'name'],
          message: `Level name '${level.name.trim()}' is already used in ruleset '${source.ruleset.id}' (line ${line}); level names are unique, ignoring case and surrounding spaces.`,
        });
      });
    }
  },
});
