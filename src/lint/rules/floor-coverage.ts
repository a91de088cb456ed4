import { domainFloor } from '../../ranges/domain.js';
import { createRule } from '../rule.js';
import { scoresAre } from '../words.js';

export default createRule({
  id: 'floor-coverage',
  severity: 'warning',
  type: 'static',
  description: 'The domain minimum (usually 0) is in no level, so the lowest-scored accounts are Unassigned.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 50 }\n  - { name: Standard, min: 0, max: 49 }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 50 }\n  - { name: Standard, min: 10, max: 49 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      const analysis = context.ranges(source);
      const gap = analysis.floorGap;
      if (!gap) continue;
      const floor = domainFloor(context.domain);
      const lowest = analysis.lowest === undefined ? undefined : source.ruleset.levels[analysis.lowest]!;
      context.report({
        at: source,
        path: lowest ? ['levels', analysis.lowest!, 'min'] : ['levels'],
        target: lowest ? 'value' : 'key',
        message: `The lowest possible score, ${floor}, is in no level of '${source.ruleset.id}': ${scoresAre(gap)} Unassigned. ${lowest ? `Start '${lowest.name}' at ${floor}` : `Add a level starting at ${floor}`}, or set Workspace scores.min.`,
      });
    }
  },
});
