import { ScoreSet, closed } from './score-set.js';

/**
 * The scores an account can have (`Workspace.scores`): min and max inclusive, max Infinity when
 * there is no upper bound; `integer` scores make 50–79 and 80–100 contiguous.
 */
export interface ScoreDomain {
  min: number;
  max: number;
  integer: boolean;
}

export function domainSet(domain: ScoreDomain): ScoreSet {
  return ScoreSet.of([closed(domain.min, domain.max)], domain.integer);
}

/** The lowest score the domain really allows (the first whole number, for integer scores). */
export function domainFloor(domain: ScoreDomain): number {
  return domain.integer ? Math.ceil(domain.min) : domain.min;
}

/** The highest score the domain allows; Infinity when unbounded. */
export function domainCeiling(domain: ScoreDomain): number {
  return domain.integer && Number.isFinite(domain.max) ? Math.floor(domain.max) : domain.max;
}

export function describeDomain(domain: ScoreDomain): string {
  const kind = domain.integer ? 'whole-number' : 'decimal';
  const range = Number.isFinite(domain.max) ? `${domain.min} to ${domain.max}` : `${domain.min} and above`;
  return `${range} (${kind} scores)`;
}
