import { createHash } from 'node:crypto';
import type { Plan } from './generated/types.js';

/** JSON with object keys sorted at every depth: the same for any formatting or key order of the file. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the plan without its checksum: any change to a plan file's content changes it. */
export function planChecksum(plan: Omit<Plan, 'checksum'> & { checksum?: string }): string {
  const { checksum: _, ...content } = plan;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
