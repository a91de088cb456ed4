import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { readExport } from '../../src/exports/reader.js';
import { parseConfig } from '../../src/model/load.js';
import { storeBaseline } from '../../src/plan/baseline.js';
import { computePlan, type Plan } from '../../src/plan/compute.js';
import { applyPlan } from '../../src/store/apply.js';
import { openStore } from '../../src/store/open.js';
import { EMPTY_CONFIG } from '../../src/store/schema.js';
import type { Store } from '../../src/store/types.js';
import { freshDatabase, sql } from '../helpers/postgres.js';
import { makeTree } from '../helpers/tree.js';

const ruleset = (target: number, primary = true) =>
  `kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: ${primary}\nlevels:\n  - { name: Target, min: ${target}, owner: a }\n  - { name: Qualified, min: 50, max: ${target - 1}, owner: b }\n  - { name: Nurture, min: 0, max: 49, owner: c }\n`;
const files = (target: number) => [
  { path: 'levels/tiers.yaml', content: ruleset(target) },
  { path: 'levels/workspace.yaml', content: 'kind: Workspace\nscores: { min: 0, max: 100 }\n' },
];

/** A plan of the config against the store, as `levels plan --against store` makes it. */
async function planAgainst(store: Store, target: number): Promise<Plan> {
  const baseline = await storeBaseline(store).load();
  return computePlan({ proposed: parseConfig(files(target), { folder: 'levels' }), source: { source: 'working-tree' }, baseline, toolVersion: 'test', createdAt: '2026-01-01T00:00:00Z' });
}

const options = { actor: 'tester', now: '2026-01-02T03:04:05.000Z' };

interface Driver {
  name: string;
  /** A URL for a store that does not exist yet, and a way to run SQL on it behind levels' back. */
  create(): Promise<{ url: string; exec(statement: string): Promise<void>; exists(): boolean }>;
}

const drivers: Driver[] = [
  {
    name: 'sqlite',
    async create() {
      const path = join(makeTree({}), 'nested', 'state.db');
      return {
        url: `sqlite:${path}`,
        exec: async (statement) => {
          const db = new Database(path);
          db.exec(statement);
          db.close();
        },
        exists: () => existsSync(path),
      };
    },
  },
  {
    name: 'postgres',
    async create() {
      const url = await freshDatabase();
      return { url, exec: async (statement) => void (await sql(url, statement)), exists: () => true };
    },
  },
];

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function open(url: string): Promise<Store> {
  const store = await openStore(url, { base: '/' });
  opened.push(store);
  return store;
}

