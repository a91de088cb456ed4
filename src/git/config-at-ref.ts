import { posix, relative, resolve } from 'node:path';
import type { Config } from '../model/config.js';
import { parseConfig, type ConfigFile } from '../model/load.js';
import type { Repo } from './repo.js';

const CONFIG_FILE = /\.ya?ml$/i;

/** A config folder as it was at a commit; `exists` is false when the folder was not there. */
export interface ConfigAtCommit {
  config: Config;
  commit: string;
  exists: boolean;
}

/**
 * Reads the config folder at a commit, without touching the working tree. File paths are shown
 * as they are in the working tree (relative to `cwd`), so findings land on the right files.
 */
export async function loadConfigAt(repo: Repo, commit: string, folder: string, cwd: string): Promise<ConfigAtCommit> {
  const inner = repo.inside(cwd, folder);
  const paths = (await repo.filesAt(commit, inner)).filter((path) => CONFIG_FILE.test(path) && !path.split('/').some((part) => part.startsWith('.') || part === 'node_modules'));
  const contents = await repo.readAllAt(commit, paths);
  const files: ConfigFile[] = paths.map((path, i) => ({ path: relative(cwd, resolve(repo.root, path)).split('\\').join('/') || posix.basename(path), content: contents[i]! }));
  return { config: parseConfig(files, { folder }), commit, exists: paths.length > 0 };
}
