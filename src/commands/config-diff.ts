import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';
import { createColors } from 'picocolors';
import { diffConfigs, isEmptyDiff, type ConfigDiff } from '../diff/semantic.js';
import { UserError } from '../errors.js';
import { loadConfigAt } from '../git/config-at-ref.js';
import type { Repo } from '../git/repo.js';
import type { Config } from '../model/config.js';
import { loadConfig } from '../model/load.js';
import { changeLines } from '../plan/renderers/changes.js';
import { describeDomain, rangeOf } from '../plan/renderers/describe.js';
import { canonicalConfig, snapshotOf } from '../plan/snapshot.js';
import { requireRepo } from './history.js';
import { useColor, type CommandIO } from './io.js';

/** A config as found at a git ref, or in the working tree (ref undefined). */
export interface ConfigVersion {
  config: Config;
  /** `HEAD~2 (3f2a9c1)`, or `the working tree`. */
  label: string;
  ref?: string;
  commit?: string;
}

/** The config folder at a ref (its files, without touching the working tree), or in the working tree. */
export async function configVersion(repo: Repo, ref: string | undefined, folder: string, cwd: string): Promise<ConfigVersion> {
  if (ref === undefined) return { config: await loadConfig(folder, { cwd }), label: 'the working tree' };
  const commit = await repo.resolve(ref);
  const { config, exists } = await loadConfigAt(repo, commit, folder, cwd);
  if (!exists) throw new UserError(`${folder} does not exist at ${ref} (${commit.slice(0, 7)}): there is no config there.`);
  // A hash names itself; a branch, tag or expression also gets the commit it stands for.
  const label = commit.startsWith(ref.toLowerCase()) ? commit.slice(0, 12) : `${ref} (${commit.slice(0, 7)})`;
  return { config, label, ref, commit };
}

/**
 * The YAML text diff of the config files, file by file (paths as in the working tree). A file
 * that holds the same ruleset (or the ruleset renamed) under another name is diffed against its
 * old self, as git shows a rename, rather than as one file removed and another added.
 */
export function textDiff(before: Config, after: Config, labels: [string, string]): string {
  const old = new Map(before.sources.map((source) => [source.path, source.text]));
  const next = new Map(after.sources.map((source) => [source.path, source.text]));
  const fileOf = (config: Config) => new Map(config.rulesets.map((source) => [source.ruleset.id, source.source.path]));
  const [oldFiles, newFiles] = [fileOf(before), fileOf(after)];
  const diff = diffConfigs(snapshotOf(before), snapshotOf(after));
  const movedFrom = new Map<string, string>(); // new path → old path
  for (const [id, path] of newFiles) {
    const previous = oldFiles.get(diff.rulesets.find((change) => change.ruleset === id)?.previous_id ?? id);
    if (previous !== undefined && previous !== path && !next.has(previous) && !old.has(path)) movedFrom.set(path, previous);
  }
  const moved = new Set(movedFrom.values());
  const paths = [...new Set([...old.keys(), ...next.keys()])].filter((path) => !moved.has(path)).sort();
  return paths
    .map((path) => [movedFrom.get(path) ?? path, path] as const)
    .filter(([from, to]) => old.get(from) !== next.get(to))
    .map(([from, to]) =>
      createTwoFilesPatch(old.has(from) ? `a/${from}` : '/dev/null', next.has(to) ? `b/${to}` : '/dev/null', old.get(from) ?? '', next.get(to) ?? '', labels[0], labels[1], {
        context: 3,
        headerOptions: FILE_HEADERS_ONLY,
      }),
    )
    .join('');
}

/** A unified diff in colour, as git shows one. */
function paintPatch(patch: string, c: ReturnType<typeof createColors>): string {
  return patch
    .split('\n')
    .map((line) => (line.startsWith('+++') || line.startsWith('---') ? c.bold(line) : line.startsWith('@@') ? c.cyan(line) : line.startsWith('+') ? c.green(line) : line.startsWith('-') ? c.red(line) : line))
    .join('\n');
}

export interface DiffCommandOptions {
  config: string;
  format: 'text' | 'json';
  /** Leave out the YAML text diff. */
  text: boolean;
  detailedExitcode: boolean;
  quiet: boolean;
}

