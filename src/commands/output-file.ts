import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { CommandIO } from './io.js';

/**
 * Runs `work` with a writer to `--out` or, without it, to standard output. A file is written whole
 * or not at all: into a temporary file next to it, renamed into place only when `work` succeeds.
 */
export async function withOutput<T>(out: string | undefined, io: CommandIO, work: (write: (chunk: string | Buffer) => void) => Promise<T>): Promise<T> {
  const target = out ? resolve(io.cwd, out) : undefined;
  const temporary = target ? `${target}.${process.pid}.tmp` : undefined;
  let fd: number | undefined;
  try {
    fd = temporary ? openSync(temporary, 'w') : undefined;
  } catch (error) {
    throw new UserError(`${out} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let ok = false;
  try {
    const result = await work((chunk) => {
      if (fd === undefined) io.stdout.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      else if (typeof chunk === 'string') writeSync(fd, chunk);
      else writeSync(fd, chunk);
    });
    ok = true;
    return result;
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (temporary && target) {
      if (ok) renameSync(temporary, target);
      else unlinkSync(temporary);
    }
  }
}
