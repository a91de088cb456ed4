import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { assignLevel } from '../../src/ranges/analysis.js';
import { configHash, snapshotFromApplied } from '../../src/plan/snapshot.js';
import { activeApplied } from '../../src/store/schema.js';
import { openStore } from '../../src/store/open.js';
import { BIN, hasStackTrace, runCli, runCliAsync } from '../helpers/cli.js';
import { makeRepo } from '../helpers/git.js';
import { readOnlyFolder } from '../helpers/mount.js';
import { freshDatabase } from '../helpers/postgres.js';

const tiers = (target: number) =>
  `kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nlevels:\n  - { name: Target, min: ${target}, owner: a }\n  - { name: Qualified, min: 50, max: ${target - 1}, owner: b }\n  - { name: Nurture, min: 0, max: 49, owner: c }\n`;
const workspace = 'kind: Workspace\nscores: { min: 0, max: 100 }\n';

/** An export big enough that an apply takes a while (for killing it mid-way). */
function bigExport(rows: number): string {
  const lines = ['account_id,score'];
  for (let i = 0; i < rows; i++) lines.push(`acc${i},${(i * 7919) % 101}`);
  return `${lines.join('\n')}\n`;
}

interface Driver {
  name: string;
  store(root: string): Promise<string>;
}

const drivers: Driver[] = [
  { name: 'sqlite', store: async (root) => `sqlite:${join(root, 'state.db')}` },
  { name: 'postgres', store: async () => freshDatabase() },
];

