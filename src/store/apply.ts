import { UserError } from '../errors.js';
import type { ExportSummary } from '../exports/reader.js';
import type { AccountSink, Row } from '../exports/row.js';
import type { Plan } from '../plan/compute.js';
import { configHash, snapshotFromApplied } from '../plan/snapshot.js';
import { StalePlanError } from './errors.js';
import { activeApplied } from './schema.js';
import type { AccountStager, ApplyRecord, Store } from './types.js';

export interface ApplyOptions {
  /** Who applies: GITHUB_ACTOR, or the user running the command. */
  actor: string;
  /** When (ISO 8601), passed in rather than read from the clock. */
  now: string;
  /** Loads a score export into the stager; resolves to the export's summary. */
  loadAccounts?: (sink: AccountSink) => Promise<ExportSummary>;
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
 * retried job) without writing. Accounts from a score export are staged first, outside the
 * lock; then, in one transaction behind the store lock: the config, every stored account
 * reclassified (each level change recorded), the apply log entry and the next serial.
 */
export async function applyPlan(store: Store, plan: Plan, options: ApplyOptions): Promise<ApplyResult> {
  checkPlan(plan);
  let loaded: ExportSummary | undefined;
  if (options.loadAccounts) {
    const stager = await store.stage();
    loaded = await options.loadAccounts(stagingSink(stager));
    await stager.finish();
  }
  return store.transaction(async (tx) => {
    const live = await tx.readConfig();
    const liveHash = configHash(snapshotFromApplied(live));
    const serial = await tx.serial();
    if (liveHash === plan.config.hash) {
      const last = loaded ? (await store.history(1))[0] : undefined;
      if (!loaded || last?.exportSha256 === loaded.sha256) return { status: 'already-applied', serial };
    } else if (liveHash !== plan.baseline.hash) {
      throw new StalePlanError(
        `The plan is stale: the live config in ${store.url} (serial ${serial}) is not the one it was planned against${plan.baseline.kind === 'store' ? ` (serial ${plan.baseline.serial ?? 0})` : ` (${plan.baseline.kind === 'git' ? `git ${plan.baseline.ref}` : 'an empty store'})`}; plan again against the store.`,
      );
    }
    const next = serial + 1;
    await tx.writeConfig(plan.proposed);
    const accountsChanged = await tx.reclassify(next, activeApplied(plan.proposed), loaded !== undefined);
    const record: ApplyRecord = {
      serial: next,
      appliedAt: options.now,
      actor: options.actor,
      gitCommit: plan.config.commit,
      configHash: plan.config.hash,
      planHash: plan.checksum,
      exportSha256: loaded?.sha256,
      summary: liveHash === plan.config.hash ? `Accounts refreshed from ${loaded!.file.path}.` : plan.summary.text,
      config: plan.proposed,
      accountsChanged,
    };
    await tx.recordApply(record);
    return { status: 'applied', serial: next, accountsChanged, accountsLoaded: loaded?.accounts, record };
  });
}

/** Streams export rows into the store's staging area (duplicates retracted as the reader finds them). */
function stagingSink(stager: AccountStager): AccountSink {
  return {
    account: (row: Row) => stager.add(row.record, row.id(), row.score),
    retract: (row: Row) => stager.remove(row.record),
    drain: () => stager.drain(),
  };
}
