import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError, describeFsError } from '../errors.js';
import { planChecksum } from './checksum.js';
import { PLAN_FORMAT_VERSION, type Plan } from './compute.js';
import * as compiled from './generated/validator.js';

const validatePlan = (compiled as unknown as { Plan: { (data: unknown): boolean; errors?: { instancePath: string; message?: string }[] | null } }).Plan;

/** Writes a plan file whole or not at all (a temporary file renamed into place). */
export async function writePlanFile(plan: Plan, path: string, cwd: string): Promise<void> {
  const target = resolve(cwd, path);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(plan, null, 2)}\n`);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new UserError(`The plan file ${path} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}

/**
 * Reads a saved plan and refuses one that cannot be trusted: not a plan, a format this version
 * does not know, or content that no longer matches its checksum (an edited file).
 */
export async function readPlanFile(path: string, cwd: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new UserError(`The plan file ${describeFsError(error, path)}; write one with levels plan --out ${path}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError(`${path} is not a plan file: it is not valid JSON.`);
  }
  const version = (value as { format_version?: unknown } | null)?.format_version;
  if (version !== PLAN_FORMAT_VERSION) {
    throw new UserError(`${path} is ${version === undefined ? 'not a levels plan' : `a plan of format ${String(version)}, and this levels reads format ${PLAN_FORMAT_VERSION}`}; plan again with this version.`);
  }
  if (!validatePlan(value)) {
    const first = validatePlan.errors?.[0];
    throw new UserError(`${path} is not a valid plan file (${first ? `${first.instancePath || 'the plan'} ${first.message}` : 'unknown problem'}); plan again.`);
  }
  const plan = value as Plan;
  if (planChecksum(plan) !== plan.checksum) {
    throw new UserError(`${path} has been edited since levels wrote it (its checksum no longer matches); plan again rather than edit a plan.`);
  }
  return plan;
}
