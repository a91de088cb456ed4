import type { DocumentPath, Severity } from '../findings.js';
import type { Config, RuleSeverities, RulesetSource } from '../model/config.js';
import type { Position, SourceFile } from '../model/source.js';
import type { RangeAnalysis } from '../ranges/analysis.js';
import type { ScoreDomain } from '../ranges/domain.js';
import type { DataContext } from './data.js';

/** Every rule id: those a Workspace may configure (from the schema) and the two fixed ones. */
export type RuleId = keyof RuleSeverities | 'yaml-syntax' | 'schema';

/**
 * A documentation example: one ruleset file's YAML, or several files of a config folder
 * (path → YAML) for rules that look across files. The meta-test lints every example, so the
 * docs cannot drift from the behaviour.
 */
export type RuleExample = string | Readonly<Record<string, string | Uint8Array>>;

/** What a rule reports: where (a ruleset and a path into its document) and what. */
export interface Report {
  message: string;
  /** The document the finding is in: a ruleset's, or any source file. */
  at: RulesetSource | SourceFile;
  /** The node concerned, e.g. `['levels', 1, 'max']`. */
  path?: DocumentPath;
  /** Point at the key naming the node rather than at its value. */
  target?: 'key' | 'value';
  /** An exact position, for problems found before there was a document to point into. */
  position?: Position;
}

export interface RuleContext {
  readonly config: Config;
  readonly domain: ScoreDomain;
  readonly rulesets: readonly RulesetSource[];
  /** The range analysis of a ruleset, computed once and shared by every range rule. */
  ranges(ruleset: RulesetSource): RangeAnalysis;
  /** The score export's statistics, for data-aware rules; undefined for a static lint. */
  readonly data: DataContext | undefined;
  report(report: Report): void;
}

/**
 * One lint rule (ESLint's `lib/rules/<id>.js`): an id, a default severity, a one-line doc,
 * examples, and a check that reports findings with a path into the document.
 */
export interface Rule {
  id: RuleId;
  severity: Severity;
  /** One line: what the rule finds. Shown by `levels lint --rules` and in docs/rules.md. */
  description: string;
  /** `static` rules read the config; `data` rules also need a score export. */
  type: 'static' | 'data';
  /** The yaml-syntax and schema rules cannot be turned down: a broken file never passes silently. */
  fixed?: boolean;
  examples: { valid: readonly RuleExample[]; invalid: readonly RuleExample[] };
  check(context: RuleContext): void;
}

/** Declares a rule with its type checked (typescript-eslint's createRule). */
export function createRule(rule: Rule): Rule {
  return rule;
}
