import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { apply } from '../api.js';
import { configuredStore } from '../commands/store-access.js';
import { UserError } from '../errors.js';
import type { Plan } from '../plan/compute.js';
import { readPlanFile, writePlanFile } from '../plan/file.js';
import { formatCount } from '../plan/numbers.js';
import { renderMarkdown } from '../plan/renderers/markdown.js';
import type { ActionInputs } from './inputs.js';
import { actionIO, makePlan, reportPlan } from './plan.js';
import type { Workflow } from './workflow.js';

/**
 * `command: apply`: applies the plan file when one is given (refusing a stale, edited or blocked
 * one), or plans against the store and applies; the result goes to the job summary.
 */
export async function runApply(inputs: ActionInputs, workflow: Workflow): Promise<void> {
  const io = actionIO(workflow);
  // The store first: without a usable one, nothing else is worth reading.
  const choice = await configuredStore(inputs.store, inputs.config, io, { required: inputs.planFile === undefined });
  if (choice.location.kind === 'sqlite') {
    throw new UserError(
      `The action cannot apply to the embedded store (${choice.shown}): a file on the runner would vanish with the job. Give it a store reached by URL (the store input or LEVELS_STORE, a postgres:// URL from a secret).`,
    );
  }
  let plan: Plan;
  let planFile: string;
  if (inputs.planFile !== undefined) {
    planFile = resolve(workflow.cwd, inputs.planFile);
    plan = await readPlanFile(inputs.planFile, workflow.cwd);
  } else {
    plan = await makePlan(inputs, workflow, 'store');
    planFile = join(workflow.temp, 'levels-plan.json');
    await writePlanFile(plan, planFile, workflow.cwd);
  }
  // A blocked plan fails the step (apply refuses it); warnings do not stop an apply.
  reportPlan(plan, planFile, plan.summary.blocked);

  const result = await apply(plan, {
    config: inputs.config,
    cwd: workflow.cwd,
    ...(inputs.store ? { store: inputs.store } : {}),
    ...(inputs.scores ? { scores: inputs.scores } : {}),
    ...(inputs.maxRejects ? { maxRejects: inputs.maxRejects } : {}),
  });
  core.setOutput('serial', result.serial);
  const line =
    result.status === 'already-applied'
      ? `✅ Already applied: ${choice.shown} holds this config at serial ${result.serial}; nothing was written.`
      : `✅ Apply complete: serial ${result.serial} in ${choice.shown}. ${result.record.summary}${result.accountsLoaded !== undefined ? ` ${formatCount(result.accountsLoaded)} accounts loaded;` : ''} ${formatCount(result.accountsChanged)} stored accounts changed level.`;
  core.info(line);
  const details = renderMarkdown(plan, { title: '#### The plan applied', limit: 400_000 });
  await core.summary.addRaw(`### levels apply: \`${inputs.config}\`\n\n${line}\n\n<details><summary>The plan</summary>\n\n${details}\n</details>\n`, true).write();
}