/** A killed client's server process may still be finishing (committing or rolling back): wait for it. */
async function settled(url: string): Promise<void> {
  if (!url.startsWith('postgres')) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let tries = 0; tries < 200; tries++) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'levels' AND datname = current_database()`);
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('A killed apply is still connected after 10 seconds.');
  } finally {
    await client.end();
  }
}

/** The store is whole: the serial, the apply log, the tables' config and every account's level agree. */
async function expectConsistent(url: string): Promise<{ serial: number; accounts: number; target: number | undefined }> {
  await settled(url);
  const store = await openStore(url, { base: '/' });
  try {
    const live = await store.read();
    if (live.serial === 0) {
      expect(live.accounts).toBe(0);
      return { serial: 0, accounts: 0, target: undefined };
    }
    expect(live.lastApply?.serial).toBe(live.serial);
    expect(configHash(snapshotFromApplied(live.config)), `${url}: tables ${JSON.stringify(live.config)} vs apply ${live.lastApply?.serial} ${JSON.stringify(live.lastApply?.config)}`).toBe(live.lastApply?.configHash);
    const active = activeApplied(live.config)!;
    let wrong = 0;
    await store.accounts(undefined, (account) => {
      if ((active.levels[assignLevel(active.levels, account.score)]?.name ?? 'Unassigned') !== account.level) wrong++;
    });
    expect(wrong).toBe(0);
    return { serial: live.serial, accounts: live.accounts, target: active.levels[0]!.min };
  } finally {
    await store.close();
  }
}

describe.each(drivers)('faults, against $name', (driver) => {
  it('ten applies of one plan at once: one writes, nine find it already applied', async () => {
    const root = makeRepo({ 'levels/tiers.yaml': tiers(80), 'levels/workspace.yaml': workspace });
    const env = { LEVELS_STORE: await driver.store(root) };
    expect(runCli(['plan', '--out', 'plan.json', '--quiet'], { cwd: root, env }).code).toBe(0);
    const results = await Promise.all(Array.from({ length: 10 }, () => runCliAsync(['apply', 'plan.json'], { cwd: root, env })));
    expect(results.map((result) => result.code)).toEqual(new Array(10).fill(0));
    expect(results.filter((result) => result.stdout.startsWith('Apply complete: serial 1'))).toHaveLength(1);
    expect(results.filter((result) => result.stdout.startsWith('Already applied'))).toHaveLength(9);
    expect(await expectConsistent(env.LEVELS_STORE)).toMatchObject({ serial: 1 });
  }, 120_000);

  it('ten different plans from one baseline at once: exactly one wins, the others are refused as stale', async () => {
    const root = makeRepo({ 'levels/tiers.yaml': tiers(80), 'levels/workspace.yaml': workspace });
    const env = { LEVELS_STORE: await driver.store(root) };
    for (let i = 0; i < 10; i++) {
      writeFileSync(join(root, 'levels/tiers.yaml'), tiers(81 + i));
      expect(runCli(['plan', '--out', `plan-${i}.json`, '--quiet'], { cwd: root, env }).code).toBe(0);
    }
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => runCliAsync(['apply', `plan-${i}.json`], { cwd: root, env })));
    const winners = results.filter((result) => result.code === 0);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((result) => result.code !== 0)) {
      expect(loser.code).toBe(1);
      expect(loser.stderr).toMatch(/^levels: The plan is stale: the live config in .* \(serial 1\) is not the one it was planned against \(serial 0\); plan again against the store\.\n$/);
      expect(hasStackTrace(loser.stderr)).toBe(false);
    }
    const winner = results.indexOf(winners[0]!);
    expect(await expectConsistent(env.LEVELS_STORE)).toEqual({ serial: 1, accounts: 0, target: 81 + winner });
  }, 120_000);

  it('an apply killed at any point leaves the old state or the new one, never a mix', async () => {
    const rows = 60_000;
    const root = makeRepo({ 'levels/tiers.yaml': tiers(80), 'levels/workspace.yaml': workspace, 'scores.csv': bigExport(rows) });
    const env = { ...process.env, NO_COLOR: '1', LEVELS_STORE: await driver.store(root) };
    const apply = (target: number) => {
      writeFileSync(join(root, 'levels/tiers.yaml'), tiers(target));
      expect(runCli(['plan', '--out', 'plan.json', '--quiet'], { cwd: root, env }).code).toBe(0);
      return spawn(process.execPath, [BIN, 'apply', 'plan.json', '--scores', 'scores.csv'], { cwd: root, env, stdio: 'ignore' });
    };
    // How long one apply takes, to kill the others anywhere inside it.
    const started = Date.now();
    await new Promise((resolve) => apply(80).on('exit', resolve));
    const duration = Date.now() - started;
    let state = await expectConsistent(env.LEVELS_STORE);
    expect(state).toEqual({ serial: 1, accounts: rows, target: 80 });
    let killed = 0;
    for (let round = 0; round < 12; round++) {
      const target = state.target === 80 ? 85 : 80;
      const child = apply(target);
      const delay = Math.floor(Math.random() * duration * 1.2);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const code = await exited;
      clearTimeout(timer);
      if (code === null) killed++;
      const after = await expectConsistent(env.LEVELS_STORE);
      // Either nothing happened, or the whole apply did.
      if (after.serial === state.serial) expect(after).toEqual(state);
      else expect(after).toEqual({ serial: state.serial + 1, accounts: rows, target });
      state = after;
    }
    expect(killed).toBeGreaterThan(0);
  }, 300_000);

  it('refuses an edited plan, and a stale one, with a sentence saying what to do', async () => {
    const root = makeRepo({ 'levels/tiers.yaml': tiers(80), 'levels/workspace.yaml': workspace });
    const env = { LEVELS_STORE: await driver.store(root) };
    runCli(['plan', '--out', 'plan.json', '--quiet'], { cwd: root, env });
    const edited = readFileSync(join(root, 'plan.json'), 'utf8').replace('"min": 80', '"min": 70');
    writeFileSync(join(root, 'edited.json'), edited);
    expect(runCli(['apply', 'edited.json'], { cwd: root, env })).toMatchObject({
      code: 1,
      stderr: 'levels: edited.json has been edited since levels wrote it (its checksum no longer matches); plan again rather than edit a plan.\n',
    });
    expect(runCli(['apply', 'plan.json'], { cwd: root, env }).code).toBe(0);
    writeFileSync(join(root, 'levels/tiers.yaml'), tiers(85));
    runCli(['plan', '--out', 'plan-85.json', '--quiet', '--against', 'none'], { cwd: root, env });
    const stale = runCli(['apply', 'plan-85.json'], { cwd: root, env });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/^levels: The plan is stale: .*\(an empty store\); plan again against the store\.\n$/);
    expect(await expectConsistent(env.LEVELS_STORE)).toMatchObject({ serial: 1, target: 80 });
  }, 60_000);

  it('says the store is locked when another apply holds it, and writes nothing', async () => {
    const root = makeRepo({ 'levels/tiers.yaml': tiers(80), 'levels/workspace.yaml': workspace });
    const url = await driver.store(root);
    const env = { LEVELS_STORE: url };
    runCli(['apply', '--yes'], { cwd: root, env }); // Creates the tables.
    writeFileSync(join(root, 'levels/tiers.yaml'), tiers(85));
    const release = await holdLock(driver.name, url);
    try {
      const result = await runCliAsync(['apply', '--yes', '--lock-timeout', '1'], { cwd: root, env });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^levels: The store .* is locked by another apply; nothing was applied\. Try again when it has finished\.\n$/);
    } finally {
      await release();
    }
    expect(await expectConsistent(url)).toMatchObject({ serial: 1, target: 80 });
  }, 60_000);
});

/** Takes the store's apply lock as another apply would, until released. */
async function holdLock(driver: string, url: string): Promise<() => Promise<void>> {
  if (driver === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length));
    db.exec('BEGIN IMMEDIATE');
    return async () => {
      db.exec('ROLLBACK');
      db.close();
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT pg_advisory_xact_lock($1)', [0x1e7e15]);
  return async () => {
    await client.query('ROLLBACK');
    await client.end();
  };
}

describe('stores that cannot be reached or opened', () => {
  it('an unreachable server, a wrong password and a bad URL: one sentence each, no password anywhere', async () => {
    const root = makeRepo({ 'levels/tiers.yaml': tiers(80), 'levels/workspace.yaml': workspace });
    const good = new URL(await freshDatabase());
    const wrongPassword = new URL(good);
    wrongPassword.password = 'not-the-password-4711';
    const unreachable = 'postgres://levels:hunter2-secret@127.0.0.1:1/levels';
    const cases = [
      [unreachable, /^levels: The store postgres:\/\/levels:\*\*\*@127\.0\.0\.1:1\/levels refused the connection: is the server running, and is the host and port right\?\n$/],
      [wrongPassword.toString(), /^levels: The store postgres:\/\/levels:\*\*\*@.* refused the credentials: check the user name and password \(set them in LEVELS_STORE, not in git\)\.\n$/],
      ['mysql://user:pw@host/db', /^levels: The store URL 'mysql:\/\/user:\*\*\*@host\/db' is neither sqlite:PATH nor postgres:\/\/\.\.\.; set --store, LEVELS_STORE or the Workspace's store\.\n$/],
    ] as const;
    for (const [url, message] of cases) {
      for (const args of [['plan', '--against', 'store'], ['apply', '--yes'], ['store', 'status']]) {
        const result = runCli(args, { cwd: root, env: { LEVELS_STORE: url } });
        expect(result.code, `${args.join(' ')} with ${url}`).toBe(1);
        expect(result.stderr).toMatch(message);
        for (const secret of ['hunter2-secret', 'not-the-password-4711', 'test-password', ':pw@']) {
          expect(result.stdout + result.stderr).not.toContain(secret);
        }
      }
    }
  }, 60_000);

  it('a store file that is not a database, and one that cannot be written', async () => {
    const root = makeRepo({ 'levels/tiers.yaml': tiers(80), 'levels/workspace.yaml': workspace, 'junk.db': 'this is not sqlite\n'.repeat(100) });
    const junk = runCli(['store', 'status', '--store', 'sqlite:junk.db'], { cwd: root });
    expect(junk).toMatchObject({ code: 1, stderr: 'levels: sqlite:junk.db is not a levels store (not a SQLite database, or a damaged one).\n' });

    const folder = readOnlyFolder((dir) => expect(runCli(['apply', '--yes', '--store', `sqlite:${join(dir, 'state.db')}`], { cwd: root }).code).toBe(0));
    try {
      const store = `sqlite:${join(folder.dir, 'state.db')}`;
      expect(runCli(['store', 'status', '--store', store], { cwd: root }).stdout).toContain('Serial: 1');
      writeFileSync(join(root, 'levels/tiers.yaml'), tiers(85));
      const readOnly = runCli(['apply', '--yes', '--store', store], { cwd: root });
      expect(readOnly.code).toBe(1);
      expect(readOnly.stderr).toMatch(/^levels: The store sqlite:.* cannot be written \(.*\); nothing was applied\.\n$/);
      expect(await expectConsistent(store)).toMatchObject({ serial: 1, target: 80 });
    } finally {
      folder.release();
    }
  }, 60_000);
});
