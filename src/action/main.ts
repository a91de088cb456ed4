import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { runApply } from './apply.js';
import { readInputs } from './inputs.js';
import { runLint } from './lint.js';
import { runPlan } from './plan.js';
import { readWorkflow } from './workflow.js';

/**
 * The GitHub Action's entry (action.yml, bundled into dist/). A mistake a user can fix fails the
 * step with its one sentence; anything else is reported as a bug, never as a stack trace.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const workflow = readWorkflow();
    if (inputs.command === 'lint') await runLint(inputs, workflow);
    else if (inputs.command === 'plan') await runPlan(inputs, workflow);
    else await runApply(inputs, workflow);
  } catch (error) {
    if (error instanceof UserError) core.setFailed(`levels: ${error.message}`);
    else core.setFailed(`levels: internal error: ${error instanceof Error ? error.message : String(error)}. This is a bug in levels; please report it.`);
  }
}

await run();
