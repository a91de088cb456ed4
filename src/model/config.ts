import type { DocumentPath, SeveritySetting } from '../findings.js';
import type { ScoreDomain } from '../ranges/domain.js';
import type { Level, LevelRuleset, RuleSeverities } from './generated/types.js';
import type { Position, SourceFile } from './source.js';

export type { Level, LevelRuleset, Workspace, Color, RuleSeverities } from './generated/types.js';

/** The default config folder, relative to the working directory. */
export const DEFAULT_CONFIG_FOLDER = 'levels';

/** A ruleset with its defaults applied (`enabled: true`, `primary: false`). */
export interface Ruleset extends LevelRuleset {
  enabled: boolean;
  primary: boolean;
  levels: Level[];
}

/** A valid ruleset and the file it was read from. */
export interface RulesetSource {
  ruleset: Ruleset;
  source: SourceFile;
}

/** The Workspace settings with defaults applied. */
export interface ResolvedWorkspace {
  scores: ScoreDomain;
  /** The store URL written in the Workspace document, if any. */
  store?: string;
  /** Severity overrides by rule id. */
  rules: Partial<Record<keyof RuleSeverities, SeveritySetting>>;
}

/**
 * A config folder as loaded: every file, the rulesets and workspace that passed the schema, and
 * the problems (yaml-syntax and schema findings) of those that did not. A file with problems
 * contributes nothing else, so every later rule sees only well-formed documents.
 */
export interface Config {
  /** The config folder as the user named it (or `REF:folder` when read from git). */
  folder: string;
  sources: SourceFile[];
  /** Valid rulesets, in file-path order. Ids may repeat: that is the duplicate-ruleset-id rule's finding. */
  rulesets: RulesetSource[];
  workspace: ResolvedWorkspace;
  workspaceSource?: SourceFile;
  /** What the yaml-syntax and schema rules report. */
  problems: ConfigProblem[];
}

/** A file that cannot be read as YAML, or a document that does not match the schema. */
export interface ConfigProblem {
  rule: 'yaml-syntax' | 'schema';
  source: SourceFile;
  message: string;
  position: Position;
  path: DocumentPath;
  /** Set when an invalid document still says `primary: true`, so single-primary does not also cry "no primary". */
  claimsPrimary?: boolean;
}

export const DEFAULT_SCORE_DOMAIN: ScoreDomain = { min: 0, max: Number.POSITIVE_INFINITY, integer: true };

export function normalizeRuleset(ruleset: LevelRuleset): Ruleset {
  return { ...ruleset, enabled: ruleset.enabled ?? true, primary: ruleset.primary ?? false, levels: [...ruleset.levels] };
}

/** The ruleset that classifies accounts: the one primary ruleset, when it is enabled. */
export function activeRuleset<T extends { primary: boolean; enabled: boolean }>(rulesets: readonly T[]): T | undefined {
  const primaries = rulesets.filter((r) => r.primary);
  return primaries.length === 1 && primaries[0]!.enabled ? primaries[0] : undefined;
}
