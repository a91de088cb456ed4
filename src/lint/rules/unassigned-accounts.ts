import { createRule } from '../rule.js';
import { plural } from '../words.js';
import { formatShare } from '../../plan/numbers.js';

export default createRule({
  id: 'unassigned-accounts',
  severity: 'warning',
  type: 'data',
  description: 'Accounts of the score export fall in no level (with their count and score range).',
  examples: { valid: [], invalid: [] },
  check(context) {
    const data = context.data!;
    for (const source of context.rulesets) {
      const distribution = data.distributions.get(source.ruleset.id);
      if (!distribution || distribution.unassigned === 0) continue;
      const range =
        distribution.unassignedMin === distribution.unassignedMax
          ? `score ${distribution.unassignedMin}`
          : `scores ${distribution.unassignedMin} to ${distribution.unassignedMax}`;
      context.report({
        at: source,
        path: ['levels'],
        target: 'key',
        message: `${plural(distribution.unassigned, 'account')} of ${data.exportName} (${formatShare(distribution.unassigned, data.accounts)}, ${range}) fall in no level of '${source.ruleset.id}' and would be Unassigned.`,
      });
    }
  },
});
