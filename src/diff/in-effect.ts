import type { Level, Ruleset } from '../model/config.js';
import type { ConfigSnapshot } from '../plan/snapshot.js';
import { domainState, levelKey, stateOf, type ConfigDiff, type LevelChange, type RulesetChange } from './semantic.js';

/** How much of a change a config still holds: all of it, some, none, or nothing to hold (no semantic change). */
export type InEffect = 'all' | 'some' | 'none' | 'nothing';

/**
 * Whether the values a change wrote are still the values of `config` (the live one): each
 * created ruleset or level exists with its range, each changed field has the value the change
 * gave it, each deleted ruleset or level is absent, the score domain is the one it set. A change
 * applied and then changed again by a later commit is partly or wholly superseded.
 */
export function changeInEffect(diff: ConfigDiff, config: ConfigSnapshot): InEffect {
  const rulesets = new Map(config.rulesets.map(({ ruleset }) => [ruleset.id, ruleset]));
  const facts: boolean[] = [];
  for (const change of diff.rulesets) facts.push(...rulesetFacts(change, rulesets.get(change.ruleset), rulesets));
  if (diff.domain) {
    const live = domainState(config.scores);
    const wanted = diff.domain.after;
    facts.push(live.min === wanted.min && live.max === wanted.max && live.integer === wanted.integer);
  }
  if (facts.length === 0) return 'nothing';
  const holding = facts.filter(Boolean).length;
  return holding === facts.length ? 'all' : holding === 0 ? 'none' : 'some';
}

function rulesetFacts(change: RulesetChange, live: Ruleset | undefined, all: Map<string, Ruleset>): boolean[] {
  if (change.action === 'delete') return [live === undefined];
  // A created ruleset exists; an updated one has the fields and levels the change gave it.
  const facts: boolean[] = change.action === 'create' ? [live !== undefined] : [];
  for (const field of change.fields) {
    if (field === 'id') facts.push(live !== undefined && !all.has(change.previous_id!));
    else facts.push(live !== undefined && live[field] === change.after![field]);
  }
  for (const level of change.levels) facts.push(levelFact(level, live));
  return facts;
}

function levelFact(change: LevelChange, live: Ruleset | undefined): boolean {
  const find = (name: string): Level | undefined => live?.levels.find((level) => levelKey(level.name) === levelKey(name));
  if (change.action === 'delete') return find(change.before!.name) === undefined;
  const level = find(change.after!.name);
  if (!level) return false;
  const state = stateOf(level, live!.levels.indexOf(level));
  const wanted = change.after!;
  if (change.action === 'create') return state.min === wanted.min && state.max === wanted.max;
  return change.fields.every((field) => field === 'position' || state[field] === wanted[field]);
}
