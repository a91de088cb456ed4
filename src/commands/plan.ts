import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { Repo } from '../git/repo.js';
import { gitBaseline, noBaseline, parseAgainst, type Baseline } from '../plan/baseline.js';
import { computePlan, type Plan } from '../plan/compute.js';
import { renderPlan, type PlanFormat } from '../plan/renderers/index.js';
import { activeOf, snapshotOf } from '../plan/snapshot.js';
import { ImpactTally, type TallyInput } from '../plan/tally.js';
import { VERSION } from '../version.js';
import { useColor, type CommandIO } from './io.js';
import { loadProposed } from './proposed.js';
import { readScores, type ScoreOptions } from './scores.js';

export interface PlanCommandOptions extends Partial<ScoreOptions> {
  config: string;
  against?: string;
  ref?: string;
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
  const [proposed, baseline] = await Promise.all([
    loadProposed(repo, options.config, options.ref, io.cwd),
    chooseBaseline(options.against, repo, options.config, io).then((chosen) => chosen.load()),
  ]);
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
  const plan = computePlan({
    proposed: proposed.config,
    source: proposed.source,
    baseline,
    ...(scores ? { scores } : {}),
    toolVersion: VERSION,
  });
  return { ...plan, created_at: new Date().toISOString() };
}

async function chooseBaseline(against: string | undefined, repo: Repo | undefined, folder: string, io: CommandIO): Promise<Baseline> {
  if (against === undefined) {
    if (!repo) return noBaseline('Not in a git repository, so there is no baseline: every ruleset is new.');
    if (!(await repo.exists('HEAD'))) return noBaseline('The repository has no commit yet, so there is no baseline: every ruleset is new.');
    return gitBaseline(repo, 'HEAD', folder, io.cwd);
  }
  const spec = parseAgainst(against);
  if (spec.kind === 'none') return noBaseline();
  if (spec.kind === 'store') throw new UsageError('--against store needs a live store, which this version of levels cannot read yet; use --against git:REF.');
  if (!repo) throw new UserError(`--against ${against} compares with git, and ${io.cwd} is not in a git repository.`);
  return gitBaseline(repo, spec.ref, folder, io.cwd);
}

/** Writes the plan file whole or not at all (a temporary file renamed into place). */
export async function writePlanFile(plan: Plan, path: string, cwd: string): Promise<void> {
  const target = resolve(cwd, path);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(plan, null, 2)}\n`);
    await rename(temporary, target);
  } catch (error) {
    throw new UserError(`The plan file ${path} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}
