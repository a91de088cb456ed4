import { UsageError } from '../errors.js';
import { loadConfigAt } from '../git/config-at-ref.js';
import type { Repo } from '../git/repo.js';
import { diffConfigs, type ConfigDiff } from '../diff/semantic.js';
import type { LiveState, Store } from '../store/types.js';
import type { BaselineRef, Drift } from './generated/types.js';
import { domainChangeDetail, levelChangeDetails, rulesetFieldDetails } from './renderers/describe.js';
import { EMPTY_SNAPSHOT, snapshotFromApplied, snapshotOf, type ConfigSnapshot } from './snapshot.js';

/** What a plan compares against, once read. */
export interface BaselineConfig {
  snapshot: ConfigSnapshot;
  /** The plan's `baseline` field, but for the hash, which computePlan fills in from the snapshot. */
  ref: Omit<BaselineRef, 'hash'>;
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

/**
 * The live store: its config as its tables hold it now. What differs from the config levels
 * last applied (edits made in the store by hand or by another tool) is drift, listed apart.
 */
export function storeBaseline(store: Store): Baseline & { drift(): Promise<Drift[]> } {
  let state: Promise<LiveState> | undefined;
  const read = () => (state ??= store.read());
  return {
    async load() {
      const live = await read();
      return {
        snapshot: snapshotFromApplied(live.config),
        ref: {
          kind: 'store',
          serial: live.serial,
          store: store.url,
          ...(live.lastApply?.gitCommit ? { commit: live.lastApply.gitCommit } : {}),
          ...(live.serial === 0 ? { note: `Nothing has been applied to ${store.url} yet: every ruleset is new.` } : {}),
        },
      };
    },
    async drift() {
      const live = await read();
      if (!live.lastApply) return [];
      return driftOf(diffConfigs(snapshotFromApplied(live.lastApply.config), snapshotFromApplied(live.config)), live.lastApply.serial);
    },
  };
}

/** Changes made outside levels, as drift entries: one per ruleset or level (and the score domain), in words. */
function driftOf(diff: ConfigDiff, serial: number): Drift[] {
  const drift: Drift[] = [];
  const since = `since apply ${serial}`;
  for (const change of diff.rulesets) {
    if (change.action === 'create') drift.push({ ruleset: change.ruleset, message: `added to the store outside levels ${since}` });
    else if (change.action === 'delete') drift.push({ ruleset: change.ruleset, message: `removed from the store outside levels ${since}` });
    else {
      for (const detail of rulesetFieldDetails(change)) drift.push({ ruleset: change.ruleset, message: `${detail}, outside levels ${since}` });
      if (change.primary) drift.push({ ruleset: change.ruleset, message: `${change.primary === 'gained' ? 'made' : 'no longer'} primary outside levels ${since}` });
      if (change.enabled) drift.push({ ruleset: change.ruleset, message: `${change.enabled} outside levels ${since}` });
      for (const level of change.levels) drift.push({ ruleset: change.ruleset, level: level.level, message: `${levelChangeDetails(level).join('; ')}, outside levels ${since}` });
    }
  }
  if (diff.domain) drift.push({ message: `${domainChangeDetail(diff.domain)}, outside levels ${since}` });
  return drift;
}
