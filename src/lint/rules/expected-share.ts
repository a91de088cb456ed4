import { parseExpectedShare } from '../../model/share.js';
import { formatShare } from '../../plan/numbers.js';
import { createRule } from '../rule.js';

export default createRule({
  id: 'expected-share',
  severity: 'warning',
  type: 'data',
  description: "A level's share of the accounts lies outside its expected_share.",
  examples: { valid: [], invalid: [] },
  check(context) {
    const data = context.data!;
    if (data.accounts === 0) return;
    for (const source of context.rulesets) {
      const distribution = data.distributions.get(source.ruleset.id);
      if (!distribution) continue;
      source.ruleset.levels.forEach((level, index) => {
        const expected = level.expected_share === undefined ? undefined : parseExpectedShare(level.expected_share);
        if (!expected) return;
        const count = distribution.counts[index] ?? 0;
        const percent = (100 * count) / data.accounts;
        // Compare at the precision shares are shown with, so "20.0%" never fails "10-20%".
        const shown = Math.round(percent * 10) / 10;
        if (shown >= expected.min && shown <= expected.max) return;
        context.report({
          at: source,
          path: ['levels', index, 'expected_share'],
          message: `Level '${level.name}' holds ${formatShare(count, data.accounts)} of the accounts of ${data.exportName}, outside its expected_share of ${level.expected_share!.trim()}.`,
        });
      });
    }
  },
});
