import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

/** A YAML text from its lines: the first argument is line 1. */
const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/** A ruleset file whose levels are written verbatim from line 6 on. */
const withLevels = (...levels: string[]) => yaml('kind: LevelRuleset', 'id: tiers', 'name: Tiers', 'primary: true', 'levels:', ...levels);

const tiers = ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]);

ruleTester('schema', {
  valid: [
    tiers,
    {
      name: 'every optional field, block style, as in the SPEC example',
      config: {
        'enterprise-tiers.yaml': yaml(
          '# yaml-language-server: $schema=../schema/levels.schema.json',
          'kind: LevelRuleset',
          'id: enterprise-tiers',
          'name: Enterprise Account Tiers',
          'description: Tiers for the enterprise segment',
          'enabled: true',
          'primary: true',
          'levels:',
          '  - name: Target',
          '    min: 80',
          '    color: purple',
          '    expected_share: 10-20%',
          '    description: Named AE, executive outreach',
          '    owner: "@enterprise-ae"',
          '  - { name: Qualified, min: 50, max: 79, color: "#36c", expected_share: "10% - 30%" }',
          '  - { name: Standard, min: 20, max: 49, color: "#A0B1C2", expected_share: "<= 50%" }',
          '  - { name: Low Priority, min: 0, max: 19, color: grey, expected_share: "> 5%" }',
        ),
        'workspace.yaml': yaml(
          'kind: Workspace',
          'scores: { min: 0, max: 100, integer: true }',
          'store: sqlite:.levels/state.db',
          'lint:',
          '  rules: { round-boundaries: off, level-count: error, missing-owner: info }',
        ),
      },
    },
    {
      name: 'an id of exactly 63 characters',
      config: ruleset([['Target', 0]], `kind: LevelRuleset\nid: a${'b'.repeat(62)}\nname: Tiers\nprimary: true\n`),
    },
    {
      name: 'a postgres store and decimal scores',
      config: { 'workspace.yaml': yaml('kind: Workspace', 'scores: { min: -1, max: 1, integer: false }', 'store: postgres://db.internal/levels'), 'tiers.yaml': tiers },
    },
  ],
  invalid: [
    {
      name: 'an unknown key in a level, with a did-you-mean',
      config: withLevels('  - { name: Target, min: 0, colour: purple }'),
      findings: [{ line: 6, column: 29, message: /Unknown key 'colour' in level 'Target'; did you mean 'color'\?/, severity: 'error' }],
    },
    {
      name: 'an unknown top-level key, with a did-you-mean, pointing at the key',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'name: Tiers', 'primery: true', 'levels:', '  - { name: Target, min: 0 }'),
      findings: [{ line: 4, column: 1, message: /Unknown key 'primery' in the document; did you mean 'primary'\?/ }],
    },
    {
      name: 'a quoted number',
      config: withLevels('  - { name: Target, min: "80" }', '  - { name: Qualified, min: 0, max: 79 }'),
      findings: [{ line: 6, column: 26, message: /^min of level 'Target' must be a number, not the text '80' \(remove the quotes\)/ }],
    },
    {
      name: 'an id that breaks the pattern, and one that is too long',
      config: {
        'a.yaml': yaml('kind: LevelRuleset', 'id: Enterprise Tiers', 'name: Tiers', 'primary: true', 'levels:', '  - { name: Target, min: 0 }'),
        'b.yaml': yaml('kind: LevelRuleset', `id: a${'b'.repeat(63)}`, 'name: Tiers', 'levels:', '  - { name: Target, min: 0 }'),
      },
      findings: [
        { line: 2, column: 5, message: /^id is the text 'Enterprise Tiers', which is not valid\. Stable id/ },
        { line: 2, column: 5, message: /^id is the text 'abbb.*', which is not valid\. .*at most 63 characters/ },
      ],
    },
    {
      name: 'bad colours: an unknown name (with a hint) and a five-digit hex',
      config: withLevels('  - { name: Target, min: 50, color: redd }', '  - { name: Nurture, min: 0, max: 49, color: "#12345" }'),
      findings: [
        { line: 6, column: 37, message: /^color of level 'Target' is the text 'redd', which is not valid \(did you mean 'red'\?\)/ },
        { line: 7, column: 46, message: /^color of level 'Nurture' is the text '#12345', which is not valid/ },
      ],
    },
    {
      name: 'missing required keys: the ruleset name and a level min',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'primary: true', 'levels:', '  - { name: Target }'),
      findings: [
        { line: 1, column: 1, message: /^The document is missing the required key 'name'/ },
        { line: 5, column: 5, message: /^Level 'Target' is missing the required key 'min'/ },
      ],
    },
    {
      name: 'an unknown kind, with a did-you-mean',
      config: { 'a.yaml': yaml('kind: LevelRulset', 'id: tiers'), 'b.yaml': yaml('kind: workspace') },
      findings: [
        { line: 1, column: 7, message: /Unknown kind 'LevelRulset': use LevelRuleset or Workspace \(did you mean 'LevelRuleset'\?\)/ },
        { line: 1, column: 7, message: /Unknown kind 'workspace'.*did you mean 'Workspace'/ },
      ],
    },
    {
      name: 'no kind at all, and a document that is not a mapping',
      config: { 'a.yaml': yaml('id: tiers', 'name: Tiers'), 'b.yaml': yaml('- Target', '- Standard') },
      findings: [
        { line: 1, column: 1, message: /has no kind: add kind: LevelRuleset/ },
        { line: 1, column: 1, message: /mapping with a kind .*, not a list/ },
      ],
    },
    {
      name: 'empty files: no text at all, and comments only',
      config: { 'a.yaml': '', 'b.yaml': yaml('# levels will go here', '# one day') },
      findings: [
        { line: 1, column: 1, message: /levels\/a\.yaml is empty/ },
        { line: 1, column: 1, message: /levels\/b\.yaml is empty/ },
      ],
    },
    {
      name: 'two YAML documents in one file: the second one is pointed at',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'name: Tiers', 'primary: true', 'levels:', '  - { name: Target, min: 0 }', '---', 'kind: Workspace'),
      findings: [{ line: 7, column: 1, message: /levels\/test\.yaml holds 2 YAML documents/ }],
    },
    {
      name: 'prototype keys are refused wherever they appear',
      config: yaml(
        'kind: LevelRuleset',
        'id: tiers',
        'name: Tiers',
        'primary: true',
        '__proto__: { polluted: true }',
        'levels:',
        '  - { name: Target, min: 0, constructor: x }',
      ),
      findings: [
        { line: 5, column: 1, message: /The key '__proto__' is not allowed/ },
        { line: 7, column: 29, message: /The key 'constructor' is not allowed/ },
      ],
    },
    {
      name: 'the reserved level name Unassigned, whatever its case and spaces',
      config: withLevels('  - { name: Target, min: 50 }', '  - { name: " unassigned ", min: 0, max: 49 }'),
      findings: [{ line: 7, column: 13, message: /'Unassigned' is the label for accounts in no level/ }],
    },
    {
      name: 'expected_share ranges that run backwards or past 100%',
      config: withLevels('  - { name: Target, min: 80, expected_share: 30-10% }', '  - { name: Nurture, min: 0, max: 79, expected_share: 10-120% }'),
      findings: [
        { line: 6, column: 46, message: /expected_share '30-10%' of level 'Target' is not a share between 0% and 100%/ },
        { line: 7, column: 55, message: /expected_share '10-120%' of level 'Nurture' is not a share/ },
      ],
    },
    {
      name: 'an expected_share that is not a share at all',
      config: withLevels('  - { name: Target, min: 0, expected_share: lots }'),
      findings: [{ line: 6, column: 45, message: /of level 'Target' is the text 'lots', which is not valid/ }],
    },
    {
      name: 'type errors: yes is text in YAML 1.2, and levels must not be empty',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'name: Tiers', 'primary: yes', 'levels: []'),
      findings: [
        { line: 4, column: 10, message: /^primary must be true or false, not the text 'yes'/ },
        { line: 5, column: 9, message: /^levels must list at least 1 item/ },
      ],
    },
    {
      name: 'a level name that is a number or blank',
      config: withLevels('  - { name: 123, min: 50 }', '  - { name: "  ", min: 0, max: 49 }'),
      findings: [
        { line: 6, column: 13, message: /^name of level 1 must be text, not number 123/ },
        { line: 7, column: 13, message: /^name of level 2 must not be empty/ },
      ],
    },
    {
      name: 'infinite and NaN bounds are not scores (SPEC: scores are finite numbers)',
      config: withLevels('  - { name: Target, min: .inf }', '  - { name: Nurture, min: 0, max: .nan }'),
      // The message must not read "must be a number, not number Infinity": say it must be finite.
      findings: [
        { line: 6, column: 26, message: /min of level 'Target' must be a finite number/ },
        { line: 7, column: 35, message: /max of level 'Nurture' must be a finite number/ },
      ],
    },
    {
      name: 'Workspace: scores.min above scores.max points at max',
      config: { 'workspace.yaml': yaml('kind: Workspace', 'scores: { min: 100, max: 0 }'), 'tiers.yaml': tiers },
      findings: [{ line: 2, column: 26, message: /scores\.min \(100\) is above scores\.max \(0\): no score would be possible/ }],
    },
    {
      name: 'Workspace: integer scores with no whole number between min and max',
      config: { 'workspace.yaml': yaml('kind: Workspace', 'scores: { min: 0.2, max: 0.8 }'), 'tiers.yaml': tiers },
      findings: [{ line: 2, column: 9, message: /No whole number lies between scores\.min \(0\.2\) and scores\.max \(0\.8\); set integer: false/ }],
    },
    {
      name: 'Workspace: a quoted max and a store that is neither sqlite nor postgres',
      config: { 'workspace.yaml': yaml('kind: Workspace', 'scores: { min: 0, max: "100" }', 'store: mysql://x'), 'tiers.yaml': tiers },
      findings: [
        { line: 2, column: 24, message: /^Scores\.max must be a number, not the text '100' \(remove the quotes\)/i },
        { line: 3, column: 8, message: /^store is the text 'mysql:\/\/x', which is not valid/ },
      ],
    },
    {
      name: 'a second Workspace document',
      config: { 'workspace.yaml': yaml('kind: Workspace'), 'z-workspace.yaml': yaml('kind: Workspace', 'scores: { min: 0 }'), 'tiers.yaml': tiers },
      findings: [{ line: 1, column: 7, message: /A second Workspace document \(the first is levels\/workspace\.yaml\)/ }],
    },
    {
      name: 'schema and yaml-syntax cannot be turned off; a severity typo gets a hint; other schema errors stay errors',
      config: {
        'tiers.yaml': withLevels('  - { name: Target, min: 0, colour: purple }'),
        'workspace.yaml': yaml('kind: Workspace', 'lint:', '  rules:', '    yaml-syntax: off', '    level-count: eror', '    schema: off'),
      },
      // tiers.yaml first, then workspace.yaml lines 4, 5 and 6.
      findings: [
        { line: 6, column: 29, message: /Unknown key 'colour'/, severity: 'error' },
        { line: 4, column: 5, message: /Unknown key 'yaml-syntax' in lint\.rules/, severity: 'error' },
        { line: 5, column: 18, message: /level-count is the text 'eror', which is not one of error, warning, info, off \(did you mean 'error'\?\)/, severity: 'error' },
        { line: 6, column: 5, message: /Unknown key 'schema' in lint\.rules/, severity: 'error' },
      ],
    },
  ],
});
