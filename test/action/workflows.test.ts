import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  id?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };

/** The README's workflows (the YAML blocks naming a .github/workflows file) and this repository's own. */
function workflows(): [string, Workflow][] {
  const readme = readFileSync('README.md', 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n(# \.github\/workflows\/[^\n]+)\n([\s\S]*?)```/g)].map((match): [string, Workflow] => [`README ${match[1]}`, parse(match[2]!) as Workflow]);
  const own = readdirSync('.github/workflows').map((name): [string, Workflow] => [name, parse(readFileSync(`.github/workflows/${name}`, 'utf8')) as Workflow]);
  return [...blocks, ...own];
}

const isLevels = (step: Step) => step.uses === './' || /^[\w-]+\/levels@/.test(step.uses ?? '');

describe('the workflows the README shows and the repository runs', () => {
  it('are a plan workflow on pull requests and an apply workflow on pushes, in the README and here', () => {
    const all = workflows();
    const readme = all.filter(([name]) => name.startsWith('README'));
    expect(readme.map(([, flow]) => Object.keys(flow.on))).toEqual([['pull_request'], ['push']]);
    const commands = (flows: [string, Workflow][]) => flows.flatMap(([, flow]) => Object.values(flow.jobs).flatMap((job) => job.steps.filter(isLevels).map((step) => step.with?.command)));
    expect(commands(readme)).toEqual(['lint', 'plan', 'apply']);
    expect(commands(all.filter(([name]) => name === 'levels.yml'))).toEqual(['lint', 'plan', 'apply']);
  });

  it('give the action only inputs it declares, and read only outputs it sets', () => {
    for (const [name, flow] of workflows()) {
      for (const job of Object.values(flow.jobs)) {
        const ids = new Set(job.steps.filter(isLevels).map((step) => step.id).filter(Boolean));
        for (const step of job.steps) {
          if (isLevels(step)) for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${name}: ${input}`).toContain(input);
          for (const match of JSON.stringify(step).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
            expect(ids.has(match[1]!), `${name}: step ${match[1]}`).toBe(true);
            expect(Object.keys(action.outputs), `${name}: output ${match[2]}`).toContain(match[2]);
          }
        }
      }
    }
  });

  it('let the plan job comment, and keep the apply job to reading the repository', () => {
    for (const [name, flow] of workflows()) {
      for (const job of Object.values(flow.jobs)) {
        const command = job.steps.find(isLevels)?.with?.command;
        if (command === 'lint') expect(job.permissions?.['pull-requests'], name).toBe('write');
        if (command === 'apply') expect(job.permissions, name).toEqual({ contents: 'read' });
      }
    }
  });
});
