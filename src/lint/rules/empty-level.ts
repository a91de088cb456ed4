import { formatCount } from '../../plan/numbers.js';
import { createRule } from '../rule.js';

export default createRule({
  id: 'empty-level',
  severity: 'warning',
  type: 'data',
  description: 'A level holds no account of the score export (the top level included).',
  examples: { valid: [], invalid: [] },
  check(context) {
    const data = context.data!;
    if (data.accounts === 0) return;
    for (const source of context.rulesets) {
      const distribution = data.distributions.get(source.ruleset.id);
      if (!distribution) continue;
      distribution.counts.forEach((count, index) => {
        if (count > 0) return;
        context.report({
          at: source,
          path: ['levels', index],
          message: `Level '${source.ruleset.levels[index]!.name}' of '${source.ruleset.id}' holds none of the ${formatCount(data.accounts)} accounts of ${data.exportName}.`,
        });
      });
    }
  },
});
