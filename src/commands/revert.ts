import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createColors } from 'picocolors';
import { diffConfigs, isEmptyDiff } from '../diff/semantic.js';
import { UserError, describeFsError } from '../errors.js';
import type { Repo } from '../git/repo.js';
import { snapshotOf } from '../plan/snapshot.js';
import { configVersion, renderDiff, type ConfigVersion } from './config-diff.js';
import { requireRepo } from './history.js';
import { useColor, type CommandIO } from './io.js';

export interface RevertCommandOptions {
  config: string;
  ruleset?: string;
  force: boolean;
  quiet: boolean;
}

/** What a revert does to the working tree: repository paths to write (with their bytes) and to delete. */
interface RevertWork {
  write: Map<string, Buffer>;
  remove: string[];
}

/**
 * `levels revert REF [--ruleset ID]`: writes the config folder (or one ruleset's file) as it was
 * at REF into the working tree, prints the semantic change, and leaves committing, planning and
 * applying to the usual flow. History is never rewritten; uncommitted edits to the files it
 * would touch are refused without --force.
 */
export async function revertCommand(ref: string, options: RevertCommandOptions, io: CommandIO): Promise<number> {
  const repo = await requireRepo(io.cwd, 'revert');
  const folder = repo.inside(io.cwd, options.config);
  const target = await configVersion(repo, ref, options.config, io.cwd);
  const current = await configVersion(repo, undefined, options.config, io.cwd).catch((error: unknown) => {
    if (error instanceof UserError && options.ruleset === undefined) return undefined; // The folder is gone: the revert brings it back.
    throw error;
  });
  const work = options.ruleset === undefined ? await wholeFolder(repo, target.commit!, folder) : await oneRuleset(repo, target, current, options.ruleset, folder, io.cwd);
  // Files that already hold what they held at REF are left alone.
  for (const [path, bytes] of work.write) if (sameFile(repo, path, bytes)) work.write.delete(path);

  // Uncommitted edits in what would be touched are not overwritten without --force.
  const touched = new Set([...work.write.keys(), ...work.remove]);
  const dirty = (await repo.uncommitted(folder)).filter((path) => touched.has(path));
  if (dirty.length > 0 && !options.force) {
    throw new UserError(`levels revert would overwrite uncommitted changes to ${dirty.join(', ')}: commit or stash them first, or pass --force to discard them.`);
  }
  if (work.write.size === 0 && work.remove.length === 0) {
    io.stdout.write(`${options.ruleset === undefined ? options.config : `The ruleset ${options.ruleset}`} already matches ${target.label}; nothing was written.\n`);
    return 0;
  }
  await applyWork(repo, work);

  const after = await configVersion(repo, undefined, options.config, io.cwd);
  const diff = diffConfigs(current ? snapshotOf(current.config) : { rulesets: [], scores: after.config.workspace.scores }, snapshotOf(after.config));
  const c = createColors(useColor(io.stdout, io.env));
  const what = options.ruleset === undefined ? options.config : `the ruleset ${options.ruleset}`;
  const out = [`Reverted ${what} to ${target.label} in the working tree: ${describeWork(work)}.`];
  if (!options.quiet) {
    out.push('', renderDiff(diff, 'the working tree', c).trimEnd());
    out.push(
      '',
      isEmptyDiff(diff)
        ? 'Nothing changes for levels (only formatting, comments or file names differ). Commit it if you want the files back as they were.'
        : `Next: review it (git diff -- ${folder || '.'}), commit it (git add -A -- ${folder || '.'} && git commit -m "Revert ${what} to ${target.commit!.slice(0, 12)}"), then plan and apply it as any change (levels plan, levels apply, or a pull request).`,
    );
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** The whole folder as at `commit`: its files written, files git tracks now that were not there removed. */
async function wholeFolder(repo: Repo, commit: string, folder: string): Promise<RevertWork> {
  const then = await repo.filesAt(commit, folder);
  const contents = await repo.readAllAt(commit, then);
  const write = new Map(then.map((path, i) => [path, contents[i]!]));
  const remove = (await repo.tracked(folder)).filter((path) => !write.has(path) && existsSync(join(repo.root, path)));
  return { write, remove };
}

/**
 * One ruleset as at REF, in the file that declares it now (so a file renamed since keeps its
 * name), or back in its old file if it is gone; a ruleset that did not exist at REF is removed.
 */
async function oneRuleset(
  repo: Repo,
  target: ConfigVersion,
  current: ConfigVersion | undefined,
  id: string,
  folder: string,
  cwd: string,
): Promise<RevertWork> {
  // A ruleset renamed since REF is the same ruleset: follow the rename either way.
  const renamed = current ? diffConfigs(snapshotOf(target.config), snapshotOf(current.config)).rulesets.find((change) => change.previous_id !== undefined && (change.ruleset === id || change.previous_id === id)) : undefined;
  const idThen = renamed && renamed.ruleset === id ? renamed.previous_id! : id;
  const idNow = renamed && renamed.previous_id === id ? renamed.ruleset : id;
  const fileOf = (version: ConfigVersion | undefined, wanted: string) => version?.config.rulesets.find((source) => source.ruleset.id === wanted)?.source.path;
  const then = fileOf(target, idThen);
  const now = fileOf(current, idNow);
  if (then === undefined && now === undefined) throw new UserError(`There is no ruleset ${id} in ${folder || '.'}, neither now nor at ${target.label}.`);
  const inRepo = (path: string) => repo.inside(cwd, path);
  if (then === undefined) return { write: new Map(), remove: [inRepo(now!)] };
  const [bytes] = await repo.readAllAt(target.commit!, [inRepo(then)]);
  if (now !== undefined) return { write: new Map([[inRepo(now), bytes!]]), remove: [] };
  // Gone now: back to its old file, unless another document took that name (a file that does not
  // parse now is taken to be this ruleset's, broken).
  const holder = current?.config.rulesets.find((source) => source.source.path === then)?.ruleset.id ?? (current?.config.workspaceSource?.path === then ? 'the Workspace' : undefined);
  if (holder) throw new UserError(`${then} now holds ${holder === 'the Workspace' ? holder : `the ruleset ${holder}`}, so the ruleset ${id} cannot go back there; move that file, then revert again.`);
  return { write: new Map([[inRepo(then), bytes!]]), remove: [] };
}

function sameFile(repo: Repo, path: string, bytes: Buffer): boolean {
  try {
    return readFileSync(join(repo.root, path)).equals(bytes);
  } catch {
    return false;
  }
}

/** Each file written to a temporary name then renamed over, so none is left half-written. */
async function applyWork(repo: Repo, work: RevertWork): Promise<void> {
  for (const [path, bytes] of work.write) {
    const absolute = join(repo.root, path);
    const temporary = `${absolute}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(absolute), { recursive: true });
      await writeFile(temporary, bytes);
      await rename(temporary, absolute);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new UserError(`${describeFsError(error, path)}; the revert stopped there.`);
    }
  }
  for (const path of work.remove) {
    try {
      await rm(join(repo.root, path), { force: true });
    } catch (error) {
      throw new UserError(`${describeFsError(error, path)}; the revert stopped there.`);
    }
  }
}

function describeWork(work: RevertWork): string {
  const parts = [];
  if (work.write.size > 0) parts.push(`${work.write.size} file${work.write.size === 1 ? '' : 's'} written`);
  if (work.remove.length > 0) parts.push(`${work.remove.join(', ')} removed`);
  return parts.join(', ');
}
