import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { freshDatabase } from '../helpers/postgres.js';

const SECTION = '## From zero: your own tier repository';

interface Step {
  command: string;
  /** The output the README shows, `…` marking lines it leaves out. */
  shown: string[];
}

/** The `$ ` commands of the README's walkthrough section, each with the output shown under it. */
function readmeSteps(): Step[] {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(SECTION);
  expect(start, `the README has a section "${SECTION}"`).toBeGreaterThanOrEqual(0);
  const section = readme.slice(start, readme.indexOf('\n## ', start + SECTION.length));
  const steps: Step[] = [];
  for (const block of section.matchAll(/```console\n([\s\S]*?)```/g)) {
    for (const line of block[1]!.split('\n')) {
      if (line.startsWith('$ ')) steps.push({ command: line.slice(2), shown: [] });
      else if (line.trim() !== '') steps.at(-1)!.shown.push(line);
    }
  }
  return steps;
}

/** What differs from run to run: times, commit hashes, the apply's user. */
function normalize(line: string): string {
  return line
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<time>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d/g, '<time>')
    .replace(/\b[0-9a-f]{7,40}\b/g, '<hash>');
}

/** Runs the steps in one shell, as a reader would type them, and splits the output per step. */
function runSteps(steps: Step[], cwd: string, env: Record<string, string>): Promise<{ code: number; outputs: string[]; all: string }> {
  const script = ['set -e', ...steps.map((step, i) => `printf '\\n@@step ${i}@@\\n'\n${step.command}`)].join('\n');
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-c', `(${script}) 2>&1`], { cwd, env });
    let all = '';
    child.stdout.on('data', (chunk) => (all += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const outputs = all.split(/\n@@step \d+@@\n/).slice(1);
      done({ code: code ?? -1, outputs, all });
    });
  });
}

/** A folder with the clone's example export and a `levels` command on PATH, as after `npm link`. */
function workspace(): { root: string; env: Record<string, string> } {
  const root = mkdtempSync(join(tmpdir(), 'levels-readme-'));
  mkdirSync(join(root, 'levels/examples'), { recursive: true });
  copyFileSync('examples/scores.csv', join(root, 'levels/examples/scores.csv'));
  mkdirSync(join(root, 'bin'));
  writeFileSync(join(root, 'bin/levels'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(root, 'bin/levels'), 0o755);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^(LEVELS_|GITHUB_|GIT_)/.test(key)) env[key] = value;
  Object.assign(env, {
    PATH: `${join(root, 'bin')}:${process.env.PATH}`,
    NO_COLOR: '1',
    GITHUB_ACTOR: 'dana',
    GIT_AUTHOR_NAME: 'Dana',
    GIT_AUTHOR_EMAIL: 'dana@example.com',
    GIT_COMMITTER_NAME: 'Dana',
    GIT_COMMITTER_EMAIL: 'dana@example.com',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
  });
  return { root, env };
}

async function followReadme(store: { env?: Record<string, string>; shown?: string } = {}): Promise<void> {
  const steps = readmeSteps();
  expect(steps.map((step) => step.command.split(' ')[0])).toEqual(expect.arrayContaining(['levels', 'git', 'perl']));
  const { root, env } = workspace();
  const result = await runSteps(steps, join(root, 'levels'), { ...env, ...store.env });
  expect(result.code, result.all).toBe(0);
  expect(result.outputs).toHaveLength(steps.length);
  steps.forEach((step, i) => {
    // Every line the README shows appears, in order, in what the command printed.
    const actual = result.outputs[i]!.split('\n').map(normalize);
    let at = 0;
    for (const line of step.shown) {
      if (line.trim() === '…') continue;
      const expected = normalize(store.shown ? line.replaceAll('sqlite:.levels/state.db', store.shown) : line);
      const found = actual.indexOf(expected, at);
      expect(found, `$ ${step.command}\nshows: ${expected}\nprinted:\n${actual.join('\n')}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
}

describe('the README, followed literally', () => {
  it('takes a new tier repository from init to an applied, reverted change with the embedded store', async () => {
    await followReadme();
  }, 120_000);

  it('does the same against PostgreSQL', async () => {
    const url = await freshDatabase();
    const shown = new URL(url);
    shown.password = '***';
    await followReadme({ env: { LEVELS_STORE: url }, shown: shown.toString() });
  }, 120_000);
});
