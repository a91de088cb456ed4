import type { ApplyRecord } from '../store/types.js';
import type { Repo } from './repo.js';

/** Which apply first brought each commit to the store, from the apply log and the git graph. */
export interface AppliedCommits {
  /** Commit → the first apply whose commit has it in its history (itself included). */
  byCommit: Map<string, ApplyRecord>;
  /** Applies whose commit this repository does not have (made from another clone or branch). */
  unknown: ApplyRecord[];
  /** Applies made from uncommitted changes (no commit recorded). */
  uncommitted: ApplyRecord[];
}

/**
 * An apply writes the config of a commit, so it brings that commit and every commit before it
 * (its ancestors) to the store. Walks the ancestry of the applied commits once, in serial order:
 * each commit is marked with the first apply that reached it.
 */
export async function appliedCommits(repo: Repo, applies: readonly ApplyRecord[]): Promise<AppliedCommits> {
  const ordered = [...applies].sort((a, b) => a.serial - b.serial);
  const uncommitted = ordered.filter((apply) => apply.gitCommit === undefined);
  const named = [...new Set(ordered.flatMap((apply) => (apply.gitCommit ? [apply.gitCommit] : [])))];
  const have = await repo.haveCommits(named);
  const unknown = ordered.filter((apply) => apply.gitCommit !== undefined && !have.has(apply.gitCommit));
  const byCommit = new Map<string, ApplyRecord>();
  if (have.size === 0) return { byCommit, unknown, uncommitted };

  const parents = new Map<string, string[]>();
  for (const line of (await repo.run(['rev-list', '--parents', ...have])).split('\n')) {
    const [commit, ...rest] = line.trim().split(' ');
    if (commit) parents.set(commit, rest);
  }
  for (const apply of ordered) {
    if (!apply.gitCommit || !have.has(apply.gitCommit)) continue;
    const stack = [apply.gitCommit];
    while (stack.length > 0) {
      const commit = stack.pop()!;
      if (byCommit.has(commit)) continue; // Reached by an earlier apply, and so are its ancestors.
      byCommit.set(commit, apply);
      for (const parent of parents.get(commit) ?? []) if (!byCommit.has(parent)) stack.push(parent);
    }
  }
  return { byCommit, unknown, uncommitted };
}
