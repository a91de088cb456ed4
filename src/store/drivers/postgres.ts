import type { Client as PgClient, ClientConfig } from 'pg';
import { UserError } from '../../errors.js';
import type { AppliedConfig } from '../../plan/generated/types.js';
import { StoreError, describeStoreError } from '../errors.js';
import { EMPTY_CONFIG, MIGRATIONS, SCHEMA_VERSION, configFromRows, levelExpression, scoresMeta, type LevelRow, type RulesetRow } from '../schema.js';
import type { AccountChange, AccountStager, ApplyRecord, LiveState, Store, StoreTransaction, StoredAccount } from '../types.js';
import { redactUrl } from '../url.js';
import { applyRecord, changeOf } from './sqlite.js';

export interface PostgresOptions {
  /** How long an apply waits for another to finish before giving up (milliseconds). */
  lockTimeout?: number;
  /** How long to wait for a connection (milliseconds). */
  connectTimeout?: number;
}

/** Every apply takes this transaction-scoped advisory lock first: applies never interleave. */
const APPLY_LOCK = 0x1e7e15;
const PAGE = 10_000;

/**
 * The shared store: a PostgreSQL database. An apply is one transaction that first takes an
 * advisory lock (waiting up to the lock timeout), so concurrent applies are serialised and a
 * client that dies mid-apply leaves nothing: the server rolls its transaction back.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Store> {
  const { default: pg } = await import('pg');
  const config: ClientConfig = { connectionString: url, connectionTimeoutMillis: options.connectTimeout ?? 10_000, application_name: 'levels' };
  const client = new pg.Client(config);
  client.on('error', () => undefined); // A dropped connection fails the next query, with a clear message.
  try {
    await client.connect();
  } catch (error) {
    throw describeStoreError(error, url);
  }
  return new PostgresStore(client, url, options.lockTimeout ?? 30_000);
}

class PostgresStore implements Store {
  readonly url: string;

  constructor(
    private readonly client: PgClient,
    private readonly rawUrl: string,
    private readonly lockTimeout: number,
  ) {
    this.url = redactUrl(rawUrl);
  }

  private async query<T>(text: string, values: unknown[] = []): Promise<T[]> {
    try {
      return (await this.client.query(text, values)).rows as T[];
    } catch (error) {
      throw describeStoreError(error, this.rawUrl);
    }
  }

  private async schemaVersion(): Promise<number> {
    const [exists] = await this.query<{ table: string | null }>(`SELECT to_regclass('levels_meta')::text AS table`);
    if (!exists?.table) return 0;
    const [row] = await this.query<{ value: string }>(`SELECT value FROM levels_meta WHERE key = 'schema_version'`);
    const version = Number(row?.value ?? 0);
    if (version > SCHEMA_VERSION) throw new StoreError(`The store ${this.url} has table layout version ${version}, newer than this levels knows (${SCHEMA_VERSION}); upgrade levels.`);
    return version;
  }

  private async meta(): Promise<Map<string, string>> {
    return new Map((await this.query<{ key: string; value: string }>('SELECT key, value FROM levels_meta')).map((row) => [row.key, row.value]));
  }

  private async readConfig(): Promise<AppliedConfig> {
    const rulesets = await this.query<RulesetRow>('SELECT id, name, description, enabled, is_primary FROM levels_rulesets');
    const levels = await this.query<LevelRow>('SELECT * FROM levels_levels');
    return configFromRows(rulesets, levels, await this.meta());
  }

  async read(): Promise<LiveState> {
    const version = await this.schemaVersion();
    if (version === 0) return { serial: 0, config: EMPTY_CONFIG, lastApply: undefined, schemaVersion: 0, accounts: 0 };
    const meta = await this.meta();
    const [last] = await this.query<Parameters<typeof applyRecord>[0]>('SELECT * FROM levels_applies ORDER BY serial DESC LIMIT 1');
    const [count] = await this.query<{ n: string }>('SELECT count(*) AS n FROM levels_accounts');
    return { serial: Number(meta.get('serial') ?? 0), config: await this.readConfig(), lastApply: last ? applyRecord(last) : undefined, schemaVersion: version, accounts: Number(count?.n ?? 0) };
  }

  async stage(): Promise<AccountStager> {
    const { from: copyFrom } = await import('pg-copy-streams');
    await this.query('DROP TABLE IF EXISTS pg_temp.levels_staged');
    await this.query('CREATE TEMP TABLE levels_staged (record BIGINT PRIMARY KEY, account_id TEXT NOT NULL, score DOUBLE PRECISION NOT NULL)');
    const stream = this.client.query(copyFrom('COPY pg_temp.levels_staged (record, account_id, score) FROM STDIN (FORMAT csv)'));
    let failure: unknown;
    stream.on('error', (error) => (failure = error));
    const removed: number[] = [];
    let pending = '';
    let flowing = true;
    const flush = () => {
      if (pending.length === 0) return;
      flowing = stream.write(pending);
      pending = '';
    };
    return {
      add: (record, accountId, score) => {
        pending += `${record},"${accountId.replace(/"/g, '""')}",${score}\n`;
        if (pending.length >= 1 << 16) flush();
      },
      remove: (record) => {
        removed.push(record);
      },
      drain: async () => {
        flush();
        if (!flowing && !failure) await new Promise((resolve) => stream.once('drain', resolve));
        flowing = true;
      },
      finish: async () => {
        flush();
        await new Promise<void>((resolve, reject) => {
          if (failure) return reject(failure);
          stream.once('finish', resolve);
          stream.once('error', reject);
          stream.end();
        }).catch((error) => {
          throw describeStoreError(error, this.rawUrl);
        });
        if (removed.length > 0) await this.query('DELETE FROM pg_temp.levels_staged WHERE record = ANY($1::bigint[])', [removed]);
      },
    };
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    await this.query('BEGIN');
    try {
      await this.query(`SET LOCAL lock_timeout = '${Math.max(1, Math.round(this.lockTimeout))}ms'`);
      await this.query('SELECT pg_advisory_xact_lock($1)', [APPLY_LOCK]);
      await this.migrate();
      const result = await work(this.transactionOn());
      await this.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw error instanceof UserError ? error : describeStoreError(error, this.rawUrl);
    }
  }

  private async migrate(): Promise<void> {
    const current = await this.schemaVersion();
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await this.query(migration.sql.postgres);
      await this.query(`INSERT INTO levels_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [String(migration.version)]);
    }
  }

  private transactionOn(): StoreTransaction {
    const setMeta = (key: string, value: string) => this.query('INSERT INTO levels_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, value]);
    return {
      readConfig: () => this.readConfig(),
      serial: async () => Number((await this.query<{ value: string }>(`SELECT value FROM levels_meta WHERE key = 'serial'`))[0]?.value ?? 0),
      writeConfig: async (config) => {
        await this.query('DELETE FROM levels_levels');
        await this.query('DELETE FROM levels_rulesets');
        for (const r of config.rulesets) {
          await this.query('INSERT INTO levels_rulesets (id, name, description, enabled, is_primary) VALUES ($1, $2, $3, $4, $5)', [r.id, r.name, r.description ?? null, r.enabled, r.primary]);
          for (const [i, l] of r.levels.entries()) {
            await this.query('INSERT INTO levels_levels (ruleset_id, position, name, min, max, color, expected_share, owner, description) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
              r.id, i, l.name, l.min, l.max ?? null, l.color ?? null, l.expected_share ?? null, l.owner ?? null, l.description ?? null,
            ]);
          }
        }
        for (const [key, value] of scoresMeta(config)) await setMeta(key, value);
      },
      reclassify: async (serial, active, staged) => {
        if (staged) {
          await this.query(
            `INSERT INTO levels_accounts (account_id, score, level, level_since, updated_serial)
             SELECT account_id, score, '', $1, $1 FROM pg_temp.levels_staged
             ON CONFLICT (account_id) DO UPDATE SET score = EXCLUDED.score, updated_serial = EXCLUDED.updated_serial`,
            [serial],
          );
        }
        const level = levelExpression(active);
        const [counted] = await this.query<{ n: string }>(
          `WITH changed AS (
             INSERT INTO levels_account_changes (serial, account_id, from_level, to_level, score)
             SELECT $1, account_id, NULLIF(level, ''), new_level, score
             FROM (SELECT account_id, level, score, ${level} AS new_level FROM levels_accounts) s WHERE new_level IS DISTINCT FROM level
             RETURNING 1)
           SELECT count(*) AS n FROM changed`,
          [serial],
        );
        const changed = Number(counted?.n ?? 0);
        if (changed > 0) await this.query(`UPDATE levels_accounts SET level = ${level}, level_since = $1 WHERE level IS DISTINCT FROM ${level}`, [serial]);
        return changed;
      },
      recordApply: async (record) => {
        await this.query(
          `INSERT INTO levels_applies (serial, applied_at, actor, git_commit, config_hash, plan_hash, export_sha256, summary, config, accounts_changed)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [record.serial, record.appliedAt, record.actor, record.gitCommit ?? null, record.configHash, record.planHash ?? null, record.exportSha256 ?? null, record.summary, JSON.stringify(record.config), record.accountsChanged],
        );
        await setMeta('serial', String(record.serial));
      },
    };
  }

  async history(limit: number): Promise<ApplyRecord[]> {
    if ((await this.schemaVersion()) === 0) return [];
    return (await this.query<Parameters<typeof applyRecord>[0]>('SELECT * FROM levels_applies ORDER BY serial DESC LIMIT $1', [limit])).map(applyRecord);
  }

  async changes(since: number, visit: (change: AccountChange) => void): Promise<void> {
    if ((await this.schemaVersion()) === 0) return;
    let after: [number, string] = [since, ''];
    for (;;) {
      const rows = await this.query<Parameters<typeof changeOf>[0]>(
        `SELECT c.serial, a.applied_at, c.account_id, c.from_level, c.to_level, c.score
         FROM levels_account_changes c JOIN levels_applies a ON a.serial = c.serial
         WHERE (c.serial, c.account_id) > ($1, $2) AND c.serial > $3 ORDER BY c.serial, c.account_id LIMIT ${PAGE}`,
        [after[0], after[1], since],
      );
      for (const row of rows) visit(changeOf(row));
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1]!;
      after = [Number(last.serial), last.account_id];
    }
  }

  async accounts(level: string | undefined, visit: (account: StoredAccount) => void): Promise<void> {
    if ((await this.schemaVersion()) === 0) return;
    let after = '';
    for (;;) {
      const rows = await this.query<{ account_id: string; score: number; level: string; level_since: string }>(
        `SELECT account_id, score, level, level_since FROM levels_accounts
         WHERE account_id > $1 ${level === undefined ? '' : 'AND level = $2'} ORDER BY account_id LIMIT ${PAGE}`,
        level === undefined ? [after] : [after, level],
      );
      for (const row of rows) visit({ accountId: row.account_id, score: Number(row.score), level: row.level, levelSince: Number(row.level_since) });
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.account_id;
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
