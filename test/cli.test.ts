import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/lint/rules/index.js';
import { VERSION } from '../src/version.js';
import { hasStackTrace, runCli } from './helpers/cli.js';
import { makeTree } from './helpers/tree.js';

const repo = resolve('.');
const lintJson = (cwd: string, args: string[] = []) => {
  const result = runCli(['lint', '--format', 'json', ...args], { cwd });
  return { ...result, json: JSON.parse(result.stdout) as { findings: { rule: string; line: number; file: string; severity: string }[]; summary: Record<string, number> } };
};

const head = 'kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nlevels:\n';
const owned = (levels: string) => head + levels.replace(/ }/g, ', owner: x }');

describe('levels lint on the shipped example', () => {
  it('passes with no finding and exits 0', () => {
    expect(runCli(['lint'], { cwd: repo })).toEqual({ code: 0, stdout: 'No findings in 3 files.\n', stderr: '' });
    expect(runCli(['validate'], { cwd: repo }).code).toBe(0);
  });
});

describe('each defect of SPEC section 4 gets its rule id, line and exit code', () => {
  const cases: { rule: string; files: Record<string, string>; line: number | number[]; file?: string; code: number }[] = [
    { rule: 'yaml-syntax', files: { 'levels/a.yaml': `${head}  - { name: Target, min: 0\n` }, line: 6, code: 1 },
    { rule: 'schema', files: { 'levels/a.yaml': `${head}  - { name: Target, min: 0, colour: red }\n` }, line: 6, code: 1 },
    { rule: 'duplicate-ruleset-id', files: { 'levels/a.yaml': owned('  - { name: T, min: 0 }\n'), 'levels/b.yaml': owned('  - { name: T, min: 0 }\n').replace('primary: true', 'primary: false') }, file: 'levels/b.yaml', line: 2, code: 1 },
    { rule: 'single-primary', files: { 'levels/a.yaml': owned('  - { name: T, min: 0 }\n').replace('primary: true', 'primary: false') }, line: 2, code: 1 },
    { rule: 'primary-enabled', files: { 'levels/a.yaml': owned('  - { name: T, min: 0 }\n').replace('primary: true', 'primary: true\nenabled: false') }, line: 5, code: 1 },
    { rule: 'min-above-max', files: { 'levels/a.yaml': owned('  - { name: Target, min: 50 }\n  - { name: Standard, min: 49, max: 0 }\n') }, line: 7, code: 1 },
    { rule: 'duplicate-level-name', files: { 'levels/a.yaml': owned('  - { name: Target, min: 50 }\n  - { name: TARGET, min: 0, max: 49 }\n') }, line: 7, code: 1 },
    { rule: 'overlap', files: { 'levels/a.yaml': owned('  - { name: Target, min: 50 }\n  - { name: Standard, min: 0, max: 50 }\n') }, line: 7, code: 1 },
    { rule: 'shadowed-level', files: { 'levels/a.yaml': owned('  - { name: Target, min: 0 }\n  - { name: Standard, min: 10, max: 20 }\n') }, line: 7, code: 1 },
    { rule: 'gap', files: { 'levels/a.yaml': owned('  - { name: Target, min: 60 }\n  - { name: Standard, min: 0, max: 49 }\n') }, line: 6, code: 0 },
    { rule: 'floor-coverage', files: { 'levels/a.yaml': owned('  - { name: Target, min: 50 }\n  - { name: Standard, min: 10, max: 49 }\n') }, line: 7, code: 0 },
    { rule: 'ceiling-coverage', files: { 'levels/a.yaml': owned('  - { name: Target, min: 50, max: 100 }\n  - { name: Standard, min: 0, max: 49 }\n') }, line: 6, code: 0 },
    {
      rule: 'unreachable-level',
      files: { 'levels/w.yaml': 'kind: Workspace\nscores: { min: 0, max: 100 }\n', 'levels/a.yaml': owned('  - { name: Elite, min: 150 }\n  - { name: Target, min: 50, max: 149 }\n  - { name: Standard, min: 0, max: 49 }\n') },
      file: 'levels/a.yaml',
      line: 6,
      code: 0,
    },
    { rule: 'level-count', files: { 'levels/a.yaml': owned('  - { name: Target, min: 0 }\n') }, line: 5, code: 0 },
    { rule: 'color-semantics', files: { 'levels/a.yaml': owned('  - { name: Target, min: 50, color: red }\n  - { name: Standard, min: 0, max: 49 }\n') }, line: 6, code: 0 },
    { rule: 'round-boundaries', files: { 'levels/a.yaml': owned('  - { name: Target, min: 47 }\n  - { name: Standard, min: 0, max: 46 }\n') }, line: [6, 7], code: 0 },
    { rule: 'descriptive-names', files: { 'levels/a.yaml': owned('  - { name: Tier 1, min: 50 }\n  - { name: Standard, min: 0, max: 49 }\n') }, line: 6, code: 0 },
    { rule: 'level-order', files: { 'levels/a.yaml': owned('  - { name: Standard, min: 0, max: 49 }\n  - { name: Target, min: 50 }\n') }, line: 7, code: 0 },
    { rule: 'missing-owner', files: { 'levels/a.yaml': `${head}  - { name: Target, min: 50, owner: x }\n  - { name: Standard, min: 0, max: 49 }\n` }, line: 7, code: 0 },
  ];

  for (const { rule, files, line, file, code } of cases) {
    it(rule, () => {
      const result = lintJson(makeTree(files));
      const found = result.json.findings.filter((finding) => finding.rule === rule);
      expect(found.map((finding) => `${finding.file}:${finding.line}`)).toEqual([line].flat().map((n) => `${file ?? 'levels/a.yaml'}:${n}`));
      expect(found[0]!.severity).toBe(rules.find((candidate) => candidate.id === rule)!.severity);
      expect(result.code).toBe(code);
      expect(result.stderr).toBe('');
    });
  }
});

