import { UsageError } from '../errors.js';
import { loadConfigAt } from '../git/config-at-ref.js';
import type { Repo } from '../git/repo.js';
import type { BaselineRef } from './generated/types.js';
import { EMPTY_SNAPSHOT, snapshotOf, type ConfigSnapshot } from './snapshot.js';

/** What a plan compares against, once read. */
export interface BaselineConfig {
  snapshot: ConfigSnapshot;
  /** The plan's `baseline` field, but for the hash computePlan fills in (a store supplies its own). */
  ref: Omit<BaselineRef, 'hash'> & { hash?: string | null };
}

/**
 * A source of baseline config: a git ref, nothing, or (with a store) the live store. One small
 * interface, so `--against` is a lookup and not a branch in the planner.
 */
export interface Baseline {
  load(): Promise<BaselineConfig>;
}

export type AgainstSpec = { kind: 'store' } | { kind: 'none' } | { kind: 'git'; ref: string };

export function parseAgainst(value: string): AgainstSpec {
  if (value === 'store' || value === 'none') return { kind: value };
  if (value.startsWith('git:') && value.length > 4) return { kind: 'git', ref: value.slice(4) };
  throw new UsageError(`--against takes store, none or git:REF (such as git:main or git:HEAD~1), not '${value}'.`);
}

export function noBaseline(note?: string): Baseline {
  return { load: async () => ({ snapshot: EMPTY_SNAPSHOT, ref: { kind: 'none', ...(note ? { note } : {}) } }) };
}

/** The config folder as committed at a ref. */
export function gitBaseline(repo: Repo, ref: string, folder: string, cwd: string): Baseline {
  return {
    async load() {
      const commit = await repo.resolve(ref);
      const { config, exists } = await loadConfigAt(repo, commit, folder, cwd);
      const problems = config.problems.length;
      const note = !exists
        ? `${folder} did not exist at ${ref}: every ruleset is new.`
        : problems > 0
          ? `The config at ${ref} has ${problems} problem${problems === 1 ? '' : 's'} (run levels lint there); its invalid files are left out of the baseline.`
          : undefined;
      return { snapshot: snapshotOf(config), ref: { kind: 'git', ref, commit, ...(note ? { note } : {}) } };
    },
  };
}
