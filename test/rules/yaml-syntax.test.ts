import { ruleTester } from '../helpers/rule-tester.js';
import { ruleset } from '../helpers/lint.js';

/** A YAML text from its lines: the first argument is line 1. */
const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/**
 * A config folder whose files may be raw bytes. The loader reads files as bytes (ConfigFile.content
 * is `Uint8Array | string`); RuleExample only names strings, so the bytes are passed through a cast.
 */
const files = (entries: Record<string, string | Uint8Array>) => entries as unknown as Record<string, string>;

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

const tiers = ruleset([['Target', 80], ['Qualified', 50, 79], ['Standard', 0, 49]]);

/** Billion laughs: each line repeats the previous anchor nine times, 9^4 values from a few lines. */
const billionLaughs = yaml(
  'kind: LevelRuleset',
  'id: tiers',
  'name: Tiers',
  'primary: true',
  'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'levels: *d',
);

ruleTester('yaml-syntax', {
  valid: [
    tiers,
    {
      name: 'a few anchors and aliases are plain YAML, not a bomb',
      config: yaml(
        'kind: LevelRuleset',
        'id: tiers',
        'name: Tiers',
        'primary: true',
        'levels:',
        '  - { name: Target, min: 80, owner: &ae "@enterprise-ae" }',
        '  - { name: Qualified, min: 50, max: 79, owner: *ae }',
        '  - { name: Standard, min: 0, max: 49, owner: *ae }',
      ),
    },
    {
      name: 'a UTF-8 byte-order mark and the schema comment line',
      config: files({ 'test.yaml': bytes([0xef, 0xbb, 0xbf], '# yaml-language-server: $schema=../schema/levels.schema.json\n', tiers) }),
    },
    {
      name: 'non-ASCII UTF-8 text is fine',
      config: files({ 'test.yaml': bytes(tiers.replace('Standard', 'Café')) }),
    },
    {
      name: 'a schema problem is not a syntax problem',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'name: Tiers', 'levels:', '  - { name: Target, min: "80" }'),
    },
  ],
  invalid: [
    {
      name: 'duplicate keys, at the top and inside a flow mapping',
      config: yaml(
        'kind: LevelRuleset',
        'id: tiers',
        'name: Tiers',
        'primary: true',
        'id: tiers-2',
        'levels:',
        '  - { name: Target, min: 80, min: 70 }',
      ),
      // The message should say which key is duplicated (SPEC: findings name the keys concerned).
      findings: [
        { line: 5, column: 1, message: /[Dd]uplicate key.*\bid\b/, severity: 'error' },
        { line: 7, column: 30, message: /[Dd]uplicate key.*\bmin\b/, severity: 'error' },
      ],
    },
    {
      name: 'a key written once plain and once quoted is still a duplicate',
      config: yaml('kind: LevelRuleset', 'id: tiers', '"id": tiers', 'name: Tiers', 'levels:', '  - { name: Target, min: 0 }'),
      findings: [{ line: 3, column: 1, message: /[Dd]uplicate key/ }],
    },
    {
      name: 'a custom tag is refused',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'name: !secret Tiers', 'primary: true', 'levels:', '  - { name: Target, min: 0 }'),
      findings: [{ line: 3, column: 7, message: /^The tag !secret is not allowed/, severity: 'error' }],
    },
    {
      name: 'a language-specific tag is refused',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'name: !!python/object:os.system Tiers', 'primary: true', 'levels:', '  - { name: Target, min: 0 }'),
      findings: [{ line: 3, column: 7, message: /python\/object:os\.system.*not allowed/ }],
    },
    {
      name: 'a YAML 1.1 type tag (!!binary) is not a plain value either',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'name: Tiers', 'primary: true', 'levels:', '  - { name: Target, min: 0, owner: !!binary aGk= }'),
      findings: [{ line: 6, column: 36, message: /tag !!binary is not allowed/ }],
    },
    {
      name: 'an unclosed flow sequence points at where it opens',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'name: Tiers', 'levels: [ { name: Target, min: 80 }'),
      findings: [{ line: 4, column: 9, message: /YAML syntax error: .*\]/ }],
    },
    {
      name: 'tabs as indentation',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'name: Tiers', 'primary: true', 'levels:', '\t- { name: Target, min: 0 }'),
      findings: [{ line: 6, column: 1, message: /[Tt]abs/ }],
    },
    {
      name: 'an alias bomb (billion laughs, nested aliases) is stopped',
      config: billionLaughs,
      findings: [{ line: 6, column: 8, message: /levels\/test\.yaml expands YAML aliases too many times \(more than 100\)/, severity: 'error' }],
    },
    {
      name: 'an alias to an anchor that does not exist is not an alias bomb',
      config: yaml('kind: LevelRuleset', 'id: tiers', 'name: *nope', 'primary: true', 'levels:', '  - { name: Target, min: 0 }'),
      findings: [{ line: 3, column: 7, message: /^(?!.*alias bomb).*\bnope\b/ }],
    },
    {
      name: 'a file with a NUL byte is binary',
      config: files({ 'bin.yaml': bytes('kind: LevelRuleset\nid: tiers\0\nname: Tiers\n'), 'tiers.yaml': tiers }),
      findings: [{ line: 1, message: /levels\/bin\.yaml is a binary file, not YAML text/ }],
    },
    {
      name: 'invalid UTF-8 names the line of the first bad byte',
      config: files({ 'test.yaml': bytes('kind: LevelRuleset\nid: tiers\nname: Ti', [0xc3, 0x28], 'ers\nprimary: true\nlevels:\n  - { name: Target, min: 0 }\n') }),
      findings: [{ line: 3, message: /levels\/test\.yaml is not valid UTF-8 \(first bad byte on line 3\)/ }],
    },
    {
      name: 'Latin-1 text after a genuine U+FFFD character: the bad byte is on line 6, not line 3',
      config: files({
        'test.yaml': bytes('kind: LevelRuleset\nid: tiers\nname: Tiers \uFFFD\nprimary: true\nlevels:\n  - { name: Caf', [0xe9], ', min: 0 }\n'),
      }),
      findings: [{ line: 6, message: /not valid UTF-8 \(first bad byte on line 6\)/ }],
    },
    {
      name: 'every broken file is reported, and yaml-syntax stays an error whatever the Workspace says',
      config: {
        'a.yaml': yaml('kind: LevelRuleset', 'id: a', 'name: !secret A', 'levels:', '  - { name: Target, min: 0 }'),
        'b.yaml': tiers,
        'c.yaml': yaml('kind: LevelRuleset', 'id: c', 'name: C', 'levels:', '  - { name: Target, min: 0, min: 1 }'),
        'workspace.yaml': yaml('kind: Workspace', 'lint:', '  rules: { level-count: off, overlap: warning, missing-owner: off }'),
      },
      // Reading order: a.yaml line 3, then c.yaml line 5 (the second `min`, column 29).
      findings: [
        { line: 3, column: 7, message: /!secret/, severity: 'error' },
        { line: 5, column: 29, message: /[Dd]uplicate key/, severity: 'error' },
      ],
    },
  ],
});
