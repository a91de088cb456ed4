import { parseStoreUrl, type StoreLocation } from './url.js';
import type { Store } from './types.js';

export interface OpenOptions {
  /** Where a relative sqlite: path starts: the git repository's root, or the working directory. */
  base: string;
  lockTimeout?: number;
}

/** Opens the store a URL names, loading only its driver (the embedded one is a native module). */
export async function openStore(url: string, options: OpenOptions): Promise<Store> {
  return openLocation(parseStoreUrl(url, options.base), options);
}

export async function openLocation(location: StoreLocation, options: Omit<OpenOptions, 'base'> = {}): Promise<Store> {
  if (location.kind === 'sqlite') {
    const { openSqlite } = await import('./drivers/sqlite.js');
    return openSqlite(location.path, location.url, options);
  }
  const { openPostgres } = await import('./drivers/postgres.js');
  return openPostgres(location.url, options);
}
