import { UNASSIGNED } from '../model/validate.js';
import type { AppliedConfig, AppliedRuleset } from '../plan/generated/types.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The store's tables, versioned. Each migration runs once, in the apply transaction that first
 * needs it, and `levels_meta.schema_version` records how far a store has come. Never edit a
 * migration that has shipped: add the next one.
 *
 * Accounts carry their first classification (first_serial, first_level, first_score) rather
 * than a change row each: loading a million new accounts writes a million rows, not two
 * million. first_level and first_score stay NULL while they equal level and score (until the
 * account's first change). The change log holds the moves of known accounts; the feed (levels
 * accounts changes) is the two together.
 *
 * Account ids compare as bytes in both databases (SQLite's BINARY, PostgreSQL's "C"), so
 * listings come in the same order from either store whatever the server's locale.
 */
export const MIGRATIONS: readonly { version: number; sql: Record<Dialect, string> }[] = [
  {
    version: 1,
    sql: {
      sqlite: `
        CREATE TABLE levels_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE levels_rulesets (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT,
          enabled INTEGER NOT NULL, is_primary INTEGER NOT NULL);
        CREATE TABLE levels_levels (
          ruleset_id TEXT NOT NULL REFERENCES levels_rulesets (id) ON DELETE CASCADE,
          position INTEGER NOT NULL, name TEXT NOT NULL, min REAL NOT NULL, max REAL,
          color TEXT, expected_share TEXT, owner TEXT, description TEXT,
          PRIMARY KEY (ruleset_id, position));
        CREATE TABLE levels_applies (
          serial INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, actor TEXT NOT NULL, git_commit TEXT,
          config_hash TEXT NOT NULL, plan_hash TEXT, export_sha256 TEXT, summary TEXT NOT NULL, config TEXT NOT NULL,
          accounts_changed INTEGER NOT NULL);
        CREATE TABLE levels_accounts (
          account_id TEXT PRIMARY KEY, score REAL NOT NULL, level TEXT NOT NULL,
          level_since INTEGER NOT NULL, updated_serial INTEGER NOT NULL, previous_level TEXT,
          first_serial INTEGER NOT NULL, first_level TEXT, first_score REAL) WITHOUT ROWID;
        CREATE TABLE levels_account_changes (
          serial INTEGER NOT NULL, account_id TEXT NOT NULL, from_level TEXT NOT NULL, to_level TEXT NOT NULL,
          score REAL NOT NULL, PRIMARY KEY (serial, account_id)) WITHOUT ROWID;`,
      postgres: `
        CREATE TABLE levels_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE levels_rulesets (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT,
          enabled BOOLEAN NOT NULL, is_primary BOOLEAN NOT NULL);
        CREATE TABLE levels_levels (
          ruleset_id TEXT NOT NULL REFERENCES levels_rulesets (id) ON DELETE CASCADE,
          position INTEGER NOT NULL, name TEXT NOT NULL, min DOUBLE PRECISION NOT NULL, max DOUBLE PRECISION,
          color TEXT, expected_share TEXT, owner TEXT, description TEXT,
          PRIMARY KEY (ruleset_id, position));
        CREATE TABLE levels_applies (
          serial BIGINT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL, actor TEXT NOT NULL, git_commit TEXT,
          config_hash TEXT NOT NULL, plan_hash TEXT, export_sha256 TEXT, summary TEXT NOT NULL, config JSONB NOT NULL,
          accounts_changed BIGINT NOT NULL);
        CREATE TABLE levels_accounts (
          account_id TEXT COLLATE "C" PRIMARY KEY, score DOUBLE PRECISION NOT NULL, level TEXT NOT NULL,
          level_since BIGINT NOT NULL, updated_serial BIGINT NOT NULL, previous_level TEXT,
          first_serial BIGINT NOT NULL, first_level TEXT, first_score DOUBLE PRECISION);
        CREATE TABLE levels_account_changes (
          serial BIGINT NOT NULL, account_id TEXT COLLATE "C" NOT NULL, from_level TEXT NOT NULL, to_level TEXT NOT NULL,
          score DOUBLE PRECISION NOT NULL, PRIMARY KEY (serial, account_id));`,
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** A SQL string literal. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A SQL number literal (scores and bounds are finite by the schema's rules). */
function number(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite bound: ${value}`);
  return Object.is(value, -0) ? '0' : String(value);
}

/** The level first-match gives `column`, as one SQL expression (Unassigned without a ruleset). */
export function levelExpression(active: AppliedRuleset | undefined, column = 'score'): string {
  if (!active || active.levels.length === 0) return literal(UNASSIGNED);
  const branches = active.levels.map((level) => {
    const test = level.max === undefined ? `${column} >= ${number(level.min)}` : `${column} >= ${number(level.min)} AND ${column} <= ${number(level.max)}`;
    return `WHEN ${test} THEN ${literal(level.name)}`;
  });
  return `CASE ${branches.join(' ')} ELSE ${literal(UNASSIGNED)} END`;
}

/** The level name of a level position held in `column` (-1 or any other: Unassigned), as one SQL expression. */
export function levelNameExpression(names: readonly string[], column: string): string {
  if (names.length === 0) return literal(UNASSIGNED);
  return `CASE ${column} ${names.map((name, i) => `WHEN ${i} THEN ${literal(name)}`).join(' ')} ELSE ${literal(UNASSIGNED)} END`;
}

/** The config rows of the tables, as read back: ruleset rows and their level rows by position. */
export interface RulesetRow {
  id: string;
  name: string;
  description: string | null;
  enabled: boolean | number;
  is_primary: boolean | number;
}

export interface LevelRow {
  ruleset_id: string;
  position: number;
  name: string;
  min: number;
  max: number | null;
  color: string | null;
  expected_share: string | null;
  owner: string | null;
  description: string | null;
}

/** Rows back into the canonical config (rulesets by id, levels by position). */
export function configFromRows(rulesets: RulesetRow[], levels: LevelRow[], meta: Map<string, string>): AppliedConfig {
  const byRuleset = new Map<string, LevelRow[]>();
  for (const level of levels) {
    const list = byRuleset.get(level.ruleset_id) ?? [];
    list.push(level);
    byRuleset.set(level.ruleset_id, list);
  }
  const optional = <K extends string>(key: K, value: string | null) => (value === null ? {} : ({ [key]: value } as Record<K, string>));
  return {
    rulesets: [...rulesets]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((row) => ({
        id: row.id,
        name: row.name,
        ...optional('description', row.description),
        enabled: Boolean(row.enabled),
        primary: Boolean(row.is_primary),
        levels: (byRuleset.get(row.id) ?? [])
          .sort((a, b) => a.position - b.position)
          .map((level) => ({
            name: level.name,
            min: Number(level.min),
            ...(level.max === null ? {} : { max: Number(level.max) }),
            ...optional('color', level.color),
            ...optional('expected_share', level.expected_share),
            ...optional('owner', level.owner),
            ...optional('description', level.description),
          })),
      })),
    scores: {
      min: Number(meta.get('scores_min') ?? 0),
      max: meta.get('scores_max') === undefined || meta.get('scores_max') === '' ? null : Number(meta.get('scores_max')),
      integer: (meta.get('scores_integer') ?? 'true') === 'true',
    },
  };
}

/** The meta rows that hold the score domain. */
export function scoresMeta(config: AppliedConfig): [string, string][] {
  return [
    ['scores_min', String(config.scores.min)],
    ['scores_max', config.scores.max === null ? '' : String(config.scores.max)],
    ['scores_integer', String(config.scores.integer)],
  ];
}

/** The active ruleset of a canonical config: the one primary, when enabled. */
export function activeApplied(config: AppliedConfig): AppliedRuleset | undefined {
  const primaries = config.rulesets.filter((ruleset) => ruleset.primary);
  return primaries.length === 1 && primaries[0]!.enabled ? primaries[0] : undefined;
}

export const EMPTY_CONFIG: AppliedConfig = { rulesets: [], scores: { min: 0, max: null, integer: true } };
