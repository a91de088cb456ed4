import type { BaselineRef, ConfigRef, DomainChange, LevelChange, LevelState, RulesetChange, ScoreDomain } from '../generated/types.js';

/** Words shared by the text and markdown renderers, so both say the same thing. */

export function describeBaseline(baseline: BaselineRef): string {
  switch (baseline.kind) {
    case 'git': {
      const ref = baseline.ref ?? '';
      // A commit hash names itself: git 1a2b3c4d5e6f, not git 1a2b…(1a2b3c4).
      if (baseline.commit && ref !== '' && baseline.commit.startsWith(ref.toLowerCase())) return `git ${baseline.commit.slice(0, 12)}`;
      return `git ${ref}${baseline.commit ? ` (${baseline.commit.slice(0, 7)})` : ''}`.trim();
    }
    case 'store':
      return `the live store${baseline.serial !== undefined ? ` (serial ${baseline.serial})` : ''}`;
    case 'none':
      return 'nothing (every ruleset is new)';
  }
}

export function describeConfig(config: ConfigRef): string {
  return config.source === 'git' ? `${config.folder} at ${config.ref ?? config.commit}` : config.folder;
}

export function rangeOf(level: Pick<LevelState, 'min' | 'max'>): string {
  if (level.max === null) return `${level.min} and above`;
  return level.min === level.max ? String(level.min) : `${level.min} to ${level.max}`;
}

const show = (value: unknown): string => (value === undefined || value === null ? '(none)' : typeof value === 'string' ? JSON.stringify(value) : String(value));

/** One line per changed field: `min 80 → 85`, `name "Target" → "Strategic"`. */
export function levelChangeDetails(change: LevelChange): string[] {
  if (change.action === 'create') return [`new level, ${rangeOf(change.after!)}`];
  if (change.action === 'delete') return [`removed (was ${rangeOf(change.before!)}); its accounts go to whatever the remaining levels give them`];
  const before = change.before!;
  const after = change.after!;
  return change.fields.map((field) => {
    if (field === 'position') return `moved from position ${before.position + 1} to ${after.position + 1} (first match decides)`;
    if (field === 'max') return `max ${before.max === null ? '(none)' : before.max} → ${after.max === null ? '(none: open-ended)' : after.max}`;
    return `${field} ${show(before[field])} → ${show(after[field])}`;
  });
}

/** The headline of a ruleset change: what happens, and the switches that matter most. */
export function rulesetHeadline(change: RulesetChange): string {
  const name = change.after?.name ?? change.before?.name ?? change.ruleset;
  const notes = [
    change.previous_id !== undefined ? `renamed from ${change.previous_id}` : '',
    change.primary === 'gained' ? 'becomes primary' : '',
    change.primary === 'lost' && change.action !== 'delete' ? 'no longer primary' : '',
    change.enabled === 'enabled' ? 'enabled' : '',
    change.enabled === 'disabled' ? 'disabled: it will affect nothing' : '',
    change.action === 'delete' && change.before?.primary ? 'DELETES THE PRIMARY RULESET' : '',
  ].filter(Boolean);
  return `${change.ruleset} (${name})${notes.length > 0 ? `: ${notes.join(', ')}` : ''}`;
}

/** Ruleset fields other than primary/enabled (called out in the headline), as detail lines. */
export function rulesetFieldDetails(change: RulesetChange): string[] {
  if (change.action !== 'update') return [];
  return change.fields
    .filter((field) => field === 'name' || field === 'description')
    .map((field) => `${field} ${show(change.before?.[field])} → ${show(change.after?.[field])}`);
}

/** `0 to 100, whole numbers`; `0 and up, decimals`. */
export function describeDomain(domain: ScoreDomain): string {
  return `${domain.max === null ? `${domain.min} and up` : `${domain.min} to ${domain.max}`}, ${domain.integer ? 'whole numbers' : 'decimals'}`;
}

/** `score domain 0 to 100, whole numbers → 0 to 1000, decimals`. */
export function domainChangeDetail(change: DomainChange): string {
  return `score domain ${describeDomain(change.before)} → ${describeDomain(change.after)}`;
}

export const SYMBOL = { create: '+', update: '~', delete: '-' } as const;
