import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

/** A YAML text from its lines: the first argument is line 1. */
const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

const levels: [string, number, number?][] = [['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]];
/** A ruleset whose head is written out: line 1 is `kind`, line 2 `id`. */
const head = (id: string, ...lines: string[]) => ruleset(levels, yaml('kind: LevelRuleset', `id: ${id}`, `name: ${id}`, ...lines));

ruleTester('primary-enabled', {
  valid: [
    { name: 'enabled by default', config: head('tiers', 'primary: true') },
    { name: 'explicitly enabled', config: head('tiers', 'primary: true', 'enabled: true') },
    { name: 'a disabled experiment beside an enabled primary', config: { 'a.yaml': head('a', 'primary: true'), 'b.yaml': head('b', 'primary: false', 'enabled: false') } },
    { name: 'turned off in the Workspace', config: { 'a.yaml': head('a', 'primary: true', 'enabled: false'), 'workspace.yaml': yaml('kind: Workspace', 'lint: { rules: { primary-enabled: off } }') } },
  ],
  invalid: [
    {
      name: 'the primary is disabled: points at enabled',
      config: head('tiers', 'primary: true', 'enabled: false'),
      findings: [{ line: 5, column: 10, message: /^Ruleset 'tiers' is primary but disabled, so every account would be Unassigned; enable it, or make another ruleset primary/, severity: 'error' }],
    },
    {
      name: 'enabled written before primary',
      config: head('tiers', 'enabled: false', 'description: parked until Q3', 'primary: true'),
      findings: [{ line: 4, column: 10, message: /'tiers' is primary but disabled/ }],
    },
    {
      name: 'two disabled primaries are each reported',
      config: { 'a.yaml': head('a', 'primary: true', 'enabled: false'), 'b.yaml': head('b', 'enabled: false', 'primary: true') },
      findings: [
        { line: 5, column: 10, message: /'a' is primary but disabled/ },
        { line: 4, column: 10, message: /'b' is primary but disabled/ },
      ],
    },
    {
      name: 'a severity override to warning',
      config: { 'a.yaml': head('a', 'primary: true', 'enabled: false'), 'workspace.yaml': yaml('kind: Workspace', 'lint: { rules: { primary-enabled: warning } }') },
      findings: [{ line: 5, column: 10, message: /'a' is primary but disabled/, severity: 'warning' }],
    },
  ],
});
