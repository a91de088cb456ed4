import { createColors } from 'picocolors';
import { UserError } from '../errors.js';
import { appliedCommits, type AppliedCommits } from '../git/applied.js';
import { readHistory, type HistoryEntry } from '../git/history.js';
import { Repo } from '../git/repo.js';
import { changeInEffect, type InEffect } from '../diff/in-effect.js';
import { changeLines } from '../plan/renderers/changes.js';
import { snapshotFromApplied, type ConfigSnapshot } from '../plan/snapshot.js';
import type { ApplyRecord } from '../store/types.js';
import { useColor, type CommandIO } from './io.js';
import { configuredStore, storeIsInUse, withStore } from './store-access.js';

export interface HistoryCommandOptions {
  config: string;
  store?: string;
  ruleset?: string;
  limit?: number;
  format: 'text' | 'json';
  quiet: boolean;
}

/** The apply log, when a store is set up: what marks each commit with the apply that brought it. */
interface Applied {
  store: string;
  applies: ApplyRecord[];
  commits: AppliedCommits;
  /** The config in the store now (drift included): what is live. */
  live: ConfigSnapshot;
}

/** A git repository holding `cwd`, or a sentence saying the command needs one. */
export async function requireRepo(cwd: string, command: string): Promise<Repo> {
  const repo = await Repo.find(cwd);
  if (!repo) throw new UserError(`levels ${command} reads the config's git history, and ${cwd} is not in a git repository.`);
  return repo;
}

/**
 * `levels history`: the commits that changed the config folder, newest first, each with its
 * semantic change and, where a store is set up, the apply that brought it live.
 */
