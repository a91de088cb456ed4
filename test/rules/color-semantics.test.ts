import { ruleTester } from '../helpers/rule-tester.js';

/** A ruleset file whose levels are written verbatim from line 6 on. */
const withLevels = (...levels: string[]) => `kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nlevels:\n${levels.join('\n')}\n`;
const upTo100 = 'kind: Workspace\nscores: { min: 0, max: 100 }\n';

ruleTester('color-semantics', {
  valid: [
    withLevels('  - { name: Target, min: 80, color: purple }', '  - { name: Qualified, min: 50, max: 79, color: blue }', '  - { name: Nurture, min: 0, max: 49, color: gray }'),
    {
      name: 'green on the highest level and red on the lowest read the right way round',
      config: withLevels('  - { name: Target, min: 80, color: green }', '  - { name: Qualified, min: 50, max: 79, color: yellow }', '  - { name: Nurture, min: 0, max: 49, color: red }'),
    },
    { name: 'a single level is both highest and lowest', config: withLevels('  - { name: Everyone, min: 0, color: red }') },
    {
      name: 'levels outside the domain are neither highest nor lowest',
      config: {
        'workspace.yaml': upTo100,
        'test.yaml': withLevels(
          '  - { name: Elite, min: 120, color: red }',
          '  - { name: Target, min: 50, max: 100, color: purple }',
          '  - { name: Nurture, min: 0, max: 49, color: gray }',
          '  - { name: Negative, min: -10, max: -1, color: green }',
        ),
      },
    },
    {
      name: 'turned off in the Workspace',
      config: {
        'workspace.yaml': 'kind: Workspace\nlint: { rules: { color-semantics: off } }\n',
        'test.yaml': withLevels('  - { name: Target, min: 50, color: red }', '  - { name: Nurture, min: 0, max: 49, color: green }'),
      },
    },
  ],
  invalid: [
    {
      name: 'red on the highest level and green on the lowest',
      config: withLevels('  - { name: Target, min: 80, color: red }', '  - { name: Qualified, min: 50, max: 79, color: blue }', '  - { name: Nurture, min: 0, max: 49, color: green }'),
      findings: [
        { line: 6, column: 37, message: /^The highest level 'Target' is red, which reads as a warning/, severity: 'warning' },
        { line: 8, column: 46, message: /^The lowest level 'Nurture' is green, which reads as good/, severity: 'warning' },
      ],
    },
    {
      name: 'hex colours in any case, levels written lowest first',
      config: withLevels('  - { name: Nurture, min: 0, max: 49, color: "#00FF00" }', '  - { name: Target, min: 50, color: "#F00" }'),
      findings: [
        { line: 6, column: 46, message: /^The lowest level 'Nurture' is green/ },
        { line: 7, column: 37, message: /^The highest level 'Target' is red/ },
      ],
    },
    {
      name: 'web green (#008000) on the lowest level only',
      config: withLevels('  - { name: Target, min: 80, color: purple }', '  - { name: Qualified, min: 50, max: 79, color: blue }', '  - { name: Nurture, min: 0, max: 49, color: "#008000" }'),
      findings: [{ line: 8, column: 46, message: /^The lowest level 'Nurture' is green/ }],
    },
    {
      name: 'the highest level the domain can reach, not the highest written',
      config: {
        'workspace.yaml': `${upTo100}lint: { rules: { color-semantics: error } }\n`,
        'test.yaml': withLevels('  - { name: Elite, min: 120, color: purple }', '  - { name: Target, min: 50, max: 100, color: red }', '  - { name: Nurture, min: 0, max: 49, color: gray }'),
      },
      findings: [{ line: 7, column: 47, message: /^The highest level 'Target' is red/, severity: 'error' }],
    },
  ],
});
