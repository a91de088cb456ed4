import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../errors.js';
import type { AppliedConfig } from '../../plan/generated/types.js';
import { StoreError, describeStoreError } from '../errors.js';
import { EMPTY_CONFIG, MIGRATIONS, SCHEMA_VERSION, configFromRows, levelExpression, levelNameExpression, scoresMeta, type LevelRow, type RulesetRow } from '../schema.js';
import type { AccountChange, AccountWriter, ApplyRecord, LiveState, Store, StoreTransaction, StoredAccount } from '../types.js';
import { CHANGES, applyRecord, changeOf, type ApplyRow, type ChangeRow } from './rows.js';
import { redactUrl } from '../url.js';

type Database = BetterSqlite3.Database;

/** Rows per multi-row INSERT: one statement per 250 accounts, not one per account. */
const BATCH = 250;
/** The page cache of an apply: 64 MiB (negative: in KiB). */
const APPLY_CACHE = -65_536;

export interface SqliteOptions {
  /** How long an apply waits for another to finish before giving up (milliseconds). */
  lockTimeout?: number;
}

/**
 * The embedded store: one SQLite file, created by the first apply. Applies take SQLite's write
 * lock (BEGIN IMMEDIATE, waiting up to the lock timeout) and write in one transaction with a
 * rollback journal and synchronous=FULL, so a crash leaves the old state or the new one.
 */
export async function openSqlite(path: string, url: string, options: SqliteOptions = {}): Promise<Store> {
  let Driver: typeof BetterSqlite3;
  try {
    Driver = (await import('better-sqlite3')).default;
  } catch {
    throw new StoreError(`The embedded store (${url}) needs the better-sqlite3 module, which is not installed here; use a postgres:// store.`);
  }
  return new SqliteStore(Driver, path, url, options.lockTimeout ?? 30_000);
}

class SqliteStore implements Store {
  readonly url: string;
  private db: Database | undefined;

  constructor(
    private readonly Driver: typeof BetterSqlite3,
    private readonly path: string,
    url: string,
    private readonly lockTimeout: number,
  ) {
    this.url = redactUrl(url);
  }

