import type { Client as PgClient, ClientConfig } from 'pg';
import { UserError } from '../../errors.js';
import type { AppliedConfig } from '../../plan/generated/types.js';
import { UNASSIGNED } from '../../model/validate.js';
import { StoreError, describeStoreError } from '../errors.js';
import { EMPTY_CONFIG, MIGRATIONS, SCHEMA_VERSION, configFromRows, levelExpression, scoresMeta, type LevelRow, type RulesetRow } from '../schema.js';
import type { AccountChange, AccountWriter, ApplyRecord, LiveState, Store, StoreTransaction, StoredAccount } from '../types.js';
import { redactUrl } from '../url.js';
import { CHANGES, applyRecord, changeOf } from './rows.js';

/** A value for COPY's text format: backslash, tab, newline and carriage return escaped. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}

export interface PostgresOptions {
  /** How long an apply waits for another to finish before giving up (milliseconds). */
  lockTimeout?: number;
  /** How long to wait for a connection (milliseconds). */
  connectTimeout?: number;
}

/** Every apply takes this transaction-scoped advisory lock first: applies never interleave. */
const APPLY_LOCK = 0x1e7e15;
const PAGE = 10_000;
/** work_mem and maintenance_work_mem within an apply (one apply runs at a time). */
const WORK_MEM = '256MB';

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
  /** The account load of the running apply: into an empty store, how many rows; known accounts that changed level and new ones, by the merge. */
  private fresh = false;
  private loading = false;
  private written = 0;
  private changed = 0;
  private added = 0;

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

  /** Runs a statement and returns how many rows it wrote. */
  private async count(text: string): Promise<number> {
    try {
      return (await this.client.query(text)).rowCount ?? 0;
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
    // One snapshot for every statement: a commit cannot land between them.
    await this.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const version = await this.schemaVersion();
      if (version === 0) return { serial: 0, config: EMPTY_CONFIG, lastApply: undefined, schemaVersion: 0, accounts: 0 };
      const meta = await this.meta();
      const [last] = await this.query<Parameters<typeof applyRecord>[0]>('SELECT * FROM levels_applies ORDER BY serial DESC LIMIT 1');
      const [count] = await this.query<{ n: string }>('SELECT count(*) AS n FROM levels_accounts');
      return { serial: Number(meta.get('serial') ?? 0), config: await this.readConfig(), lastApply: last ? applyRecord(last) : undefined, schemaVersion: version, accounts: Number(count?.n ?? 0) };
    } finally {
      await this.client.query('COMMIT').catch(() => undefined);
    }
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    await this.query('BEGIN');
    this.fresh = false;
    this.loading = false;
    this.written = 0;
    this.changed = 0;
    this.added = 0;
    try {
      await this.query(`SET LOCAL lock_timeout = '${Math.max(1, Math.round(this.lockTimeout))}ms'`);
      // Memory for joining an export with the store and for rebuilding the accounts' key, so a
      // million accounts are hashed and sorted in memory rather than in temporary files.
      await this.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
      await this.query(`SET LOCAL maintenance_work_mem = '${WORK_MEM}'`);
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

  /**
   * Accounts stream to the server by COPY (text format). Into an empty store they go straight
   * into the accounts table, its key dropped for the load and rebuilt after (building an index
   * once is several times faster than keeping it up to date row by row), the apply's serial
   * filled in by column defaults set for the load; otherwise into a temporary table that is
   * merged: changed accounts updated, new ones inserted, unchanged ones left alone. Rows the
   * reader retracts (later rows of an id) are deleted before the key returns.
   */
  private async accountWriter(serial: number, levels: readonly string[]): Promise<AccountWriter> {
    const { from: copyFrom } = await import('pg-copy-streams');
    const fresh = (await this.query('SELECT 1 FROM levels_accounts LIMIT 1')).length === 0;
    this.fresh = fresh;
    this.written = 0;
    const serialColumns = ['level_since', 'updated_serial', 'first_serial'];
    if (fresh) {
      await this.query('ALTER TABLE levels_accounts DROP CONSTRAINT levels_accounts_pkey');
      await this.query(`ALTER TABLE levels_accounts ${serialColumns.map((column) => `ALTER COLUMN ${column} SET DEFAULT ${serial}`).join(', ')}`);
    } else {
      await this.query('DROP TABLE IF EXISTS pg_temp.levels_staged');
      await this.query('CREATE TEMP TABLE levels_staged (record BIGINT NOT NULL, account_id TEXT COLLATE "C" NOT NULL, score DOUBLE PRECISION NOT NULL, level TEXT NOT NULL) ON COMMIT DROP');
    }
    const stream = this.client.query(copyFrom(fresh ? 'COPY levels_accounts (account_id, score, level) FROM STDIN' : 'COPY pg_temp.levels_staged (record, account_id, score, level) FROM STDIN'));
    let failure: unknown;
    stream.on('error', (error) => (failure = error));
    const names = levels.map(copyText);
    const unassigned = copyText(UNASSIGNED);
    const removed: { record: number; id: string }[] = [];
    let pending = '';
    let flowing = true;
    const flush = () => {
      if (pending.length === 0) return;
      flowing = stream.write(pending);
      pending = '';
    };
    return {
      add: (record, accountId, score, level) => {
        this.written++;
        const row = `${copyText(accountId)}\t${score}\t${names[level] ?? unassigned}\n`;
        pending += fresh ? row : `${record}\t${row}`;
        if (pending.length >= 1 << 16) flush();
      },
      remove: (record, accountId) => {
        this.written--;
        removed.push({ record, id: accountId });
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
        if (fresh) {
          if (removed.length > 0) {
            // COPY kept file order: of each repeated id, every row but the first goes.
            await this.query(
              `DELETE FROM levels_accounts WHERE ctid IN (
                 SELECT ctid FROM (SELECT ctid, row_number() OVER (PARTITION BY account_id ORDER BY ctid) AS n
                                   FROM levels_accounts WHERE account_id = ANY($1::text[])) x WHERE n > 1)`,
              [[...new Set(removed.map((row) => row.id))]],
            );
          }
          await this.query(`ALTER TABLE levels_accounts ${serialColumns.map((column) => `ALTER COLUMN ${column} DROP DEFAULT`).join(', ')}`);
          await this.query('ALTER TABLE levels_accounts ADD CONSTRAINT levels_accounts_pkey PRIMARY KEY (account_id)');
          return;
        }
        if (removed.length > 0) await this.query('DELETE FROM pg_temp.levels_staged WHERE record = ANY($1::bigint[])', [removed.map((row) => row.record)]);
        // One join of the export with the store picks the accounts that are new or changed
        // (usually few); the writes then touch only those.
        await this.query(
          `CREATE TEMP TABLE levels_merge ON COMMIT DROP AS
           SELECT s.account_id, s.score, s.level, a.level AS old_level, a.account_id IS NOT NULL AS known
           FROM pg_temp.levels_staged s LEFT JOIN levels_accounts a ON a.account_id = s.account_id
           WHERE a.account_id IS NULL OR a.level IS DISTINCT FROM s.level OR a.score IS DISTINCT FROM s.score`,
        );
        // Known accounts whose level changes: the change log, then the accounts themselves.
        this.changed = await this.count(
          `INSERT INTO levels_account_changes (serial, account_id, from_level, to_level, score)
           SELECT ${serial}, account_id, old_level, level, score FROM pg_temp.levels_merge WHERE known AND old_level IS DISTINCT FROM level`,
        );
        await this.query(
          `UPDATE levels_accounts a SET score = m.score, previous_level = a.level,
             first_level = coalesce(a.first_level, a.level), first_score = coalesce(a.first_score, a.score),
             level_since = CASE WHEN a.level IS NOT DISTINCT FROM m.level THEN a.level_since ELSE ${serial} END,
             level = m.level, updated_serial = ${serial}
           FROM pg_temp.levels_merge m WHERE m.known AND a.account_id = m.account_id`,
        );
        this.added = await this.count(
          `INSERT INTO levels_accounts (account_id, score, level, level_since, updated_serial, first_serial)
           SELECT account_id, score, level, ${serial}, ${serial}, ${serial} FROM pg_temp.levels_merge WHERE NOT known`,
        );
      },
    };
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
      accounts: (serial, levels) => {
        this.loading = true;
        return this.accountWriter(Number(serial), levels);
      },
      reclassify: async (serial, active) => {
        const s = Number(serial);
        // Accounts loaded into an empty store are all new: nothing else to look at.
        if (this.fresh) return this.written;
        const level = levelExpression(active);
        // Accounts not in this apply's export (all of them, without one): their stored score under the new config.
        const others = this.loading ? 'NOT EXISTS (SELECT 1 FROM pg_temp.levels_staged t WHERE t.account_id = a.account_id)' : 'true';
        const moved = await this.count(
          `INSERT INTO levels_account_changes (serial, account_id, from_level, to_level, score)
           SELECT ${s}, account_id, level, new_level, score
           FROM (SELECT a.account_id, a.level, a.score, ${level} AS new_level FROM levels_accounts a WHERE ${others}) x
           WHERE new_level IS DISTINCT FROM level`,
        );
        if (moved > 0) {
          await this.query(
            `UPDATE levels_accounts a SET previous_level = level, first_level = coalesce(first_level, level), first_score = coalesce(first_score, score),
             level = ${level}, level_since = ${s} WHERE ${others} AND level IS DISTINCT FROM ${level}`,
          );
        }
        return this.changed + moved + this.added;
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
        `SELECT * FROM (${CHANGES.replace(/\?/g, () => '$3')}) feed WHERE (serial, account_id) > ($1, $2) ORDER BY serial, account_id LIMIT ${PAGE}`,
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
