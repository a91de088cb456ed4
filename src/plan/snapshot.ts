import { createHash } from 'node:crypto';
import type { Config, Ruleset } from '../model/config.js';
import type { ScoreDomain } from '../ranges/domain.js';
import type { AppliedConfig } from './generated/types.js';

/** A ruleset of a snapshot and the file that declared it, if there was one. */
export interface SnapshotRuleset {
  ruleset: Ruleset;
  file?: string;
}

/**
 * The part of a config that decides levels: its rulesets (in file order, first of each id) and
 * score domain. Baselines (a git ref, the store) and the proposed config are compared as this.
 */
export interface ConfigSnapshot {
  rulesets: SnapshotRuleset[];
  scores: ScoreDomain;
}

export function snapshotOf(config: Config): ConfigSnapshot {
  const seen = new Set<string>();
  const rulesets: SnapshotRuleset[] = [];
  for (const source of config.rulesets) {
    if (seen.has(source.ruleset.id)) continue;
    seen.add(source.ruleset.id);
    rulesets.push({ ruleset: source.ruleset, file: source.source.path });
  }
  return { rulesets, scores: config.workspace.scores };
}

export const EMPTY_SNAPSHOT: ConfigSnapshot = { rulesets: [], scores: { min: 0, max: Number.POSITIVE_INFINITY, integer: true } };

/**
 * The canonical form: rulesets by id, keys in schema order, defaults applied. What a plan
 * carries as its target, what the store keeps in its apply log, and what the hash is of.
 */
export function canonicalConfig(snapshot: ConfigSnapshot): AppliedConfig {
  return {
    rulesets: [...snapshot.rulesets]
      .map(({ ruleset }) => ruleset)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((ruleset) => ({
        id: ruleset.id,
        name: ruleset.name,
        ...(ruleset.description !== undefined ? { description: ruleset.description } : {}),
        enabled: ruleset.enabled,
        primary: ruleset.primary,
        levels: ruleset.levels.map((level) => ({
          name: level.name,
          min: level.min,
          ...(level.max !== undefined ? { max: level.max } : {}),
          ...(level.color !== undefined ? { color: level.color } : {}),
          ...(level.expected_share !== undefined ? { expected_share: level.expected_share } : {}),
          ...(level.owner !== undefined ? { owner: level.owner } : {}),
          ...(level.description !== undefined ? { description: level.description } : {}),
        })),
      })),
    scores: { min: snapshot.scores.min, max: Number.isFinite(snapshot.scores.max) ? snapshot.scores.max : null, integer: snapshot.scores.integer },
  };
}

/** SHA-256 of the canonical config: equal configs hash equal, however they are written. */
export function configHash(snapshot: ConfigSnapshot): string {
  return createHash('sha256').update(JSON.stringify(canonicalConfig(snapshot))).digest('hex');
}

/** A snapshot from the canonical form (a plan's target, the store's config). */
export function snapshotFromApplied(applied: AppliedConfig): ConfigSnapshot {
  return {
    rulesets: applied.rulesets.map((ruleset) => ({ ruleset: { kind: 'LevelRuleset', ...ruleset, levels: ruleset.levels.map((level) => ({ ...level })) } })),
    scores: { min: applied.scores.min, max: applied.scores.max ?? Number.POSITIVE_INFINITY, integer: applied.scores.integer },
  };
}

/** The ruleset that classifies accounts in a snapshot: the one enabled primary. */
export function activeOf(snapshot: ConfigSnapshot): Ruleset | undefined {
  const primaries = snapshot.rulesets.filter(({ ruleset }) => ruleset.primary);
  return primaries.length === 1 && primaries[0]!.ruleset.enabled ? primaries[0]!.ruleset : undefined;
}
