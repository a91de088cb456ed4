import { normalizeRuleset } from '../model/config.js';
import { resolveWorkspace } from '../model/load.js';
import { parseSource } from '../model/source.js';
import { validateDocument } from '../model/validate.js';
import type { ParsedVersion } from './version-cache.js';

/**
 * One config file version from git: parsed and checked as the loader does (the same safe YAML
 * reading, the same schema), keeping only what a semantic diff needs. Loaded only when a version
 * is not in the cache: it brings in the YAML parser.
 */
export function parseVersion(path: string, content: Uint8Array): ParsedVersion {
  const parsed = parseSource(path, content);
  const problem = parsed.problems[0];
  if (problem) return { kind: 'invalid', message: `[${problem.rule}] ${problem.message}` };
  const validation = validateDocument(parsed.value);
  const document = validation.document;
  if (!document) return { kind: 'invalid', message: `[schema] ${validation.problems[0]?.message ?? 'not a config document'}` };
  if (document.kind === 'LevelRuleset') return { kind: 'ruleset', ruleset: normalizeRuleset(document.ruleset) };
  const scores = resolveWorkspace(document.workspace).scores;
  return { kind: 'workspace', scores: { min: scores.min, max: Number.isFinite(scores.max) ? scores.max : null, integer: scores.integer } };
}
