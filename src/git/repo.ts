import { spawn } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UserError } from '../errors.js';

/** A git repository, as levels reads it: refs resolved to commits, files read at commits. */
export class Repo {
  /** Refs resolved so far: a plan resolves HEAD several times, and each git call costs a process. */
  private readonly commits = new Map<string, Promise<string | undefined>>();

  private constructor(
    private readonly git: SimpleGit,
    /** The repository's top folder. */
    readonly root: string,
  ) {}

  /** The repository holding `cwd`, or undefined outside git. HEAD is looked up meanwhile: every plan needs it. */
  static async find(cwd: string): Promise<Repo | undefined> {
    const git = simpleGit({ baseDir: cwd, trimmed: false });
    const head = git
      .raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])
      .then((out) => out.trim() || undefined)
      .catch(() => undefined);
    try {
      const root = (await git.revparse(['--show-toplevel'])).trim();
      const repo = new Repo(simpleGit({ baseDir: root, trimmed: false }), root);
      repo.commits.set('HEAD', head);
      return repo;
    } catch {
      return undefined;
    }
  }

  /** The commit a ref names; a UserError naming the ref when there is none. */
  async resolve(ref: string): Promise<string> {
    return (await this.lookup(ref)) ?? this.missing(ref);
  }

  /** Whether the ref resolves (HEAD does not, before the first commit). */
  async exists(ref: string): Promise<boolean> {
    return (await this.lookup(ref)) !== undefined;
  }

  private lookup(ref: string): Promise<string | undefined> {
    let commit = this.commits.get(ref);
    if (!commit) {
      commit = this.git
        .raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
        .then((out) => out.trim() || undefined)
        .catch(() => undefined);
      this.commits.set(ref, commit);
    }
    return commit;
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
    return (await this.readAllAt(commit, [path]))[0]!;
  }

  /**
   * Several files' bytes at `commit`, through one `git cat-file --batch` process (one git
   * process per file costs more than reading them). simple-git cannot feed a process's input.
   */
  readAllAt(commit: string, paths: readonly string[]): Promise<Buffer[]> {
    if (paths.length === 0) return Promise.resolve([]);
    return new Promise((resolvePromise, reject) => {
      const child = spawn('git', ['cat-file', '--batch'], { cwd: this.root, stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code !== 0) return reject(new Error(`git cat-file failed: ${stderr.trim()}`));
        const out = Buffer.concat(chunks);
        const files: Buffer[] = [];
        let pos = 0;
        for (const path of paths) {
          const headerEnd = out.indexOf(10, pos);
          const header = out.subarray(pos, headerEnd).toString('utf8').split(' ');
          if (header[1] === 'missing' || header.length < 3) return reject(new Error(`${path} is missing at ${commit}`));
          const size = Number(header[2]);
          files.push(out.subarray(headerEnd + 1, headerEnd + 1 + size));
          pos = headerEnd + 1 + size + 1;
        }
        resolvePromise(files);
      });
      child.stdin.end(paths.map((path) => `${commit}:${path}\n`).join(''));
    });
  }

  /** Whether the working tree's copy of `folder` differs from `commit` (untracked files count). */
  async isDirty(folder: string, commit: string): Promise<boolean> {
    const diff = await this.git.raw(['status', '--porcelain', '--untracked-files=all', '--', folder === '' ? '.' : folder]);
    if (diff.trim() !== '') return true;
    const head = await this.resolve('HEAD').catch(() => undefined);
    return head !== commit;
  }
}