describe('exit codes and options', () => {
  const warned = { 'levels/a.yaml': owned('  - { name: Target, min: 60 }\n  - { name: Standard, min: 0, max: 49 }\n') };

  it('--max-warnings fails when warnings exceed it', () => {
    const root = makeTree(warned);
    expect(runCli(['lint', '--max-warnings', '2'], { cwd: root }).code).toBe(0);
    const failed = runCli(['lint', '--max-warnings', '1'], { cwd: root });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('levels: 2 warnings, more than --max-warnings 1 allows.\n');
  });

  it('Workspace severity overrides apply: a warning raised to error fails, a rule turned off is silent', () => {
    const raised = makeTree({ ...warned, 'levels/w.yaml': 'kind: Workspace\nlint:\n  rules: { gap: error, level-count: off }\n' });
    const result = lintJson(raised);
    expect(result.json.findings.map((finding) => `${finding.rule}:${finding.severity}`)).toEqual(['gap:error']);
    expect(result.code).toBe(1);
  });

  it('--quiet prints errors only', () => {
    const result = runCli(['lint', '--quiet'], { cwd: makeTree(warned) });
    expect(result.stdout).toBe('No findings in 1 file.\n');
    expect(result.code).toBe(0);
  });

  it('validate reports only YAML and schema problems', () => {
    const root = makeTree({ ...warned, 'levels/b.yaml': 'kind: LevelRuleset\nid: b\nname: B\nlevels:\n  - { name: T, min: 0, colour: red }\n' });
    const result = runCli(['validate', '--format', 'json'], { cwd: root });
    expect(JSON.parse(result.stdout).findings.map((finding: { rule: string }) => finding.rule)).toEqual(['schema']);
    expect(result.code).toBe(1);
  });

  it('lint --rules lists every rule with its severity and doc, as configured', () => {
    const result = runCli(['lint', '--rules'], { cwd: makeTree({ 'levels/w.yaml': 'kind: Workspace\nlint:\n  rules: { gap: error }\n' }) });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(rules.length);
    for (const rule of rules) expect(result.stdout).toContain(rule.description);
    expect(lines.find((line) => line.startsWith('gap '))).toMatch(/^gap\s+error \(default warning\)\s+Scores inside the domain/);
    const json = JSON.parse(runCli(['lint', '--rules', '--format', 'json'], { cwd: repo }).stdout);
    expect(json.rules.map((rule: { id: string }) => rule.id)).toEqual(rules.map((rule) => rule.id));
  });

  it('colours text on request and never with NO_COLOR', () => {
    const root = makeTree(warned);
    expect(runCli(['lint'], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(runCli(['lint'], { cwd: root, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('--help works on every command, --version prints the version', () => {
    for (const command of ['validate', 'lint', 'fmt', 'init']) {
      const result = runCli([command, '--help'], { cwd: repo });
      expect(result.code, command).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: levels ${command}`));
    }
    expect(runCli(['--help'], { cwd: repo }).stdout).toMatch(/Commands:[\s\S]*lint/);
    expect(runCli(['--version'], { cwd: repo })).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });
});

describe('user errors: one sentence, exit 1, never a stack trace', () => {
  const cases: { name: string; args: string[]; files?: Record<string, string | Uint8Array>; stderr: RegExp }[] = [
    { name: 'a missing config folder', args: ['lint'], stderr: /^levels: The config folder levels does not exist: create one with 'levels init levels', or name another with --config\.\n$/ },
    { name: 'an unknown option', args: ['lint', '--bogus'], stderr: /^levels: unknown option '--bogus'\n/ },
    { name: 'a wrong format', args: ['lint', '--format', 'xml'], stderr: /^levels: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are text, json, sarif, github\./ },
    { name: 'a bad --max-warnings', args: ['lint', '--max-warnings', 'many'], stderr: /^levels: option '--max-warnings <n>' argument 'many' is invalid\. it must be a whole number, 0 or more\./ },
    { name: 'an unknown command', args: ['lnt'], stderr: /^levels: unknown command 'lnt'\n\(Did you mean lint\?\)/ },
  ];
  for (const { name, args, files, stderr } of cases) {
    it(name, () => {
      const result = runCli(args, { cwd: makeTree(files ?? {}) });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(stderr);
      expect(hasStackTrace(result.stderr)).toBe(false);
    });
  }

  it('hostile config files are findings, not crashes', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdefgh'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n');
    const root = makeTree({
      'levels/binary.yaml': new Uint8Array([0, 1, 2, 3, 255]),
      'levels/empty.yaml': '',
      'levels/bomb.yaml': `${bomb}\n`,
      'levels/deep.yaml': `kind: ${'['.repeat(50_000)}\n`,
      'levels/latin1.yaml': Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xe9, 0x0a]),
      'levels/proto.yaml': '__proto__: { admin: true }\nkind: Workspace\n',
      'levels/list.yaml': '- a\n- b\n',
    });
    const result = lintJson(root);
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(new Set(result.json.findings.map((finding) => finding.file))).toEqual(
      new Set(['levels/binary.yaml', 'levels/empty.yaml', 'levels/bomb.yaml', 'levels/deep.yaml', 'levels/latin1.yaml', 'levels/proto.yaml', 'levels/list.yaml']),
    );
    for (const finding of result.json.findings) expect(['yaml-syntax', 'schema', 'single-primary']).toContain(finding.rule);
  });
});
