import { UserError } from '../errors.js';
import { redactUrl, scrubSecrets } from './url.js';

/** The store cannot be reached, opened or written: one sentence, never the password. */
export class StoreError extends UserError {
  override name = 'StoreError';
}

/** Another apply holds the store lock. */
export class StoreBusyError extends StoreError {
  override name = 'StoreBusyError';
}

/** An apply refused: the live config is not the plan's baseline. */
export class StalePlanError extends UserError {
  override name = 'StalePlanError';
}

/** Driver errors in words a user can act on; unknown ones keep their text, scrubbed of the password. */
export function describeStoreError(error: unknown, url: string): StoreError {
  if (error instanceof StoreError) return error;
  const shown = redactUrl(url);
  const e = error as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = e?.code ?? e?.errors?.[0]?.code;
  const message = scrubSecrets(e?.message ?? String(error), url);
  switch (code) {
    case 'ECONNREFUSED':
      return new StoreError(`The store ${shown} refused the connection: is the server running, and is the host and port right?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StoreError(`The store ${shown} cannot be reached: its host name does not resolve.`);
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return new StoreError(`The store ${shown} did not answer in time (${code}); check the network and the URL.`);
    case '28P01':
    case '28000':
      return new StoreError(`The store ${shown} refused the credentials: check the user name and password (set them in LEVELS_STORE, not in git).`);
    case '3D000':
      return new StoreError(`The store ${shown} names a database that does not exist; create it first.`);
    case '55P03':
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_SNAPSHOT':
      return new StoreBusyError(`The store ${shown} is locked by another apply; nothing was applied. Try again when it has finished.`);
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DBMOVED':
    case 'EACCES':
    case 'EROFS':
      return new StoreError(`The store ${shown} cannot be written (${code === 'EROFS' || code === 'EACCES' ? 'read-only file system or no permission' : 'read-only file'}); nothing was applied.`);
    case 'SQLITE_FULL':
    case 'ENOSPC':
      return new StoreError(`The disk holding the store ${shown} is full; nothing was applied.`);
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return new StoreError(`${shown} is not a levels store (not a SQLite database, or a damaged one).`);
    case 'SQLITE_CANTOPEN':
      return new StoreError(`The store ${shown} cannot be opened: check that its folder exists and can be written.`);
    default:
      return new StoreError(`The store ${shown} failed: ${message.replace(/\.$/, '')}.`);
  }
}
