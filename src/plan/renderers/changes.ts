import type { createColors } from 'picocolors';
import type { DomainChange, RulesetChange } from '../generated/types.js';
import { SYMBOL, domainChangeDetail, levelChangeDetails, rulesetFieldDetails, rulesetHeadline } from './describe.js';

type Colors = ReturnType<typeof createColors>;

/**
 * The semantic changes as terminal lines (without a heading): a line per ruleset with its file,
 * its field changes, a line per level; then the score domain. The plan, `levels diff`,
 * `history` and `revert` all print changes with this.
 */
export function changeLines(rulesets: readonly RulesetChange[], domain: DomainChange | null, c: Colors, indent = '  '): string[] {
  const out: string[] = [];
  const paint = { create: c.green, update: c.yellow, delete: c.red } as const;
  for (const change of rulesets) {
    const headline = `${paint[change.action](SYMBOL[change.action])} ruleset ${rulesetHeadline(change)}`;
    out.push(`${indent}${change.action === 'delete' ? c.bold(headline) : headline}${change.file ? c.dim(`  ${change.file}`) : ''}`);
    for (const detail of rulesetFieldDetails(change)) out.push(`${indent}    ${detail}`);
    for (const level of change.levels) {
      const details = levelChangeDetails(level);
      out.push(`${indent}    ${paint[level.action](SYMBOL[level.action])} level ${level.level}: ${details[0]}`);
      for (const detail of details.slice(1)) out.push(`${indent}        ${detail}`);
    }
  }
  if (domain) out.push(`${indent}${paint.update(SYMBOL.update)} ${domainChangeDetail(domain)}`);
  return out;
}
