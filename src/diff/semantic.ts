import type { Level, Ruleset } from '../model/config.js';
import type { ScoreDomain } from '../ranges/domain.js';
import type { DomainChange, LevelChange, LevelState, RulesetChange, RulesetFields, ScoreDomain as DomainState } from '../plan/generated/types.js';
import type { ConfigSnapshot, SnapshotRuleset } from '../plan/snapshot.js';

export type { DomainChange, LevelChange, LevelState, RulesetChange } from '../plan/generated/types.js';

const RULESET_FIELDS = ['name', 'description', 'enabled', 'primary'] as const;
const LEVEL_FIELDS = ['name', 'min', 'max', 'color', 'expected_share', 'owner', 'description'] as const;

/** What differs between two configs: each ruleset that changes (sorted by id), and the score domain. */
export interface ConfigDiff {
  rulesets: RulesetChange[];
  domain: DomainChange | null;
}

/** Level names match ignoring case and surrounding spaces, as their uniqueness does. */
export function levelKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Whether a diff changes anything. */
export function isEmptyDiff(diff: ConfigDiff): boolean {
  return diff.rulesets.length === 0 && diff.domain === null;
}

/**
 * The semantic difference between two configs: by ruleset id and level name, not by text. The
 * one function behind the planner's changes, `levels diff`, `history` and `revert`, so they
 * never disagree. A ruleset that disappears while one with another id and the same levels
 * (names and ranges) appears was renamed: one update with `previous_id`, not a delete and a
 * create. Rulesets come sorted by id. The score domain is compared too, but not against a
 * config without rulesets (it arrives with the first ones).
 */
export function diffConfigs(before: ConfigSnapshot, after: ConfigSnapshot): ConfigDiff {
  const old = new Map(before.rulesets.map((entry) => [entry.ruleset.id, entry]));
  const next = new Map(after.rulesets.map((entry) => [entry.ruleset.id, entry]));
  const gone = [...old.keys()].filter((id) => !next.has(id)).sort();
  const renamedFrom = new Map<string, string>(); // new id → old id
  for (const id of [...next.keys()].filter((id) => !old.has(id)).sort()) {
    const signature = levelsSignature(next.get(id)!.ruleset);
    const match = gone.findIndex((oldId) => levelsSignature(old.get(oldId)!.ruleset) === signature);
    if (match >= 0) renamedFrom.set(id, gone.splice(match, 1)[0]!);
  }
  const ids = [...new Set([...gone, ...next.keys()])].sort();
  const rulesets: RulesetChange[] = [];
  for (const id of ids) {
    const previous = renamedFrom.get(id);
    const change = diffRuleset(old.get(previous ?? id), next.get(id), previous);
    if (change) rulesets.push(change);
  }
  // Against an empty config (nothing applied yet, no baseline), the domain comes with the rulesets.
  const domain = before.rulesets.length === 0 && after.rulesets.length > 0 ? null : diffDomain(before.scores, after.scores);
  return { rulesets, domain };
}

/** A ruleset's levels as one comparable string: names (as matched) and ranges, in order. */
function levelsSignature(ruleset: Ruleset): string {
  return JSON.stringify(ruleset.levels.map((level) => [levelKey(level.name), level.min, level.max ?? null]));
}

export function domainState(domain: ScoreDomain): DomainState {
  return { min: domain.min, max: Number.isFinite(domain.max) ? domain.max : null, integer: domain.integer };
}

function diffDomain(before: ScoreDomain, after: ScoreDomain): DomainChange | null {
  const [b, a] = [domainState(before), domainState(after)];
  return b.min === a.min && b.max === a.max && b.integer === a.integer ? null : { before: b, after: a };
}

function diffRuleset(before: SnapshotRuleset | undefined, after: SnapshotRuleset | undefined, previousId?: string): RulesetChange | undefined {
  const b = before?.ruleset;
  const a = after?.ruleset;
  const file = after?.file ?? before?.file;
  const base = { ruleset: (a ?? b)!.id, ...(previousId !== undefined ? { previous_id: previousId } : {}), ...(file ? { file } : {}) };
  if (!b) {
    return { ...base, action: 'create', fields: [], before: null, after: fieldsOf(a!), primary: a!.primary ? 'gained' : null, enabled: null, levels: a!.levels.map((level, i) => ({ level: level.name, action: 'create', fields: [], before: null, after: stateOf(level, i) })) };
  }
  if (!a) {
    return { ...base, action: 'delete', fields: [], before: fieldsOf(b), after: null, primary: b.primary ? 'lost' : null, enabled: null, levels: b.levels.map((level, i) => ({ level: level.name, action: 'delete', fields: [], before: stateOf(level, i), after: null })) };
  }
  const fields: RulesetChange['fields'] = RULESET_FIELDS.filter((field) => b[field] !== a[field]);
  if (previousId !== undefined) fields.unshift('id');
  const levels = diffLevels(b.levels, a.levels);
  if (fields.length === 0 && levels.length === 0) return undefined;
  return {
    ...base,
    action: 'update',
    fields,
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
