import { countFindings, type Finding } from '../findings.js';
import { effectiveSeverity, formatFindings, lint, rules as allRules, type LintFormat, type Rule } from '../lint/index.js';
import type { Config } from '../model/config.js';
import { loadConfig } from '../model/load.js';
import { VERSION } from '../version.js';
import { useColor, type CommandIO } from './io.js';

export interface LintCommandOptions {
  config: string;
  format: LintFormat;
  quiet: boolean;
  /** Fail when there are more warnings than this. */
  maxWarnings?: number;
}

/** `levels lint`: every static rule over the config folder. */
export async function lintCommand(options: LintCommandOptions, io: CommandIO): Promise<number> {
  const config = await loadConfig(options.config, { cwd: io.cwd });
  return report(config, lint(config), allRules, options, io);
}

/** `levels validate`: YAML syntax and the JSON Schema only. */
export async function validateCommand(options: Omit<LintCommandOptions, 'maxWarnings'>, io: CommandIO): Promise<number> {
  const config = await loadConfig(options.config, { cwd: io.cwd });
  const fixed = allRules.filter((rule) => rule.fixed);
  return report(config, lint(config, { rules: fixed }), fixed, options, io);
}

function report(config: Config, found: Finding[], rules: readonly Rule[], options: LintCommandOptions, io: CommandIO): number {
  const findings = options.quiet ? found.filter((finding) => finding.severity === 'error') : found;
  io.stdout.write(
    formatFindings(options.format, findings, {
      sources: new Map(config.sources.map((source) => [source.path, source.text])),
      rules,
      color: useColor(io.stdout, io.env),
      fileCount: config.sources.length,
      toolVersion: VERSION,
    }),
  );
  const counts = countFindings(found);
  if (counts.errors > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    io.stderr.write(`levels: ${counts.warnings} warnings, more than --max-warnings ${options.maxWarnings} allows.\n`);
    return 1;
  }
  return 0;
}

/** `levels lint --rules`: every rule with its severity (as configured, when a config folder exists) and doc. */
export async function listRulesCommand(options: { config: string; format: LintFormat }, io: CommandIO): Promise<number> {
  let config: Config | undefined;
  try {
    config = await loadConfig(options.config, { cwd: io.cwd });
  } catch {
    config = undefined; // No config folder: show the defaults.
  }
  const rows = allRules.map((rule) => ({
    id: rule.id,
    severity: config ? effectiveSeverity(rule, config) : rule.severity,
    default: rule.severity,
    type: rule.type,
    description: rule.description,
  }));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ rules: rows }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((row) => row.id.length));
  for (const row of rows) {
    const severity = row.severity === row.default ? row.severity : `${row.severity} (default ${row.default})`;
    io.stdout.write(`${row.id.padEnd(width)}  ${severity.padEnd(7)}  ${row.type === 'data' ? '[needs --scores] ' : ''}${row.description}\n`);
  }
  return 0;
}
