import { buildPlan } from './commands/plan.js';
import type { CommandIO } from './commands/io.js';
import { readScores } from './commands/scores.js';
import { actorOf, configuredStore, withStore } from './commands/store-access.js';
import { hashFileInBackground, locateExport } from './exports/source.js';
import type { Plan } from './plan/compute.js';
import { applyPlan, type ApplyResult } from './store/apply.js';
import { DEFAULT_CONFIG_FOLDER } from './model/config.js';

/** Where and how the library reads: the same settings the CLI takes as flags. */
export interface PlanOptions {
  /** The config folder (default `levels`), relative to `cwd`. */
  config?: string;
  /** Where relative paths start, and where git is looked for (default: the process's working directory). */
  cwd?: string;
  /** `store`, `git:REF` or `none` (default: the store when one is set up, else git HEAD). */
  against?: string;
  /** The store URL (default: LEVELS_STORE, the Workspace, the embedded store). */
  store?: string;
  /** Read the proposed config from this git ref rather than the working tree. */
  ref?: string;
  /** A score export, for the impact on accounts. */
  scores?: string;
  idColumn?: string;
  scoreColumn?: string;
  levelColumn?: string;
  /** Rejected rows tolerated: `10` or `1%` (default none). */
  maxRejects?: string;
  /** The environment (LEVELS_STORE, GITHUB_ACTOR); default the process's. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface ApplyOptions {
  /** The config folder, read for its Workspace's store when neither `store` nor LEVELS_STORE names one. */
  config?: string;
  cwd?: string;
  store?: string;
  /** A score export to load with the apply (it must be the one the plan was made with, if any). */
  scores?: string;
  idColumn?: string;
  scoreColumn?: string;
  levelColumn?: string;
  maxRejects?: string;
  /** Milliseconds to wait for another apply to release the store (default 30 s). */
  lockTimeout?: number;
  /** Who applies (default GITHUB_ACTOR, else the user running the process). */
  actor?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/** An IO that writes nothing: the library reports by its return values and errors. */
function quietIO(cwd: string | undefined, env: PlanOptions['env']): CommandIO {
  const silent = { write: () => true };
  return { cwd: cwd ?? process.cwd(), env: env ?? process.env, stdout: silent, stderr: silent, stdinIsTTY: false };
}

/**
 * The plan `levels plan` makes: the proposed config against a baseline, with the impact on the
 * accounts of an export when `scores` is given. Errors a user can cause are UserErrors.
 */
export async function plan(options: PlanOptions = {}): Promise<Plan> {
  const io = quietIO(options.cwd, options.env);
  return buildPlan({ ...options, config: options.config ?? DEFAULT_CONFIG_FOLDER, format: 'json', detailedExitcode: false, quiet: true }, io);
}

/**
 * Applies a plan to the live store, as `levels apply plan.json` does: refuses a blocked, stale or
 * edited plan, writes nothing when its config is already live, and otherwise writes the config
 * (and the export's accounts, with `scores`) in one locked transaction.
 */
export async function apply(planned: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const io = quietIO(options.cwd, options.env);
  const choice = await configuredStore(options.store, options.config ?? DEFAULT_CONFIG_FOLDER, io);
  const path = options.scores;
  const scores =
    path === undefined
      ? undefined
      : {
          path,
          sha256: locateExport(path, io.cwd).then((file) => hashFileInBackground(file.absolutePath)),
          load: (sink: Parameters<typeof readScores>[1]) => readScores({ ...options, scores: path, quiet: true }, sink, io, undefined, { fingerprint: false }),
        };
  scores?.sha256.catch(() => undefined);
  return withStore(choice, (store) => applyPlan(store, planned, { actor: options.actor ?? actorOf(io.env), now: new Date().toISOString(), ...(scores ? { scores } : {}) }), {
    ...(options.lockTimeout !== undefined ? { lockTimeout: options.lockTimeout } : {}),
  });
}
