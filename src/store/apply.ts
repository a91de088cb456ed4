import { UserError } from '../errors.js';
import type { ExportSummary } from '../exports/reader.js';
import type { AccountSink, Row } from '../exports/row.js';
import { Classifier } from '../plan/classifier.js';
import type { Plan } from '../plan/compute.js';
import type { AppliedRuleset } from '../plan/generated/types.js';
import { configHash, snapshotFromApplied } from '../plan/snapshot.js';
import { StalePlanError } from './errors.js';
import { activeApplied } from './schema.js';
import type { AccountWriter, ApplyRecord, Store } from './types.js';

export interface ApplyOptions {
  /** Who applies: GITHUB_ACTOR, or the user running the command. */
  actor: string;
  /** When (ISO 8601), passed in rather than read from the clock. */
  now: string;
  /** A score export to load: its fingerprint (awaited before anything is written) and its reader. */
  scores?: { sha256: Promise<string>; path: string; load(sink: AccountSink): Promise<ExportSummary> };
}

export type ApplyResult =
  | { status: 'applied'; serial: number; accountsChanged: number; accountsLoaded: number | undefined; record: ApplyRecord }
  | { status: 'already-applied'; serial: number };

/** Refuses plans that must not be applied, before anything is read from the store. */
export function checkPlan(plan: Plan): void {
  if (plan.summary.blocked) {
    const first = plan.findings.find((finding) => finding.severity === 'error');
    throw new UserError(
      `The plan is blocked by ${plan.summary.errors} error finding${plan.summary.errors === 1 ? '' : 's'}${first ? ` (first: ${first.file}:${first.line} [${first.rule}] ${first.message})` : ''}; fix the config and plan again.`,
    );
  }
  const primaries = plan.proposed.rulesets.filter((ruleset) => ruleset.primary);
  const deletesPrimary = plan.changes.some((change) => change.action === 'delete' && change.before?.primary);
  if (deletesPrimary && primaries.length !== 1) {
    throw new UserError('The plan deletes the live primary ruleset without making another ruleset primary; mark one primary: true in the same change.');
  }
}

/**
 * Applies a plan to the store, exactly as planned: refuses a blocked plan, and a stale one (the
 * live config is not the plan's baseline); reports a plan whose target is already live (a
 * retried job) without writing. In one transaction behind the store lock: the config, the
 * accounts of the score export (each with its new level), every other stored account
 * reclassified, each level change recorded, the apply log entry and the next serial. With an
 * unchanged config, a new export refreshes the accounts; the same export again writes nothing.
 */
export async function applyPlan(store: Store, plan: Plan, options: ApplyOptions): Promise<ApplyResult> {
  checkPlan(plan);
  const planned = plan.impact?.export;
  const sha256 = options.scores ? await options.scores.sha256 : undefined;
  if (options.scores && planned?.sha256 && planned.sha256 !== sha256) {
    throw new UserError(`${options.scores.path} is not the export the plan was made with (${planned.path}, SHA-256 ${planned.sha256.slice(0, 12)}…); plan again with this export.`);
  }
  return store.transaction(async (tx) => {
    const live = await tx.readConfig();
    const liveHash = configHash(snapshotFromApplied(live));
    const serial = await tx.serial();
    const refresh = liveHash === plan.config.hash;
    if (refresh) {
      const last = options.scores ? (await store.history(1))[0] : undefined;
      if (!options.scores || last?.exportSha256 === sha256) return { status: 'already-applied', serial };
    } else if (liveHash !== plan.baseline.hash) {
      throw new StalePlanError(
        `The plan is stale: the live config in ${store.url} (serial ${serial}) is not the one it was planned against${plan.baseline.kind === 'store' ? ` (serial ${plan.baseline.serial ?? 0})` : ` (${plan.baseline.kind === 'git' ? `git ${plan.baseline.ref}` : 'an empty store'})`}; plan again against the store.`,
      );
    }
    const next = serial + 1;
    const active = activeApplied(plan.proposed);
    await tx.writeConfig(plan.proposed);
    let loaded: ExportSummary | undefined;
    if (options.scores) {
      const writer = await tx.accounts(next, active?.levels.map((level) => level.name) ?? []);
      loaded = await options.scores.load(writingSink(writer, active));
      await writer.finish();
    }
    const accountsChanged = await tx.reclassify(next, active);
    const record: ApplyRecord = {
      serial: next,
      appliedAt: options.now,
      actor: options.actor,
      gitCommit: plan.config.commit,
      configHash: plan.config.hash,
      planHash: plan.checksum,
      exportSha256: sha256,
      summary: refresh ? `Accounts refreshed from ${options.scores!.path}.` : plan.summary.text,
      config: plan.proposed,
      accountsChanged,
    };
    await tx.recordApply(record);
    return { status: 'applied', serial: next, accountsChanged, accountsLoaded: loaded?.accounts, record };
  });
}

/** Classifies each row of the export under the new config (as the plan did) and hands it to the store. */
function writingSink(writer: AccountWriter, active: AppliedRuleset | undefined): AccountSink {
  const classifier = new Classifier(active?.levels ?? []);
  return {
    account: (row: Row) => writer.add(row.record, row.id(), row.score, classifier.classify(row.score)),
    retract: (row: Row) => writer.remove(row.record, row.id()),
    drain: () => writer.drain(),
  };
}