export async function historyCommand(options: HistoryCommandOptions, io: CommandIO): Promise<number> {
  const repo = await requireRepo(io.cwd, 'history');
  const folder = repo.inside(io.cwd, options.config);
  // With --ruleset, the newest N commits that touch it: read everything, then keep N.
  const all = await readHistory(repo, folder, options.ruleset === undefined && options.limit !== undefined ? { limit: options.limit } : {});
  let entries = options.ruleset === undefined ? all : all.filter((entry) => touches(entry, options.ruleset!));
  if (options.limit !== undefined) entries = entries.slice(0, options.limit);
  const applied = await readApplied(repo, options, io);

  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(historyJson(entries, applied), null, 2)}\n`);
    return 0;
  }
  const c = createColors(useColor(io.stdout, io.env));
  const out: string[] = [];
  if (applied) out.push(...appliedHeader(applied, c), '');
  if (entries.length === 0) {
    out.push(options.ruleset === undefined ? `No commit has changed ${options.config} yet.` : `No commit has changed the ruleset ${options.ruleset} in ${options.config}.`);
  }
  for (const entry of entries) {
    out.push(`${c.yellow(`commit ${entry.commit.slice(0, 12)}`)}${applied ? `  ${applyMark(entry, applied, c)}` : ''}`);
    out.push(`Author: ${entry.author} <${entry.email}>`);
    out.push(`Date:   ${entry.date}`);
    out.push('', `    ${entry.subject}`, '');
    const lines = changeLines(entry.diff.rulesets, entry.diff.domain, c, '    ');
    if (lines.length > 0) out.push(...lines);
    else out.push(c.dim(`    no change to levels (${describeFiles(entry)})`));
    for (const problem of entry.problems) out.push(`    ${c.red('!')} ${problem.file} is not valid config here, left out: ${problem.message}`);
    out.push('');
  }
  io.stdout.write(`${out.join('\n').trimEnd()}\n`);
  return 0;
}

/**
 * Whether a commit reached the store, and whether what it changed is live now: an applied change
 * that later commits changed again is superseded, wholly or partly.
 */
function applyMark(entry: HistoryEntry, applied: Applied, c: ReturnType<typeof createColors>): string {
  const apply = applied.commits.byCommit.get(entry.commit);
  const effect = changeInEffect(entry.diff, applied.live);
  if (!apply) return c.yellow(effect === 'all' ? 'not applied from this commit, though what it changed is live' : 'not applied');
  const when = `applied in serial ${apply.serial} (${day(apply.appliedAt)} by ${apply.actor})`;
  return effect === 'all' ? c.green(`${when}, live`) : effect === 'nothing' ? c.green(when) : c.dim(`${when}, ${effect === 'some' ? 'partly ' : ''}superseded since`);
}

function touches(entry: HistoryEntry, ruleset: string): boolean {
  return entry.diff.rulesets.some((change) => change.ruleset === ruleset || change.previous_id === ruleset);
}

/** What a commit with no semantic change did to the files: formatting, comments, renames. */
function describeFiles(entry: HistoryEntry): string {
  const renamed = entry.files.filter((file) => file.status === 'renamed');
  if (renamed.length > 0) return renamed.map((file) => `${file.previousPath} renamed to ${file.path}`).join('; ');
  return `formatting or comments in ${entry.files.map((file) => file.path).join(', ')}`;
}

function day(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** The apply log of the store, when one is set up; a store that cannot be read is a warning, not a failure. */
async function readApplied(repo: Repo, options: HistoryCommandOptions, io: CommandIO): Promise<Applied | undefined> {
  const choice = await configuredStore(options.store, options.config, io, { repo });
  if (!storeIsInUse(choice)) return undefined;
  try {
    const [log, state] = await withStore(choice, (store) => Promise.all([store.history(Number.MAX_SAFE_INTEGER), store.read()]));
    const applies = log.reverse();
    return { store: choice.shown, applies, commits: await appliedCommits(repo, applies), live: snapshotFromApplied(state.config) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    io.stderr.write(`levels: the apply log of ${choice.shown} could not be read (${error.message.replace(/\.$/, '')}); history is shown without it.\n`);
    return undefined;
  }
}

function appliedHeader(applied: Applied, c: ReturnType<typeof createColors>): string[] {
  const live = applied.applies.at(-1);
  if (!live) return [c.dim(`Nothing has been applied to ${applied.store} yet.`)];
  const lines = [
    c.bold(`Live in ${applied.store}: serial ${live.serial}, applied ${day(live.appliedAt)} by ${live.actor}${live.gitCommit ? ` from commit ${live.gitCommit.slice(0, 12)}` : ' from uncommitted changes'}.`),
  ];
  if (applied.commits.uncommitted.length > 0) {
    lines.push(c.dim(`Applied from uncommitted changes (no commit to mark): serial ${applied.commits.uncommitted.map((apply) => apply.serial).join(', ')}.`));
  }
  if (applied.commits.unknown.length > 0) {
    lines.push(c.dim(`Applied from commits this clone does not have (fetch them to see where): serial ${applied.commits.unknown.map((apply) => `${apply.serial} (${apply.gitCommit!.slice(0, 12)})`).join(', ')}.`));
  }
  return lines;
}

const LIVE = { all: 'yes', some: 'partly', none: 'no' } as const;

function historyJson(entries: HistoryEntry[], applied: Applied | undefined) {
  const live = applied?.applies.at(-1);
  return {
    store: applied ? { url: applied.store, serial: live?.serial ?? 0, git_commit: live?.gitCommit ?? null } : null,
    commits: entries.map((entry) => {
      const apply = applied?.commits.byCommit.get(entry.commit);
      const effect: InEffect | undefined = applied && changeInEffect(entry.diff, applied.live);
      return {
        commit: entry.commit,
        parents: entry.parents,
        author: { name: entry.author, email: entry.email },
        date: entry.date,
        subject: entry.subject,
        applied: !applied ? null : apply ? { serial: apply.serial, applied_at: apply.appliedAt, actor: apply.actor } : false,
        live: effect === undefined || effect === 'nothing' ? null : LIVE[effect],
        changes: entry.diff.rulesets,
        domain_change: entry.diff.domain,
        files: entry.files.map((file) => ({ status: file.status, path: file.path, ...(file.previousPath ? { previous_path: file.previousPath } : {}) })),
        problems: entry.problems,
      };
    }),
  };
}
