import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apply, plan, UserError } from '../src/index.js';
import { makeRepo } from './helpers/git.js';

const example = Object.fromEntries([
  ...readdirSync('levels').map((name) => [`levels/${name}`, readFileSync(join('levels', name), 'utf8')]),
  ['examples/scores.csv', readFileSync('examples/scores.csv', 'utf8')],
]) as Record<string, string>;

describe('the library', () => {
  it('plans and applies as the CLI does, writing nothing to the console', async () => {
    const cwd = makeRepo(example);
    const env = {};
    const first = await plan({ cwd, env, scores: 'examples/scores.csv' });
    expect(first.baseline).toMatchObject({ kind: 'store', serial: 0 });
    expect(first.summary.text).toBe('Plan: 2 rulesets to create, 7 levels to add; 50,000 of 50,000 accounts move.');
    const result = await apply(first, { cwd, env, scores: 'examples/scores.csv', actor: 'library' });
    expect(result).toMatchObject({ status: 'applied', serial: 1, accountsLoaded: 50_000, accountsChanged: 50_000, record: { actor: 'library' } });
    expect((await plan({ cwd, env })).summary.text).toBe('No changes: the config matches the live store.');
    expect(await apply(first, { cwd, env })).toEqual({ status: 'already-applied', serial: 1 });

    // Planned against an empty store: stale once anything is applied.
    const stale = await plan({ cwd, env, against: 'none' });
    const path = join(cwd, 'levels/enterprise-tiers.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('    min: 80\n', '    min: 85\n').replace('    max: 79\n', '    max: 84\n'));
    const raised = await plan({ cwd, env });
    expect(await apply(raised, { cwd, env })).toMatchObject({ status: 'applied', serial: 2 });
    await expect(apply(stale, { cwd, env })).rejects.toThrow(/^The plan is stale/);
    await expect(apply(stale, { cwd, env })).rejects.toBeInstanceOf(UserError);
    await expect(plan({ cwd, env, scores: 'missing.csv' })).rejects.toThrow(/missing\.csv/);
  });
});
