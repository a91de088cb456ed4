import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { buildPlan } from '../commands/plan.js';
import type { CommandIO } from '../commands/io.js';
import { UserError } from '../errors.js';
import { Repo } from '../git/repo.js';
import type { Plan } from '../plan/compute.js';
import { writePlanFile } from '../plan/file.js';
import { MARKDOWN_LIMIT, renderMarkdown } from '../plan/renderers/markdown.js';
import { renderPlan } from '../plan/renderers/index.js';
import { commentMarker, statusOf, upsertComment } from './comment.js';
import { annotate, logVerbatim } from './findings.js';
import type { ActionInputs } from './inputs.js';
import { failPer, fails } from './lint.js';
import type { Workflow } from './workflow.js';

/** GitHub refuses comments over 65,536 characters; job summaries take up to 1 MiB. */
export const COMMENT_LIMIT = 65_536;
const SUMMARY_LIMIT = 500_000;

/** A CommandIO for the library inside the action: quiet, no terminal, the process's environment. */
export function actionIO(workflow: Workflow): CommandIO {
  const silent = { write: () => true };
  return { cwd: workflow.cwd, env: process.env, stdout: silent, stderr: silent, stdinIsTTY: false };
}

/**
 * `command: plan`: on a pull request, the change against the PR's base commit (no store secret
 * needed, so forks work); elsewhere against the store. The plan goes to the log, the job
 * summary, annotations, a plan file, and one sticky comment on the pull request.
 */
export async function runPlan(inputs: ActionInputs, workflow: Workflow): Promise<void> {
  const pr = workflow.pullRequest;
  if (pr) await ensureCommit(workflow.cwd, pr.baseSha);
  const plan = await makePlan(inputs, workflow, pr ? `git:${pr.baseSha}` : undefined);
  const planFile = resolve(workflow.cwd, inputs.planFile ?? join(workflow.temp, 'levels-plan.json'));
  await writePlanFile(plan, planFile, workflow.cwd);
  await publishPlan(plan, planFile, inputs, workflow);
  failPer(inputs.failOn, plan.summary, 'plan');
}

/** The plan `levels plan` makes with the action's inputs, against `against` (default: as the CLI chooses). */
export function makePlan(inputs: ActionInputs, workflow: Workflow, against: string | undefined): Promise<Plan> {
  return buildPlan(
    {
      config: inputs.config,
      ...(against ? { against } : {}),
      ...(inputs.store ? { store: inputs.store } : {}),
      ...(inputs.scores ? { scores: inputs.scores } : {}),
      ...(inputs.maxRejects ? { maxRejects: inputs.maxRejects } : {}),
      format: 'json',
      detailedExitcode: false,
      quiet: true,
    },
    actionIO(workflow),
  );
}

/** A plan in the log, as annotations and as outputs. */
export function reportPlan(plan: Plan, planFile: string, failing: boolean): void {
  logVerbatim(renderPlan(plan, 'text', { color: false }));
  annotate(plan.findings, "this step's log", { failing });
  core.setOutput('has-changes', plan.summary.has_changes);
  core.setOutput('accounts-moved', plan.impact?.moved ?? 0);
  core.setOutput('plan-file', planFile);
  core.setOutput('errors', plan.summary.errors);
  core.setOutput('warnings', plan.summary.warnings);
}

/** Outputs, log, annotations, job summary and the sticky comment of a plan. */
export async function publishPlan(plan: Plan, planFile: string, inputs: ActionInputs, workflow: Workflow): Promise<void> {
  reportPlan(plan, planFile, fails(inputs.failOn, plan.summary));

  const title = `### levels plan: \`${inputs.config}\``;
  await core.summary.addRaw(renderMarkdown(plan, { title, limit: SUMMARY_LIMIT, cutNote: cutNote(planFile) }), true).write();

  const pr = workflow.pullRequest;
  if (!inputs.comment || !pr) return;
  if (!inputs.token || !workflow.repository) {
    core.warning('No github-token (or GITHUB_REPOSITORY) to comment with: the plan is in the job summary.');
    return;
  }
  const marker = commentMarker(inputs.config);
  const body = renderMarkdown(plan, { title: `${marker}\n${title}`, limit: MARKDOWN_LIMIT, cutNote: cutNote(planFile) });
  if (body.length > COMMENT_LIMIT) throw new Error(`the plan comment is ${body.length} characters, over GitHub's ${COMMENT_LIMIT}`);
  try {
    const written = await upsertComment(getOctokit(inputs.token), { ...workflow.repository, number: pr.number }, marker, body);
    core.info(`Plan comment ${written.action}: ${written.url}`);
  } catch (error) {
    const status = statusOf(error);
    const why =
      status === 403 || status === 404
        ? `the token cannot comment on this pull request (HTTP ${status}${pr.fork ? ': a fork gets a read-only token' : '; give the job pull-requests: write'})`
        : `GitHub answered ${status ?? 'nothing'}: ${error instanceof Error ? error.message : String(error)}`;
    core.warning(`No plan comment: ${why}. The plan is in the job summary and the annotations.`);
  }
}

function cutNote(planFile: string): string {
  return `> ✂️ This plan was cut to fit. The full plan is the plan file \`${planFile}\` (the action's \`plan-file\` output): upload it with actions/upload-artifact to keep it, or run \`levels plan\` locally.`;
}

/** A shallow checkout may lack the PR's base commit: fetch just that commit, or say how to get it. */
async function ensureCommit(cwd: string, sha: string): Promise<void> {
  const repo = await Repo.find(cwd);
  if (!repo) throw new UserError('The action plans a pull request against its base commit, and the workspace is not a git repository: run actions/checkout before it.');
  if ((await repo.haveCommits([sha])).has(sha)) return;
  try {
    await repo.run(['fetch', '--no-tags', '--depth=1', 'origin', sha]);
  } catch {
    // Said below.
  }
  if (!(await repo.haveCommits([sha])).has(sha)) {
    throw new UserError(`The pull request's base commit ${sha.slice(0, 12)} is not in this checkout and could not be fetched: use actions/checkout with fetch-depth: 0.`);
  }
}
