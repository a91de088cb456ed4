/**
 * The levels library: the same functions the CLI and the GitHub Action call.
 *
 *   import { loadConfig, lint } from 'levels';
 *   const config = await loadConfig('levels');
 *   const findings = lint(config);
 */
export { loadConfig, parseConfig, readConfigFiles, type ConfigFile, type LoadOptions } from './model/load.js';
export {
  activeRuleset,
  DEFAULT_CONFIG_FOLDER,
  type Config,
  type ConfigProblem,
  type Level,
  type LevelRuleset,
  type ResolvedWorkspace,
  type Ruleset,
  type RulesetSource,
  type Workspace,
} from './model/config.js';
export { UNASSIGNED } from './model/validate.js';
export { SourceFile } from './model/source.js';
export { lint, rules, findRule, formatFindings, type Rule, type RuleId, type LintFormat, type DataContext } from './lint/index.js';
export { countFindings, sortFindings, type Finding, type Severity } from './findings.js';
export { UserError, InputError, UsageError } from './errors.js';
export { analyzeRanges, assignLevel, describeLevelRange, type RangeAnalysis } from './ranges/analysis.js';
export { ScoreSet, type Interval } from './ranges/score-set.js';
export type { ScoreDomain } from './ranges/domain.js';
export { formatConfigText } from './fmt/format.js';
export { VERSION } from './version.js';
