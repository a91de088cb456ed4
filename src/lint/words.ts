import { formatCount } from '../plan/numbers.js';
import type { Level } from '../model/config.js';
import { describeLevelRange } from '../ranges/analysis.js';
import { describeInterval, type Interval } from '../ranges/score-set.js';

/** A level as messages name it: `'Qualified' (50 to 79)`. */
export function levelLabel(level: Pick<Level, 'name' | 'min' | 'max'>): string {
  return `'${level.name}' (${describeLevelRange(level)})`;
}

/** `'a', 'b' and 'c'`. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** `score 0 is` or `scores 0 to 9 are`, to start "... Unassigned". */
export function scoresAre(interval: Interval): string {
  return interval.lo === interval.hi ? `score ${interval.lo} is` : `scores ${describeInterval(interval)} are`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
