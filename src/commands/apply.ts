import { UserError } from '../errors.js';
import type { Plan } from '../plan/compute.js';
import { readPlanFile } from '../plan/file.js';
import { formatCount } from '../plan/numbers.js';
import { renderPlan } from '../plan/renderers/index.js';
import { applyPlan, type ApplyResult } from '../store/apply.js';
import { useColor, type CommandIO } from './io.js';
import { buildPlan } from './plan.js';
import { locateExport, hashFileInBackground } from '../exports/source.js';
import type { AccountSink } from '../exports/row.js';
import { readScores, type ScoreOptions } from './scores.js';
import { actorOf, configuredStore, withStore, type StoreChoice } from './store-access.js';

export interface ApplyCommandOptions extends Partial<ScoreOptions> {
  config: string;
  store?: string;
  /** Apply without asking. */
  yes: boolean;
  /** Seconds to wait for another apply to release the store. */
  lockTimeout?: number;
  format: 'text' | 'json';
  quiet: boolean;
}

/**
 * `levels apply [PLAN]`: applies a saved plan exactly (refusing a stale, edited or blocked one),
 * or plans against the store, shows the plan, asks, and applies.
 */
export async function applyCommand(planFile: string | undefined, options: ApplyCommandOptions, io: CommandIO): Promise<number> {
  // The export's fingerprint, computed on another core while the rest gets ready.
  const sha256 = options.scores === undefined ? undefined : fingerprintExport(options.scores, io.cwd);
  sha256?.catch(() => undefined);
  // An apply job may have only the plan file: the config folder is needed only to plan here.
  const choice = await configuredStore(options.store, options.config, io, { required: planFile === undefined });
  let plan: Plan;
  if (planFile !== undefined) {
    plan = await readPlanFile(planFile, io.cwd);
  } else {
    plan = await buildPlan({ ...options, against: 'store', format: 'text', detailedExitcode: false }, io);
    if (!options.quiet && options.format === 'text') io.stdout.write(renderPlan(plan, 'text', { color: useColor(io.stdout, io.env) }));
    if (plan.summary.blocked) return 1;
    if (!plan.summary.has_changes && options.scores === undefined) {
      report({ status: 'already-applied', serial: plan.baseline.serial ?? 0 }, choice, options, io);
      return 0;
    }
    if (!(await confirmed(choice, options, io))) {
      io.stderr.write('levels: apply cancelled; nothing was written.\n');
      return 1;
    }
  }
  // A plan made with another export is refused before the store is touched.
  const scores =
    options.scores === undefined
      ? undefined
      : {
          path: options.scores,
          sha256: sha256!,
          load: (sink: AccountSink) => readScores({ ...options, scores: options.scores! }, sink, io, undefined, { fingerprint: false }),
        };
  const result = await withStore(
    choice,
    (store) => applyPlan(store, plan, { actor: actorOf(io.env), now: new Date().toISOString(), ...(scores ? { scores } : {}) }),
    options.lockTimeout !== undefined ? { lockTimeout: options.lockTimeout * 1000 } : {},
  );
  report(result, choice, options, io);
  return 0;
}

async function fingerprintExport(path: string, cwd: string): Promise<string> {
  return hashFileInBackground((await locateExport(path, cwd)).absolutePath);
}

async function confirmed(choice: StoreChoice, options: ApplyCommandOptions, io: CommandIO): Promise<boolean> {
  if (options.yes) return true;
  if (!io.stdinIsTTY || !io.prompt) {
    throw new UserError('levels apply asks before it writes, and there is no terminal to ask on: pass --yes, or apply a saved plan file (levels plan --out plan.json, then levels apply plan.json).');
  }
  const answer = await io.prompt(`\nApply these changes to ${choice.shown}? Only 'yes' will be accepted: `);
  return answer.trim() === 'yes';
}

function report(result: ApplyResult, choice: StoreChoice, options: ApplyCommandOptions, io: CommandIO): void {
  if (options.format === 'json') {
    const body =
      result.status === 'applied'
        ? { status: result.status, serial: result.serial, store: choice.shown, summary: result.record.summary, accounts_loaded: result.accountsLoaded ?? null, accounts_changed: result.accountsChanged }
        : { status: result.status, serial: result.serial, store: choice.shown };
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  if (result.status === 'already-applied') {
    io.stdout.write(`Already applied: ${choice.shown} holds this config at serial ${result.serial}; nothing was written.\n`);
    return;
  }
  const accounts =
    result.accountsLoaded !== undefined
      ? ` ${formatCount(result.accountsLoaded)} accounts loaded; ${formatCount(result.accountsChanged)} changed level.`
      : result.accountsChanged > 0
        ? ` ${formatCount(result.accountsChanged)} stored accounts changed level.`
        : '';
  io.stdout.write(`Apply complete: serial ${result.serial} in ${choice.shown}. ${result.record.summary}${accounts}\n`);
}
