import { countFindings, type Finding } from '../findings.js';
import { diffConfigs, isEmptyDiff, levelKey, type ConfigDiff } from '../diff/semantic.js';
import type { ExportSummary } from '../exports/reader.js';
import type { DataContext, RulesetDistribution } from '../lint/data.js';
import { lint } from '../lint/engine.js';
import type { Config, Ruleset } from '../model/config.js';
import { UNASSIGNED } from '../model/validate.js';
import type { BaselineRef, ChangeCounts, ConfigRef, DistributionEntry, Drift, Impact, Plan, RulesetChange, Summary, Transition } from './generated/types.js';
import { formatCount } from './numbers.js';
import { planChecksum } from './checksum.js';
import { activeOf, canonicalConfig, configHash, snapshotOf, type ConfigSnapshot } from './snapshot.js';
import type { TallyResult } from './tally.js';

export type { Plan } from './generated/types.js';

export const PLAN_FORMAT_VERSION = '1';

export interface PlanInput {
  /** The proposed config, as loaded (its findings are part of the plan). */
  proposed: Config;
  /** Where the proposed config was read: the working tree, or a git ref. */
  source: Omit<ConfigRef, 'folder' | 'hash'>;
  baseline: { snapshot: ConfigSnapshot; ref: Omit<BaselineRef, 'hash'> };
  /** The score export's tally and summary, when one was given. */
  scores?: { tally: TallyResult; summary: ExportSummary };
  drift?: Drift[];
  toolVersion: string;
  /** When the plan is made (ISO 8601): an input, so that planning stays a pure function. */
  createdAt?: string;
}

/**
 * The plan, as a pure function of its inputs: no disk, store, clock or environment (Changesets'
 * assembleReleasePlan). The shell reads the config, the baseline and the export and calls this.
 */
export function computePlan(input: PlanInput): Plan {
  const proposed = snapshotOf(input.proposed);
  const diff = diffConfigs(input.baseline.snapshot, proposed);
  const changes = diff.rulesets;
  const impact = input.scores ? impactOf(input.scores.tally, input.scores.summary, input.baseline.snapshot, proposed) : null;
  const data = input.scores ? dataContext(input.scores.tally, input.scores.summary) : undefined;
  const findings = lint(input.proposed, data ? { data } : {});
  const plan: Omit<Plan, 'checksum'> = {
    format_version: PLAN_FORMAT_VERSION,
    tool_version: input.toolVersion,
    ...(input.createdAt ? { created_at: input.createdAt } : {}),
    config: { folder: input.proposed.folder, ...input.source, hash: configHash(proposed) },
    proposed: canonicalConfig(proposed),
    baseline: { ...input.baseline.ref, hash: configHash(input.baseline.snapshot) },
    changes,
    domain_change: diff.domain,
    drift: input.drift ?? [],
    impact,
    findings: findings.map(planFinding),
    summary: summarize(diff, impact, findings, input.baseline.ref),
  };
  return { ...plan, checksum: planChecksum(plan) };
}

function planFinding(finding: Finding): Plan['findings'][number] {
  return { ...finding, path: [...finding.path] };
}

function impactOf(tally: TallyResult, summary: ExportSummary, baseline: ConfigSnapshot, proposed: ConfigSnapshot): Impact {
  const beforeRuleset = activeOf(baseline);
  const afterRuleset = activeOf(proposed);
  const beforeNames = [...tally.before.levels, UNASSIGNED];
  const afterNames = [...tally.after.levels, UNASSIGNED];
  const rank = (ruleset: Ruleset | undefined, index: number): [number, number] => {
    const level = ruleset?.levels[index];
    return level ? [level.min, level.max ?? Number.POSITIVE_INFINITY] : [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  };
  const transitions: Transition[] = [];
  const beforeCounts = new Array<number>(beforeNames.length).fill(0);
  const afterCounts = new Array<number>(afterNames.length).fill(0);
  let moved = 0;
  let upgraded = 0;
  let downgraded = 0;
  tally.transitions.forEach((row, b) => {
    row.forEach((count, a) => {
      if (count === 0) return;
      beforeCounts[b]! += count;
      afterCounts[a]! += count;
      transitions.push({ from: beforeNames[b]!, to: afterNames[a]!, count });
      if (levelKey(beforeNames[b]!) === levelKey(afterNames[a]!)) return;
      moved += count;
      const [fromMin, fromMax] = rank(beforeRuleset, b);
      const [toMin, toMax] = rank(afterRuleset, a);
      if (toMin > fromMin || (toMin === fromMin && toMax > fromMax)) upgraded += count;
      else if (toMin < fromMin || (toMin === fromMin && toMax < fromMax)) downgraded += count;
    });
  });
  const distribution = (names: string[], counts: number[]): DistributionEntry[] =>
    names.map((level, i) => ({ level, count: counts[i]!, share: share(counts[i]!, tally.accounts) }));
  const experiments = tally.rulesets
    .filter((entry) => entry.ruleset !== tally.after.ruleset)
    .map((entry) => {
      const ruleset = proposed.rulesets.find(({ ruleset: candidate }) => candidate.id === entry.ruleset)!.ruleset;
      return { ruleset: ruleset.id, name: ruleset.name, distribution: distribution([...ruleset.levels.map((level) => level.name), UNASSIGNED], entry.counts) };
    });
  return {
    export: {
      path: summary.file.path,
      format: summary.file.format,
      compressed: summary.file.compressed,
      size: summary.file.size,
      sha256: summary.sha256 ?? '',
      ...(summary.delimiter ? { delimiter: summary.delimiter } : {}),
      columns: summary.columns,
    },
    ruleset_before: tally.before.ruleset,
    ruleset_after: tally.after.ruleset,
    accounts: tally.accounts,
    rejected: summary.rejected,
    rejected_rows: summary.rejectedRows,
    duplicates: summary.duplicates,
    before: distribution(beforeNames, beforeCounts),
    after: distribution(afterNames, afterCounts),
    transitions,
    moved,
    upgraded,
    downgraded,
    stale: tally.stale,
    stale_sample: tally.staleSample,
    sample: tally.sample,
    experiments,
  };
}

function share(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 1e6) / 1e6;
}

