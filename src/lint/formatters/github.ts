import type { Finding } from '../../findings.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escaping of GitHub workflow commands (as @actions/core's toCommandValue/escapeProperty do). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=...,line=...::message` workflow command per finding: annotations on the lines. */
export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map((finding) => {
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        ...(finding.endLine !== undefined ? [`endLine=${finding.endLine}`] : []),
        ...(finding.endColumn !== undefined && finding.endLine === finding.line ? [`endColumn=${finding.endColumn}`] : []),
        `title=${escapeProperty(`levels ${finding.rule}`)}`,
      ];
      return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}\n`;
    })
    .join('');
}
