import type { ErrorObject } from 'ajv';
import * as compiled from './generated/validators.js';
import type { LevelRuleset, Workspace } from './generated/types.js';
import type { DocumentPath } from '../findings.js';
import { parseExpectedShare } from './share.js';

/** The document kinds a config folder holds. */
export const DOCUMENT_KINDS = ['LevelRuleset', 'Workspace'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The label for accounts that no level holds; no level may take the name. */
export const UNASSIGNED = 'Unassigned';

/** A schema problem, located by its path into the document. */
export interface SchemaProblem {
  message: string;
  path: DocumentPath;
  /** Point at the key (an unknown key) rather than at its value. */
  target: 'key' | 'value';
}

export type ValidDocument = { kind: 'LevelRuleset'; ruleset: LevelRuleset } | { kind: 'Workspace'; workspace: Workspace };

export interface ValidationResult {
  document?: ValidDocument;
  problems: SchemaProblem[];
}

/** A validator as ajv compiles it: true or false, and the errors of the last call. */
interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Compiled ahead of time from schema/levels.schema.json (scripts/generate.mjs). */
const validators = compiled as unknown as Record<DocumentKind, Validator>;

function validatorFor(kind: DocumentKind): Validator {
  return validators[kind];
}

/**
 * Checks one document against the JSON Schema for its kind, then the few constraints a JSON
 * Schema cannot state (the reserved level name, a share range that runs backwards, a score
 * domain whose min is above its max). Messages say what is wrong in the domain's words.
 */
export function validateDocument(value: unknown): ValidationResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      problems: [{ message: `A config document is a mapping with a kind (${DOCUMENT_KINDS.join(' or ')}), not ${describeValue(value)}.`, path: [], target: 'value' }],
    };
  }
  const kind = (value as { kind?: unknown }).kind;
  if (kind === undefined) {
    return { problems: [{ message: `The document has no kind: add kind: LevelRuleset (or kind: Workspace).`, path: [], target: 'value' }] };
  }
  if (!DOCUMENT_KINDS.includes(kind as DocumentKind)) {
    const hint = suggest(String(kind), DOCUMENT_KINDS);
    return {
      problems: [{ message: `Unknown kind '${String(kind)}': use ${DOCUMENT_KINDS.join(' or ')}${hint ? ` (did you mean '${hint}'?)` : ''}.`, path: ['kind'], target: 'value' }],
    };
  }
  const validate = validatorFor(kind as DocumentKind);
  if (!validate(value)) {
    return { problems: schemaProblems(validate.errors ?? [], value) };
  }
  const problems = kind === 'LevelRuleset' ? rulesetProblems(value as LevelRuleset) : workspaceProblems(value as Workspace);
  if (problems.length > 0) return { problems };
  return kind === 'LevelRuleset'
    ? { document: { kind, ruleset: value as LevelRuleset }, problems }
    : { document: { kind: 'Workspace', workspace: value as Workspace }, problems };
}

function rulesetProblems(ruleset: LevelRuleset): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  ruleset.levels.forEach((level, index) => {
    if (level.name.trim().toLowerCase() === UNASSIGNED.toLowerCase()) {
      problems.push({ message: `'${UNASSIGNED}' is the label for accounts in no level; give this level another name.`, path: ['levels', index, 'name'], target: 'value' });
    }
    if (level.expected_share !== undefined) {
      const share = parseExpectedShare(level.expected_share);
      if (!share || share.min > share.max || share.max > 100) {
        problems.push({
          message: `expected_share '${level.expected_share}' of level '${level.name}' is not a share between 0% and 100% (write it as 10-20%, or a bound such as <= 5%).`,
          path: ['levels', index, 'expected_share'],
          target: 'value',
        });
      }
    }
  });
  return problems;
}

function workspaceProblems(workspace: Workspace): SchemaProblem[] {
  const scores = workspace.scores;
  if (scores?.min !== undefined && scores.max !== undefined && scores.min > scores.max) {
    return [{ message: `scores.min (${scores.min}) is above scores.max (${scores.max}): no score would be possible.`, path: ['scores', 'max'], target: 'value' }];
  }
  if (scores?.integer !== false && scores?.min !== undefined && scores.max !== undefined && Math.ceil(scores.min) > Math.floor(scores.max)) {
    return [{ message: `No whole number lies between scores.min (${scores.min}) and scores.max (${scores.max}); set integer: false for decimal scores.`, path: ['scores'], target: 'value' }];
  }
  return [];
}

