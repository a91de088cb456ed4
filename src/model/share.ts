/** An expected share of accounts, in percent, both bounds inclusive. */
export interface ShareRange {
  min: number;
  max: number;
}

const RANGE = /^\s*(\d+(?:\.\d+)?)\s*%?\s*-\s*(\d+(?:\.\d+)?)\s*%\s*$/;
const BOUND = /^\s*(<=|<|>=|>)\s*(\d+(?:\.\d+)?)\s*%\s*$/;

/**
 * Reads `expected_share`: a range (`10-20%`, `10%-20%`) or a bound (`<= 5%`, `> 30%`).
 * Strict bounds are read as inclusive: shares are reported to one decimal, so the difference
 * between `< 5%` and `<= 5%` is below what anyone can see. Undefined when it is neither.
 */
export function parseExpectedShare(text: string): ShareRange | undefined {
  const range = RANGE.exec(text);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  const bound = BOUND.exec(text);
  if (bound) {
    const value = Number(bound[2]);
    return bound[1]!.startsWith('<') ? { min: 0, max: value } : { min: value, max: 100 };
  }
  return undefined;
}
