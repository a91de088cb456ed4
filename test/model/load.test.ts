import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadConfig, parseConfig } from '../../src/model/load.js';
import { makeTree } from '../helpers/tree.js';

const ruleset = (id: string, primary = false) => `kind: LevelRuleset\nid: ${id}\nname: ${id}\nprimary: ${primary}\nlevels:\n  - { name: Target, min: 0 }\n`;

describe('loadConfig', () => {
  it('reads every .yaml and .yml file recursively, in path order, with paths relative to the working directory', async () => {
    const root = makeTree({
      'levels/b.yaml': ruleset('b'),
      'levels/a.yml': ruleset('a', true),
      'levels/regions/emea.YAML': ruleset('emea'),
      'levels/notes.md': '# not config',
      'levels/.hidden/x.yaml': 'not: read',
      'levels/node_modules/x.yaml': 'not: read',
    });
    const config = await loadConfig('levels', { cwd: root });
    expect(config.sources.map((source) => source.path)).toEqual(['levels/a.yml', 'levels/b.yaml', 'levels/regions/emea.YAML']);
    expect(config.rulesets.map((source) => source.ruleset.id)).toEqual(['a', 'b', 'emea']);
    expect(config.problems).toEqual([]);
  });

  it('applies defaults: enabled true, primary false, scores 0 and up, whole numbers', async () => {
    const root = makeTree({ 'levels/a.yaml': 'kind: LevelRuleset\nid: a\nname: A\nlevels:\n  - { name: T, min: 0 }\n' });
    const config = await loadConfig('levels', { cwd: root });
    expect(config.rulesets[0]!.ruleset).toMatchObject({ enabled: true, primary: false });
    expect(config.workspace.scores).toEqual({ min: 0, max: Number.POSITIVE_INFINITY, integer: true });
  });

  it('reads the Workspace: score domain, store and rule overrides', async () => {
    const root = makeTree({
      'levels/workspace.yaml': 'kind: Workspace\nscores: { min: 1, max: 10, integer: false }\nstore: sqlite:x.db\nlint:\n  rules: { gap: off }\n',
    });
    const config = await loadConfig('levels', { cwd: root });
    expect(config.workspace).toEqual({ scores: { min: 1, max: 10, integer: false }, store: 'sqlite:x.db', rules: { gap: 'off' } });
    expect(config.workspaceSource?.path).toBe('levels/workspace.yaml');
  });

  it('says in one sentence when the folder is missing, or is a file', async () => {
    const root = makeTree({ 'file.yaml': ruleset('a') });
    await expect(loadConfig('levels', { cwd: root })).rejects.toThrow(new InputError("The config folder levels does not exist: create one with 'levels init levels', or name another with --config."));
    await expect(loadConfig('file.yaml', { cwd: root })).rejects.toThrow(/file\.yaml is a file; pass the folder that holds it/);
  });

  it('follows a symbolic link loop only once', async () => {
    const root = makeTree({ 'levels/a.yaml': ruleset('a', true) });
    symlinkSync(join(root, 'levels'), join(root, 'levels', 'loop'));
    const config = await loadConfig('levels', { cwd: root });
    expect(config.sources.map((source) => source.path)).toEqual(['levels/a.yaml']);
  });

  it('reports a dangling link as one sentence naming it', async () => {
    const root = makeTree({ 'levels/a.yaml': ruleset('a', true) });
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'missing.yaml'), join(root, 'levels', 'b.yaml'));
    await expect(loadConfig('levels', { cwd: root })).rejects.toThrow(/levels\/b\.yaml does not exist; fix or remove the link\./);
  });

  it('refuses an oversized file without reading it into a document', async () => {
    const root = makeTree({ 'levels/big.yaml': `# ${'x'.repeat(5 * 1024 * 1024)}\n` });
    const config = await loadConfig('levels', { cwd: root });
    expect(config.problems).toHaveLength(1);
    expect(config.problems[0]).toMatchObject({ rule: 'yaml-syntax' });
    expect(config.problems[0]!.message).toBe('levels/big.yaml is larger than the 4 MiB a config file may be; is it really a ruleset?');
  });
});

