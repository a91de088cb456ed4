import type { Level, Ruleset } from '../model/config.js';
import type { LevelChange, LevelState, RulesetChange, RulesetFields } from '../plan/generated/types.js';
import type { ConfigSnapshot, SnapshotRuleset } from '../plan/snapshot.js';

export type { LevelChange, LevelState, RulesetChange } from '../plan/generated/types.js';

const RULESET_FIELDS = ['name', 'description', 'enabled', 'primary'] as const;
const LEVEL_FIELDS = ['name', 'min', 'max', 'color', 'expected_share', 'owner', 'description'] as const;

/** Level names match ignoring case and surrounding spaces, as their uniqueness does. */
export function levelKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * The semantic difference between two configs: by ruleset id and level name, not by text. The
 * one function behind the planner's changes, `levels diff`, `history` and `revert`, so they
 * never disagree. Rulesets come sorted by id.
 */
export function diffConfigs(before: ConfigSnapshot, after: ConfigSnapshot): RulesetChange[] {
  const old = new Map(before.rulesets.map((entry) => [entry.ruleset.id, entry]));
  const next = new Map(after.rulesets.map((entry) => [entry.ruleset.id, entry]));
  const ids = [...new Set([...old.keys(), ...next.keys()])].sort();
  const changes: RulesetChange[] = [];
  for (const id of ids) {
    const change = diffRuleset(old.get(id), next.get(id));
    if (change) changes.push(change);
  }
  return changes;
}

function diffRuleset(before: SnapshotRuleset | undefined, after: SnapshotRuleset | undefined): RulesetChange | undefined {
  const b = before?.ruleset;
  const a = after?.ruleset;
  const file = after?.file ?? before?.file;
  const base = { ruleset: (a ?? b)!.id, ...(file ? { file } : {}) };
  if (!b) {
    return { ...base, action: 'create', fields: [], before: null, after: fieldsOf(a!), primary: a!.primary ? 'gained' : null, enabled: null, levels: a!.levels.map((level, i) => ({ level: level.name, action: 'create', fields: [], before: null, after: stateOf(level, i) })) };
  }
  if (!a) {
    return { ...base, action: 'delete', fields: [], before: fieldsOf(b), after: null, primary: b.primary ? 'lost' : null, enabled: null, levels: b.levels.map((level, i) => ({ level: level.name, action: 'delete', fields: [], before: stateOf(level, i), after: null })) };
  }
  const fields = RULESET_FIELDS.filter((field) => b[field] !== a[field]);
  const levels = diffLevels(b.levels, a.levels);
  if (fields.length === 0 && levels.length === 0) return undefined;
  return {
    ...base,
    action: 'update',
    fields: [...fields],
    before: fieldsOf(b),
    after: fieldsOf(a),
    primary: b.primary === a.primary ? null : a.primary ? 'gained' : 'lost',
    enabled: b.enabled === a.enabled ? null : a.enabled ? 'enabled' : 'disabled',
    levels,
  };
}

/**
 * Levels match by name; of the rest, a removed and an added level with the same range are one
 * level renamed. Position counts only where the relative order of matched levels changes
 * (under first-match, order is config): inserting a level above the others moves nothing.
 */
function diffLevels(before: readonly Level[], after: readonly Level[]): LevelChange[] {
  const matchOf = new Map<number, number>(); // after index → before index
  const free = new Map(before.map((level, i) => [levelKey(level.name), i]));
  after.forEach((level, i) => {
    const j = free.get(levelKey(level.name));
    if (j !== undefined) {
      matchOf.set(i, j);
      free.delete(levelKey(level.name));
    }
  });
  const unmatchedBefore = new Set(free.values());
  after.forEach((level, i) => {
    if (matchOf.has(i)) return;
    const j = [...unmatchedBefore].find((k) => before[k]!.min === level.min && before[k]!.max === level.max);
    if (j !== undefined) {
      matchOf.set(i, j);
      unmatchedBefore.delete(j);
    }
  });
  const moved = outOfOrder([...matchOf.entries()].sort((x, y) => x[1] - y[1]).map(([i]) => i));

  const changes: LevelChange[] = [];
  after.forEach((level, i) => {
    const j = matchOf.get(i);
    if (j === undefined) {
      changes.push({ level: level.name, action: 'create', fields: [], before: null, after: stateOf(level, i) });
      return;
    }
    const old = before[j]!;
    const fields: LevelChange['fields'] = LEVEL_FIELDS.filter((field) => old[field] !== level[field]);
    if (moved.has(i)) fields.push('position');
    if (fields.length > 0) changes.push({ level: level.name, action: 'update', fields, before: stateOf(old, j), after: stateOf(level, i) });
  });
  for (const j of [...unmatchedBefore].sort((x, y) => x - y)) {
    changes.push({ level: before[j]!.name, action: 'delete', fields: [], before: stateOf(before[j]!, j), after: null });
  }
  return changes;
}

/** The elements not on a longest increasing subsequence: the ones that moved relative to the rest. */
function outOfOrder(sequence: readonly number[]): Set<number> {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous: number[] = new Array(sequence.length).fill(-1);
  sequence.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
    tailIndex[lo] = i;
    previous[i] = lo > 0 ? tailIndex[lo - 1]! : -1;
  });
  const kept = new Set<number>();
  for (let i = tailIndex[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) kept.add(sequence[i]!);
  return new Set(sequence.filter((value) => !kept.has(value)));
}

function fieldsOf(ruleset: Ruleset): RulesetFields {
  return { name: ruleset.name, ...(ruleset.description !== undefined ? { description: ruleset.description } : {}), enabled: ruleset.enabled, primary: ruleset.primary };
}

export function stateOf(level: Level, position: number): LevelState {
  return {
    name: level.name,
    min: level.min,
    max: level.max ?? null,
    ...(level.color !== undefined ? { color: level.color } : {}),
    ...(level.expected_share !== undefined ? { expected_share: level.expected_share } : {}),
    ...(level.owner !== undefined ? { owner: level.owner } : {}),
    ...(level.description !== undefined ? { description: level.description } : {}),
    position,
  };
}
