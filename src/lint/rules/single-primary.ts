import { SourceFile } from '../../model/source.js';
import { createRule } from '../rule.js';

const ruleset = (id: string, primary: boolean) => `kind: LevelRuleset\nid: ${id}\nname: ${id}\nprimary: ${primary}\nlevels:\n  - { name: Target, min: 0 }\n`;

export default createRule({
  id: 'single-primary',
  severity: 'error',
  type: 'static',
  description: 'There is not exactly one ruleset with primary: true.',
  examples: {
    valid: [{ 'a.yaml': ruleset('a', true), 'b.yaml': ruleset('b', false) }],
    invalid: [{ 'a.yaml': ruleset('a', false), 'b.yaml': ruleset('b', false) }, { 'a.yaml': ruleset('a', true), 'b.yaml': ruleset('b', true) }],
  },
  check(context) {
    const primaries = context.rulesets.filter((source) => source.ruleset.primary);
    if (primaries.length > 1) {
      for (const source of primaries) {
        const others = primaries.filter((other) => other !== source).map((other) => `'${other.ruleset.id}' (${other.source.path})`);
        const list = others.length === 1 ? `so is ${others[0]}` : `so are ${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}`;
        context.report({
          at: source,
          path: ['primary'],
          message: `Ruleset '${source.ruleset.id}' is primary, and ${list}; exactly one ruleset may have primary: true.`,
        });
      }
      return;
    }
    if (primaries.length === 1 || context.config.problems.some((problem) => problem.claimsPrimary)) return;
    // With no file at all, the finding belongs to the folder itself.
    const at = context.rulesets[0]?.source ?? context.config.workspaceSource ?? context.config.sources[0] ?? new SourceFile(context.config.folder, '');
    context.report({
      at,
      path: context.rulesets[0] ? ['id'] : [],
      message:
        context.rulesets.length === 0
          ? `${context.config.folder} holds no ruleset, so every account would be Unassigned; add a LevelRuleset with primary: true.`
          : `No ruleset is primary, so every account would be Unassigned; set primary: true on exactly one of ${context.rulesets.map((s) => `'${s.ruleset.id}'`).join(', ')}.`,
    });
  },
});
