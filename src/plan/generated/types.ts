// Generated from schema/plan.schema.json by `npm run generate`. Do not edit.

/**
 * A levels plan: what applying the proposed config would change, against a baseline, and what it would do to the accounts of a score export. Plain, serialisable data; renderers and apply read only these fields.
 */
export interface Plan {
  /**
   * The version of this format. A reader refuses a plan whose major version it does not know.
   */
  format_version: "1";
  /**
   * The levels version that computed the plan.
   */
  tool_version: string;
  /**
   * When the plan was computed (ISO 8601). Informational: nothing depends on it.
   */
  created_at?: string;
  config: ConfigRef;
  proposed: AppliedConfig;
  baseline: BaselineRef;
  /**
   * Semantic changes from the baseline to the proposed config, by ruleset id (sorted) and level name. Empty when nothing changes.
   */
  changes: RulesetChange[];
  /**
   * The score domain change, or null when it stays.
   */
  domain_change: DomainChange | null;
  /**
   * Differences between the live store and the config last applied to it from git (changes made outside levels). Empty unless the baseline is the store.
   */
  drift: Drift[];
  /**
   * What the change does to the accounts of the score export; null when no export was given.
   */
  impact: Impact | null;
  /**
   * Every lint finding on the proposed config, static and data-aware. Any error blocks apply.
   */
  findings: PlanFinding[];
  summary: Summary;
  /**
   * SHA-256 of this plan's canonical JSON without the checksum: apply refuses a plan whose content no longer matches (an edited plan file).
   */
  checksum: string;
}
/**
 * The proposed config: where it was read and its content hash.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "ConfigRef".
 */
export interface ConfigRef {
  /**
   * The config folder, as named on the command line.
   */
  folder: string;
  /**
   * Read from the working tree, or from a git ref (--ref).
   */
  source: "working-tree" | "git";
  /**
   * The git ref named with --ref.
   */
  ref?: string;
  /**
   * The commit the config was read at: the --ref commit, or HEAD when the working tree matches it.
   */
  commit?: string;
  /**
   * SHA-256 of the canonical config (rulesets and score domain); equal configs have equal hashes whatever their formatting.
   */
  hash: string;
}
/**
 * The proposed config itself, in canonical form (rulesets sorted by id, defaults applied, and the score domain): what apply writes to the store. Its hash is config.hash.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "AppliedConfig".
 */
