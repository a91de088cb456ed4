/**
 * The levels library: the same functions the CLI and the GitHub Action call.
 *
 *   import { loadConfig, lint, plan, apply } from 'levels';
 *   const config = await loadConfig('levels');
 *   const findings = lint(config);
 *   const planned = await plan({ scores: 'scores.csv' });
 *   if (planned.summary.has_changes && !planned.summary.blocked) await apply(planned);
 */
export { plan, apply, type PlanOptions, type ApplyOptions } from './api.js';
export type { Plan } from './plan/compute.js';
export type { ApplyResult } from './store/apply.js';
export { renderPlan, type PlanFormat } from './plan/renderers/index.js';
export { readPlanFile, writePlanFile } from './plan/file.js';
export { openStore } from './store/open.js';
export type { Store, LiveState, ApplyRecord, AccountChange, StoredAccount } from './store/types.js';
export { readExport, type ExportSummary, type ReadOptions } from './exports/reader.js';
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