describe('parseConfig: safe parsing', () => {
  const parse = (content: string | Uint8Array, path = 'levels/x.yaml') => parseConfig([{ path, content }], { folder: 'levels' });

  it('never builds objects from __proto__ or constructor keys, and reports them at the key', () => {
    const config = parse('kind: LevelRuleset\nid: a\nname: A\n__proto__: { polluted: true }\nlevels:\n  - { name: T, min: 0, constructor: x }\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(config.problems.map((p) => [p.rule, p.position.line, p.position.column])).toEqual([
      ['schema', 4, 1],
      ['schema', 6, 24],
    ]);
    expect(config.problems[0]!.message).toBe("The key '__proto__' is not allowed anywhere in a config file.");
    expect(config.rulesets).toEqual([]);
  });

  it('stops an alias bomb with a finding instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const config = parse(`${levels.join('\n')}\n`);
    expect(config.problems).toHaveLength(1);
    expect(config.problems[0]!.message).toMatch(/expands YAML aliases too many times/);
  });

  it('refuses custom tags and duplicate keys with their line', () => {
    const config = parse('kind: LevelRuleset\nid: a\nname: !vault secret\nname: B\nlevels: []\n');
    expect(config.problems.map((p) => [p.rule, p.position.line])).toEqual([
      ['yaml-syntax', 3],
      ['yaml-syntax', 4],
    ]);
    expect(config.problems.map((p) => p.message)).toEqual([
      'The tag !vault is not allowed: config files hold plain YAML values (text, numbers, true or false, lists and mappings).',
      "Duplicate key 'name': it appears twice in the same mapping; keep one.",
    ]);
  });

  it('reads a byte-order mark and CRLF line ends with the right positions', () => {
    const config = parse(Buffer.from('\uFEFFkind: LevelRuleset\r\nid: A B\r\nname: A\r\nlevels:\r\n  - { name: T, min: 0 }\r\n'));
    expect(config.problems).toHaveLength(1);
    expect(config.problems[0]!.position).toMatchObject({ line: 2, column: 5 });
  });

  it('reports binary files, bad UTF-8, empty files and several documents in one file', () => {
    expect(parse(new Uint8Array([0x6b, 0x00, 0x01])).problems[0]!.message).toBe('levels/x.yaml is a binary file, not YAML text.');
    const badUtf8 = parse(Buffer.concat([Buffer.from('kind: LevelRuleset\nname: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    expect(badUtf8.problems[0]).toMatchObject({ rule: 'yaml-syntax', position: { line: 2 } });
    expect(badUtf8.problems[0]!.message).toMatch(/not valid UTF-8 \(first bad byte on line 2\)/);
    expect(parse('# only a comment\n').problems[0]!.message).toMatch(/levels\/x\.yaml is empty/);
    const twoDocs = parse(`${ruleset('a')}---\n${ruleset('b')}`);
    expect(twoDocs.problems[0]).toMatchObject({ rule: 'schema', position: { line: 7 } });
    expect(twoDocs.rulesets).toEqual([]);
  });

  it('turns deep nesting into a finding rather than a crash', () => {
    const depth = 20_000;
    const config = parse(`kind: LevelRuleset\nid: a\nname: A\nlevels: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(config.problems.length).toBeGreaterThan(0);
    expect(config.rulesets).toEqual([]);
  });

  it('keeps a second Workspace out and says where the first is', () => {
    const config = parseConfig(
      [
        { path: 'levels/a.yaml', content: 'kind: Workspace\nscores: { max: 100 }\n' },
        { path: 'levels/b.yaml', content: 'kind: Workspace\nscores: { max: 5 }\n' },
      ],
      { folder: 'levels' },
    );
    expect(config.workspace.scores.max).toBe(100);
    expect(config.problems.map((p) => p.message)).toEqual(['A second Workspace document (the first is levels/a.yaml); keep one Workspace per config folder.']);
  });
});
