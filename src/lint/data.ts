/**
 * What the data-aware rules know of a score export: for each ruleset they apply to, how many
 * accounts each level holds under the proposed config. Filled by the planner.
 */
export interface DataContext {
  /** The export, as named by the user (for messages). */
  exportName: string;
  /** Rows that counted. */
  accounts: number;
  /** Lowest and highest score seen; undefined when no row counted. */
  minScore?: number;
  maxScore?: number;
  /** Scores below the domain min and above its max. */
  belowDomain: number;
  aboveDomain: number;
  /** Distributions by ruleset id, for every enabled ruleset. */
  distributions: ReadonlyMap<string, RulesetDistribution>;
}

export interface RulesetDistribution {
  /** Accounts per level, in the order written. */
  counts: readonly number[];
  unassigned: number;
  /** Lowest and highest score among the Unassigned accounts. */
  unassignedMin?: number;
  unassignedMax?: number;
}
