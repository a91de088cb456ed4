import { createRule } from '../rule.js';
import { formatShare } from '../../plan/numbers.js';

const DOMINANT_SHARE = 0.8;

export default createRule({
  id: 'dominant-level',
  severity: 'warning',
  type: 'data',
  description: `${DOMINANT_SHARE * 100}% or more of the accounts fall in one level, so the tiers barely separate them.`,
  examples: { valid: [], invalid: [] },
  check(context) {
    const data = context.data!;
    if (data.accounts === 0) return;
    for (const source of context.rulesets) {
      const distribution = data.distributions.get(source.ruleset.id);
      if (!distribution || source.ruleset.levels.length < 2) continue;
      distribution.counts.forEach((count, index) => {
        if (count / data.accounts < DOMINANT_SHARE) return;
        context.report({
          at: source,
          path: ['levels', index],
          message: `Level '${source.ruleset.levels[index]!.name}' holds ${formatShare(count, data.accounts)} of the accounts of ${data.exportName}, so the levels of '${source.ruleset.id}' barely separate them; revisit its boundaries.`,
        });
      });
    }
  },
});
