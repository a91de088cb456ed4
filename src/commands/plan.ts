import { UserError } from '../errors.js';
import { Repo } from '../git/repo.js';
import { gitBaseline, noBaseline, parseAgainst, storeBaseline, type AgainstSpec, type Baseline, type BaselineConfig } from '../plan/baseline.js';
import type { Drift } from '../plan/generated/types.js';
import { computePlan, type Plan } from '../plan/compute.js';
import { writePlanFile } from '../plan/file.js';
import { renderPlan, type PlanFormat } from '../plan/renderers/index.js';
import { activeOf, snapshotOf } from '../plan/snapshot.js';
import { ImpactTally, type TallyInput } from '../plan/tally.js';
import { VERSION } from '../version.js';
import { useColor, type CommandIO } from './io.js';
import { loadProposed } from './proposed.js';
import { chooseStore, storeIsInUse, withStore } from './store-access.js';
import { readScores, type ScoreOptions } from './scores.js';

export interface PlanCommandOptions extends Partial<ScoreOptions> {
  config: string;
  against?: string;
  ref?: string;
  store?: string;
  out?: string;
  format: PlanFormat;
  detailedExitcode: boolean;
  quiet: boolean;
}

/** `levels plan`: the changes and their impact on accounts, against a baseline. */
export async function planCommand(options: PlanCommandOptions, io: CommandIO): Promise<number> {
  const plan = await buildPlan(options, io);
  if (options.out) await writePlanFile(plan, options.out, io.cwd);
  io.stdout.write(options.quiet ? `${plan.summary.text}\n` : renderPlan(plan, options.format, { color: useColor(io.stdout, io.env) }));
  if (plan.summary.blocked) return 1;
  return options.detailedExitcode && plan.summary.has_changes ? 2 : 0;
}

/** Reads the proposed config, the baseline and the export, and computes the plan. */
export async function buildPlan(options: PlanCommandOptions, io: CommandIO): Promise<Plan> {
  const repo = await Repo.find(io.cwd);
  // The git baseline is read while the proposed config loads; a store, once the Workspace is known.
  const spec = options.against === undefined ? undefined : parseAgainst(options.against);
  const gitFirst = spec === undefined && repo && (await repo.exists('HEAD')) ? gitBaseline(repo, 'HEAD', options.config, io.cwd).load() : undefined;
  gitFirst?.catch(() => undefined);
  const proposed = await loadProposed(repo, options.config, options.ref, io.cwd);
  const choice = spec === undefined || spec.kind === 'store' ? await chooseStore(options.store, proposed.config.workspace.store, io, repo ?? null) : undefined;
  let baseline: BaselineConfig;
  let drift: Drift[] = [];
  if (spec?.kind === 'store' || (spec === undefined && choice && storeIsInUse(choice))) {
    [baseline, drift] = await withStore(choice!, async (store) => {
      const live = storeBaseline(store);
      return [await live.load(), await live.drift()] as const;
    });
  } else if (spec === undefined) {
    baseline = gitFirst ? await gitFirst : await noBaseline(repo ? 'The repository has no commit yet, so there is no baseline: every ruleset is new.' : 'Not in a git repository, so there is no baseline: every ruleset is new.').load();
  } else {
    baseline = await (await chooseBaseline(spec, repo, options.config, io)).load();
  }
  let scores: Parameters<typeof computePlan>[0]['scores'];
  if (options.scores !== undefined) {
    const proposedSnapshot = snapshotOf(proposed.config);
    const input: TallyInput = {
      before: activeOf(baseline.snapshot),
      after: activeOf(proposedSnapshot),
      enabled: proposedSnapshot.rulesets.map(({ ruleset }) => ruleset).filter((ruleset) => ruleset.enabled),
      domain: proposed.config.workspace.scores,
      hasLevel: false,
    };
    const scoreOptions = { ...options, scores: options.scores, quiet: options.quiet };
    let tally = new ImpactTally(input);
    let summary = await readScores(scoreOptions, tally, io);
    if (!tally.exact) {
      // A retracted duplicate held the only lowest or highest score: read again without the duplicates.
      tally = new ImpactTally(input);
      summary = await readScores(scoreOptions, tally, io, summary.duplicateRecords);
    }
    scores = { tally: tally.result(summary.hasLevel), summary };
  }
  return computePlan({
    proposed: proposed.config,
    source: proposed.source,
    baseline,
    drift,
    ...(scores ? { scores } : {}),
    toolVersion: VERSION,
    createdAt: new Date().toISOString(),
  });
}

async function chooseBaseline(spec: AgainstSpec, repo: Repo | undefined, folder: string, io: CommandIO): Promise<Baseline> {
  if (spec.kind === 'none') return noBaseline();
  if (spec.kind === 'store') throw new Error('The store baseline is chosen in buildPlan.');
  if (!repo) throw new UserError(`--against git:${spec.ref} compares with git, and ${io.cwd} is not in a git repository.`);
  return gitBaseline(repo, spec.ref, folder, io.cwd);
}

