/**
 * Failures a user can cause and fix: a missing folder, a bad flag, an unreadable file. The CLI
 * prints the message as one sentence and exits 1; anything else that is thrown is a bug.
 * Messages name the file, line or option concerned and, where there is one, the fix.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** A file or folder the user named cannot be read. */
export class InputError extends UserError {
  override name = 'InputError';
}

/** A command-line option or argument is wrong. */
export class UsageError extends UserError {
  override name = 'UsageError';
}

/** Node's errno codes in words a user can act on. */
export function describeFsError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${path} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `${path} cannot be read: permission denied`;
    case 'ELOOP':
      return `${path} is a symbolic link loop`;
    case 'ENOTDIR':
      return `${path} is not a folder`;
    case 'EISDIR':
      return `${path} is a folder, not a file`;
    default:
      return `${path} cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
