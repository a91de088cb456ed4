import { domainCeiling } from '../../ranges/domain.js';
import { createRule } from '../rule.js';
import { scoresAre } from '../words.js';

export default createRule({
  id: 'ceiling-coverage',
  severity: 'warning',
  type: 'static',
  description: 'The domain maximum (or, with no maximum, the unbounded top) is in no level, so the best accounts are Unassigned.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 50 }\n  - { name: Standard, min: 0, max: 49 }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 50, max: 100 }\n  - { name: Standard, min: 0, max: 49 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      const analysis = context.ranges(source);
      const gap = analysis.ceilingGap;
      if (!gap) continue;
      const ceiling = domainCeiling(context.domain);
      const highest = analysis.highest === undefined ? undefined : source.ruleset.levels[analysis.highest]!;
      const path = highest ? ['levels', analysis.highest!, highest.max === undefined ? 'min' : 'max'] : ['levels'];
      const message = Number.isFinite(ceiling)
        ? `The highest possible score, ${ceiling}, is in no level of '${source.ruleset.id}': ${scoresAre(gap)} Unassigned. ${highest ? `Raise the max of '${highest.name}' to ${ceiling}, or leave it out.` : `Add a level that reaches ${ceiling}.`}`
        : `No level of '${source.ruleset.id}' is open-ended: ${scoresAre(gap)} Unassigned. ${highest ? `Leave max off '${highest.name}'` : 'Add an open-ended top level'}, or set Workspace scores.max.`;
      context.report({ at: source, path, target: highest ? 'value' : 'key', message });
    }
  },
});
