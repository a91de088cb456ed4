import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatConfigText } from '../src/fmt/format.js';
import { runCli } from './helpers/cli.js';
import { makeTree } from './helpers/tree.js';

const messy = `# yaml-language-server: $schema=../schema/levels.schema.json
# Enterprise tiers
levels:    # highest first
    -   min: 80
        name: Target    # the top
        owner: "@ae"
    - { max: 79,  min: 50, name: Qualified }
primary: true
name: Tiers
id: tiers
kind: LevelRuleset
`;

const canonical = `# yaml-language-server: $schema=../schema/levels.schema.json
# Enterprise tiers
kind: LevelRuleset
id: tiers
name: Tiers
primary: true
levels:
  # highest first
  - name: Target # the top
    min: 80
    owner: "@ae"
  - { name: Qualified, min: 50, max: 79 }
`;

describe('formatConfigText', () => {
  it('puts keys in the schema order, indents by two, and keeps comments, quotes and flow style', () => {
    const result = formatConfigText(messy);
    expect(result).toEqual({ ok: true, output: canonical, changed: true });
  });

  it('leaves canonical text unchanged', () => {
    expect(formatConfigText(canonical)).toEqual({ ok: true, output: canonical, changed: false });
  });

  it('keeps unknown keys, after the known ones, in their written order', () => {
    const result = formatConfigText('zeta: 1\nkind: LevelRuleset\nalpha: 2\nid: x\n');
    expect(result.ok && result.output).toBe('kind: LevelRuleset\nid: x\nzeta: 1\nalpha: 2\n');
  });

  it('does not fold long descriptions', () => {
    const long = `kind: LevelRuleset\ndescription: ${'word '.repeat(40).trim()}\n`;
    expect(formatConfigText(long)).toMatchObject({ changed: false });
  });

  it('refuses text that is not valid YAML', () => {
    expect(formatConfigText('kind: [\n')).toMatchObject({ ok: false });
  });

  it('is idempotent on any ruleset it can format', () => {
    const keys = ['kind', 'id', 'name', 'primary', 'enabled', 'description', 'levels'];
    fc.assert(
      fc.property(fc.shuffledSubarray(keys, { minLength: 1 }), fc.boolean(), (order, flow) => {
        const values: Record<string, string> = {
          kind: 'LevelRuleset',
          id: 'tiers',
          name: 'Tiers # the name',
          primary: 'true',
          enabled: 'false',
          description: '"quoted, text"',
          levels: flow ? '\n  - { min: 1, name: A, color: red }' : '\n    - min: 1\n      name: A\n      owner: x',
        };
        const text = order.map((key) => `${key}: ${values[key]}`).join('\n') + '\n';
        const once = formatConfigText(text);
        if (!once.ok) throw new Error(once.reason);
        const twice = formatConfigText(once.output);
        expect(twice).toEqual({ ok: true, output: once.output, changed: false });
      }),
    );
  });
});

describe('levels fmt', () => {
  it('--check lists the files that would change, exits 1 and writes nothing', () => {
    const root = makeTree({ 'levels/a.yaml': messy, 'levels/b.yaml': canonical });
    const result = runCli(['fmt', '--check'], { cwd: root });
    expect(result).toMatchObject({ code: 1, stdout: 'would reformat levels/a.yaml\n', stderr: '' });
    expect(readFileSync(join(root, 'levels/a.yaml'), 'utf8')).toBe(messy);
  });

  it('rewrites the files that are not canonical, then --check passes', () => {
    const root = makeTree({ 'levels/a.yaml': messy, 'levels/b.yaml': canonical });
    expect(runCli(['fmt'], { cwd: root })).toMatchObject({ code: 0, stdout: 'reformatted levels/a.yaml\n' });
    expect(readFileSync(join(root, 'levels/a.yaml'), 'utf8')).toBe(canonical);
    expect(runCli(['fmt', '--check'], { cwd: root })).toMatchObject({ code: 0, stdout: '2 files already formatted.\n' });
  });

  it('names a file it cannot format, formats the others and exits 1', () => {
    const root = makeTree({ 'levels/a.yaml': messy, 'levels/bad.yaml': 'kind: [\n' });
    const result = runCli(['fmt'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^levels: cannot format levels\/bad\.yaml: it is not valid YAML .*; run 'levels validate'\.\n$/);
    expect(readFileSync(join(root, 'levels/a.yaml'), 'utf8')).toBe(canonical);
  });
});
