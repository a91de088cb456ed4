import type { Interval } from '../../ranges/score-set.js';
import { createRule } from '../rule.js';
import { levelLabel } from '../words.js';

function sharesOnlyBoundary(shared: readonly Interval[], firstMin: number, secondMax: number | undefined): boolean {
  const [only] = shared;
  return shared.length === 1 && only!.lo === only!.hi && only!.lo === firstMin && only!.lo === secondMax;
}

export default createRule({
  id: 'overlap',
  severity: 'error',
  type: 'static',
  description: "Two levels' ranges share scores; the message says which one wins under first-match.",
  // With decimal scores, max is inclusive, so contiguous levels must share their boundary: a
  // level that ends exactly where the level written before it starts is how decimal tiers are
  // written (the earlier, higher level takes the boundary), and is not reported.
  examples: {
    valid: [
      'kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 80 }\n  - { name: Qualified, min: 50, max: 79 }\n',
      {
        'workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100, integer: false }\n',
        'tiers.yaml': 'kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 80 }\n  - { name: Qualified, min: 50, max: 80 }\n',
      },
    ],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 80 }\n  - { name: Qualified, min: 50, max: 80 }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      const analysis = context.ranges(source);
      for (const overlap of analysis.overlaps) {
        const first = source.ruleset.levels[overlap.first]!;
        const second = source.ruleset.levels[overlap.second]!;
        if (!context.domain.integer && sharesOnlyBoundary(overlap.shared.intervals, first.min, second.max)) continue;
        const secondRange = analysis.levels[overlap.second]!.inDomain.intervals;
        const shared = overlap.shared.intervals;
        // Point at the boundary of the later level that reaches into the earlier one.
        const startsInside = shared[0]!.lo === secondRange[0]!.lo;
        const endsInside = shared[shared.length - 1]!.hi === secondRange[secondRange.length - 1]!.hi && second.max !== undefined;
        const path = startsInside ? ['levels', overlap.second, 'min'] : endsInside ? ['levels', overlap.second, 'max'] : ['levels', overlap.second];
        context.report({
          at: source,
          path,
          message: `Levels ${levelLabel(first)} and ${levelLabel(second)} overlap on ${overlap.shared}; under first-match '${first.name}' wins there because it is written first.`,
        });
      }
    }
  },
});
