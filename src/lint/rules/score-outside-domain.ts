import { describeDomain } from '../../ranges/domain.js';
import { createRule } from '../rule.js';
import { plural } from '../words.js';

export default createRule({
  id: 'score-outside-domain',
  severity: 'warning',
  type: 'data',
  description: 'Scores of the export lie below the domain min or above its max.',
  examples: { valid: [], invalid: [] },
  check(context) {
    const data = context.data!;
    const outside = data.belowDomain + data.aboveDomain;
    if (outside === 0) return;
    const workspace = context.config.workspaceSource;
    const primary = context.rulesets.find((source) => source.ruleset.primary) ?? context.rulesets[0];
    const at = workspace ?? primary;
    if (!at) return;
    const parts = [
      data.belowDomain > 0 ? `${plural(data.belowDomain, 'score')} below ${context.domain.min} (lowest ${data.minScore})` : '',
      data.aboveDomain > 0 ? `${plural(data.aboveDomain, 'score')} above ${context.domain.max} (highest ${data.maxScore})` : '',
    ].filter(Boolean);
    context.report({
      at,
      path: workspace ? ['scores'] : ['levels'],
      target: 'key',
      message: `${data.exportName} has ${parts.join(' and ')}, outside the score domain ${describeDomain(context.domain)}; fix the export or widen Workspace scores.`,
    });
  },
});
