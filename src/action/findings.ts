import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { sortFindings, type Finding, type Severity } from '../findings.js';

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step. */
export const ANNOTATION_LIMIT = 10;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings annotated on their lines, and how many were left to the log. */
export interface Annotated {
  annotated: number;
  rest: number;
}

/**
 * Annotates findings on their file and line, most severe first and at most ten of each kind
 * (GitHub drops the rest); one notice counts what was left out, which the log still lists.
 */
export function annotate(findings: readonly Finding[], where: string, options: { failing?: boolean } = {}): Annotated {
  const ordered = bySeverity(findings);
  const of = (severity: Severity) => ordered.filter((finding) => finding.severity === severity);
  // A failing step's own error annotation takes one of the ten error places.
  const errors = of('error').slice(0, options.failing ? ANNOTATION_LIMIT - 1 : ANNOTATION_LIMIT);
  const warnings = of('warning').slice(0, ANNOTATION_LIMIT);
  const infos = of('info');
  // The counting notice takes one of the ten notice places.
  const needsCount = ordered.length > errors.length + warnings.length + Math.min(infos.length, ANNOTATION_LIMIT);
  const notices = infos.slice(0, needsCount ? ANNOTATION_LIMIT - 1 : ANNOTATION_LIMIT);
  for (const finding of [...errors, ...warnings, ...notices]) {
    const properties: core.AnnotationProperties = {
      title: `levels ${finding.rule}`,
      file: finding.file,
      startLine: finding.line,
      startColumn: finding.column,
      ...(finding.endLine !== undefined ? { endLine: finding.endLine } : {}),
      ...(finding.endColumn !== undefined && finding.endLine === finding.line ? { endColumn: finding.endColumn } : {}),
    };
    if (finding.severity === 'error') core.error(finding.message, properties);
    else if (finding.severity === 'warning') core.warning(finding.message, properties);
    else core.notice(finding.message, properties);
  }
  const annotated = errors.length + warnings.length + notices.length;
  const rest = ordered.length - annotated;
  if (rest > 0) {
    core.notice(`${rest} more finding${rest === 1 ? ' is' : 's are'} not annotated (GitHub shows ${ANNOTATION_LIMIT} of each kind per step); all ${ordered.length} are listed in ${where}.`, {
      title: 'levels: more findings',
    });
  }
  return { annotated, rest };
}

/**
 * Writes text to the log with workflow commands switched off: config text quoted in a finding's
 * code frame can never act as a command (`::set-output`, `::add-mask`).
 */
export function logVerbatim(text: string): void {
  const token = randomUUID();
  process.stdout.write(`::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`);
}

/** Most severe first, then in reading order. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return sortFindings(findings).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