/** `levels diff A [B]`: the semantic change from A to B (the working tree by default), then the text diff. */
export async function diffCommand(from: string, to: string | undefined, options: DiffCommandOptions, io: CommandIO): Promise<number> {
  const repo = await requireRepo(io.cwd, 'diff');
  const [before, after] = await Promise.all([configVersion(repo, from, options.config, io.cwd), configVersion(repo, to, options.config, io.cwd)]);
  const diff = diffConfigs(snapshotOf(before.config), snapshotOf(after.config));
  const patch = textDiff(before.config, after.config, [before.label, after.label]);
  if (options.format === 'json') {
    const side = (version: ConfigVersion) => (version.commit ? { ref: version.ref, commit: version.commit } : { working_tree: true });
    io.stdout.write(`${JSON.stringify({ from: side(before), to: side(after), changes: diff.rulesets, domain_change: diff.domain, text_diff: patch }, null, 2)}\n`);
  } else {
    const c = createColors(useColor(io.stdout, io.env));
    io.stdout.write(`${renderDiff(diff, `${options.config} from ${before.label} to ${after.label}`, c)}${options.text && patch !== '' && !options.quiet ? `\n${paintPatch(patch, c)}` : ''}`);
  }
  return options.detailedExitcode && !isEmptyDiff(diff) ? 2 : 0;
}

/** The semantic diff as text, under a heading; one line when nothing changes. */
export function renderDiff(diff: ConfigDiff, heading: string, c: ReturnType<typeof createColors>): string {
  if (isEmptyDiff(diff)) return `No change to levels in ${heading}.\n`;
  return `${[c.bold(`Changes in ${heading}:`), ...changeLines(diff.rulesets, diff.domain, c)].join('\n')}\n`;
}

export interface ShowCommandOptions {
  config: string;
  ruleset?: string;
  format: 'text' | 'json';
  quiet: boolean;
}

/** `levels show REF`: the config as it was at REF, each ruleset's levels as a table. */
export async function showCommand(ref: string, options: ShowCommandOptions, io: CommandIO): Promise<number> {
  const repo = await requireRepo(io.cwd, 'show');
  const version = await configVersion(repo, ref, options.config, io.cwd);
  const snapshot = snapshotOf(version.config);
  const rulesets = snapshot.rulesets.filter(({ ruleset }) => options.ruleset === undefined || ruleset.id === options.ruleset);
  if (options.ruleset !== undefined && rulesets.length === 0) {
    const known = snapshot.rulesets.map(({ ruleset }) => ruleset.id);
    throw new UserError(`There is no ruleset ${options.ruleset} in ${options.config} at ${version.label}${known.length > 0 ? `; it holds ${known.join(', ')}` : ''}.`);
  }
  if (options.format === 'json') {
    const canonical = canonicalConfig({ ...snapshot, rulesets });
    io.stdout.write(`${JSON.stringify({ ref, commit: version.commit, files: Object.fromEntries(rulesets.map(({ ruleset, file }) => [ruleset.id, file])), config: canonical }, null, 2)}\n`);
    return 0;
  }
  const c = createColors(useColor(io.stdout, io.env));
  const out = [c.bold(`${options.config} at ${version.label}`), `Scores: ${describeDomain({ ...snapshot.scores, max: Number.isFinite(snapshot.scores.max) ? snapshot.scores.max : null })}`, ''];
  for (const { ruleset, file } of rulesets) {
    const flags = [ruleset.primary ? 'primary' : '', ruleset.enabled ? '' : 'disabled'].filter(Boolean);
    out.push(`${c.bold(ruleset.id)} ${ruleset.name}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}${file ? c.dim(`  ${file}`) : ''}`);
    const rows = ruleset.levels.map((level) => [level.name, rangeOf({ min: level.min, max: level.max ?? null }), level.color ?? '', level.expected_share ?? '', level.owner ?? '']);
    out.push(...table(['Level', 'Scores', 'Color', 'Expected share', 'Owner'], rows).map((line) => `  ${line}`), '');
  }
  for (const problem of version.config.problems) out.push(c.red(`! ${problem.source.path}:${problem.position.line}: [${problem.rule}] ${problem.message}`));
  io.stdout.write(`${out.join('\n').trimEnd()}\n`);
  return 0;
}

/** Columns padded to their widest cell; empty trailing columns dropped. */
function table(header: string[], rows: string[][]): string[] {
  const used = header.map((_, i) => i === 0 || rows.some((row) => row[i] !== ''));
  const keep = (row: string[]) => row.filter((_, i) => used[i]);
  const all = [keep(header), ...rows.map(keep)];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  return all.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}
