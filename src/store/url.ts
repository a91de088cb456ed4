import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** The embedded store, relative to the root of the git repository holding the config. */
export const DEFAULT_STORE = 'sqlite:.levels/state.db';

export type StoreLocation = { kind: 'sqlite'; path: string; url: string } | { kind: 'postgres'; url: string };

/**
 * Which store to use: --store, then LEVELS_STORE, then the Workspace's `store`, then the
 * embedded default. `explicit` says whether anything named one (plan then compares with it by
 * default).
 */
export function chooseStoreUrl(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, workspace: string | undefined): { url: string; explicit: boolean } {
  const named = flag ?? (env.LEVELS_STORE || undefined) ?? workspace;
  return { url: named ?? DEFAULT_STORE, explicit: named !== undefined };
}

/** Parses a store URL; `base` is where a relative SQLite path starts (the repository root). */
export function parseStoreUrl(url: string, base: string): StoreLocation {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new UsageError(`The store URL '${url}' names no file: use sqlite:PATH, such as ${DEFAULT_STORE}.`);
    return { kind: 'sqlite', path: isAbsolute(path) ? path : resolve(base, path), url };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new UsageError(`The store URL ${redactUrl(url)} is not a valid URL.`);
    }
    return { kind: 'postgres', url };
  }
  throw new UsageError(`The store URL '${redactUrl(url)}' is neither sqlite:PATH nor postgres://...; set --store, LEVELS_STORE or the Workspace's store.`);
}

/** The URL without its password (and without a password= query parameter), for every message and file. */
export function redactUrl(url: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()]) if (/pass|secret|token/i.test(key)) parsed.searchParams.set(key, '***');
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}

/** Replaces a URL's password, wherever it appears in a text (error messages from drivers). */
export function scrubSecrets(text: string, url: string): string {
  let scrubbed = text;
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password) scrubbed = scrubbed.split(password).join('***').split(encodeURIComponent(password)).join('***');
  } catch {
    // Not a URL with a password.
  }
  return scrubbed.split(url).join(redactUrl(url));
}
