import { domainCeiling, domainFloor, domainSet, type ScoreDomain } from './domain.js';
import { ScoreSet, closed, type Interval } from './score-set.js';

/** The part of a level the analysis needs: its name and written bounds. */
export interface LevelRange {
  name: string;
  min: number;
  max?: number;
}

export interface LevelAnalysis {
  index: number;
  /** The range as written: [min, max], or [min, ∞) without a max. */
  written: Interval;
  /** min is above max: the level holds nothing (the min-above-max rule's case). */
  inverted: boolean;
  /** The scores of the domain the level's range holds. */
  inDomain: ScoreSet;
  /** The scores the level is really assigned under first-match: in range, in domain, not taken earlier. */
  effective: ScoreSet;
  /** The earlier levels that share scores with this one. */
  coveredBy: number[];
}

export interface Overlap {
  /** The level written first: it wins the shared scores. */
  first: number;
  second: number;
  shared: ScoreSet;
}

/** Everything the range rules ask of one ruleset, computed once. */
export interface RangeAnalysis {
  domain: ScoreDomain;
  levels: LevelAnalysis[];
  overlaps: Overlap[];
  /** Scores of the domain that no level holds: they are Unassigned. */
  uncovered: ScoreSet;
  /** The uncovered interval that holds the domain's floor, if any. */
  floorGap?: Interval;
  /** The uncovered interval that holds the domain's ceiling (or runs to infinity), if any. */
  ceilingGap?: Interval;
  /** Uncovered intervals strictly inside the domain. */
  gaps: Interval[];
  /** The reachable level holding the lowest scores of the domain, if any level is reachable. */
  lowest?: number;
  /** The reachable level holding the highest scores of the domain. */
  highest?: number;
}

export function writtenInterval(level: LevelRange): Interval {
  return closed(level.min, level.max ?? Number.POSITIVE_INFINITY);
}

export function analyzeRanges(levels: readonly LevelRange[], domain: ScoreDomain): RangeAnalysis {
  const all = domainSet(domain);
  const integer = domain.integer;
  let taken = ScoreSet.empty(integer);
  const analyses: LevelAnalysis[] = [];
  const overlaps: Overlap[] = [];

  levels.forEach((level, index) => {
    const written = writtenInterval(level);
    const inverted = level.max !== undefined && level.min > level.max;
    const inDomain = inverted ? ScoreSet.empty(integer) : ScoreSet.of([written], integer).intersect(all);
    const coveredBy: number[] = [];
    for (const earlier of analyses) {
      const shared = earlier.inDomain.intersect(inDomain);
      if (!shared.isEmpty) {
        overlaps.push({ first: earlier.index, second: index, shared });
        coveredBy.push(earlier.index);
      }
    }
    analyses.push({ index, written, inverted, inDomain, effective: inDomain.minus(taken), coveredBy });
    taken = taken.union(inDomain);
  });

  const uncovered = all.minus(taken);
  const floor = domainFloor(domain);
  const ceiling = domainCeiling(domain);
  let floorGap: Interval | undefined;
  let ceilingGap: Interval | undefined;
  const gaps: Interval[] = [];
  for (const interval of uncovered.intervals) {
    const holdsFloor = ScoreSet.of([interval], integer).has(floor);
    const holdsCeiling = Number.isFinite(ceiling) ? ScoreSet.of([interval], integer).has(ceiling) : interval.hi === Number.POSITIVE_INFINITY;
    if (holdsFloor) floorGap = interval;
    if (holdsCeiling) ceilingGap = interval;
    if (!holdsFloor && !holdsCeiling) gaps.push(interval);
  }
  const reachable = analyses.filter((level) => !level.inDomain.isEmpty);
  const bottom = (level: LevelAnalysis) => level.inDomain.intervals[0]!.lo;
  const top = (level: LevelAnalysis) => level.inDomain.intervals[level.inDomain.intervals.length - 1]!.hi;
  const lowest = reachable.reduce<LevelAnalysis | undefined>((best, level) => (!best || bottom(level) < bottom(best) ? level : best), undefined);
  const highest = reachable.reduce<LevelAnalysis | undefined>((best, level) => (!best || top(level) > top(best) || (top(level) === top(best) && bottom(level) > bottom(best)) ? level : best), undefined);
  return {
    domain,
    levels: analyses,
    ...(lowest ? { lowest: lowest.index } : {}),
    ...(highest ? { highest: highest.index } : {}),
    overlaps,
    uncovered,
    ...(floorGap ? { floorGap } : {}),
    ...(ceilingGap ? { ceilingGap } : {}),
    gaps,
  };
}

/**
 * The level a score gets: the first level, in the order written, whose range holds it
 * (`min <= score` and, when there is a max, `score <= max`); -1 when none does (Unassigned).
 */
export function assignLevel(levels: readonly LevelRange[], score: number): number {
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    if (level.min <= score && (level.max === undefined || score <= level.max)) return i;
  }
  return -1;
}

/** A level's range as written, in words: `50 to 79`, `80 and above`. */
export function describeLevelRange(level: LevelRange): string {
  if (level.max === undefined) return `${level.min} and above`;
  if (level.min === level.max) return String(level.min);
  return `${level.min} to ${level.max}`;
}
