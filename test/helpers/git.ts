import { execFileSync } from 'node:child_process';
import { makeTree, writeTree, type Files } from './tree.js';

/** Runs git in a test repository, with a fixed identity and no user config. */
export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

/** A temporary git repository whose first commit holds these files. */
export function makeRepo(files: Files): string {
  const root = makeTree(files);
  git(root, 'init', '-q', '-b', 'main');
  if (Object.keys(files).length > 0) commit(root, {}, 'initial');
  return root;
}

/** Writes the files and commits everything. */
export function commit(root: string, files: Files, message: string): string {
  writeTree(root, files);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '-m', message);
  return git(root, 'rev-parse', 'HEAD').trim();
}
