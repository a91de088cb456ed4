import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { InputError, describeFsError } from '../errors.js';
import {
  DEFAULT_SCORE_DOMAIN,
  normalizeRuleset,
  type Config,
  type ConfigProblem,
  type ResolvedWorkspace,
  type RulesetSource,
} from './config.js';
import type { Workspace } from './generated/types.js';
import { MAX_CONFIG_FILE_BYTES, SourceFile, parseSource, type Position } from './source.js';
import { validateDocument } from './validate.js';

/** One file of a config folder, as read from disk or from a git tree. */
export interface ConfigFile {
  /** Path shown in findings: relative to the working directory, `/`-separated. */
  path: string;
  content: Uint8Array | string;
  /** The size on disk, when the content was not read because it is too large to be a config file. */
  size?: number;
}

const CONFIG_FILE = /\.ya?ml$/i;

export interface LoadOptions {
  /** The working directory that relative paths are resolved against and shown from. */
  cwd?: string;
}

/** Reads and parses a config folder from disk. Throws InputError when the folder cannot be read. */
export async function loadConfig(folder: string, options: LoadOptions = {}): Promise<Config> {
  const files = await readConfigFiles(folder, options);
  return parseConfig(files, { folder });
}

/**
 * Every `*.yaml` / `*.yml` file under the folder, recursively, in path order. Hidden entries and
 * `node_modules` are skipped; symbolic links are followed once (a loop is not walked twice).
 */
export async function readConfigFiles(folder: string, options: LoadOptions = {}): Promise<ConfigFile[]> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, folder);
  let rootStat;
  try {
    rootStat = await stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new InputError(`The config folder ${folder} does not exist: create one with 'levels init ${folder}', or name another with --config.`);
    }
    throw new InputError(`The config folder ${describeFsError(error, folder)}.`);
  }
  if (!rootStat.isDirectory()) {
    throw new InputError(`--config names a folder of YAML files, and ${folder} is a file; pass the folder that holds it.`);
  }

  const files: ConfigFile[] = [];
  const visited = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (error) {
      throw new InputError(`${describeFsError(error, display(cwd, dir))}.`);
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      throw new InputError(`${describeFsError(error, display(cwd, dir))}.`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          throw new InputError(`${describeFsError(error, display(cwd, path))}; fix or remove the link.`);
        }
      }
      if (isDirectory) await walk(path);
      else if (isFile && CONFIG_FILE.test(entry.name)) files.push(await readConfigFile(path, cwd));
    }
  };
  await walk(root);
  return files;
}

async function readConfigFile(path: string, cwd: string): Promise<ConfigFile> {
  const shown = display(cwd, path);
  try {
    const size = (await lstat(path)).size;
    if (size > MAX_CONFIG_FILE_BYTES) return { path: shown, content: '', size };
    return { path: shown, content: await readFile(path) };
  } catch (error) {
    throw new InputError(`${describeFsError(error, shown)}.`);
  }
}

function display(cwd: string, path: string): string {
  const shown = relative(cwd, path) || '.';
  return sep === '/' ? shown : shown.split(sep).join('/');
}

/**
 * The Workspace settings of a config folder, parsing only the file that holds them (commands
 * that only need the store setting should not parse every ruleset). Throws InputError when the
 * folder cannot be read.
 */
export async function loadWorkspace(folder: string, options: LoadOptions = {}): Promise<ResolvedWorkspace> {
  const files = await readConfigFiles(folder, options);
  const text = (content: ConfigFile['content']) => (typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8'));
  return parseConfig(files.filter((file) => WORKSPACE_KIND.test(text(file.content))), { folder }).workspace;
}

/** A file that may be the Workspace: `kind: Workspace`, however quoted. */
const WORKSPACE_KIND = /\bkind\s*:\s*["']?Workspace\b/;

export interface ParseOptions {
  /** The folder name shown in messages. */
  folder: string;
}

/** Parses and validates config files (pure: no disk, no git). */
export function parseConfig(files: readonly ConfigFile[], options: ParseOptions): Config {
  const sources: SourceFile[] = [];
  const rulesets: RulesetSource[] = [];
  const problems: ConfigProblem[] = [];
  let workspace: Workspace | undefined;
  let workspaceSource: SourceFile | undefined;

  const report = (rule: ConfigProblem['rule'], source: SourceFile, message: string, position: Position, path: readonly (string | number)[], claimsPrimary = false) => {
    problems.push({ rule, source, message, position, path, ...(claimsPrimary ? { claimsPrimary } : {}) });
  };

  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const parsed = parseSource(file.path, file.content, file.size);
    sources.push(parsed.source);
    // A file that cannot be read may still say it is the primary: remember it, so single-primary does not also cry "no primary".
    const claimedPrimary = /^primary[ \t]*:[ \t]*true\b/m.test(parsed.source.text);
    for (const problem of parsed.problems) report(problem.rule, parsed.source, problem.message, problem.position, problem.path, claimedPrimary);
    if (parsed.problems.length > 0) continue;

    const validation = validateDocument(parsed.value);
    const claimsPrimary = (parsed.value as { primary?: unknown } | undefined)?.primary === true;
    for (const problem of validation.problems) {
      report('schema', parsed.source, problem.message, parsed.source.locate(problem.path, problem.target), problem.path, claimsPrimary);
    }
    const document = validation.document;
    if (!document) continue;
    if (document.kind === 'LevelRuleset') {
      rulesets.push({ ruleset: normalizeRuleset(document.ruleset), source: parsed.source });
    } else if (workspaceSource) {
      report('schema', parsed.source, `A second Workspace document (the first is ${workspaceSource.path}); keep one Workspace per config folder.`, parsed.source.locate(['kind']), ['kind']);
    } else {
      workspace = document.workspace;
      workspaceSource = parsed.source;
    }
  }

  return {
    folder: options.folder,
    sources,
    rulesets,
    workspace: resolveWorkspace(workspace),
    ...(workspaceSource ? { workspaceSource } : {}),
    problems,
  };
}

export function resolveWorkspace(workspace: Workspace | undefined): ResolvedWorkspace {
  const scores = workspace?.scores;
  return {
    scores: {
      min: scores?.min ?? DEFAULT_SCORE_DOMAIN.min,
      max: scores?.max ?? DEFAULT_SCORE_DOMAIN.max,
      integer: scores?.integer ?? DEFAULT_SCORE_DOMAIN.integer,
    },
    ...(workspace?.store ? { store: workspace.store } : {}),
    rules: { ...(workspace?.lint?.rules ?? {}) },
  };
}
