import type { AppliedConfig, AppliedRuleset } from '../plan/generated/types.js';

/**
 * What a live store holds now. A store nothing was applied to (or that does not exist yet)
 * reads as serial 0 with the empty config.
 */
export interface LiveState {
  /** Increases by one with each apply; 0 before the first. */
  serial: number;
  /** The config in the store's tables now, edits made outside levels included. */
  config: AppliedConfig;
  /** The last apply: who, when, from which commit, and the config it wrote. */
  lastApply: ApplyRecord | undefined;
  /** The version of the store's table layout (0: no tables yet). */
  schemaVersion: number;
  /** Accounts the store holds. */
  accounts: number;
}

/** One entry of the apply log. */
export interface ApplyRecord {
  serial: number;
  /** ISO 8601. */
  appliedAt: string;
  /** GITHUB_ACTOR, or the user who ran the command. */
  actor: string;
  gitCommit: string | undefined;
  configHash: string;
  /** The applied plan's checksum; undefined for a plan made and applied in one command. */
  planHash: string | undefined;
  /** The SHA-256 of the score export loaded with this apply, if one was. */
  exportSha256: string | undefined;
  /** The plan's one-line summary. */
  summary: string;
  /** The whole config written, in canonical form. */
  config: AppliedConfig;
  /** Accounts whose level changed. */
  accountsChanged: number;
}

/** One account's level change, for notifications and reverse ETL. */
export interface AccountChange {
  serial: number;
  appliedAt: string;
  accountId: string;
  /** null: the account was new to the store. */
  from: string | null;
  to: string;
  score: number;
}

export interface StoredAccount {
  accountId: string;
  score: number;
  level: string;
  /** The serial of the apply that gave the account its level. */
  levelSince: number;
}

/**
 * Writes the accounts of a score export into the store, inside an apply's transaction, each
 * with the level the new config gives it. Within one apply the first row of an account id
 * wins; `remove` takes back a row the reader found to repeat an id (a driver that wrote it
 * already, knowing the first row wins, has nothing to do).
 */
export interface AccountWriter {
  /** `level`: the position of the account's level in the writer's level names; -1 for none (Unassigned). */
  add(record: number, accountId: string, score: number, level: number): void;
  remove(record: number, accountId: string): void;
  /** Lets buffered rows reach the database (between chunks of the export). */
  drain(): Promise<void>;
  /** All rows are in. */
  finish(): Promise<void>;
}

/** The work an apply does, inside one transaction that holds the store lock. */
export interface StoreTransaction {
  readConfig(): Promise<AppliedConfig>;
  serial(): Promise<number>;
  writeConfig(config: AppliedConfig): Promise<void>;
  /**
   * A writer for the accounts of a score export, loaded at `serial`; `levels` names the levels
   * the writer's rows point at by position (the active ruleset's, in order).
   */
  accounts(serial: number, levels: readonly string[]): Promise<AccountWriter>;
  /**
   * Records the level changes of the accounts just written, and gives every other stored
   * account the level `active` gives its score (Unassigned without an active ruleset),
   * recording each change at `serial`. Returns how many accounts got a new level, new
   * accounts included.
   */
  reclassify(serial: number, active: AppliedRuleset | undefined): Promise<number>;
  /** Appends to the apply log and sets the serial. */
  recordApply(record: ApplyRecord): Promise<void>;
}

/**
 * A live store, chosen by URL scheme (Atlas opens drivers by scheme). A store that does not
 * exist reads as empty; only `transaction` writes, and it creates and migrates the tables.
 */
export interface Store {
  /** The URL without its password. */
  readonly url: string;
  read(): Promise<LiveState>;
  /** Runs `work` in one transaction behind the store lock: all of it is written, or none. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  history(limit: number): Promise<ApplyRecord[]>;
  changes(since: number, visit: (change: AccountChange) => void): Promise<void>;
  accounts(level: string | undefined, visit: (account: StoredAccount) => void): Promise<void>;
  close(): Promise<void>;
}
