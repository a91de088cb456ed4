import { relative, resolve, sep } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UserError } from '../errors.js';

/** A git repository, as levels reads it: refs resolved to commits, files read at commits. */
export class Repo {
  private constructor(
    private readonly git: SimpleGit,
    /** The repository's top folder. */
    readonly root: string,
  ) {}

  /** The repository holding `cwd`, or undefined outside git. */
  static async find(cwd: string): Promise<Repo | undefined> {
    const git = simpleGit({ baseDir: cwd, trimmed: false });
    try {
      const root = (await git.revparse(['--show-toplevel'])).trim();
      return new Repo(simpleGit({ baseDir: root, trimmed: false }), root);
    } catch {
      return undefined;
    }
  }

  /** The commit a ref names; a UserError naming the ref when there is none. */
  async resolve(ref: string): Promise<string> {
    try {
      return (await this.git.raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim() || this.missing(ref);
    } catch {
      return this.missing(ref);
    }
  }

  /** Whether the ref resolves (HEAD does not, before the first commit). */
  async exists(ref: string): Promise<boolean> {
    try {
      return (await this.git.raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim() !== '';
    } catch {
      return false;
    }
  }

  private async missing(ref: string): Promise<never> {
    const shallow = (await this.git.raw(['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
    throw new UserError(
      `The git ref '${ref}' does not exist in this repository${shallow ? '; this is a shallow clone, so fetch the history first (actions/checkout with fetch-depth: 0)' : ''}.`,
    );
  }

  /** A path (relative to `cwd`) as a path inside the repository, `/`-separated. */
  inside(cwd: string, path: string): string {
    const inner = relative(this.root, resolve(cwd, path));
    if (inner.startsWith('..')) throw new UserError(`${path} is outside the git repository at ${this.root}.`);
    return inner.split(sep).join('/');
  }

  /** The files under `folder` (a repository path) at `commit`. */
  async filesAt(commit: string, folder: string): Promise<string[]> {
    const listing = await this.git.raw(['ls-tree', '-r', '-z', '--name-only', commit, '--', folder === '' ? '.' : folder]);
    return listing.split('\0').filter(Boolean);
  }

  /** A file's bytes at `commit`. */
  async readAt(commit: string, path: string): Promise<Buffer> {
    return this.git.binaryCatFile(['blob', `${commit}:${path}`]);
  }

  /** Whether the working tree's copy of `folder` differs from `commit` (untracked files count). */
  async isDirty(folder: string, commit: string): Promise<boolean> {
    const diff = await this.git.raw(['status', '--porcelain', '--untracked-files=all', '--', folder === '' ? '.' : folder]);
    if (diff.trim() !== '') return true;
    const head = await this.resolve('HEAD').catch(() => undefined);
    return head !== commit;
  }
}