describe.each(drivers)('the $name store', (driver) => {
  it('reads as empty before the first apply, and reading creates nothing', async () => {
    const target = await driver.create();
    const store = await open(target.url);
    expect(await store.read()).toEqual({ serial: 0, config: EMPTY_CONFIG, lastApply: undefined, schemaVersion: 0, accounts: 0 });
    expect(await store.history(10)).toEqual([]);
    if (driver.name === 'sqlite') expect(target.exists()).toBe(false);
  });

  it('applies a plan: config, serial and apply log; then a plan against it has no changes', async () => {
    const store = await open((await driver.create()).url);
    const plan = await planAgainst(store, 80);
    expect(plan.baseline).toMatchObject({ kind: 'store', serial: 0 });
    const result = await applyPlan(store, plan, options);
    expect(result).toMatchObject({ status: 'applied', serial: 1, accountsChanged: 0 });
    const live = await store.read();
    expect(live.serial).toBe(1);
    expect(live.schemaVersion).toBe(1);
    expect(live.config).toEqual(plan.proposed);
    expect(live.lastApply).toEqual({
      serial: 1,
      appliedAt: options.now,
      actor: 'tester',
      gitCommit: undefined,
      configHash: plan.config.hash,
      planHash: plan.checksum,
      exportSha256: undefined,
      summary: 'Plan: 1 ruleset to create, 3 levels to add.',
      config: plan.proposed,
      accountsChanged: 0,
    });
    const again = await planAgainst(store, 80);
    expect(again.changes).toEqual([]);
    expect(again.baseline.hash).toBe(plan.config.hash);
    expect(again.summary.text).toBe('No changes: the config matches the live store.');
  });

  it('reports a plan whose target is live as already applied, and writes nothing', async () => {
    const store = await open((await driver.create()).url);
    const plan = await planAgainst(store, 80);
    await applyPlan(store, plan, options);
    expect(await applyPlan(store, plan, { ...options, now: '2030-01-01T00:00:00Z' })).toEqual({ status: 'already-applied', serial: 1 });
    expect((await store.history(10)).map((record) => record.serial)).toEqual([1]);
  });

  it('refuses a stale plan and changes nothing', async () => {
    const store = await open((await driver.create()).url);
    const first = await planAgainst(store, 80);
    const second = await planAgainst(store, 85); // Also planned against the empty store.
    await applyPlan(store, first, options);
    await expect(applyPlan(store, second, options)).rejects.toThrow(/^The plan is stale: the live config in .* \(serial 1\) is not the one it was planned against \(serial 0\); plan again against the store\.$/);
    expect((await store.read()).config).toEqual(first.proposed);
  });

  it('refuses a blocked plan before touching the store', async () => {
    const store = await open((await driver.create()).url);
    const plan = await planAgainst(store, 80);
    const blocked = { ...plan, summary: { ...plan.summary, blocked: true, errors: 1 } };
    await expect(applyPlan(store, blocked, options)).rejects.toThrow(/^The plan is blocked by 1 error finding; fix the config and plan again\.$/);
    expect((await store.read()).serial).toBe(0);
  });

  it('loads accounts (duplicates retracted), reclassifies them on every apply and records each change', async () => {
    const store = await open((await driver.create()).url);
    const root = makeTree({ 'a.csv': 'account_id,score\nA,82\nB,81\nC,10\nB,99\n', 'b.csv': 'account_id,score\nA,82\nD,55\n' });
    const scores = (file: string) => ({
      path: file,
      sha256: Promise.resolve(createHash('sha256').update(readFileSync(join(root, file))).digest('hex')),
      load: (sink: Parameters<typeof readExport>[2]) => readExport(file, root, sink),
    });
    const first = await applyPlan(store, await planAgainst(store, 80), { ...options, scores: scores('a.csv') });
    expect(first).toMatchObject({ status: 'applied', serial: 1, accountsLoaded: 3, accountsChanged: 3 });
    const second = await applyPlan(store, await planAgainst(store, 82), options);
    expect(second).toMatchObject({ status: 'applied', serial: 2, accountsChanged: 1 });
    // Unchanged config, new scores: the accounts are refreshed under serial 3.
    const third = await applyPlan(store, await planAgainst(store, 82), { ...options, scores: scores('b.csv') });
    expect(third).toMatchObject({ status: 'applied', serial: 3, accountsLoaded: 2, accountsChanged: 1 });
    expect(third.status === 'applied' && third.record.summary).toBe('Accounts refreshed from b.csv.');
    // The same export again: already applied.
    expect(await applyPlan(store, await planAgainst(store, 82), { ...options, scores: scores('b.csv') })).toEqual({ status: 'already-applied', serial: 3 });

    const accounts: unknown[] = [];
    await store.accounts(undefined, (account) => accounts.push(account));
    expect(accounts).toEqual([
      { accountId: 'A', score: 82, level: 'Target', levelSince: 1 },
      { accountId: 'B', score: 81, level: 'Qualified', levelSince: 2 },
      { accountId: 'C', score: 10, level: 'Nurture', levelSince: 1 },
      { accountId: 'D', score: 55, level: 'Qualified', levelSince: 3 },
    ]);
    const qualified: string[] = [];
    await store.accounts('Qualified', (account) => qualified.push(account.accountId));
    expect(qualified).toEqual(['B', 'D']);
    const changes: unknown[] = [];
    await store.changes(1, (change) => changes.push({ serial: change.serial, account: change.accountId, from: change.from, to: change.to }));
    expect(changes).toEqual([
      { serial: 2, account: 'B', from: 'Target', to: 'Qualified' },
      { serial: 3, account: 'D', from: null, to: 'Qualified' },
    ]);
    expect((await store.read()).accounts).toBe(4);
  });

  it('keeps any account id exactly, on a first load and a refresh, and lists ids in byte order', async () => {
    const store = await open((await driver.create()).url);
    const awkward = ['b', 'B', 'a\tb', 'back\\slash', 'line\nbreak', 'cr\rid', 'comma, "quoted"', '\\.', 'é', 'ﬀ', '😀', 'Z'];
    const csv = (ids: string[], score: number) => `account_id,score\n${ids.map((id) => `"${id.replace(/"/g, '""')}",${score}`).join('\n')}\n`;
    const root = makeTree({ 'first.csv': csv(awkward.slice(0, 6), 90), 'second.csv': csv(awkward, 60) });
    const scores = (file: string) => ({
      path: file,
      sha256: Promise.resolve(createHash('sha256').update(readFileSync(join(root, file))).digest('hex')),
      load: (sink: Parameters<typeof readExport>[2]) => readExport(file, root, sink),
    });
    await applyPlan(store, await planAgainst(store, 80), { ...options, scores: scores('first.csv') });
    await applyPlan(store, await planAgainst(store, 80), { ...options, scores: scores('second.csv') });
    const listed: [string, string][] = [];
    await store.accounts(undefined, (account) => listed.push([account.accountId, account.level]));
    const byBytes = [...awkward].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(listed).toEqual(byBytes.map((id) => [id, 'Qualified']));
    const changes: string[] = [];
    await store.changes(1, (change) => changes.push(`${change.accountId}: ${change.from} → ${change.to}`));
    expect(changes).toEqual(byBytes.map((id) => `${id}: ${awkward.slice(0, 6).includes(id) ? 'Target' : 'null'} → Qualified`));
  });

  it('lists what was changed in the store outside levels as drift, and the plan undoes it', async () => {
    const target = await driver.create();
    const store = await open(target.url);
    await applyPlan(store, await planAgainst(store, 80), options);
    await target.exec(`UPDATE levels_levels SET min = 90 WHERE name = 'Target'`);
    await target.exec(`INSERT INTO levels_rulesets (id, name, enabled, is_primary) VALUES ('rogue', 'Rogue', ${driver.name === 'sqlite' ? 1 : 'true'}, ${driver.name === 'sqlite' ? 0 : 'false'})`);
    const baseline = storeBaseline(store);
    expect(await baseline.drift()).toEqual([
      { ruleset: 'rogue', message: 'added to the store outside levels since apply 1' },
      { ruleset: 'tiers', level: 'Target', message: 'min 80 → 90, outside levels since apply 1' },
    ]);
    const plan = await planAgainst(store, 80);
    expect(plan.changes.map((change) => [change.ruleset, change.action])).toEqual([
      ['rogue', 'delete'],
      ['tiers', 'update'],
    ]);
    expect(plan.changes[1]!.levels[0]).toMatchObject({ level: 'Target', fields: ['min'], before: { min: 90 }, after: { min: 80 } });
  });
});
