import { UserError } from '../errors.js';
import type { Store } from '../store/types.js';

/**
 * Stands in for the SQLite driver inside the action's bundle, which carries no native module:
 * the embedded store is a file in one checkout, gone when the job ends.
 */
export async function openSqlite(_path: string, url: string): Promise<Store> {
  throw new UserError(
    `The action cannot open the embedded store (${url}): it runs without native modules, and a store file on the runner vanishes with the job. Give it a store reached by URL (the store input or LEVELS_STORE, a postgres:// URL from a secret), or run npx levels in a step after installing it.`,
  );
}
