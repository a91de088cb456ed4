import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScoreBytes, parseScoreText } from '../../src/exports/score.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const parse = (text: string) => parseScoreBytes(bytes(text), 0, bytes(text).length);

describe('scores', () => {
  it('accepts plain decimal and exponent numbers, with whitespace around them', () => {
    for (const [text, value] of [['82', 82], [' 82 ', 82], ['-0', -0], ['+5', 5], ['79.5', 79.5], ['.5', 0.5], ['5.', 5], ['8.2e1', 82], ['1E-2', 0.01], ['\t7\r', 7], ['0000012', 12], ['123456789012345678', 123456789012345678]] as const) {
      expect(parse(text), text).toBe(value);
      expect(parseScoreText(text), text).toBe(value);
    }
  });

  it('refuses hex, separators, words, infinities and empty text, saying why', () => {
    for (const text of ['0x10', '1_000', '1,000', 'NaN', 'Infinity', '-Infinity', 'abc', '--1', '1e', 'e5', '.', '', '   ', '1 2', '½']) {
      expect(Number.isNaN(parse(text)), text).toBe(true);
      expect(typeof parseScoreText(text), text).toBe('string');
    }
    expect(parseScoreText('')).toBe('empty');
    expect(parseScoreText('1e309')).toBe('not-finite');
    expect(Number.isNaN(parse('1e309'))).toBe(true);
    expect(parseScoreText('0x10')).toBe('not-a-number');
  });

  it('parses bytes exactly as Number() parses the same text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.integer().map((n) => n / 1000), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100)), (value) => {
        for (const text of [String(value), value.toFixed(2), value.toExponential(3)]) {
          const expected = Number(text);
          expect(parse(text), text).toBe(Number.isFinite(expected) ? expected : Number.NaN);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
