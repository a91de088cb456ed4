import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/plan/numbers.js';

describe('formatCount', () => {
  it('groups thousands as en-US does', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(48310)).toBe('48,310');
    expect(formatCount(10_000_000)).toBe('10,000,000');
    expect(formatCount(-1234567)).toBe('-1,234,567');
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (count) => {
        expect(formatCount(count)).toBe(count.toLocaleString('en-US'));
      }),
    );
  });
});
