import { parseScoreText, scoreProblemText } from './score.js';
import { trimSpace } from './row.js';

/** One JSON Lines row, read: its id, score and level, or why it is rejected. */
export interface JsonRow {
  id: string;
  score: number;
  level: string | undefined;
  object: Record<string, unknown>;
}

/**
 * Reads one line of a JSON Lines export: an object with the id (text or a number), the score (a
 * number or numeric text) and, when the export has one, the level. Keys are read as own
 * properties only, so `__proto__` is a key like any other.
 */
export function parseJsonRow(text: string, names: { id: string; score: string; level: string }, hasLevel: boolean): JsonRow | string {
  let object: unknown;
  try {
    object = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return 'not a JSON object';
  const record = object as Record<string, unknown>;
  const value = (name: string) => (Object.hasOwn(record, name) ? record[name] : undefined);
  const rawId = value(names.id);
  const id = typeof rawId === 'string' ? trimSpace(rawId) : typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : undefined;
  if (id === undefined || id === '') return rawId === undefined || rawId === null || rawId === '' ? `no ${names.id}` : `${names.id} is not text or a number`;
  const rawScore = value(names.score);
  let score: number;
  if (typeof rawScore === 'number') {
    // JSON.parse turns 1e400 into Infinity: not a score, as in CSV.
    if (!Number.isFinite(rawScore)) return scoreProblemText('not-finite', String(rawScore));
    score = rawScore;
  }
  else if (typeof rawScore === 'string') {
    const parsed = parseScoreText(rawScore);
    if (typeof parsed !== 'number') return scoreProblemText(parsed, trimSpace(rawScore));
    score = parsed;
  } else return rawScore === undefined || rawScore === null ? `no ${names.score}` : `${names.score} is not a number`;
  const rawLevel = value(names.level);
  const level = typeof rawLevel === 'string' ? trimSpace(rawLevel) : rawLevel === undefined || rawLevel === null ? (hasLevel ? '' : undefined) : String(rawLevel);
  return { id, score, level, object: record };
}
