import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../src/plan/generated/schema.js';
import { hasStackTrace, runCli } from './helpers/cli.js';
import { commit, makeRepo } from './helpers/git.js';
import { makeTree } from './helpers/tree.js';

const exampleFiles = Object.fromEntries([
  ...readdirSync('levels').map((name) => [`levels/${name}`, readFileSync(join('levels', name), 'utf8')]),
  ['examples/scores.csv', readFileSync('examples/scores.csv', 'utf8')],
]) as Record<string, string>;
const exampleScores = readFileSync('examples/scores.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',').at(-2)));

const raiseTarget = (root: string) => {
  const path = join(root, 'levels/enterprise-tiers.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace('    min: 80\n', '    min: 85\n').replace('    max: 79\n', '    max: 84\n'));
};

describe('levels plan', () => {
  it("runs the README's main command on the shipped example: against the empty embedded store, everything is new", () => {
    const root = makeRepo(exampleFiles);
    const result = runCli(['plan', '--scores', 'examples/scores.csv'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing has been applied to sqlite:.levels/state.db yet: every ruleset is new.');
    expect(result.stdout).toMatch(/Plan: 2 rulesets to create, 7 levels to add; 50,000 of 50,000 accounts move\.\n$/);
    // With no ruleset before, the export's levels cannot be stale against anything.
    expect(result.stdout).toContain('  Moved: 50,000 (50,000 up, 0 down)\n');
    const git = runCli(['plan', '--scores', 'examples/scores.csv', '--against', 'git:HEAD'], { cwd: root });
    expect(git.stdout).toMatch(/No changes: the config matches git HEAD; 50,000 accounts, none move\.\n$/);
  });

  it('shows the changes and exactly the accounts that move when a threshold rises', () => {
    const root = makeRepo(exampleFiles);
    raiseTarget(root);
    const moving = exampleScores.filter((score) => score >= 80 && score < 85).length;
    const result = runCli(['plan', '--scores', 'examples/scores.csv', '--against', 'git:HEAD', '--detailed-exitcode'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('~ level Target: min 80 → 85');
    expect(result.stdout).toContain('~ level Qualified: max 79 → 84');
    expect(result.stdout).toContain(`Plan: 1 ruleset to change, 2 levels to update; ${moving.toLocaleString('en-US')} of 50,000 accounts move.`);
    const json = JSON.parse(runCli(['plan', '--scores', 'examples/scores.csv', '--against', 'git:HEAD', '--format', 'json'], { cwd: root }).stdout);
    expect(json.impact.transitions).toContainEqual({ from: 'Target', to: 'Qualified', count: moving });
    expect(json.impact).toMatchObject({ moved: moving, downgraded: moving, upgraded: 0 });
  });

  it('writes a plan file that matches the published schema and records its fingerprints', () => {
    const root = makeRepo(exampleFiles);
    raiseTarget(root);
    expect(runCli(['plan', '--scores', 'examples/scores.csv', '--against', 'git:HEAD', '--out', 'plan.json', '--quiet'], { cwd: root }).code).toBe(0);
    const plan = JSON.parse(readFileSync(join(root, 'plan.json'), 'utf8'));
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(planSchema as object);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.baseline).toMatchObject({ kind: 'git', ref: 'HEAD' });
    expect(plan.baseline.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(plan.baseline.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.config.hash).not.toBe(plan.baseline.hash);
    expect(plan.config.source).toBe('working-tree');
    expect(plan.config.commit).toBeUndefined(); // The working tree differs from HEAD.
    expect(plan.impact.export).toMatchObject({ path: 'examples/scores.csv', format: 'csv', size: Buffer.byteLength(exampleFiles['examples/scores.csv']!) });
    expect(plan.impact.export.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compares with any git ref, reads the proposed config from one, or from nothing', () => {
    const root = makeRepo(exampleFiles);
    raiseTarget(root);
    const second = commit(root, {}, 'raise Target');
    const against = JSON.parse(runCli(['plan', '--against', 'git:HEAD~1', '--format', 'json'], { cwd: root }).stdout);
    expect(against.baseline).toMatchObject({ kind: 'git', ref: 'HEAD~1' });
    expect(against.changes).toHaveLength(1);
    expect(against.config.commit).toBe(second);
    const fromRef = JSON.parse(runCli(['plan', '--ref', 'HEAD~1', '--against', 'git:HEAD', '--format', 'json'], { cwd: root }).stdout);
    expect(fromRef.config).toMatchObject({ source: 'git', ref: 'HEAD~1' });
    expect(fromRef.changes[0].levels[0]).toMatchObject({ level: 'Target', before: { min: 85 }, after: { min: 80 } });
    const none = JSON.parse(runCli(['plan', '--against', 'none', '--format', 'json'], { cwd: root }).stdout);
    expect(none.changes.map((change: { action: string }) => change.action)).toEqual(['create', 'create']);
    expect(none.baseline.hash).toMatch(/^[0-9a-f]{64}$/); // The empty config's hash.
  });

  it('reports a change of the score domain alone as a change', () => {
    const root = makeRepo(exampleFiles);
    const path = join(root, 'levels/workspace.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('scores: { min: 0, max: 100, integer: true }', 'scores: { min: 0, max: 1000, integer: false }'));
    const result = runCli(['plan', '--against', 'git:HEAD', '--detailed-exitcode'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Changes:\n  ~ score domain 0 to 100, whole numbers → 0 to 1000, decimals\n');
    expect(result.stdout).toMatch(/Plan: the score domain to change\.\n$/);
  });

  it('plans without git: every ruleset is new, and says why', () => {
    const root = makeTree({ ...exampleFiles, 'levels/workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100 }\n' });
    const result = runCli(['plan'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Not in a git repository, so there is no baseline: every ruleset is new.');
    expect(result.stdout).toContain('Plan: 2 rulesets to create, 7 levels to add.');
  });

  it('prints a blocked plan in full and exits 1', () => {
    const root = makeRepo(exampleFiles);
    const path = join(root, 'levels/enterprise-tiers.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('    max: 79\n', '    max: 85\n'));
    const result = runCli(['plan', '--scores', 'examples/scores.csv'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[overlap]');
    expect(result.stdout).toContain('from ╲ to');
    expect(result.stdout).toMatch(/Blocked by 1 error\.\n$/);
  });

  it('refuses an export with rejected rows unless --max-rejects allows them', () => {
    const root = makeRepo({ ...exampleFiles, 'bad.csv': 'account_id,score\nA,1\nB,x\nA,2\nC,3\n' });
    const refused = runCli(['plan', '--scores', 'bad.csv'], { cwd: root });
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      "levels: 2 of 4 rows of bad.csv were rejected (line 3: score 'x' is not a number; line 4: duplicate account_id 'A' (first counted on line 2)); fix the export, or tolerate them with --max-rejects 2.\n",
    );
    expect(runCli(['plan', '--scores', 'bad.csv', '--max-rejects', '2'], { cwd: root }).code).toBe(0);
    expect(runCli(['plan', '--scores', 'bad.csv', '--max-rejects', '50%'], { cwd: root }).code).toBe(0);
    expect(runCli(['plan', '--scores', 'bad.csv', '--max-rejects', '25%'], { cwd: root }).code).toBe(1);
    expect(runCli(['plan', '--scores', 'bad.csv', '--max-rejects', 'lots'], { cwd: root }).stderr).toBe("levels: --max-rejects takes a number of rows (such as 10) or a share of them (such as 0.5%), not 'lots'.\n");
  });

  it('stays exact when a rejected duplicate held the only extreme score (the export is read again without it)', () => {
    const root = makeRepo({
      ...exampleFiles,
      'dup.csv': 'account_id,score\nA,10\nB,20\nC,30\nA,150\n',
    });
    const plan = JSON.parse(runCli(['plan', '--scores', 'dup.csv', '--max-rejects', '1', '--format', 'json'], { cwd: root }).stdout);
    expect(plan.impact).toMatchObject({ accounts: 3, rejected: 1, duplicates: 1 });
    expect(plan.impact.rejected_rows).toEqual([{ line: 5, reason: "duplicate account_id 'A' (first counted on line 2)" }]);
    // 150 is above the domain max (100), but it is a rejected duplicate: no score lies outside.
    expect(plan.findings.map((finding: { rule: string }) => finding.rule)).not.toContain('score-outside-domain');
    expect(plan.impact.after.find((entry: { level: string }) => entry.level === 'Target').count).toBe(0);

    // The Unassigned range is in a message: a retracted -50 must not stretch it.
    writeFileSync(join(root, 'neg.csv'), 'account_id,score\nX,-3\nY,-4\nX,-50\n');
    const negative = JSON.parse(runCli(['plan', '--scores', 'neg.csv', '--max-rejects', '1', '--format', 'json'], { cwd: root }).stdout);
    const unassigned = negative.findings.filter((finding: { rule: string }) => finding.rule === 'unassigned-accounts');
    expect(unassigned[0].message).toMatch(/^2 accounts of neg\.csv \(100\.0%, scores -4 to -3\) fall in no level of 'enterprise-tiers'/);
  });

  it('names bad baselines and missing exports in one sentence', () => {
    const root = makeRepo(exampleFiles);
    for (const [args, message] of [
      [['plan', '--against', 'main'], "levels: --against takes store, none or git:REF (such as git:main or git:HEAD~1), not 'main'.\n"],
      [['plan', '--against', 'git:nope'], "levels: The git ref 'nope' does not exist in this repository.\n"],
      [['plan', '--scores', 'nope.csv'], 'levels: The score export nope.csv does not exist.\n'],
    ] as const) {
      const result = runCli(args, { cwd: root });
      expect(result).toMatchObject({ code: 1, stderr: message });
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });

  it('renders markdown for PR comments', () => {
    const root = makeRepo(exampleFiles);
    raiseTarget(root);
    const result = runCli(['plan', '--scores', 'examples/scores.csv', '--against', 'git:HEAD', '--format', 'markdown'], { cwd: root });
    expect(result.stdout).toMatch(/^### levels plan\n\n📝 \*\*Plan: 1 ruleset to change/);
    expect(result.stdout).toContain('| Target | 5,882 (11.8%) |');
    expect(result.stdout).toContain('```mermaid');
  });
});

describe('levels classify', () => {
  const config = { 'levels/t.yaml': 'kind: LevelRuleset\nid: t\nname: T\nprimary: true\nlevels:\n  - { name: "Top, tier", min: 50 }\n  - { name: Rest, min: 0, max: 49 }\n' };

  it('adds a level column, copying rows byte for byte and quoting only what the delimiter needs', () => {
    const root = makeTree({ ...config, 's.csv': 'account_id;name;score\nA;"x;""y""";60\nB;plain;10\nC;z;-5\n' });
    const result = runCli(['classify', '--scores', 's.csv'], { cwd: root });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('account_id;name;score;level\nA;"x;""y""";60;Top, tier\nB;plain;10;Rest\nC;z;-5;Unassigned\n');
  });

  it('replaces an existing level column, writes JSON Lines back as JSON Lines, and writes --out whole', () => {
    const root = makeTree({ ...config, 's.csv': 'account_id,level,score\nA,old,60\nB,"stale, very",1\n', 's.jsonl': '{"account_id":"A","score":70,"x":[1]}\n' });
    expect(runCli(['classify', '--scores', 's.csv'], { cwd: root }).stdout).toBe('account_id,level,score\nA,"Top, tier",60\nB,Rest,1\n');
    expect(runCli(['classify', '--scores', 's.jsonl'], { cwd: root }).stdout).toBe('{"account_id":"A","score":70,"x":[1],"level":"Top, tier"}\n');
    expect(runCli(['classify', '--scores', 's.csv', '--out', 'out.csv'], { cwd: root })).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(join(root, 'out.csv'), 'utf8')).toBe('account_id,level,score\nA,"Top, tier",60\nB,Rest,1\n');
  });

  it('leaves the --out file untouched when the export is refused', () => {
    const root = makeTree({ ...config, 's.csv': 'account_id,score\nA,bad\n', 'out.csv': 'previous\n' });
    const result = runCli(['classify', '--scores', 's.csv', '--out', 'out.csv'], { cwd: root });
    expect(result.code).toBe(1);
    expect(readFileSync(join(root, 'out.csv'), 'utf8')).toBe('previous\n');
    expect(readdirSync(root).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('requires --scores', () => {
    expect(runCli(['classify'], { cwd: makeTree(config) }).stderr).toMatch(/^levels: required option '-s, --scores <file>' not specified/);
  });
});

describe('levels explain', () => {
  it('says which level every ruleset gives and why, including gaps and later matches', () => {
    const root = makeTree({
      'levels/w.yaml': 'kind: Workspace\nscores: { min: 0, max: 100 }\n',
      'levels/a.yaml': 'kind: LevelRuleset\nid: a\nname: A\nprimary: true\nlevels:\n  - { name: Target, min: 80 }\n  - { name: Broad, min: 0, max: 90 }\n',
      'levels/b.yaml': 'kind: LevelRuleset\nid: b\nname: B\nenabled: false\nlevels:\n  - { name: High, min: 90 }\n  - { name: Low, min: 0, max: 49 }\n',
    });
    const text = runCli(['explain', '85'], { cwd: root });
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      [
        'Score 85, in a domain of 0 to 100 (whole-number scores):',
        '  a (primary): Target',
        "    'Target' (80 and above) is the first level, in the order written, whose range holds 85. 'Broad' (0 to 90) also holds 85, but is written later: the first match wins.",
        '  b (disabled: affects nothing): Unassigned',
        '    85 falls in a gap between levels: no level holds 50 to 89, so the account is Unassigned.',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(runCli(['explain', '-3', '--format', 'json'], { cwd: root }).stdout);
    expect(json.rulesets.map((r: { level: string }) => r.level)).toEqual(['Unassigned', 'Unassigned']);
    expect(json.rulesets[0].reason).toBe('-3 is below every level (the lowest starts at 0), so the account is Unassigned. -3 is outside the score domain, 0 to 100 (whole-number scores).');
    expect(runCli(['explain', 'high'], { cwd: root })).toMatchObject({ code: 1, stderr: "levels: SCORE must be a number such as 82 or 79.5, not 'high'.\n" });
  });
});
