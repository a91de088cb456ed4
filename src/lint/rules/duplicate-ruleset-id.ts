import type { RulesetSource } from '../../model/config.js';
import { createRule } from '../rule.js';

const tiers = (primary: boolean) => `kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: ${primary}\nlevels:\n  - { name: Target, min: 0 }\n`;

export default createRule({
  id: 'duplicate-ruleset-id',
  severity: 'error',
  type: 'static',
  description: 'Two documents declare the same ruleset id.',
  examples: {
    valid: [{ 'a.yaml': tiers(true), 'b.yaml': tiers(false).replace('id: tiers', 'id: tiers-next') }],
    invalid: [{ 'a.yaml': tiers(true), 'b.yaml': tiers(false) }],
  },
  check(context) {
    const first = new Map<string, RulesetSource>();
    for (const source of context.rulesets) {
      const seen = first.get(source.ruleset.id);
      if (!seen) {
        first.set(source.ruleset.id, source);
        continue;
      }
      const line = seen.source.locate(['id']).line;
      context.report({
        at: source,
        path: ['id'],
        message: `Ruleset id '${source.ruleset.id}' is already used in ${seen.source.path}:${line}; ruleset ids are unique in the repository.`,
      });
    }
  },
});
