import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeRepo } from '../helpers/git.js';
import { freshDatabase } from '../helpers/postgres.js';

const example = Object.fromEntries([
  ...readdirSync('levels').map((name) => [`levels/${name}`, readFileSync(join('levels', name), 'utf8')]),
  ['schema/levels.schema.json', readFileSync('schema/levels.schema.json', 'utf8')],
  ['examples/scores.csv', readFileSync('examples/scores.csv', 'utf8')],
]) as Record<string, string>;

const raiseTarget = (root: string) => {
  const path = join(root, 'levels/enterprise-tiers.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace('    min: 80\n', '    min: 85\n').replace('    max: 79\n', '    max: 84\n'));
};

const scores = readFileSync('examples/scores.csv', 'utf8').trim().split('\n').slice(1).map((line) => Number(line.split(',').at(-2)));

interface Target {
  name: string;
  env(): Promise<Record<string, string>>;
}

const targets: Target[] = [
  { name: 'the embedded store (default)', env: async () => ({}) },
  { name: 'PostgreSQL (LEVELS_STORE)', env: async () => ({ LEVELS_STORE: await freshDatabase() }) },
];

describe.each(targets)('the README flow against $name', ({ name, env: makeEnv }) => {
  it('applies the example, shows no changes, plans and applies a threshold change, and reads the log', async () => {
    const root = makeRepo(example);
    const env = await makeEnv();
    const run = (...args: string[]) => runCli(args, { cwd: root, env });

    // Nothing applied yet: the plan against the store creates everything.
    const first = run('plan', '--scores', 'examples/scores.csv');
    expect(first.stdout).toContain('Nothing has been applied to');
    expect(first.stdout).toMatch(/Plan: 2 rulesets to create, 7 levels to add; 50,000 of 50,000 accounts move\.\n$/);

    const applied = run('apply', '--scores', 'examples/scores.csv', '--yes');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Apply complete: serial 1 in .*\. Plan: 2 rulesets to create, 7 levels to add; 50,000 of 50,000 accounts move\. 50,000 accounts loaded; 50,000 changed level\.\n$/);
    if (name.includes('embedded')) {
      expect(existsSync(join(root, '.levels/state.db'))).toBe(true);
      expect(readFileSync(join(root, '.levels/.gitignore'), 'utf8')).toContain('*');
    }

    expect(run('plan', '--scores', 'examples/scores.csv', '--detailed-exitcode')).toMatchObject({ code: 0 });
    expect(run('plan').stdout).toMatch(/No changes: the config matches the live store\.\n$/);

    raiseTarget(root);
    const moving = scores.filter((score) => score >= 80 && score < 85).length.toLocaleString('en-US');
    const planned = run('plan', '--scores', 'examples/scores.csv', '--out', 'plan.json', '--detailed-exitcode');
    expect(planned.code).toBe(2);
    expect(planned.stdout).toContain(`levels plan: levels against the live store (serial 1)`);
    expect(planned.stdout).toContain(`${moving} of 50,000 accounts move.`);

    // As the README does: the plan alone; the stored accounts are reclassified by their stored scores.
    const second = run('apply', 'plan.json');
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toContain(`Apply complete: serial 2`);
    expect(second.stdout).toContain(`${moving} stored accounts changed level.`);
    expect(run('apply', 'plan.json')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Already applied: .* holds this config at serial 2; nothing was written\.\n$/) });

    const history = JSON.parse(run('store', 'history', '--format', 'json').stdout);
    expect(history.applies.map((entry: { serial: number }) => entry.serial)).toEqual([2, 1]);
    expect(history.applies[0]).toMatchObject({ actor: expect.any(String), summary: expect.stringContaining(`${moving} of 50,000 accounts move`) });
    expect(history.applies[1].git_commit).toMatch(/^[0-9a-f]{40}$/);

    const status = run('store', 'status');
    expect(status.stdout).toMatch(/Serial: 2 \(table layout version 1\)\n/);
    expect(status.stdout).toContain('Accounts: 50,000');

    const changes = run('accounts', 'changes', '--since', '1').stdout.trim().split('\n');
    expect(changes[0]).toBe('serial,applied_at,account_id,from_level,to_level,score');
    expect(changes).toHaveLength(scores.filter((score) => score >= 80 && score < 85).length + 1);
    expect(changes[1]).toMatch(/^2,\d{4}-.*,acc_\d+,Target,Qualified,8[0-4]$/);
    const jsonl = run('accounts', 'list', '--level', 'Target', '--format', 'jsonl').stdout.trim().split('\n');
    expect(jsonl).toHaveLength(scores.filter((score) => score >= 85).length);
    expect(JSON.parse(jsonl[0]!)).toMatchObject({ level: 'Target', level_since: 1 });

    // Import the live config elsewhere: it plans to no changes.
    expect(run('import', '--out', 'imported').code).toBe(0);
    expect(readdirSync(join(root, 'imported')).sort()).toEqual(['enterprise-tiers.yaml', 'lifecycle.yaml', 'workspace.yaml']);
    expect(readFileSync(join(root, 'imported/enterprise-tiers.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/levels\.schema\.json\nkind: LevelRuleset\nid: enterprise-tiers\n/);
    expect(run('plan', '--config', 'imported').stdout).toMatch(/No changes: the config matches the live store\.\n$/);
    expect(run('lint', '--config', 'imported').code).toBe(0);
  });
});

describe('choosing a store', () => {
  it('puts the embedded store at the repository root, wherever the command runs', () => {
    const root = makeRepo(example);
    expect(runCli(['apply', '--yes', '--config', '.'], { cwd: join(root, 'levels') }).code).toBe(0);
    expect(existsSync(join(root, '.levels/state.db'))).toBe(true);
    expect(existsSync(join(root, 'levels/.levels'))).toBe(false);
  });

  it('takes --store before LEVELS_STORE before the Workspace', () => {
    const root = makeRepo(example);
    const env = { LEVELS_STORE: 'sqlite:from-env.db' };
    expect(runCli(['apply', '--yes', '--store', 'sqlite:from-flag.db'], { cwd: root, env }).code).toBe(0);
    expect(runCli(['apply', '--yes'], { cwd: root, env }).code).toBe(0);
    expect(['from-flag.db', 'from-env.db'].map((file) => existsSync(join(root, file)))).toEqual([true, true]);
    expect(existsSync(join(root, '.levels/state.db'))).toBe(false);
  });

  it('compares with git when no store is set up, and with the store once one is', () => {
    const root = makeRepo({ ...example, 'levels/workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100 }\n' });
    expect(runCli(['plan'], { cwd: root }).stdout).toMatch(/^levels plan: levels against git HEAD/);
    runCli(['apply', '--yes'], { cwd: root });
    expect(runCli(['plan'], { cwd: root }).stdout).toMatch(/^levels plan: levels against the live store \(serial 1\)/);
  });

  it('asks before applying on a terminal, and needs --yes without one', () => {
    const root = makeRepo(example);
    const refused = runCli(['apply'], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe("levels: levels apply asks before it writes, and there is no terminal to ask on: pass --yes, or apply a saved plan file (levels plan --out plan.json, then levels apply plan.json).\n");
    expect(existsSync(join(root, '.levels/state.db'))).toBe(false);
  });
});
