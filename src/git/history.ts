import { DEFAULT_SCORE_DOMAIN } from '../model/config.js';
import { diffConfigs, domainState, type ConfigDiff } from '../diff/semantic.js';
import type { ScoreDomain } from '../ranges/domain.js';
import type { ConfigSnapshot } from '../plan/snapshot.js';
import { UserError } from '../errors.js';
import type { Repo } from './repo.js';
import { VersionCache, type ParsedVersion } from './version-cache.js';

/** A file a commit touched in the config folder: git's status letter and paths. */
export interface FileChange {
  status: 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';
  path: string;
  /** For a rename or copy: where it came from. */
  previousPath?: string;
}

/** A config file version that could not be read as a config document. */
export interface FileProblem {
  file: string;
  message: string;
}

/** One commit that changed the config folder, with what it changed. */
export interface HistoryEntry {
  commit: string;
  parents: string[];
  author: string;
  email: string;
  /** ISO 8601, the author date. */
  date: string;
  subject: string;
  files: FileChange[];
  /** The semantic change against the commit's parent. */
  diff: ConfigDiff;
  /** File versions that are not valid config (left out of the diff). */
  problems: FileProblem[];
}

const CONFIG_FILE = /\.ya?ml$/i;
const ZERO = /^0+$/;
const STATUS: Record<string, FileChange['status']> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed' };


interface RawCommit {
  commit: string;
  parents: string[];
  author: string;
  email: string;
  date: string;
  subject: string;
  /** Config files touched: status, paths, blob before (undefined: none) and after. */
  raw: { status: string; path: string; previousPath?: string; before?: string; after?: string }[];
}

/** Whether a repository path is a config file of `folder` (as the loader reads them: no hidden entries). */
function isConfigFile(path: string, folder: string): boolean {
  const inner = folder === '' ? path : path.slice(folder.length + 1);
  return CONFIG_FILE.test(path) && !inner.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
}

/**
 * The commits that changed the config folder, newest first (as `git log -- FOLDER` lists them:
 * merges that only bring in other commits are left out), each with its semantic change.
 *
 * Fast on long histories: one `git log --raw` names every file version a commit replaced, one
 * `git cat-file` process reads the versions not parsed before, and each version is parsed once,
 * ever (the parsed versions are kept in the git directory). A commit's change is the diff between the rulesets of the files it touched,
 * before and after: rulesets in untouched files are the same on both sides.
 */
