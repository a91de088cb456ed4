import { createRule } from '../rule.js';

const RED = new Set(['red', '#f00', '#ff0000']);
const GREEN = new Set(['green', '#0f0', '#00ff00', '#008000']);

export default createRule({
  id: 'color-semantics',
  severity: 'warning',
  type: 'static',
  description: 'Red on the highest level or green on the lowest (of those the domain can reach), which reads backwards.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 50, color: purple }\n  - { name: Nurture, min: 0, max: 49, color: gray }\n'],
    invalid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 50, color: red }\n  - { name: Nurture, min: 0, max: 49, color: green }\n'],
  },
  check(context) {
    for (const source of context.rulesets) {
      const levels = source.ruleset.levels;
      const { highest, lowest } = context.ranges(source);
      if (highest === undefined || lowest === undefined || highest === lowest) continue;
      const colorOf = (index: number) => levels[index]!.color?.toLowerCase();
      if (RED.has(colorOf(highest) ?? '')) {
        context.report({
          at: source,
          path: ['levels', highest, 'color'],
          message: `The highest level '${levels[highest]!.name}' is red, which reads as a warning; give the best accounts a strong colour such as purple or blue.`,
        });
      }
      if (GREEN.has(colorOf(lowest) ?? '')) {
        context.report({
          at: source,
          path: ['levels', lowest, 'color'],
          message: `The lowest level '${levels[lowest]!.name}' is green, which reads as good; use a quiet colour such as gray.`,
        });
      }
    }
  },
});
