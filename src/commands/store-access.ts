import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { userInfo } from 'node:os';
import { Repo } from '../git/repo.js';
import { loadWorkspace } from '../model/load.js';
import { openLocation } from '../store/open.js';
import type { Store } from '../store/types.js';
import { chooseStoreUrl, parseStoreUrl, redactUrl, type StoreLocation } from '../store/url.js';
import type { CommandIO } from './io.js';

export interface StoreChoice {
  location: StoreLocation;
  /** Named by --store, LEVELS_STORE or the Workspace (rather than the default). */
  explicit: boolean;
  /** The URL without its password, for messages. */
  shown: string;
}

/**
 * Which store a command uses: --store, LEVELS_STORE, the Workspace's store, or the embedded
 * default; a relative sqlite: path starts at the git repository's root (the working directory
 * outside git).
 */
export async function chooseStore(flag: string | undefined, workspaceStore: string | undefined, io: CommandIO, repo?: Repo | null): Promise<StoreChoice> {
  const { url, explicit } = chooseStoreUrl(flag, io.env, workspaceStore);
  // Only a relative sqlite: path needs the repository's root.
  const relative = url.startsWith('sqlite:') && !isAbsolute(url.slice('sqlite:'.length));
  const found = !relative ? undefined : repo === undefined ? await Repo.find(io.cwd) : (repo ?? undefined);
  const location = parseStoreUrl(url, found?.root ?? io.cwd);
  return { location, explicit, shown: redactUrl(url) };
}

/**
 * The store a command uses when it has no config of its own to read: --store, LEVELS_STORE, or
 * the Workspace's store (only the Workspace file is parsed), or the default. A config folder
 * that cannot be read is no store setting, unless `required` (a plan needs the folder anyway).
 */
export async function configuredStore(flag: string | undefined, folder: string, io: CommandIO, options: { required?: boolean; repo?: Repo | null } = {}): Promise<StoreChoice> {
  let workspaceStore: string | undefined;
  if (flag === undefined && !io.env.LEVELS_STORE) {
    try {
      workspaceStore = (await loadWorkspace(folder, { cwd: io.cwd })).store;
    } catch (error) {
      if (options.required) throw error;
    }
  }
  return chooseStore(flag, workspaceStore, io, options.repo);
}

/** Whether a plan should compare with this store by default: one was named, or the embedded one exists. */
export function storeIsInUse(choice: StoreChoice): boolean {
  return choice.explicit || (choice.location.kind === 'sqlite' && existsSync(choice.location.path));
}

/** Opens the store, runs `work`, and closes it whatever happens. */
export async function withStore<T>(choice: StoreChoice, work: (store: Store) => Promise<T>, options: { lockTimeout?: number } = {}): Promise<T> {
  const store = await openLocation(choice.location, options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Who applies: the GitHub actor in Actions, else the user running the command. */
export function actorOf(env: CommandIO['env']): string {
  if (env.GITHUB_ACTOR) return env.GITHUB_ACTOR;
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? 'unknown';
  }
}
