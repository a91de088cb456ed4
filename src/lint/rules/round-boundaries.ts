import { domainCeiling, domainFloor } from '../../ranges/domain.js';
import { createRule } from '../rule.js';

const STEP = 5;
const isMultiple = (value: number) => Math.abs(value % STEP) < 1e-9 || Math.abs((value % STEP) - STEP) < 1e-9 || Math.abs((value % STEP) + STEP) < 1e-9;

export default createRule({
  id: 'round-boundaries',
  severity: 'info',
  type: 'static',
  description: `Boundaries that are not multiples of ${STEP} (a max may also sit just below one, as 79 does).`,
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 80 }\n  - { name: Qualified, min: 50, max: 79 }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 77 }\n  - { name: Qualified, min: 50, max: 76 }\n'],
  },
  check(context) {
    const floor = domainFloor(context.domain);
    const ceiling = domainCeiling(context.domain);
    for (const source of context.rulesets) {
      source.ruleset.levels.forEach((level, index) => {
        if (level.min !== floor && !isMultiple(level.min)) {
          context.report({
            at: source,
            path: ['levels', index, 'min'],
            message: `min ${level.min} of level '${level.name}' is not a multiple of ${STEP}; round thresholds are easier to explain and remember.`,
          });
        }
        if (level.max !== undefined && level.max !== ceiling && !isMultiple(level.max) && !isMultiple(level.max + 1)) {
          context.report({
            at: source,
            path: ['levels', index, 'max'],
            message: `max ${level.max} of level '${level.name}' is neither a multiple of ${STEP} nor just below one; round thresholds are easier to explain and remember.`,
          });
        }
      });
    }
  },
});