export interface AppliedConfig {
  rulesets: AppliedRuleset[];
  scores: ScoreDomain;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "AppliedRuleset".
 */
export interface AppliedRuleset {
  id: string;
  name: string;
  description?: string;
  enabled: boolean;
  primary: boolean;
  levels: AppliedLevel[];
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "AppliedLevel".
 */
export interface AppliedLevel {
  name: string;
  min: number;
  max?: number;
  color?: string;
  expected_share?: string;
  owner?: string;
  description?: string;
}
/**
 * The score domain of a config (its Workspace scores).
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "ScoreDomain".
 */
export interface ScoreDomain {
  min: number;
  /**
   * null: no upper bound.
   */
  max: number | null;
  integer: boolean;
}
/**
 * What the plan compares against: the live store, the config at a git ref, or nothing.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "BaselineRef".
 */
export interface BaselineRef {
  kind: "store" | "git" | "none";
  /**
   * git: the ref named with --against git:REF.
   */
  ref?: string;
  /**
   * git: the commit the ref resolved to; store: the git commit of the last apply.
   */
  commit?: string;
  /**
   * store: the store serial the plan was computed against.
   */
  serial?: number;
  /**
   * store: the store URL, with any password removed.
   */
  store?: string;
  /**
   * SHA-256 of the canonical baseline config (an empty store and no baseline both have the hash of the empty config). Apply refuses the plan when the live config's hash differs.
   */
  hash: string;
  /**
   * Why the baseline is what it is, when that is not obvious (e.g. the folder did not exist at the ref).
   */
  note?: string;
}
/**
 * What happens to one ruleset.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "RulesetChange".
 */
export interface RulesetChange {
  /**
   * The ruleset id (the new id for a ruleset whose id changes).
   */
  ruleset: string;
  /**
   * The id it had before, for a ruleset whose id changes while its levels stay the same (a rename).
   */
  previous_id?: string;
  action: "create" | "update" | "delete";
  /**
   * The file that declares it (in the proposed config; in the baseline for a delete).
   */
  file?: string;
  /**
   * Ruleset fields whose value changes (update only).
   */
  fields: ("id" | "name" | "description" | "enabled" | "primary")[];
  before: RulesetFields | null;
  after: RulesetFields | null;
  /**
   * Called out: the ruleset becomes (gained) or stops being (lost) the primary one.
   */
  primary: "gained" | "lost" | null;
  /**
   * Called out: the ruleset is switched on or off.
   */
  enabled: "enabled" | "disabled" | null;
  /**
   * Level changes, in the order of the proposed ruleset, deletions last.
   */
  levels: LevelChange[];
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "RulesetFields".
 */
export interface RulesetFields {
  name: string;
  description?: string;
  enabled: boolean;
  primary: boolean;
}
/**
 * What happens to one level. Levels are matched by name (ignoring case and surrounding spaces); a level whose name changes but whose range stays is an update of its name.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "LevelChange".
 */
export interface LevelChange {
  /**
   * The level name (the new name for a rename, the old one for a delete).
   */
  level: string;
  action: "create" | "update" | "delete";
  /**
   * Level fields whose value changes (update only).
   */
  fields: ("name" | "min" | "max" | "color" | "expected_share" | "owner" | "description" | "position")[];
  before: LevelState | null;
  after: LevelState | null;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "LevelState".
 */
export interface LevelState {
  name: string;
  min: number;
  /**
   * null: no upper bound.
   */
  max: number | null;
  color?: string;
  expected_share?: string;
  owner?: string;
  description?: string;
  /**
   * 0-based place in the ruleset: first match wins, so order is part of the config.
   */
  position: number;
}
/**
 * The score domain (the Workspace scores) changes: lint judges gaps and coverage on it; levels are still given by first match.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "DomainChange".
 */
export interface DomainChange {
  before: ScoreDomain;
  after: ScoreDomain;
}
/**
 * A difference between the live store and the config last applied from git.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Drift".
 */
export interface Drift {
  /**
   * The ruleset concerned; absent for the score domain.
   */
  ruleset?: string;
  level?: string;
  message: string;
}
/**
 * The effect on the accounts of a score export. Invariants: the counts of before, of after and of transitions each sum to accounts; moved = upgraded + downgraded + the lateral moves (renames).
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Impact".
 */
export interface Impact {
  export: ExportRef;
  /**
   * The baseline's active ruleset (enabled primary); null: every account is Unassigned.
   */
  ruleset_before: string | null;
  /**
   * The proposed active ruleset.
   */
  ruleset_after: string | null;
  /**
   * Rows that counted.
   */
  accounts: number;
  /**
   * Rows rejected: missing id, bad score, duplicate id.
   */
  rejected: number;
  /**
   * The first 20 rejected rows by line.
   */
  rejected_rows: RejectedRow[];
  /**
   * Of the rejected rows, those whose id had already counted.
   */
  duplicates: number;
  /**
   * Accounts per level under the baseline, in level order, Unassigned last.
   */
  before: DistributionEntry[];
  /**
   * Accounts per level under the proposed config.
   */
  after: DistributionEntry[];
  /**
   * Every non-zero from→to cell, unchanged ones included, in level order.
   */
  transitions: Transition[];
  /**
   * Accounts whose level changes.
   */
  moved: number;
  /**
   * Moved to a higher level (by range), or from Unassigned to a level.
   */
  upgraded: number;
  /**
   * Moved to a lower level, or to Unassigned.
   */
  downgraded: number;
  /**
   * Accounts whose export level column disagrees with the baseline's level; null when the export has no level column or the baseline has no active ruleset.
   */
  stale: number | null;
  /**
   * Up to 20 stale accounts, by line.
   */
  stale_sample: StaleAccount[];
  /**
   * Up to 5 moved accounts per transition, 100 in all, by line.
   */
  sample: MovedAccount[];
  experiments: Experiment[];
}
/**
 * The score export the impact was computed from, with its fingerprint.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "ExportRef".
 */
export interface ExportRef {
  path: string;
  format: "csv" | "jsonl";
  compressed: boolean;
  /**
   * Bytes on disk.
   */
  size: number;
  sha256: string;
  delimiter?: string;
  columns?: string[];
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "RejectedRow".
 */
export interface RejectedRow {
  line: number;
  reason: string;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "DistributionEntry".
 */
export interface DistributionEntry {
  /**
   * A level name, or Unassigned.
   */
  level: string;
  count: number;
  /**
   * count / accounts, to 6 decimals; 0 when there are no accounts.
   */
  share: number;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Transition".
 */
export interface Transition {
  from: string;
  to: string;
  count: number;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "StaleAccount".
 */
export interface StaleAccount {
  account_id: string;
  score: number;
  /**
   * The level the export's level column shows.
   */
  shown: string;
  /**
   * The level the baseline config gives.
   */
  expected: string;
  line: number;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "MovedAccount".
 */
export interface MovedAccount {
  account_id: string;
  score: number;
  from: string;
  to: string;
  /**
   * Line of the row in the export.
   */
  line: number;
}
/**
 * An enabled, non-primary ruleset: how it would distribute the same accounts.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Experiment".
 */
export interface Experiment {
  ruleset: string;
  name: string;
  distribution: DistributionEntry[];
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface PlanFinding {
  rule: string;
  severity: "error" | "warning" | "info";
  message: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  path: (string | number)[];
  ruleset?: string;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Summary".
 */
export interface Summary {
  /**
   * One line, e.g. 'Plan: 1 ruleset to change, 2 levels to update; 1,204 of 48,310 accounts move.'
   */
  text: string;
  /**
   * The config differs from the baseline (changes is not empty).
   */
  has_changes: boolean;
  /**
   * There is an error finding: apply refuses the plan.
   */
  blocked: boolean;
  rulesets: ChangeCounts;
  levels: ChangeCounts;
  accounts: number | null;
  moved: number | null;
  errors: number;
  warnings: number;
  infos: number;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Counts".
 */
export interface ChangeCounts {
  create: number;
  update: number;
  delete: number;
}