  /** The connection; a store that does not exist is only created when `create` (for an apply). */
  private connect(create: boolean): Database | undefined {
    if (this.db) return this.db;
    if (!create && !existsSync(this.path)) return undefined;
    try {
      if (create && !existsSync(dirname(this.path))) {
        // A folder made for the store keeps itself out of git: the store is state, not config.
        mkdirSync(dirname(this.path), { recursive: true });
        writeFileSync(join(dirname(this.path), '.gitignore'), '# Written by levels: the live store is state, not config.\n*\n');
      }
      const db = new this.Driver(this.path, { fileMustExist: !create, timeout: this.lockTimeout });
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = FULL');
      this.db = db;
      return db;
    } catch (error) {
      throw describeStoreError(error, this.url);
    }
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw describeStoreError(error, this.url);
    }
  }

  private schemaVersion(db: Database): number {
    const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'levels_meta'`).get();
    if (!table) return 0;
    const row = db.prepare(`SELECT value FROM levels_meta WHERE key = 'schema_version'`).get() as { value: string } | undefined;
    const version = Number(row?.value ?? 0);
    if (version > SCHEMA_VERSION) throw new StoreError(`The store ${this.url} has table layout version ${version}, newer than this levels knows (${SCHEMA_VERSION}); upgrade levels.`);
    return version;
  }

  private meta(db: Database): Map<string, string> {
    return new Map((db.prepare('SELECT key, value FROM levels_meta').all() as { key: string; value: string }[]).map((row) => [row.key, row.value]));
  }

  private readConfig(db: Database): AppliedConfig {
    const rulesets = db.prepare('SELECT id, name, description, enabled, is_primary FROM levels_rulesets').all() as RulesetRow[];
    const levels = db.prepare('SELECT * FROM levels_levels').all() as LevelRow[];
    return configFromRows(rulesets, levels, this.meta(db));
  }

  async read(): Promise<LiveState> {
    return this.guard(() => {
      const db = this.connect(false);
      const empty: LiveState = { serial: 0, config: EMPTY_CONFIG, lastApply: undefined, schemaVersion: 0, accounts: 0 };
      if (!db) return empty;
      // One read transaction: a commit cannot land between the statements.
      return db.transaction((): LiveState => {
        const version = this.schemaVersion(db);
        if (version === 0) return empty;
        const meta = this.meta(db);
        const last = db.prepare('SELECT * FROM levels_applies ORDER BY serial DESC LIMIT 1').get() as ApplyRow | undefined;
        const accounts = (db.prepare('SELECT count(*) AS n FROM levels_accounts').get() as { n: number }).n;
        return { serial: Number(meta.get('serial') ?? 0), config: this.readConfig(db), lastApply: last ? applyRecord(last) : undefined, schemaVersion: version, accounts };
      })();
    });
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const db = this.guard(() => this.connect(true)!);
    // A page cache that holds the accounts' tree of a million accounts, so loading an export
    // that is not in id order rereads no page it wrote moments before.
    this.guard(() => db.pragma(`cache_size = ${APPLY_CACHE}`));
    this.guard(() => db.exec('BEGIN IMMEDIATE'));
    try {
      this.guard(() => this.migrate(db));
      const result = await work(this.transactionOn(db));
      this.guard(() => db.exec('COMMIT'));
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error instanceof UserError ? error : describeStoreError(error, this.url);
    }
  }

  private migrate(db: Database): void {
    const current = this.schemaVersion(db);
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      db.exec(migration.sql.sqlite);
      db.prepare(`INSERT INTO levels_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(String(migration.version));
    }
  }

  private transactionOn(db: Database): StoreTransaction {
    /** Whether the accounts table was empty when this apply began loading. */
    let fresh = false;
    const setMeta = db.prepare('INSERT INTO levels_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    return {
      readConfig: async () => this.readConfig(db),
      serial: async () => Number((db.prepare(`SELECT value FROM levels_meta WHERE key = 'serial'`).get() as { value: string } | undefined)?.value ?? 0),
      writeConfig: async (config) => {
        db.exec('DELETE FROM levels_levels; DELETE FROM levels_rulesets;');
        const ruleset = db.prepare('INSERT INTO levels_rulesets (id, name, description, enabled, is_primary) VALUES (?, ?, ?, ?, ?)');
        const level = db.prepare('INSERT INTO levels_levels (ruleset_id, position, name, min, max, color, expected_share, owner, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const r of config.rulesets) {
          ruleset.run(r.id, r.name, r.description ?? null, r.enabled ? 1 : 0, r.primary ? 1 : 0);
          r.levels.forEach((l, i) => level.run(r.id, i, l.name, l.min, l.max ?? null, l.color ?? null, l.expected_share ?? null, l.owner ?? null, l.description ?? null));
        }
        for (const [key, value] of scoresMeta(config)) setMeta.run(key, value);
      },
      accounts: async (serial, levels) => {
        const s = Number(serial);
        fresh = !db.prepare('SELECT 1 FROM levels_accounts LIMIT 1').get();
        const columns = 'levels_accounts (account_id, score, level, level_since, updated_serial, first_serial)';
        const levelName = levelNameExpression(levels, 'level');
        if (fresh) {
          // Into an empty store, the first row of an id wins by OR IGNORE (which, unlike an upsert
          // clause, needs no statement journal; no row of ours can break another constraint).
          // Rows bind the id, the score and the level's position; SQL writes the name.
          return batchedWriter(db, (count) =>
            `INSERT OR IGNORE INTO ${columns}
             SELECT column1, column2, ${levelNameExpression(levels, 'column3')}, ${s}, ${s}, ${s}
             FROM (VALUES ${new Array(count).fill('(?, ?, ?)').join(', ')})`,
          );
        }
        // Otherwise the export is staged (keyed by record, so a retracted row is taken out) and
        // merged in one statement that rewrites only the accounts whose score or level changed.
        db.exec('DROP TABLE IF EXISTS temp.levels_staged');
        db.exec('CREATE TEMP TABLE levels_staged (record INTEGER PRIMARY KEY, account_id TEXT NOT NULL, score REAL NOT NULL, level INTEGER NOT NULL)');
        const staged = batchedWriter(db, (count) => `INSERT INTO temp.levels_staged VALUES ${new Array(count).fill('(?, ?, ?, ?)').join(', ')}`, true);
        const unstage = db.prepare('DELETE FROM temp.levels_staged WHERE record = ?');
        return {
          ...staged,
          remove: (record) => {
            unstage.run(record);
          },
          finish: async () => {
            await staged.finish();
            db.exec(
              `INSERT INTO ${columns}
               SELECT account_id, score, ${levelName}, ${s}, ${s}, ${s} FROM temp.levels_staged WHERE true
               ON CONFLICT (account_id) DO UPDATE SET previous_level = levels_accounts.level, score = excluded.score,
                 first_level = coalesce(levels_accounts.first_level, levels_accounts.level), first_score = coalesce(levels_accounts.first_score, levels_accounts.score),
                 level_since = CASE WHEN levels_accounts.level IS excluded.level THEN levels_accounts.level_since ELSE excluded.level_since END,
                 level = excluded.level, updated_serial = excluded.updated_serial
               WHERE levels_accounts.score IS NOT excluded.score OR levels_accounts.level IS NOT excluded.level`,
            );
            db.exec('DROP TABLE temp.levels_staged');
          },
        };
      },
      reclassify: async (serial, active) => {
        const s = Number(serial);
        const added = () => (db.prepare(`SELECT count(*) AS n FROM levels_accounts WHERE first_serial = ${s}`).get() as { n: number }).n;
        // Accounts loaded into an empty store are all new: nothing else to look at.
        if (fresh) return added();
        const level = levelExpression(active);
        // Accounts of this apply's export that were known and changed level.
        const changed = db
          .prepare(
            `INSERT INTO levels_account_changes (serial, account_id, from_level, to_level, score)
             SELECT ${s}, account_id, previous_level, level, score FROM levels_accounts
             WHERE updated_serial = ${s} AND first_serial < ${s} AND previous_level IS NOT level`,
          )
          .run().changes;
        // Every other account (those of the export that did not change too): its stored score under the new config.
        const moved = db
          .prepare(
            `INSERT INTO levels_account_changes (serial, account_id, from_level, to_level, score)
             SELECT ${s}, account_id, level, new_level, score
             FROM (SELECT account_id, level, score, ${level} AS new_level FROM levels_accounts WHERE updated_serial < ${s}) WHERE new_level IS NOT level`,
          )
          .run().changes;
        if (moved > 0) {
          db.prepare(
            `UPDATE levels_accounts SET previous_level = level, first_level = coalesce(first_level, level), first_score = coalesce(first_score, score),
             level = ${level}, level_since = ${s} WHERE updated_serial < ${s} AND level IS NOT ${level}`,
          ).run();
        }
        return changed + moved + added();
      },
      recordApply: async (record) => {
        db.prepare(
          `INSERT INTO levels_applies (serial, applied_at, actor, git_commit, config_hash, plan_hash, export_sha256, summary, config, accounts_changed)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(record.serial, record.appliedAt, record.actor, record.gitCommit ?? null, record.configHash, record.planHash ?? null, record.exportSha256 ?? null, record.summary, JSON.stringify(record.config), record.accountsChanged);
        setMeta.run('serial', String(record.serial));
      },
    };
  }

  async history(limit: number): Promise<ApplyRecord[]> {
    return this.guard(() => {
      const db = this.connect(false);
      if (!db || this.schemaVersion(db) === 0) return [];
      return (db.prepare('SELECT * FROM levels_applies ORDER BY serial DESC LIMIT ?').all(limit) as ApplyRow[]).map(applyRecord);
    });
  }

  async changes(since: number, visit: (change: AccountChange) => void): Promise<void> {
    this.guard(() => {
      const db = this.connect(false);
      if (!db || this.schemaVersion(db) === 0) return;
      const rows = db.prepare(`${CHANGES} ORDER BY c.serial, c.account_id`).iterate(since, since) as IterableIterator<ChangeRow>;
      for (const row of rows) visit(changeOf(row));
    });
  }

  async accounts(level: string | undefined, visit: (account: StoredAccount) => void): Promise<void> {
    this.guard(() => {
      const db = this.connect(false);
      if (!db || this.schemaVersion(db) === 0) return;
      const statement = level === undefined
        ? db.prepare('SELECT account_id, score, level, level_since FROM levels_accounts ORDER BY account_id')
        : db.prepare('SELECT account_id, score, level, level_since FROM levels_accounts WHERE level = ? ORDER BY account_id');
      const rows = (level === undefined ? statement.iterate() : statement.iterate(level)) as IterableIterator<AccountRow>;
      for (const row of rows) visit({ accountId: row.account_id, score: row.score, level: row.level, levelSince: Number(row.level_since) });
    });
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
  }
}

/**
 * An AccountWriter that runs a multi-row statement per BATCH rows (`statement(n)`: the SQL for n
 * rows), binding each row's id, score and level position, and its record number first when
 * `withRecord`.
 */
function batchedWriter(db: Database, statement: (rows: number) => string, withRecord = false): AccountWriter {
  const width = withRecord ? 4 : 3;
  const many = db.prepare(statement(BATCH));
  let batch: unknown[] = [];
  return {
    add: (record, accountId, score, level) => {
      if (withRecord) batch.push(record, accountId, score, level);
      else batch.push(accountId, score, level);
      if (batch.length === BATCH * width) {
        many.run(batch);
        batch = [];
      }
    },
    remove: () => undefined,
    drain: async () => undefined,
    finish: async () => {
      if (batch.length > 0) db.prepare(statement(batch.length / width)).run(batch);
      batch = [];
    },
  };
}

interface AccountRow {
  account_id: string;
  score: number;
  level: string;
  level_since: number | string;
}
