import { assignLevel, type LevelRange } from '../ranges/analysis.js';

const TABLE_LIMIT = 1 << 16;

/**
 * First-match assignment, fast: whole-number scores inside the span of the written bounds come
 * from a lookup table; any other score walks the levels as assignLevel does. Both give the same
 * answer for every score (a property test checks it).
 */
export class Classifier {
  readonly size: number;
  private readonly mins: Float64Array;
  private readonly maxs: Float64Array;
  private readonly table: Int16Array | undefined;
  private readonly tableMin: number;
  private readonly tableMax: number;
  /** The level of any whole number above the table: the first open-ended level (or none). */
  private readonly aboveTable: number;

  constructor(levels: readonly LevelRange[]) {
    this.size = levels.length;
    this.mins = Float64Array.from(levels, (level) => level.min);
    this.maxs = Float64Array.from(levels, (level) => level.max ?? Number.POSITIVE_INFINITY);
    const bounds = levels.flatMap((level) => (level.max === undefined ? [level.min] : [level.min, level.max]));
    const lo = Math.floor(Math.min(...bounds));
    const hi = Math.ceil(Math.max(...bounds));
    if (levels.length > 0 && levels.length < 32_000 && hi - lo < TABLE_LIMIT) {
      this.table = new Int16Array(hi - lo + 1);
      for (let s = lo; s <= hi; s++) this.table[s - lo] = assignLevel(levels, s);
      this.tableMin = lo;
      this.tableMax = hi;
      this.aboveTable = assignLevel(levels, hi + 1);
    } else {
      this.table = undefined;
      this.tableMin = 1;
      this.tableMax = 0;
      this.aboveTable = -1;
    }
  }

  /** The index of the level for `score`, or -1 for Unassigned. */
  classify(score: number): number {
    if (this.table !== undefined && Number.isInteger(score)) {
      if (score >= this.tableMin && score <= this.tableMax) return this.table[score - this.tableMin]!;
      return score < this.tableMin ? -1 : this.aboveTable;
    }
    const mins = this.mins;
    const maxs = this.maxs;
    for (let i = 0; i < mins.length; i++) if (mins[i]! <= score && score <= maxs[i]!) return i;
    return -1;
  }
}
