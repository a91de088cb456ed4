import { createRule } from '../rule.js';

export default createRule({
  id: 'yaml-syntax',
  severity: 'error',
  fixed: true,
  type: 'static',
  description: 'The file is unparsable YAML, has duplicate keys or custom tags, or expands aliases like an alias bomb.',
  examples: {
    valid: ['kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nlevels:\n  - { name: Target, min: 0 }\n'],
    invalid: [
      'kind: LevelRuleset\nid: tiers\nid: other\nname: Tiers\nlevels: []\n',
      'kind: LevelRuleset\nid: tiers\nname: !secret Tiers\nlevels: []\n',
      'kind: LevelRuleset\nlevels: [ { name: Target, min: 80 }\n',
    ],
  },
  check(context) {
    for (const problem of context.config.problems) {
      if (problem.rule === 'yaml-syntax') context.report({ at: problem.source, message: problem.message, path: problem.path, position: problem.position });
    }
  },
});
