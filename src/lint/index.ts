export { lint, effectiveSeverity, type LintOptions } from './engine.js';
export { rules, findRule } from './rules/index.js';
export type { Rule, RuleId, RuleContext, RuleExample, Report } from './rule.js';
export type { DataContext, RulesetDistribution } from './data.js';
export { formatFindings, LINT_FORMATS, type LintFormat, type FormatOptions } from './formatters/index.js';
