// Generated from schema/levels.schema.json by `npm run generate`. Do not edit.

/**
 * One document of a levels config folder: a LevelRuleset or the Workspace settings, told apart by `kind`.
 */
export type LevelsDocument = {
  /**
   * Document kind.
   */
  kind: "LevelRuleset" | "Workspace";
} & (LevelRuleset | Workspace);
/**
 * Display colour: a name (purple, violet, indigo, blue, cyan, teal, green, yellow, orange, red, pink, brown, gray, grey, black, white) or #rgb / #rrggbb.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Color".
 */
export type Color =
  | (
      | "purple"
      | "violet"
      | "indigo"
      | "blue"
      | "cyan"
      | "teal"
      | "green"
      | "yellow"
      | "orange"
      | "red"
      | "pink"
      | "brown"
      | "gray"
      | "grey"
      | "black"
      | "white"
    )
  | string;
/**
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Text".
 */
export type Text = string;
/**
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = "error" | "warning" | "info" | "off";

/**
 * A ruleset: an ordered list of levels. For a score, the first level (in the order written) whose range holds it wins; no match means Unassigned.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "LevelRuleset".
 */
export interface LevelRuleset {
  /**
   * Document kind.
   */
  kind: "LevelRuleset";
  /**
   * Stable id, unique in the repository: lowercase letters, digits and dashes, at most 63 characters, starting with a letter or digit.
   */
  id: string;
  /**
   * Display name.
   */
  name: string;
  /**
   * What the ruleset is for.
   */
  description?: string;
  /**
   * A disabled ruleset keeps its config but affects nothing.
   */
  enabled?: boolean;
  /**
   * The one active ruleset. Exactly one ruleset in the repository is primary.
   */
  primary?: boolean;
  /**
   * The levels, written from highest to lowest. Assignment walks them in this order.
   *
   * @minItems 1
   * @maxItems 100
   */
  levels: Level[];
}
/**
 * A level (tier): a name and an inclusive score range.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Level".
 */
export interface Level {
  /**
   * Unique within the ruleset (compared case-insensitively after trimming). `Unassigned` is reserved.
   */
  name: string;
  /**
   * Lowest score of the level, inclusive.
   */
  min: number;
  /**
   * Highest score of the level, inclusive. Leave it out for an open-ended top level.
   */
  max?: number;
  color?: Color;
  /**
   * The share of accounts the level should hold: a range such as `10-20%` or a bound such as `<= 5%`.
   */
  expected_share?: string;
  /**
   * The level's DRI: a person, team or handle.
   */
  owner?: string;
  /**
   * The play: what sales and marketing do with accounts at this level.
   */
  description?: string;
}
/**
 * Settings for the whole config folder (at most one Workspace document).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Workspace".
 */
export interface Workspace {
  /**
   * Document kind.
   */
  kind: "Workspace";
  scores?: ScoreDomain;
  /**
   * The live store: `sqlite:PATH` (default `sqlite:.levels/state.db`) or `postgres://...`. Keep passwords out of git: use LEVELS_STORE or --store for them.
   */
  store?: string;
  lint?: LintSettings;
}
/**
 * The range of possible account scores. Defaults: min 0, no max, integer scores.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ScoreDomain".
 */
export interface ScoreDomain {
  /**
   * Lowest possible score.
   */
  min?: number;
  /**
   * Highest possible score; leave it out for no upper bound.
   */
  max?: number;
  /**
   * Whether scores are whole numbers (then 50-79 and 80-100 leave no gap).
   */
  integer?: boolean;
}
/**
 * Lint settings.
 */
export interface LintSettings {
  rules?: RuleSeverities;
}
/**
 * Severity overrides by rule id.
 */
export interface RuleSeverities {
  "duplicate-ruleset-id"?: Severity;
  "single-primary"?: Severity;
  "primary-enabled"?: Severity;
  "min-above-max"?: Severity;
  "duplicate-level-name"?: Severity;
  overlap?: Severity;
  "shadowed-level"?: Severity;
  gap?: Severity;
  "floor-coverage"?: Severity;
  "ceiling-coverage"?: Severity;
  "unreachable-level"?: Severity;
  "level-count"?: Severity;
  "color-semantics"?: Severity;
  "round-boundaries"?: Severity;
  "descriptive-names"?: Severity;
  "level-order"?: Severity;
  "missing-owner"?: Severity;
  "unassigned-accounts"?: Severity;
  "dominant-level"?: Severity;
  "empty-level"?: Severity;
  "expected-share"?: Severity;
  "score-outside-domain"?: Severity;
}
