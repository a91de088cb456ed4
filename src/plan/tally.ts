import type { AccountSink, Row } from '../exports/row.js';
import type { Ruleset } from '../model/config.js';
import { UNASSIGNED } from '../model/validate.js';
import type { ScoreDomain } from '../ranges/domain.js';
import { levelKey } from '../diff/semantic.js';
import { Classifier } from './classifier.js';
import type { MovedAccount, StaleAccount } from './generated/types.js';

/** How many moved accounts are kept per transition, and in all; how many stale ones. */
export const SAMPLE_PER_TRANSITION = 5;
export const SAMPLE_TOTAL = 100;
export const STALE_SAMPLE = 20;

/** Accounts per level of one ruleset. */
export interface RulesetTally {
  ruleset: string;
  /** Per level in written order, then Unassigned last. */
  counts: number[];
  unassignedMin?: number;
  unassignedMax?: number;
}

/**
 * What the export did under both configs, as plain data: the input computePlan needs to build
 * the impact, free of any file or buffer.
 */
export interface TallyResult {
  accounts: number;
  before: { ruleset: string | null; levels: string[] };
  after: { ruleset: string | null; levels: string[] };
  /** transitions[from][to]; the last index of each is Unassigned. */
  transitions: number[][];
  /** For every enabled ruleset of the proposed config. */
  rulesets: RulesetTally[];
  stale: number | null;
  staleSample: StaleAccount[];
  sample: MovedAccount[];
  minScore?: number;
  maxScore?: number;
  belowDomain: number;
  aboveDomain: number;
}

export interface TallyInput {
  /** The baseline's active ruleset, if any. */
  before: Ruleset | undefined;
  /** The proposed config's enabled rulesets; `after` is the active one among them, if any. */
  enabled: readonly Ruleset[];
  after: Ruleset | undefined;
  domain: ScoreDomain;
  /** Whether the export has a level column (stale levels are counted only then). */
  hasLevel: boolean;
}

/** Classifies every account under both configs as the export streams by: the planner's inner loop. */
export class ImpactTally implements AccountSink {
  private readonly beforeClassifier: Classifier;
  private readonly afterClassifier: Classifier;
  private readonly classifiers: Classifier[];
  private readonly afterSlot: number;
  private readonly width: number;
  private readonly matrix: Float64Array;
  private readonly counts: Float64Array[];
  private readonly beforeNames: string[];
  private readonly afterNames: string[];
  private readonly same: boolean[][];
  /** Lower-cased UTF-8 names of the baseline levels (Unassigned last), to compare export levels without decoding. */
  private readonly shownNames: Uint8Array[];
  private readonly sampleCounts: Map<number, number> = new Map();
  private accounts = 0;
  private stale = 0;
  /** Lowest and highest score of all accounts (slot 0) and of each ruleset's Unassigned ones. */
  private readonly extremes: Extremes;
  private readonly staleSample: StaleAccount[] = [];
  private readonly sample: MovedAccount[] = [];
  private belowDomain = 0;
  private aboveDomain = 0;

  constructor(private readonly input: TallyInput) {
    const before = input.before?.levels ?? [];
    const after = input.after?.levels ?? [];
    this.beforeClassifier = new Classifier(before);
    this.afterClassifier = new Classifier(after);
    this.classifiers = input.enabled.map((ruleset) => (ruleset === input.after ? this.afterClassifier : new Classifier(ruleset.levels)));
    this.afterSlot = input.after ? input.enabled.indexOf(input.after) : -1;
    this.width = after.length + 1;
    this.matrix = new Float64Array((before.length + 1) * this.width);
    this.counts = input.enabled.map((ruleset) => new Float64Array(ruleset.levels.length + 1));
    this.extremes = new Extremes(input.enabled.length + 1);
    this.beforeNames = [...before.map((level) => level.name), UNASSIGNED];
    this.afterNames = [...after.map((level) => level.name), UNASSIGNED];
    this.same = this.beforeNames.map((from) => this.afterNames.map((to) => levelKey(from) === levelKey(to)));
    this.shownNames = this.beforeNames.map((name) => Buffer.from(levelKey(name), 'utf8'));
  }

  account(row: Row): void {
    this.add(row, 1);
  }

  /** A row found to repeat an id that counted before it: every count it added is taken back. */
  retract(row: Row): void {
    this.add(row, -1);
    const line = row.line;
    const drop = <T extends { line: number }>(list: T[]) => {
      const at = list.findIndex((entry) => entry.line === line);
      if (at >= 0) list.splice(at, 1);
    };
    drop(this.sample);
    drop(this.staleSample);
  }

  /**
   * False when a retraction took away the only occurrence of a lowest or highest score: those
   * figures are then unknown, and the export must be read again without its duplicates.
   */
  get exact(): boolean {
    return this.extremes.exact;
  }

