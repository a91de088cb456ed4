import { isSpace, trimSpace } from './row.js';

/**
 * Score parsing, strict and exact: a score is a plain decimal or exponent number
 * (`82`, `-0`, `79.5`, `.5`, `8.2e1`), with whitespace around it ignored. Hex (`0x10`),
 * separators (`1_000`, `1,000`), `NaN`, `Infinity` and anything that overflows (`1e309`) are
 * rejected. The byte parser returns exactly what `Number(text)` would for the same text.
 */

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Powers of ten that are exact doubles: dividing an exact integer by one is correctly rounded. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Why a score was refused, for the rejected-rows report. */
export type ScoreProblem = 'empty' | 'not-a-number' | 'not-finite';

export function scoreProblemText(problem: ScoreProblem, raw: string): string {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  switch (problem) {
    case 'empty':
      return 'empty score';
    case 'not-a-number':
      return `score '${shown}' is not a number`;
    case 'not-finite':
      return `score '${shown}' is not a finite number`;
  }
}

/** Parses score text; a ScoreProblem when it is not a finite plain number. */
export function parseScoreText(text: string): number | ScoreProblem {
  const trimmed = trimSpace(text);
  if (trimmed === '') return 'empty';
  if (!PLAIN_NUMBER.test(trimmed)) return 'not-a-number';
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : 'not-finite';
}

/**
 * Parses the score in `bytes[start, end)` without making a string. NaN means "not a valid
 * score": call parseScoreText on the decoded text for the reason (rejections are rare).
 */
export function parseScoreBytes(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && isSpace(bytes[start]!)) start++;
  while (end > start && isSpace(bytes[end - 1]!)) end--;
  if (start === end) return Number.NaN;
  let i = start;
  let negative = false;
  const sign = bytes[i]!;
  if (sign === 45 || sign === 43) {
    negative = sign === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  let sawDigit = false;
  for (; i < end; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    if (mantissa !== 0) digits++;
    sawDigit = true;
  }
  if (i < end && bytes[i] === 46) {
    i++;
    for (; i < end; i++) {
      const d = bytes[i]! - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      if (mantissa !== 0) digits++;
      fraction++;
      sawDigit = true;
    }
  }
  if (!sawDigit) return Number.NaN;
  if (i === end && digits <= 15 && fraction <= 22) {
    const value = fraction === 0 ? mantissa : mantissa / EXACT_POWERS[fraction]!;
    return negative ? -value : value;
  }
  // Exponents, long mantissas and anything odd: the exact, slower path.
  const parsed = parseScoreText(latin1(bytes, start, end));
  return typeof parsed === 'number' ? parsed : Number.NaN;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}
