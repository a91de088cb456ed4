/** Row shapes and SQL shared by both store drivers (kept apart from the SQLite driver, a native module). */
import type { AppliedConfig } from '../../plan/generated/types.js';
import type { AccountChange, ApplyRecord } from '../types.js';

/**
 * The feed of level changes: the change log (moves of known accounts) and each account's first
 * classification. Filter on c.serial (bound twice: once per side of the union).
 */
export const CHANGES = `SELECT c.serial, a.applied_at, c.account_id, c.from_level, c.to_level, c.score
  FROM (SELECT serial, account_id, from_level, to_level, score FROM levels_account_changes WHERE serial > ?
        UNION ALL
        SELECT first_serial, account_id, NULL, coalesce(first_level, level), coalesce(first_score, score) FROM levels_accounts WHERE first_serial > ?) c
  JOIN levels_applies a ON a.serial = c.serial`;

export interface ApplyRow {
  serial: number;
  applied_at: string | Date;
  actor: string;
  git_commit: string | null;
  config_hash: string;
  plan_hash: string | null;
  export_sha256: string | null;
  summary: string;
  config: string | AppliedConfig;
  accounts_changed: number | string;
}

export interface ChangeRow {
  serial: number | string;
  applied_at: string | Date;
  account_id: string;
  from_level: string | null;
  to_level: string;
  score: number;
}

export function applyRecord(row: ApplyRow): ApplyRecord {
  return {
    serial: Number(row.serial),
    appliedAt: row.applied_at instanceof Date ? row.applied_at.toISOString() : row.applied_at,
    actor: row.actor,
    gitCommit: row.git_commit ?? undefined,
    configHash: row.config_hash,
    planHash: row.plan_hash ?? undefined,
    exportSha256: row.export_sha256 ?? undefined,
    summary: row.summary,
    config: typeof row.config === 'string' ? (JSON.parse(row.config) as AppliedConfig) : row.config,
    accountsChanged: Number(row.accounts_changed),
  };
}

export function changeOf(row: ChangeRow): AccountChange {
  return {
    serial: Number(row.serial),
    appliedAt: row.applied_at instanceof Date ? row.applied_at.toISOString() : row.applied_at,
    accountId: row.account_id,
    from: row.from_level,
    to: row.to_level,
    score: Number(row.score),
  };
}
