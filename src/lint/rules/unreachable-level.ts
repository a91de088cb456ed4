import { describeDomain } from '../../ranges/domain.js';
import { createRule } from '../rule.js';
import { levelLabel } from '../words.js';

export default createRule({
  id: 'unreachable-level',
  severity: 'warning',
  type: 'static',
  description: 'A level lies entirely outside the score domain (e.g. min above the highest possible score).',
  examples: {
    valid: ['kind: Workspace\nscores: { min: 0, max: 100 }\n', { 'workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100 }\n', 'tiers.yaml': 'kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 80 }\n  - { name: Standard, min: 0, max: 79 }\n' }],
    invalid: [{ 'workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100 }\n', 'tiers.yaml': 'kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Elite, min: 120 }\n  - { name: Target, min: 80, max: 119 }\n  - { name: Standard, min: 0, max: 79 }\n' }],
  },
  check(context) {
    for (const source of context.rulesets) {
      for (const analysis of context.ranges(source).levels) {
        if (analysis.inverted || !analysis.inDomain.isEmpty) continue;
        const level = source.ruleset.levels[analysis.index]!;
        const above = level.min > context.domain.max;
        const below = level.max !== undefined && level.max < context.domain.min;
        const why = above || below ? `lies outside the score domain, ${describeDomain(context.domain)}` : 'holds no whole number, and scores are whole numbers';
        context.report({
          at: source,
          path: ['levels', analysis.index, above ? 'min' : below ? 'max' : 'name'],
          message: `Level ${levelLabel(level)} ${why}, so no account can ever be in it.`,
        });
      }
    }
  },
});