  private add(row: Row, sign: 1 | -1): void {
    const score = row.score;
    this.accounts += sign;
    this.extremes.update(0, score, sign);
    if (score < this.input.domain.min) this.belowDomain += sign;
    else if (score > this.input.domain.max) this.aboveDomain += sign;

    let b = this.beforeClassifier.classify(score);
    if (b < 0) b = this.beforeNames.length - 1;
    let a = this.afterClassifier.classify(score);
    if (a < 0) a = this.afterNames.length - 1;
    this.matrix[b * this.width + a]! += sign;

    const classifiers = this.classifiers;
    for (let r = 0; r < classifiers.length; r++) {
      const level = r === this.afterSlot ? (a === this.afterNames.length - 1 ? -1 : a) : classifiers[r]!.classify(score);
      const counts = this.counts[r]!;
      if (level < 0) {
        counts[counts.length - 1]! += sign;
        this.extremes.update(r + 1, score, sign);
      } else {
        counts[level]! += sign;
      }
    }

    if (row.levelStart >= 0 && !this.shows(row, b)) {
      this.stale += sign;
      if (sign > 0 && this.staleSample.length < STALE_SAMPLE) {
        this.staleSample.push({ account_id: row.id(), score, shown: row.level() ?? '', expected: this.beforeNames[b]!, line: row.line });
      }
    }

    if (sign > 0 && !this.same[b]![a]! && this.sample.length < SAMPLE_TOTAL) {
      const cell = b * this.width + a;
      const taken = this.sampleCounts.get(cell) ?? 0;
      if (taken < SAMPLE_PER_TRANSITION) {
        this.sampleCounts.set(cell, taken + 1);
        this.sample.push({ account_id: row.id(), score, from: this.beforeNames[b]!, to: this.afterNames[a]!, line: row.line });
      }
    }
  }

  /** Whether the export's level column names baseline level `index` (ignoring case; empty means Unassigned). */
  private shows(row: Row, index: number): boolean {
    const bytes = row.bytes;
    const start = row.levelStart;
    const length = row.levelEnd - start;
    const isUnassigned = index === this.shownNames.length - 1;
    if (length === 0) return isUnassigned;
    const expected = this.shownNames[index]!;
    if (expected.length !== length) return false;
    for (let i = 0; i < length; i++) {
      let c = bytes[start + i]!;
      if (c >= 65 && c <= 90) c += 32;
      if (c !== expected[i]) return levelKey(row.level() ?? '') === levelKey(this.beforeNames[index]!);
    }
    return true;
  }

  result(hasLevel = this.input.hasLevel): TallyResult {
    const transitions: number[][] = [];
    for (let b = 0; b < this.beforeNames.length; b++) transitions.push(Array.from(this.matrix.subarray(b * this.width, (b + 1) * this.width)));
    return {
      accounts: this.accounts,
      before: { ruleset: this.input.before?.id ?? null, levels: this.beforeNames.slice(0, -1) },
      after: { ruleset: this.input.after?.id ?? null, levels: this.afterNames.slice(0, -1) },
      transitions,
      rulesets: this.input.enabled.map((ruleset, r) => ({
        ruleset: ruleset.id,
        counts: Array.from(this.counts[r]!),
        ...(this.extremes.has(r + 1) ? { unassignedMin: this.extremes.min[r + 1]!, unassignedMax: this.extremes.max[r + 1]! } : {}),
      })),
      // Without a baseline ruleset there is nothing the export's levels could be stale against.
      stale: hasLevel && this.input.before ? this.stale : null,
      staleSample: hasLevel && this.input.before ? this.staleSample.sort((x, y) => x.line - y.line) : [],
      sample: this.sample.sort((x, y) => x.line - y.line),
      ...(this.extremes.has(0) ? { minScore: this.extremes.min[0]!, maxScore: this.extremes.max[0]! } : {}),
      belowDomain: this.belowDomain,
      aboveDomain: this.aboveDomain,
    };
  }
}

/**
 * Lowest and highest values of several series, with how often each occurs, so that taking a
 * value back is exact until the last occurrence of an extreme goes (then `exact` turns false).
 */
class Extremes {
  readonly min: Float64Array;
  readonly max: Float64Array;
  private readonly minCount: Float64Array;
  private readonly maxCount: Float64Array;
  exact = true;

  constructor(series: number) {
    this.min = new Float64Array(series).fill(Number.POSITIVE_INFINITY);
    this.max = new Float64Array(series).fill(Number.NEGATIVE_INFINITY);
    this.minCount = new Float64Array(series);
    this.maxCount = new Float64Array(series);
  }

  has(series: number): boolean {
    return this.minCount[series]! > 0;
  }

  update(series: number, value: number, sign: 1 | -1): void {
    if (sign > 0) {
      const min = this.min[series]!;
      if (value < min) {
        this.min[series] = value;
        this.minCount[series] = 1;
      } else if (value === min) this.minCount[series]!++;
      const max = this.max[series]!;
      if (value > max) {
        this.max[series] = value;
        this.maxCount[series] = 1;
      } else if (value === max) this.maxCount[series]!++;
      return;
    }
    if (value === this.min[series] && --this.minCount[series]! === 0) this.exact = false;
    if (value === this.max[series] && --this.maxCount[series]! === 0) this.exact = false;
  }
}
