import { UserError } from '../errors.js';
import { loadConfigAt } from '../git/config-at-ref.js';
import type { Repo } from '../git/repo.js';
import type { Config } from '../model/config.js';
import { loadConfig } from '../model/load.js';
import type { ConfigRef } from '../plan/generated/types.js';

/** The proposed config: the working tree's folder, or the folder at a git ref (--ref). */
export async function loadProposed(repo: Repo | undefined, folder: string, ref: string | undefined, cwd: string): Promise<{ config: Config; source: Omit<ConfigRef, 'folder' | 'hash'> }> {
  if (ref !== undefined) {
    if (!repo) throw new UserError(`--ref ${ref} reads the config from git, and ${cwd} is not in a git repository.`);
    const commit = await repo.resolve(ref);
    const { config, exists } = await loadConfigAt(repo, commit, folder, cwd);
    if (!exists) throw new UserError(`The config folder ${folder} does not exist at ${ref}.`);
    return { config, source: { source: 'git', ref, commit } };
  }
  const config = await loadConfig(folder, { cwd });
  const head = repo && (await repo.exists('HEAD')) ? await repo.resolve('HEAD') : undefined;
  const clean = repo && head ? !(await repo.isDirty(repo.inside(cwd, folder), head)) : false;
  return { config, source: { source: 'working-tree', ...(clean && head ? { commit: head } : {}) } };
}
