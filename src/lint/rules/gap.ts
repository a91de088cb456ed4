import { ScoreSet, describeInterval } from '../../ranges/score-set.js';
import { createRule } from '../rule.js';

export default createRule({
  id: 'gap',
  severity: 'warning',
  type: 'static',
  description: 'Scores inside the domain that no level covers (whole-number aware): those accounts are Unassigned.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 80 }\n  - { name: Qualified, min: 50, max: 79 }\n  - { name: Standard, min: 0, max: 49 }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 80 }\n  - { name: Qualified, min: 55, max: 79 }\n  - { name: Standard, min: 0, max: 49 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      const analysis = context.ranges(source);
      const levels = source.ruleset.levels;
      for (const gap of analysis.gaps) {
        // The level that starts right above the gap, else the one that ends right below it.
        const above = analysis.levels.filter((level) => !level.inverted && levels[level.index]!.min >= gap.hi).sort((a, b) => levels[a.index]!.min - levels[b.index]!.min)[0];
        const below = analysis.levels
          .filter((level) => !level.inverted && levels[level.index]!.max !== undefined && levels[level.index]!.max! <= gap.lo)
          .sort((a, b) => levels[b.index]!.max! - levels[a.index]!.max!)[0];
        const path = above ? ['levels', above.index, 'min'] : below ? ['levels', below.index, 'max'] : ['levels'];
        const upper = above ? levels[above.index]! : undefined;
        const lower = below ? levels[below.index]! : undefined;
        const decimalHint =
          !context.domain.integer && gap.loOpen && gap.hiOpen && upper && lower
            ? ` With decimal scores, end '${lower.name}' at max ${upper.min} and write '${upper.name}' before it: first-match gives ${upper.min} itself to '${upper.name}'.`
            : '';
        const size = ScoreSet.of([gap], context.domain.integer).size;
        const scores = size === 1 ? `Score ${gap.lo} is` : `Scores ${describeInterval(gap)}${Number.isFinite(size) ? ` (${size} scores)` : ''} are`;
        context.report({
          at: source,
          path,
          message: `${scores} in no level of '${source.ruleset.id}', so accounts there are Unassigned.${decimalHint}`,
        });
      }
    }
  },
});