/** ajv errors as one problem per offending node, worded for someone editing YAML. */
function schemaProblems(errors: ErrorObject[], root: unknown): SchemaProblem[] {
  // anyOf reports each failed branch too; keep only the anyOf error at that node.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const kept = errors.filter((e) => e.keyword === 'anyOf' || !anyOfPaths.has(e.instancePath) || e.keyword === 'additionalProperties');
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of kept) {
    const problem = describeError(error, root);
    const key = `${problem.path.join('/')}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describeError(error: ErrorObject, root: unknown): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  const where = describePath(path, root);
  const parent = error.parentSchema as { description?: string; properties?: Record<string, unknown> } | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(parent?.properties ?? {});
      const hint = suggest(key, allowed);
      return {
        message: `Unknown key '${key}' in ${where}${hint ? `; did you mean '${hint}'?` : ''} (allowed: ${allowed.join(', ')}).`,
        path: [...path, key],
        target: 'key',
      };
    }
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      return { message: `${capitalise(where)} is missing the required key '${key}'.`, path, target: 'value' };
    }
    case 'type': {
      const expected = (error.params as { type: string }).type;
      const numericString = typeof error.data === 'string' && expected === 'number' && /^\s*-?\d/.test(error.data);
      if (typeof error.data === 'number' && !Number.isFinite(error.data)) {
        return { message: `${capitalise(where)} must be a finite number, not ${error.data}.`, path, target: 'value' };
      }
      return {
        message: `${capitalise(where)} must be ${article(expected)}, not ${describeValue(error.data)}${numericString ? ' (remove the quotes)' : ''}.`,
        path,
        target: 'value',
      };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const hint = suggest(String(error.data), allowed);
      return {
        message: `${capitalise(where)} is ${describeValue(error.data)}, which is not one of ${allowed.join(', ')}${hint ? ` (did you mean '${hint}'?)` : ''}.`,
        path,
        target: 'value',
      };
    }
    case 'const':
      return { message: `${capitalise(where)} must be '${String((error.params as { allowedValue: unknown }).allowedValue)}'.`, path, target: 'value' };
    case 'anyOf': {
      const names = ((error.schema as { enum?: string[] }[]).find((branch) => Array.isArray(branch.enum))?.enum ?? []) as string[];
      const hint = suggest(String(error.data), names);
      return {
        message: `${capitalise(where)} is ${describeValue(error.data)}, which is not valid${hint ? ` (did you mean '${hint}'?)` : ''}. ${parent?.description ?? ''}`.trim(),
        path,
        target: 'value',
      };
    }
    case 'minItems':
      return { message: `${capitalise(where)} must list at least ${(error.params as { limit: number }).limit} item.`, path, target: 'value' };
    case 'minLength':
    case 'pattern':
      if (error.keyword === 'minLength' || (error.params as { pattern: string }).pattern === '\\S') {
        return { message: `${capitalise(where)} must not be empty.`, path, target: 'value' };
      }
      return {
        message: `${capitalise(where)} is ${describeValue(error.data)}, which is not valid. ${parent?.description ?? ''}`.trim(),
        path,
        target: 'value',
      };
    default:
      return { message: `${capitalise(where)} ${error.message ?? 'is not valid'}.`, path, target: 'value' };
  }
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `levels[1] ('Qualified').max` reads better as "max of level 'Qualified'". */
function describePath(path: readonly (string | number)[], root: unknown): string {
  if (path.length === 0) return 'the document';
  let node: unknown = root;
  let context = '';
  let field = '';
  for (const step of path) {
    node = (node as Record<string | number, unknown> | undefined)?.[step];
    if (typeof step === 'number') {
      const name = (node as { name?: unknown } | undefined)?.name;
      context = typeof name === 'string' && name.trim() ? `level '${name}'` : `level ${step + 1}`;
      field = '';
    } else {
      field = field ? `${field}.${step}` : step;
    }
  }
  if (!field) return context;
  return context ? `${field} of ${context}` : field;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text '${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  return `${typeof value} ${String(value)}`;
}

function article(type: string): string {
  const words: Record<string, string> = {
    number: 'a number',
    string: 'text',
    boolean: 'true or false',
    object: 'a mapping',
    array: 'a list',
    integer: 'a whole number',
  };
  return words[type] ?? `a ${type}`;
}

/** "level 3 is ..." reads better as "Level 3 is ..."; key names (min, expected_share) keep their case. */
function capitalise(text: string): string {
  return /^(level|the) /.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === input ? undefined : best;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