function dataContext(tally: TallyResult, summary: ExportSummary): DataContext {
  const distributions = new Map<string, RulesetDistribution>();
  for (const entry of tally.rulesets) {
    distributions.set(entry.ruleset, {
      counts: entry.counts.slice(0, -1),
      unassigned: entry.counts[entry.counts.length - 1]!,
      ...(entry.unassignedMin !== undefined ? { unassignedMin: entry.unassignedMin, unassignedMax: entry.unassignedMax! } : {}),
    });
  }
  return {
    exportName: summary.file.path,
    accounts: tally.accounts,
    ...(tally.minScore !== undefined ? { minScore: tally.minScore, maxScore: tally.maxScore! } : {}),
    belowDomain: tally.belowDomain,
    aboveDomain: tally.aboveDomain,
    distributions,
  };
}

function countChanges(changes: readonly RulesetChange[]): { rulesets: ChangeCounts; levels: ChangeCounts } {
  const rulesets = { create: 0, update: 0, delete: 0 };
  const levels = { create: 0, update: 0, delete: 0 };
  for (const change of changes) {
    rulesets[change.action]++;
    for (const level of change.levels) levels[level.action]++;
  }
  return { rulesets, levels };
}

function summarize(diff: ConfigDiff, impact: Impact | null, findings: Finding[], baseline: PlanInput['baseline']['ref']): Summary {
  const counts = countChanges(diff.rulesets);
  const findingCounts = countFindings(findings);
  const phrase = (count: number, noun: string, verb: string) => (count === 0 ? [] : [`${formatCount(count)} ${noun}${count === 1 ? '' : 's'} to ${verb}`]);
  const parts = [
    ...phrase(counts.rulesets.create, 'ruleset', 'create'),
    ...phrase(counts.rulesets.update, 'ruleset', 'change'),
    ...phrase(counts.rulesets.delete, 'ruleset', 'delete'),
    ...phrase(counts.levels.create, 'level', 'add'),
    ...phrase(counts.levels.update, 'level', 'update'),
    ...phrase(counts.levels.delete, 'level', 'remove'),
    ...(diff.domain ? ['the score domain to change'] : []),
  ];
  const against = baseline.kind === 'git' ? `git ${baseline.ref ?? ''}`.trim() : baseline.kind === 'store' ? 'the live store' : 'an empty baseline';
  let text = parts.length > 0 ? `Plan: ${parts.join(', ')}` : `No changes: the config matches ${against}`;
  if (impact) {
    const moves = impact.moved === 0 ? 'none move' : `${formatCount(impact.moved)} of ${formatCount(impact.accounts)} accounts move`;
    text += impact.moved === 0 ? `; ${formatCount(impact.accounts)} accounts, ${moves}.` : `; ${moves}.`;
  } else {
    text += '.';
  }
  if (findingCounts.errors > 0) text += ` Blocked by ${findingCounts.errors} error${findingCounts.errors === 1 ? '' : 's'}.`;
  return {
    text,
    has_changes: !isEmptyDiff(diff),
    blocked: findingCounts.errors > 0,
    rulesets: counts.rulesets,
    levels: counts.levels,
    accounts: impact?.accounts ?? null,
    moved: impact?.moved ?? null,
    ...findingCounts,
  };
}
