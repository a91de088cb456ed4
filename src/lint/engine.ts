import { sortFindings, type Finding, type Severity } from '../findings.js';
import type { Config, RulesetSource } from '../model/config.js';
import { SourceFile } from '../model/source.js';
import { analyzeRanges, type RangeAnalysis } from '../ranges/analysis.js';
import type { DataContext } from './data.js';
import type { Report, Rule, RuleContext, RuleId } from './rule.js';
import { rules as allRules } from './rules/index.js';

export interface LintOptions {
  /** The rules to run; default every rule (data rules run only when `data` is given). */
  rules?: readonly Rule[];
  /** Score-export statistics for the data-aware rules. */
  data?: DataContext;
}

/** The severity a rule has in this config: its default, or the Workspace override (`off` skips it). */
export function effectiveSeverity(rule: Rule, config: Config): Severity | 'off' {
  if (rule.fixed) return rule.severity;
  return config.workspace.rules[rule.id as keyof Config['workspace']['rules']] ?? rule.severity;
}

/** Runs the rules over a loaded config and returns every finding, in reading order. */
export function lint(config: Config, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const analyses = new Map<RulesetSource, RangeAnalysis>();
  for (const rule of options.rules ?? allRules) {
    if (rule.type === 'data' && !options.data) continue;
    const severity = effectiveSeverity(rule, config);
    if (severity === 'off') continue;
    const context: RuleContext = {
      config,
      domain: config.workspace.scores,
      rulesets: config.rulesets,
      data: options.data,
      ranges(ruleset) {
        let analysis = analyses.get(ruleset);
        if (!analysis) {
          analysis = analyzeRanges(ruleset.ruleset.levels, config.workspace.scores);
          analyses.set(ruleset, analysis);
        }
        return analysis;
      },
      report(report) {
        findings.push(toFinding(rule.id, severity, report));
      },
    };
    rule.check(context);
  }
  return sortFindings(findings);
}

function toFinding(rule: RuleId, severity: Severity, report: Report): Finding {
  const source = report.at instanceof SourceFile ? report.at : report.at.source;
  const ruleset = report.at instanceof SourceFile ? undefined : report.at.ruleset.id;
  const path = report.path ?? [];
  const position = report.position ?? source.locate(path, report.target);
  return { rule, severity, message: report.message, file: source.path, ...position, path, ...(ruleset ? { ruleset } : {}) };
}
