import { ruleTester } from '../helpers/rule-tester.js';

/** A YAML text from its lines: the first argument is line 1. */
const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/** A one-level ruleset: id on line 2, primary on line 4 (left out when undefined). */
const file = (id: string, primary?: boolean, enabled = true) =>
  yaml('kind: LevelRuleset', `id: ${id}`, `name: ${id}`, ...(primary === undefined ? [] : [`primary: ${primary}`]), ...(enabled ? [] : ['enabled: false']), 'levels:', '  - { name: Target, min: 0 }');

ruleTester('single-primary', {
  valid: [
    { name: 'one primary and one experiment', config: { 'a.yaml': file('a', true), 'b.yaml': file('b', false) } },
    { name: 'a disabled primary is still the one primary (primary-enabled reports it)', config: { 'a.yaml': file('a', true, false), 'b.yaml': file('b') } },
    {
      name: 'a ruleset that fails the schema but says primary: true is not reported as "no primary"',
      config: {
        'a.yaml': yaml('kind: LevelRuleset', 'id: a', 'name: A', 'primary: true', 'levels:', '  - { name: Target, min: 0, colour: red }'),
        'b.yaml': file('b', false),
      },
    },
    {
      name: 'the same for a ruleset with a YAML error (a duplicate key) that says primary: true',
      config: {
        'a.yaml': yaml('kind: LevelRuleset', 'id: a', 'name: A', 'primary: true', 'name: Also A', 'levels:', '  - { name: Target, min: 0 }'),
        'b.yaml': file('b', false),
      },
    },
    { name: 'turned off in the Workspace', config: { 'a.yaml': file('a', false), 'b.yaml': file('b', false), 'workspace.yaml': yaml('kind: Workspace', 'lint: { rules: { single-primary: off } }') } },
  ],
  invalid: [
    {
      name: 'two primaries: each is reported and names the other',
      config: { 'a.yaml': file('a', true), 'b.yaml': file('b', true) },
      findings: [
        { line: 4, column: 10, message: /^Ruleset 'a' is primary, and so is 'b' \(levels\/b\.yaml\); exactly one ruleset may have primary: true/, severity: 'error' },
        { line: 4, column: 10, message: /^Ruleset 'b' is primary, and so is 'a' \(levels\/a\.yaml\)/, severity: 'error' },
      ],
    },
    {
      name: 'three primaries (one disabled, in a subfolder), one experiment',
      config: { 'a.yaml': file('a', true), 'b.yaml': file('b', false), 'c.yaml': file('c', true), 'sub/d.yaml': file('d', true, false) },
      findings: [
        { line: 4, column: 10, message: /^Ruleset 'a' is primary, and so are 'c' \(levels\/c\.yaml\) and 'd' \(levels\/sub\/d\.yaml\)/ },
        { line: 4, column: 10, message: /^Ruleset 'c' is primary, and so are 'a' \(levels\/a\.yaml\) and 'd' \(levels\/sub\/d\.yaml\)/ },
        { line: 4, column: 10, message: /^Ruleset 'd' is primary, and so are 'a' \(levels\/a\.yaml\) and 'c' \(levels\/c\.yaml\)/ },
      ],
    },
    {
      name: 'no primary (false or left out): reported once, at the first ruleset id, naming every ruleset',
      config: { 'a.yaml': file('a', false), 'b.yaml': file('b') },
      findings: [{ line: 2, column: 5, message: /^No ruleset is primary, so every account would be Unassigned; set primary: true on exactly one of 'a', 'b'/ }],
    },
    {
      name: 'a folder with a Workspace and no ruleset',
      config: { 'workspace.yaml': yaml('kind: Workspace', 'scores: { min: 0, max: 100 }') },
      findings: [{ line: 1, column: 1, message: /^levels holds no ruleset, so every account would be Unassigned; add a LevelRuleset with primary: true/ }],
    },
    {
      name: 'a severity override to warning',
      config: { 'a.yaml': file('a'), 'workspace.yaml': yaml('kind: Workspace', 'lint:', '  rules:', '    single-primary: warning') },
      findings: [{ line: 2, column: 5, message: /No ruleset is primary.*'a'/, severity: 'warning' }],
    },
  ],
});
