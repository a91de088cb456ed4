import type { DataContext, RulesetDistribution } from '../../src/lint/data.js';

/** A score-export context for data-aware rule tests: counts per level of ruleset `tiers`. */
export function data(counts: number[], extra: Partial<DataContext> & { unassigned?: number; unassignedRange?: [number, number]; ruleset?: string } = {}): DataContext {
  const unassigned = extra.unassigned ?? 0;
  const distribution: RulesetDistribution = {
    counts,
    unassigned,
    ...(extra.unassignedRange ? { unassignedMin: extra.unassignedRange[0], unassignedMax: extra.unassignedRange[1] } : {}),
  };
  return {
    exportName: 'scores.csv',
    accounts: counts.reduce((sum, count) => sum + count, unassigned),
    belowDomain: 0,
    aboveDomain: 0,
    minScore: 0,
    maxScore: 100,
    ...extra,
    distributions: new Map([[extra.ruleset ?? 'tiers', distribution]]),
  };
}
