import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { countFindings } from '../findings.js';
import { formatFindings, lint, rules } from '../lint/index.js';
import { loadConfig } from '../model/load.js';
import { findingsTable } from '../plan/renderers/markdown.js';
import { VERSION } from '../version.js';
import { annotate, bySeverity, logVerbatim } from './findings.js';
import type { ActionInputs } from './inputs.js';
import type { Workflow } from './workflow.js';

/**
 * `command: lint`: every finding in the log, the most severe as annotations on their lines, a
 * SARIF file for code scanning, a table in the job summary; fails per `fail-on`.
 */
export async function runLint(inputs: ActionInputs, workflow: Workflow): Promise<void> {
  const config = await loadConfig(inputs.config, { cwd: workflow.cwd });
  const findings = bySeverity(lint(config));
  const options = { sources: new Map(config.sources.map((source) => [source.path, source.text])), rules, color: false, fileCount: config.sources.length, toolVersion: VERSION };
  logVerbatim(formatFindings('text', findings, options));

  const sarif = join(workflow.temp, 'levels.sarif');
  await writeFile(sarif, formatFindings('sarif', findings, options));
  const counts = countFindings(findings);
  annotate(findings, `this step's log and ${sarif}`, { failing: fails(inputs.failOn, counts) });

  core.setOutput('errors', counts.errors);
  core.setOutput('warnings', counts.warnings);
  core.setOutput('sarif-file', sarif);

  const headline = findings.length === 0 ? `✅ No findings in ${config.sources.length} files.` : `${counts.errors > 0 ? '🛑' : '⚠️'} ${counts.errors} errors, ${counts.warnings} warnings, ${counts.infos} infos in ${config.sources.length} files.`;
  await core.summary.addRaw(`### levels lint: \`${inputs.config}\`\n\n${headline}\n\n${findings.length > 0 ? `${findingsTable(findings)}\n` : ''}`, true).write();
  failPer(inputs.failOn, counts, 'lint');
}

/** Whether findings at or above `fail-on` exist. */
export function fails(failOn: ActionInputs['failOn'], counts: { errors: number; warnings: number }): boolean {
  return counts.errors > 0 || (failOn === 'warning' && counts.warnings > 0);
}

/** Fails the step when a finding at or above `fail-on` exists. */
export function failPer(failOn: ActionInputs['failOn'], counts: { errors: number; warnings: number }, what: string): void {
  if (counts.errors > 0) core.setFailed(`levels ${what}: ${counts.errors} error finding${counts.errors === 1 ? '' : 's'} (see the annotations and the log).`);
  else if (failOn === 'warning' && counts.warnings > 0) core.setFailed(`levels ${what}: ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}, and fail-on is warning.`);
}
