import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeTree } from './tree.js';

const isRoot = process.getuid?.() === 0;

/**
 * A folder whose files cannot be written, even by root: a read-only bind mount when running as
 * root (file permissions do not stop root), plain permissions otherwise. `prepare` fills it
 * first, while it can still be written.
 */
export function readOnlyFolder(prepare: (dir: string) => void): { dir: string; release(): void } {
  const root = makeTree({});
  const source = join(root, 'source');
  mkdirSync(source);
  prepare(source);
  if (!isRoot) {
    chmodSync(source, 0o555);
    return { dir: source, release: () => chmodSync(source, 0o755) };
  }
  const mounted = join(root, 'mounted');
  mkdirSync(mounted);
  try {
    execFileSync('mount', ['--bind', source, mounted], { stdio: 'pipe' });
    execFileSync('mount', ['-o', 'remount,bind,ro', mounted], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`This test runs as root and needs a read-only bind mount, which failed (${(error as Error).message.split('\n')[0]}): run it as another user or with CAP_SYS_ADMIN.`);
  }
  return { dir: mounted, release: () => execFileSync('umount', [mounted], { stdio: 'pipe' }) };
}

/** A small tmpfs (root only): a file system that fills up. Undefined where it cannot be mounted. */
export function smallFileSystem(sizeKiB: number): { dir: string; release(): void } | undefined {
  if (!isRoot) return undefined;
  const dir = join(makeTree({}), 'small');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    return undefined;
  }
  return { dir, release: () => execFileSync('umount', [dir], { stdio: 'pipe' }) };
}
