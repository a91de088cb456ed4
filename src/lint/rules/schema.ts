import { createRule } from '../rule.js';

export default createRule({
  id: 'schema',
  severity: 'error',
  fixed: true,
  type: 'static',
  description: 'The document does not match the JSON Schema: a wrong type, an unknown key, a bad id or colour.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nlevels:\n  - { name: Target, min: 0, color: purple }\n'],
    invalid: [
      'kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 0, colour: purple }\n',
      'kind: LevelRuleset\nid: Enterprise Tiers\nname: Tiers\nlevels:\n  - { name: Target, min: 0 }\n',
      'kind: LevelRuleset\nid: tiers\nname: Tiers\nlevels:\n  - { name: Target, min: "80" }\n',
    ],
  },
  check(context) {
    for (const problem of context.config.problems) {
      if (problem.rule === 'schema') context.report({ at: problem.source, message: problem.message, path: problem.path, position: problem.position });
    }
  },
});
