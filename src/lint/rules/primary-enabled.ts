import { createRule } from '../rule.js';

export default createRule({
  id: 'primary-enabled',
  severity: 'error',
  type: 'static',
  description: 'The primary ruleset is disabled, so every account would be Unassigned.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nenabled: true\nlevels:\n  - { name: Target, min: 0 }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nenabled: false\nlevels:\n  - { name: Target, min: 0 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      if (source.ruleset.primary && !source.ruleset.enabled) {
        context.report({
          at: source,
          path: ['enabled'],
          message: `Ruleset '${source.ruleset.id}' is primary but disabled, so every account would be Unassigned; enable it, or make another ruleset primary.`,
        });
      }
    }
  },
});
