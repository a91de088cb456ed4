import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import type { DataContext } from '../../src/lint/data.js';
import type { RuleExample, RuleId } from '../../src/lint/rule.js';
import { lintExample } from './lint.js';

/** A finding the rule must report: its line, and optionally column and a message pattern. */
export interface ExpectedFinding {
  line: number;
  column?: number;
  message?: RegExp;
  severity?: Finding['severity'];
}

export interface InvalidCase {
  name?: string;
  config: RuleExample;
  /** Every finding of the rule under test, in reading order: no more, no fewer. */
  findings: readonly ExpectedFinding[];
  data?: DataContext;
}

export interface ValidCase {
  name?: string;
  config: RuleExample;
  data?: DataContext;
}

/**
 * Table-driven rule tests (ESLint's RuleTester): each valid config yields no finding of the
 * rule; each invalid one yields exactly the listed findings of the rule, at those lines.
 */
export function ruleTester(rule: RuleId, cases: { valid: readonly (RuleExample | ValidCase)[]; invalid: readonly InvalidCase[] }): void {
  describe(rule, () => {
    cases.valid.forEach((entry, index) => {
      const valid = typeof entry === 'object' && 'config' in entry ? (entry as ValidCase) : { config: entry as RuleExample };
      it(`valid #${index + 1}${valid.name ? `: ${valid.name}` : ''}`, () => {
        const findings = lintExample(valid.config, valid.data ? { data: valid.data } : {}).filter((finding) => finding.rule === rule);
        expect(findings.map(summarize)).toEqual([]);
      });
    });
    cases.invalid.forEach((invalid, index) => {
      it(`invalid #${index + 1}${invalid.name ? `: ${invalid.name}` : ''}`, () => {
        const findings = lintExample(invalid.config, invalid.data ? { data: invalid.data } : {}).filter((finding) => finding.rule === rule);
        expect(findings.map(summarize), 'number of findings').toHaveLength(invalid.findings.length);
        invalid.findings.forEach((expected, i) => {
          const actual = findings[i]!;
          expect(actual.line, `line of finding ${i + 1}: ${actual.message}`).toBe(expected.line);
          if (expected.column !== undefined) expect(actual.column, `column of finding ${i + 1}`).toBe(expected.column);
          if (expected.message) expect(actual.message).toMatch(expected.message);
          if (expected.severity) expect(actual.severity).toBe(expected.severity);
        });
      });
    });
  });
}

function summarize(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.rule} ${finding.message}`;
}