export async function readHistory(repo: Repo, folder: string, options: { limit?: number } = {}): Promise<HistoryEntry[]> {
  if (repo.shallow) {
    throw new UserError(
      'levels history needs the whole git history, and this is a shallow clone: fetch it first (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0).',
    );
  }
  if (!(await repo.exists('HEAD'))) return [];
  const args = ['log', '--raw', '-z', '--no-abbrev', '--no-color', '--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%s'];
  if (options.limit !== undefined) args.push(`--max-count=${options.limit}`);
  // Each version is read and parsed once, ever: the cache keeps what earlier runs parsed.
  const [log, cache] = await Promise.all([repo.run([...args, 'HEAD', '--', folder === '' ? '.' : folder]), VersionCache.open(repo.gitDir)]);
  const commits = parseLog(log, folder);
  const blobs = [...new Set(commits.flatMap((c) => c.raw.flatMap((file) => [file.before, file.after]).filter((blob): blob is string => blob !== undefined)))];
  const missing = blobs.filter((blob) => cache.get(blob) === undefined);
  if (missing.length > 0) {
    const [{ parseVersion }, contents] = await Promise.all([import('./parse-version.js'), repo.readObjects(missing)]);
    const paths = new Map(commits.flatMap((c) => c.raw.flatMap((file) => [[file.before, file.previousPath ?? file.path] as const, [file.after, file.path] as const])));
    missing.forEach((blob, i) => cache.set(blob, parseVersion(paths.get(blob) ?? 'file', contents[i]!)));
    await cache.save();
  }
  const parse = (blob: string): ParsedVersion => cache.get(blob)!;
  const domainOf = (scores: { min: number; max: number | null; integer: boolean }): ScoreDomain => ({ ...scores, max: scores.max ?? Number.POSITIVE_INFINITY });

  return commits.map((c) => {
    const before: ConfigSnapshot = { rulesets: [], scores: DEFAULT_SCORE_DOMAIN };
    const after: ConfigSnapshot = { rulesets: [], scores: DEFAULT_SCORE_DOMAIN };
    const problems: FileProblem[] = [];
    let domainBefore: ScoreDomain | undefined;
    let domainAfter: ScoreDomain | undefined;
    for (const file of c.raw) {
      if (file.before) {
        const version = parse(file.before);
        if (version.kind === 'ruleset') before.rulesets.push({ ruleset: version.ruleset, file: file.previousPath ?? file.path });
        else if (version.kind === 'workspace') domainBefore = domainOf(version.scores);
      }
      if (file.after) {
        const version = parse(file.after);
        if (version.kind === 'ruleset') after.rulesets.push({ ruleset: version.ruleset, file: file.path });
        else if (version.kind === 'workspace') domainAfter = domainOf(version.scores);
        else problems.push({ file: file.path, message: version.message });
      }
    }
    // The score domain changed only if the Workspace was there before and was edited or removed.
    if (domainBefore) {
      before.scores = domainBefore;
      after.scores = domainAfter ?? DEFAULT_SCORE_DOMAIN;
    }
    const rulesets = diffConfigs(before, after).rulesets;
    const b = domainState(before.scores);
    const a = domainState(after.scores);
    const domain = b.min === a.min && b.max === a.max && b.integer === a.integer ? null : { before: b, after: a };
    return {
      commit: c.commit,
      parents: c.parents,
      author: c.author,
      email: c.email,
      date: c.date,
      subject: c.subject,
      files: c.raw.map((file) => ({ status: STATUS[file.status[0]!] ?? 'modified', path: file.path, ...(file.previousPath ? { previousPath: file.previousPath } : {}) })),
      diff: { rulesets, domain },
      problems,
    };
  });
}

/** `git log --raw -z` output, as commits and the config files each touched. */
function parseLog(output: string, folder: string): RawCommit[] {
  const commits: RawCommit[] = [];
  for (const record of output.split('\x1e')) {
    if (record === '') continue;
    const headerEnd = record.indexOf('\0');
    const header = (headerEnd < 0 ? record : record.slice(0, headerEnd)).split('\x1f');
    const [commit, parents, author, email, date, ...subject] = header;
    const raw: RawCommit['raw'] = [];
    const fields = headerEnd < 0 ? [] : record.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    for (let i = 0; i < fields.length; ) {
      const meta = fields[i++]!;
      if (!meta.startsWith(':')) continue;
      const [, , beforeBlob, afterBlob, status] = meta.slice(1).split(' ');
      const twoPaths = status!.startsWith('R') || status!.startsWith('C');
      const first = fields[i++]!;
      const second = twoPaths ? fields[i++]! : undefined;
      const path = second ?? first;
      const previousPath = second === undefined ? undefined : first;
      const inFolder = isConfigFile(path, folder) || (previousPath !== undefined && isConfigFile(previousPath, folder));
      if (!inFolder) continue;
      raw.push({
        status: status!,
        path,
        ...(previousPath !== undefined ? { previousPath } : {}),
        ...(!ZERO.test(beforeBlob!) && isConfigFile(previousPath ?? path, folder) ? { before: beforeBlob! } : {}),
        ...(!ZERO.test(afterBlob!) && isConfigFile(path, folder) ? { after: afterBlob! } : {}),
      });
    }
    commits.push({ commit: commit!, parents: parents ? parents.split(' ').filter(Boolean) : [], author: author!, email: email!, date: date!, subject: subject.join('\x1f'), raw });
  }
  return commits;
}
