/**
 * A set of scores as sorted, disjoint intervals, exact for both kinds of score domain:
 * with integer scores every interval is closed on whole numbers and 50–79 ∪ 80–100 is one
 * interval; with decimal scores endpoints may be open and the same union leaves (79, 80).
 */

/** An interval of scores. Infinite ends are always open. */
export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

/** The closed interval [lo, hi]; `hi` may be Infinity for an open-ended top level. */
export function closed(lo: number, hi: number = Number.POSITIVE_INFINITY): Interval {
  return { lo, hi, loOpen: !Number.isFinite(lo), hiOpen: !Number.isFinite(hi) };
}

export class ScoreSet {
  private constructor(
    /** Sorted, disjoint, non-empty, and never adjacent (adjacent intervals are merged). */
    readonly intervals: readonly Interval[],
    readonly integer: boolean,
  ) {}

  static empty(integer: boolean): ScoreSet {
    return new ScoreSet([], integer);
  }

  static of(intervals: readonly Interval[], integer: boolean): ScoreSet {
    const normalized = intervals
      .map((interval) => normalize(interval, integer))
      .filter((interval): interval is Interval => interval !== undefined)
      .sort((a, b) => a.lo - b.lo || Number(a.loOpen) - Number(b.loOpen));
    const merged: Interval[] = [];
    for (const next of normalized) {
      const last = merged[merged.length - 1];
      if (last && touches(last, next, integer)) {
        const extendsFurther = next.hi > last.hi || (next.hi === last.hi && !next.hiOpen);
        if (extendsFurther) merged[merged.length - 1] = { ...last, hi: next.hi, hiOpen: next.hiOpen };
      } else {
        merged.push({ ...next });
      }
    }
    return new ScoreSet(merged, integer);
  }

  get isEmpty(): boolean {
    return this.intervals.length === 0;
  }

  has(score: number): boolean {
    return this.intervals.some((interval) => within(score, interval));
  }

  union(other: ScoreSet): ScoreSet {
    return ScoreSet.of([...this.intervals, ...other.intervals], this.integer);
  }

  intersect(other: ScoreSet): ScoreSet {
    const result: Interval[] = [];
    for (const a of this.intervals) {
      for (const b of other.intervals) {
        const lo = a.lo > b.lo ? a : b.lo > a.lo ? b : a.loOpen ? a : b;
        const hi = a.hi < b.hi ? a : b.hi < a.hi ? b : a.hiOpen ? a : b;
        result.push({ lo: lo.lo, loOpen: lo.loOpen, hi: hi.hi, hiOpen: hi.hiOpen });
      }
    }
    return ScoreSet.of(result, this.integer);
  }

  /** Every score (of this kind) that is not in the set. */
  complement(): ScoreSet {
    const result: Interval[] = [];
    let lo = Number.NEGATIVE_INFINITY;
    let loOpen = true;
    for (const interval of this.intervals) {
      result.push(this.integer ? { lo, loOpen, hi: interval.lo - 1, hiOpen: false } : { lo, loOpen, hi: interval.lo, hiOpen: !interval.loOpen });
      lo = this.integer ? interval.hi + 1 : interval.hi;
      loOpen = this.integer ? !Number.isFinite(lo) : !interval.hiOpen;
    }
    result.push({ lo, loOpen, hi: Number.POSITIVE_INFINITY, hiOpen: true });
    return ScoreSet.of(result, this.integer);
  }

  minus(other: ScoreSet): ScoreSet {
    return this.intersect(other.complement());
  }

  /** How many scores the set holds, for integer sets; Infinity when unbounded or decimal. */
  get size(): number {
    if (!this.integer) return this.isEmpty ? 0 : Number.POSITIVE_INFINITY;
    return this.intervals.reduce((total, interval) => total + (interval.hi - interval.lo + 1), 0);
  }

  toString(): string {
    return this.intervals.map((interval) => describeInterval(interval)).join(', ');
  }
}

function normalize(interval: Interval, integer: boolean): Interval | undefined {
  if (Number.isNaN(interval.lo) || Number.isNaN(interval.hi)) return undefined;
  if (!integer) {
    const loOpen = interval.loOpen || !Number.isFinite(interval.lo);
    const hiOpen = interval.hiOpen || !Number.isFinite(interval.hi);
    if (interval.lo > interval.hi || (interval.lo === interval.hi && (loOpen || hiOpen))) return undefined;
    return { lo: interval.lo, hi: interval.hi, loOpen, hiOpen };
  }
  const lo = Number.isFinite(interval.lo) ? (interval.loOpen ? Math.floor(interval.lo) + 1 : Math.ceil(interval.lo)) : interval.lo;
  const hi = Number.isFinite(interval.hi) ? (interval.hiOpen ? Math.ceil(interval.hi) - 1 : Math.floor(interval.hi)) : interval.hi;
  if (lo > hi || lo === Number.POSITIVE_INFINITY || hi === Number.NEGATIVE_INFINITY) return undefined;
  return { lo, hi, loOpen: !Number.isFinite(lo), hiOpen: !Number.isFinite(hi) };
}

/** Whether `next` (starting at or after `last`) overlaps or adjoins `last`, so the two merge. */
function touches(last: Interval, next: Interval, integer: boolean): boolean {
  if (integer) return next.lo <= last.hi + 1;
  if (next.lo < last.hi) return true;
  return next.lo === last.hi && !(last.hiOpen && next.loOpen);
}

function within(score: number, interval: Interval): boolean {
  const aboveLo = interval.loOpen ? score > interval.lo : score >= interval.lo;
  const belowHi = interval.hiOpen ? score < interval.hi : score <= interval.hi;
  return aboveLo && belowHi;
}

/** An interval in words: `50 to 79`, `80 and above`, `above 79 and below 80`. */
export function describeInterval(interval: Interval): string {
  const { lo, hi, loOpen, hiOpen } = interval;
  const loFinite = Number.isFinite(lo);
  const hiFinite = Number.isFinite(hi);
  if (!loFinite && !hiFinite) return 'every score';
  if (!loFinite) return hiOpen ? `below ${hi}` : `${hi} and below`;
  if (!hiFinite) return loOpen ? `above ${lo}` : `${lo} and above`;
  if (lo === hi) return String(lo);
  if (!loOpen) return hiOpen ? `${lo} to below ${hi}` : `${lo} to ${hi}`;
  return hiOpen ? `above ${lo} and below ${hi}` : `above ${lo} up to ${hi}`;
}
