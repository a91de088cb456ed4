/** How much a finding matters. Errors block apply and fail `lint`; warnings fail it past `--max-warnings`. */
export type Severity = 'error' | 'warning' | 'info';

/** A severity as configured: `off` disables the rule. */
export type SeveritySetting = Severity | 'off';

/** A step into a YAML document: a map key or a sequence index. */
export type DocumentPath = readonly (string | number)[];

/**
 * One diagnostic, the single shape shared by validate, lint and plan (Terraform's tfdiags,
 * Spectral's results). Findings are values: they are collected and returned, never thrown.
 */
export interface Finding {
  /** The id of the rule that produced it (`schema`, `overlap`, ...). */
  rule: string;
  /** The effective severity, after `Workspace.lint.rules` overrides. */
  severity: Severity;
  /** One or two sentences naming the levels, scores or keys concerned and, where useful, the fix. */
  message: string;
  /** The file, relative to the working directory, with `/` separators. */
  file: string;
  /** 1-based line of the offending node. */
  line: number;
  /** 1-based column of the offending node. */
  column: number;
  /** 1-based end of the offending node, when known (for editors and SARIF regions). */
  endLine?: number;
  endColumn?: number;
  /** Where in the document the node sits, e.g. `['levels', 1, 'max']`. Empty for the whole file. */
  path: DocumentPath;
  /** The ruleset concerned, when there is one. */
  ruleset?: string;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in reading order: by file, line, column, then most severe first. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      severityRank[a.severity] - severityRank[b.severity] ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
