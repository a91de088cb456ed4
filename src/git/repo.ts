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
    /** Its git directory (where levels may keep a cache). */
    readonly gitDir: string,
    /** Whether this is a shallow clone (CI checkouts fetch one commit unless told otherwise). */
    readonly shallow: boolean,
  ) {}

  /** The repository holding `cwd`, or undefined outside git. HEAD is looked up meanwhile: every plan needs it. */
  static async find(cwd: string): Promise<Repo | undefined> {
    const git = simpleGit({ baseDir: cwd, trimmed: false });
    const head = git
      .raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])
      .then((out) => out.trim() || undefined)
      .catch(() => undefined);
    try {
      const [root, gitDir, shallow] = (await git.raw(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository'])).split('\n');
      const repo = new Repo(simpleGit({ baseDir: root!, trimmed: false }), root!, gitDir!, shallow === 'true');
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
    throw new UserError(
      `The git ref '${ref}' does not exist in this repository${this.shallow ? '; this is a shallow clone, so fetch the history first (actions/checkout with fetch-depth: 0)' : ''}.`,
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

  /** Several files' bytes at `commit`, in one git process. */
  readAllAt(commit: string, paths: readonly string[]): Promise<Buffer[]> {
    return this.readObjects(paths.map((path) => `${commit}:${path}`), paths);
  }

  /**
   * Objects' bytes (`commit:path` or an object id), through one `git cat-file --batch` process
   * (one git process per file costs more than reading them). `names` says what each is, for the
   * error when one is missing.
   */
  async readObjects(specs: readonly string[], names: readonly string[] = specs): Promise<Buffer[]> {
    if (specs.length === 0) return [];
    const out = await this.withInput(['cat-file', '--batch'], specs.map((spec) => `${spec}\n`).join(''));
    const files: Buffer[] = [];
    let pos = 0;
    for (const [i, spec] of specs.entries()) {
      const headerEnd = out.indexOf(10, pos);
      const header = out.subarray(pos, headerEnd).toString('utf8').split(' ');
      if (header[1] === 'missing' || header.length < 3) throw new Error(`${names[i]} is missing (${spec})`);
      const size = Number(header[2]);
      files.push(out.subarray(headerEnd + 1, headerEnd + 1 + size));
      pos = headerEnd + 1 + size + 1;
    }
    return files;
  }

  /** Which of these commits this repository has (a store may name one made elsewhere). */
  async haveCommits(hashes: readonly string[]): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const out = await this.withInput(['cat-file', '--batch-check=%(objectname) %(objecttype)'], hashes.map((hash) => `${hash}\n`).join(''));
    const found = new Set<string>();
    for (const line of out.toString('utf8').split('\n')) {
      const [hash, type] = line.split(' ');
      if (type === 'commit') found.add(hash!);
    }
    return found;
  }

  /** Runs git with `input` on its standard input (simple-git cannot feed one); its output. */
  private withInput(args: readonly string[], input: string): Promise<Buffer> {
    return new Promise((resolvePromise, reject) => {
      const child = spawn('git', [...args], { cwd: this.root, stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolvePromise(Buffer.concat(chunks)) : reject(new Error(`git ${args[0]} failed: ${stderr.trim()}`))));
      child.stdin.on('error', () => undefined); // A git that exits early fails through 'close'.
      child.stdin.end(input);
    });
  }

  /** git with these arguments, its standard output as text (for the history readers). */
  run(args: readonly string[]): Promise<string> {
    return this.git.raw([...args]);
  }

  /** Repository paths under `folder` with uncommitted changes (staged, unstaged or untracked). */
  async uncommitted(folder: string): Promise<string[]> {
    const out = await this.git.raw(['status', '--porcelain', '-z', '--untracked-files=all', '--', folder === '' ? '.' : folder]);
    const paths: string[] = [];
    const entries = out.split('\0');
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (entry.length < 4) continue;
      paths.push(entry.slice(3));
      if (entry[0] === 'R' || entry[0] === 'C') paths.push(entries[++i]!); // The path it came from.
    }
    return paths;
  }

  /** Repository paths under `folder` that git tracks (in the index). */
  async tracked(folder: string): Promise<string[]> {
    return (await this.git.raw(['ls-files', '-z', '--', folder === '' ? '.' : folder])).split('\0').filter(Boolean);
  }

  /** Whether the working tree's copy of `folder` differs from `commit` (untracked files count). */
  async isDirty(folder: string, commit: string): Promise<boolean> {
    const diff = await this.git.raw(['status', '--porcelain', '--untracked-files=all', '--', folder === '' ? '.' : folder]);
    if (diff.trim() !== '') return true;
    const head = await this.resolve('HEAD').catch(() => undefined);
    return head !== commit;
  }
}
