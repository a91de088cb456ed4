import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION, FakeGitHub, runAction, type ActionRun } from '../helpers/action.js';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { commit, git, makeRepo } from '../helpers/git.js';
import { freshDatabase } from '../helpers/postgres.js';

const TOKEN = 'ghs_0123456789abcdefTOKEN';
const MARKER = '<!-- levels-plan: levels -->';

/** 1,000 accounts, scores 0-99 ten times over: raising Target's floor from 80 to 85 moves the 50 scoring 80-84. */
function exportCsv(root: string): string {
  const rows = ['account_id,score'];
  for (let i = 0; i < 1000; i++) rows.push(`acc_${String(i).padStart(4, '0')},${i % 100}`);
  writeFileSync(join(root, 'scores.csv'), `${rows.join('\n')}\n`);
  return 'scores.csv';
}

/** A repository holding the shipped example: its base commit, and a head commit raising Target's floor. */
function pullRequestRepo(): { root: string; base: string } {
  const root = makeRepo({});
  cpSync('levels', join(root, 'levels'), { recursive: true });
  cpSync('schema', join(root, 'schema'), { recursive: true });
  exportCsv(root);
  const base = commit(root, {}, 'The example config');
  edit(root, 'levels/enterprise-tiers.yaml', (text) => text.replace('min: 80', 'min: 85').replace('max: 79', 'max: 84'));
  commit(root, {}, 'Raise the Target floor to 85');
  return { root, base };
}

function edit(root: string, path: string, change: (text: string) => string): void {
  writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
}

const annotations = (run: ActionRun, command: string) => run.commands.filter((entry) => entry.command === command);

describe('the bundled action', () => {
  it('is the bundle of the current sources (run `npm run build:action` after a change), with no native module in it', () => {
    const out = mkdtempSync(join(tmpdir(), 'levels-dist-'));
    execFileSync(process.execPath, ['scripts/bundle-action.mjs', '--out', out]);
    const fresh = readFileSync(join(out, 'index.js'), 'utf8');
    expect(fresh === readFileSync(ACTION, 'utf8'), 'dist/index.js is stale: run npm run build:action and commit dist/').toBe(true);
    expect(fresh).not.toContain('better-sqlite3');
    expect(fresh).not.toMatch(/\.node['"]\)/);
  });

  it('declares in action.yml exactly the inputs it reads and the outputs it sets, and runs on node24 from dist/', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    const sources = ['inputs', 'lint', 'plan', 'apply'].map((name) => readFileSync(`src/action/${name}.ts`, 'utf8')).join('\n');
    const read = new Set([...sources.matchAll(/(?:getInput|optional)\('([a-z-]+)'\)/g)].map((match) => match[1]));
    const set = new Set([...sources.matchAll(/setOutput\('([a-z-]+)'/g)].map((match) => match[1]));
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort());
    expect([...set].sort()).toEqual(Object.keys(action.outputs).sort());
  });
});

describe('command: lint', () => {
  /** Twelve rulesets, each with an error (min above max), a warning (two levels) and infos. */
  function defectiveRepo(): string {
    const files: Record<string, string> = { 'levels/workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100 }\n' };
    for (let i = 1; i <= 12; i++) {
      const id = `r${String(i).padStart(2, '0')}`;
      files[`levels/${id}.yaml`] = `kind: LevelRuleset\nid: ${id}\nname: Ruleset ${id}\nprimary: ${i === 1}\nlevels:\n  - name: High\n    min: 53\n    max: 41\n  - name: Low\n    min: 0\n    max: 52\n`;
    }
    return makeRepo(files);
  }

  it('annotates the most severe findings on their lines, ten of each kind, counts the rest in a notice, and fails on errors', async () => {
    const root = defectiveRepo();
    const expected = JSON.parse(runCli(['lint', '--format', 'json'], { cwd: root }).stdout) as { findings: { rule: string; severity: string; file: string; line: number; column: number; message: string }[]; summary: { errors: number; warnings: number; infos: number } };
    expect(expected.summary.errors).toBeGreaterThan(10);
    expect(expected.summary.warnings).toBeGreaterThan(10);

    const run = await runAction({ cwd: root, inputs: { command: 'lint' } });
    expect(run.code).toBe(1);
    const errors = annotations(run, 'error');
    const failure = errors.filter((entry) => !entry.properties.file);
    expect(failure.map((entry) => entry.message)).toEqual([`levels lint: ${expected.summary.errors} error findings (see the annotations and the log).`]);
    // Nine findings and the failure: GitHub shows ten errors per step.
    const firstErrors = expected.findings.filter((finding) => finding.severity === 'error').slice(0, 9);
    expect(errors.filter((entry) => entry.properties.file).map((entry) => [entry.properties.file, Number(entry.properties.line), Number(entry.properties.col), entry.properties.title, entry.message])).toEqual(
      firstErrors.map((finding) => [finding.file, finding.line, finding.column, `levels ${finding.rule}`, finding.message]),
    );
    expect(annotations(run, 'warning')).toHaveLength(10);
    const notices = annotations(run, 'notice');
    expect(notices.length).toBeLessThanOrEqual(10);
    const total = expected.findings.length;
    const shown = errors.length - 1 + 10 + notices.length - 1;
    expect(notices.at(-1)!.message).toBe(`${total - shown} more findings are not annotated (GitHub shows 10 of each kind per step); all ${total} are listed in this step's log and ${join(run.temp, 'levels.sarif')}.`);

    // Every finding is still in the log, where workflow commands are off.
    for (const finding of expected.findings) expect(run.stdout).toContain(`${finding.file}:${finding.line}:${finding.column}: ${finding.severity} [${finding.rule}]`);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results).toHaveLength(total);
    expect(run.outputs).toMatchObject({ errors: String(expected.summary.errors), warnings: String(expected.summary.warnings) });
    expect(run.summary).toContain(`### levels lint: \`levels\`\n\n🛑 ${expected.summary.errors} errors, ${expected.summary.warnings} warnings, ${expected.summary.infos} infos in 13 files.`);
    expect(run.summary.match(/^\| 🛑 error \| `min-above-max` \|/gm)).toHaveLength(12);
  });

  it('fails on warnings only when fail-on says so', async () => {
    const root = makeRepo({
      'levels/workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100 }\n',
      'levels/tiers.yaml': 'kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nlevels:\n  - { name: Target, min: 80, owner: "@a" }\n  - { name: Standard, min: 0, max: 79, owner: "@b" }\n',
    });
    const lenient = await runAction({ cwd: root, inputs: { command: 'lint' } });
    expect(lenient.code).toBe(0);
    expect(annotations(lenient, 'warning').map((entry) => entry.properties.title)).toEqual(['levels level-count']);
    const strict = await runAction({ cwd: root, inputs: { command: 'lint', 'fail-on': 'warning' } });
    expect(strict.code).toBe(1);
    expect(annotations(strict, 'error').map((entry) => entry.message)).toEqual(['levels lint: 1 warning, and fail-on is warning.']);
  });

  it('keeps text from the config out of the workflow-command channel', async () => {
    const root = makeRepo({ 'levels/tiers.yaml': 'kind: LevelRuleset\nid: tiers\n::set-output name=has-changes::pwned\nlevels: [\n' });
    const run = await runAction({ cwd: root, inputs: { command: 'lint' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::set-output name=has-changes::pwned'); // In the code frame, inside stop-commands.
    expect(run.commands.map((entry) => entry.command)).not.toContain('set-output');
    expect(run.outputs['has-changes']).toBeUndefined();
  });

  it('says what is wrong with its inputs in one sentence', async () => {
    const root = makeRepo({ 'levels/workspace.yaml': 'kind: Workspace\n' });
    const run = await runAction({ cwd: root, inputs: { command: 'deploy' } });
    expect(run.code).toBe(1);
    expect(annotations(run, 'error').map((entry) => entry.message)).toEqual(["levels: The input command is 'deploy'; it takes lint, plan, apply."]);
    const missing = await runAction({ cwd: root, inputs: { command: 'lint', config: 'nowhere' } });
    expect(missing.code).toBe(1);
    expect(annotations(missing, 'error')[0]!.message).toMatch(/^levels: .*nowhere.*\.$/);
    expect(hasStackTrace(missing.stdout + missing.stderr)).toBe(false);
  });
});

describe('command: plan on a pull request', () => {
  let api: FakeGitHub;
  beforeAll(async () => {
    api = await new FakeGitHub().start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('plans against the base commit and keeps one comment, edited in place on every push, never someone else’s', async () => {
    api.comments.length = 0;
    const { root, base } = pullRequestRepo();
    // Three comments before ours (it lands on page 2 of the listing), one of them quoting the marker.
    api.addComment('alice', 'Looks good');
    const pasted = api.addComment('mallory', `${MARKER}\nNothing moves, merge it.`);
    api.addComment('bob', 'Why 85?');
    const inputs = { command: 'plan', scores: 'scores.csv', 'github-token': TOKEN };

    const first = await runAction({ cwd: root, inputs, pullRequest: { number: 7, baseSha: base }, api: api.url });
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ 'has-changes': 'true', 'accounts-moved': '50', errors: '0' });
    const planFile = JSON.parse(readFileSync(first.outputs['plan-file']!, 'utf8')) as { baseline: { kind: string; commit: string }; impact: { moved: number } };
    expect(planFile.baseline).toMatchObject({ kind: 'git', commit: base });
    expect(planFile.impact.moved).toBe(50);
    expect(first.summary).toContain('### levels plan: `levels`');
    expect(first.summary).toContain('Plan: 1 ruleset to change, 2 levels to update; 50 of 1,000 accounts move.');
    const ours = api.comments.filter((comment) => comment.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body.startsWith(`${MARKER}\n### levels plan: \`levels\``)).toBe(true);
    expect(ours[0]!.body).toContain('| ~ |  | Target | min 80 → 85 |');
    expect(pasted.body).toBe(`${MARKER}\nNothing moves, merge it.`);
    expect(api.requests.every((request) => request.authorization === `token ${TOKEN}`)).toBe(true);

    // Another push: the same comment, edited.
    edit(root, 'levels/enterprise-tiers.yaml', (text) => text.replace('min: 85', 'min: 90').replace('max: 84', 'max: 89'));
    commit(root, {}, 'Raise it to 90');
    const posts = () => api.requests.filter((request) => request.method === 'POST').length;
    const before = posts();
    const second = await runAction({ cwd: root, inputs, pullRequest: { number: 7, baseSha: base }, api: api.url });
    expect(second.code).toBe(0);
    expect(second.outputs['accounts-moved']).toBe('100');
    expect(posts()).toBe(before);
    expect(api.requests.at(-1)).toMatchObject({ method: 'PATCH', path: `/repos/acme/tiers/issues/comments/${ours[0]!.id}` });
    expect(api.comments.filter((comment) => comment.user.login === 'github-actions[bot]')).toHaveLength(1);
    expect(ours[0]!.body).toContain('min 80 → 90');
    expect(pasted.body).toBe(`${MARKER}\nNothing moves, merge it.`);
    for (const run of [first, second]) {
      expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(TOKEN);
      expect(run.summary).not.toContain(TOKEN);
    }
  });

  it('falls back to the summary and annotations when the token cannot comment (a fork), without failing', async () => {
    api.comments.length = 0;
    api.readOnly = true;
    try {
      const { root, base } = pullRequestRepo();
      const run = await runAction({ cwd: root, inputs: { command: 'plan', scores: 'scores.csv', 'github-token': TOKEN }, pullRequest: { number: 8, baseSha: base, fork: true }, api: api.url });
      expect(run.code).toBe(0);
      expect(api.comments).toHaveLength(0);
      expect(annotations(run, 'warning').map((entry) => entry.message)).toContain(
        "No plan comment: the token cannot comment on this pull request (HTTP 403: a fork gets a read-only token). The plan is in the job summary and the annotations.",
      );
      expect(run.summary).toContain('50 of 1,000 accounts move');
    } finally {
      api.readOnly = false;
    }
  });

  it('cuts an oversized plan to fit a comment, on a section boundary, and points at the full plan file', async () => {
    api.comments.length = 0;
    const root = makeRepo({ 'levels/workspace.yaml': 'kind: Workspace\nscores: { min: 0, max: 100 }\n' });
    const base = git(root, 'rev-parse', 'HEAD').trim();
    const files: Record<string, string> = {};
    // Names as long as the schema allows (200 characters): every table row is long.
    const named = (what: string, i: number) => `${what} ${i} `.padEnd(190, 'of the accounts that matter most to the regional sales teams ');
    for (let i = 0; i < 300; i++) {
      const id = `ruleset-${String(i).padStart(3, '0')}`;
      const levels = [70, 30, 0].map((min, j) => `  - name: ${named(`Level ${'ABC'[j]}`, i)}\n    min: ${min}\n${j > 0 ? `    max: ${[0, 69, 29][j]}\n` : ''}    owner: "@team"\n`);
      files[`levels/${id}.yaml`] = `kind: LevelRuleset\nid: ${id}\nname: ${named('Ruleset', i)}\nprimary: ${i === 0}\nlevels:\n${levels.join('')}`;
    }
    commit(root, files, 'Three hundred rulesets');
    const run = await runAction({ cwd: root, inputs: { command: 'plan', 'github-token': TOKEN }, pullRequest: { number: 9, baseSha: base }, api: api.url });
    expect(run.code).toBe(0);
    const body = api.comments[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain(`> ✂️ This plan was cut to fit. The full plan is the plan file \`${run.outputs['plan-file']}\``);
    expect(body.split('<details>').length).toBe(body.split('</details>').length);
    expect(body.split('```').length % 2).toBe(1);
    const plan = JSON.parse(readFileSync(run.outputs['plan-file']!, 'utf8')) as { changes: unknown[] };
    expect(plan.changes).toHaveLength(300);
  });

  it('fetches the base commit a shallow checkout lacks', async () => {
    const { root, base } = pullRequestRepo();
    git(root, 'config', 'uploadpack.allowReachableSHA1InWant', 'true'); // As GitHub allows.
    const clone = mkdtempSync(join(tmpdir(), 'levels-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${root}`, clone]);
    expect(git(clone, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const run = await runAction({ cwd: clone, inputs: { command: 'plan', scores: 'scores.csv', comment: 'false' }, pullRequest: { number: 10, baseSha: base } });
    expect(run.code).toBe(0);
    expect(run.outputs['accounts-moved']).toBe('50');

    const missing = await runAction({ cwd: clone, inputs: { command: 'plan', comment: 'false' }, pullRequest: { number: 10, baseSha: 'f'.repeat(40) } });
    expect(missing.code).toBe(1);
    expect(annotations(missing, 'error').map((entry) => entry.message)).toEqual([
      "levels: The pull request's base commit ffffffffffff is not in this checkout and could not be fetched: use actions/checkout with fetch-depth: 0.",
    ]);
  });
});

describe('command: apply', () => {
  it('applies a saved plan to a store reached by URL, refuses it once stale, and never shows the password', async () => {
    const url = await freshDatabase();
    const password = decodeURIComponent(new URL(url).password);
    const { root } = pullRequestRepo();
    const env = { LEVELS_STORE: url };

    const planned = await runAction({ cwd: root, inputs: { command: 'plan', scores: 'scores.csv' }, env });
    expect(planned.code).toBe(0);
    const planFile = planned.outputs['plan-file']!;
    expect(JSON.parse(readFileSync(planFile, 'utf8')).baseline).toMatchObject({ kind: 'store', serial: 0 });

    const applied = await runAction({ cwd: root, inputs: { command: 'apply', 'plan-file': planFile, scores: 'scores.csv' }, env });
    expect(applied.code).toBe(0);
    expect(applied.outputs).toMatchObject({ serial: '1', 'has-changes': 'true', 'plan-file': planFile });
    expect(applied.summary).toMatch(/^### levels apply: `levels`\n\n✅ Apply complete: serial 1 in postgres:\/\/levels:\*\*\*@127\.0\.0\.1:\d+\/levels_\w+\. Plan: 2 rulesets to create, 7 levels to add; 1,000 of 1,000 accounts move\. 1,000 accounts loaded; 1,000 stored accounts changed level\.\n/);
    expect(runCli(['store', 'status', '--format', 'json'], { cwd: root, env }).stdout).toContain('"serial": 1');

    // Planned and applied in one step, from a newer commit: the saved plan is stale now.
    edit(root, 'levels/enterprise-tiers.yaml', (text) => text.replace('min: 85', 'min: 90').replace('max: 84', 'max: 89'));
    commit(root, {}, 'Raise it to 90');
    const direct = await runAction({ cwd: root, inputs: { command: 'apply' }, env });
    expect(direct.code).toBe(0);
    expect(direct.outputs.serial).toBe('2');
    const stale = await runAction({ cwd: root, inputs: { command: 'apply', 'plan-file': planFile }, env });
    expect(stale.code).toBe(1);
    expect(annotations(stale, 'error').map((entry) => entry.message)[0]).toMatch(/^levels: The plan is stale: .*plan again.*\.$/);
    expect(runCli(['store', 'status', '--format', 'json'], { cwd: root, env }).stdout).toContain('"serial": 2');

    for (const run of [planned, applied, direct, stale]) {
      const shown = `${run.stdout.replace(/^::add-mask::.*$/gm, '')}${run.stderr}${run.summary}`;
      expect(shown).not.toContain(password);
      expect(hasStackTrace(shown)).toBe(false);
    }
    expect(planned.stdout).toContain(`::add-mask::${password}`);
  });

  it('says the embedded store cannot be used from the action, and writes nothing', async () => {
    const { root } = pullRequestRepo();
    const run = await runAction({ cwd: root, inputs: { command: 'apply', store: 'sqlite:state.db' } });
    expect(run.code).toBe(1);
    expect(annotations(run, 'error').map((entry) => entry.message)).toEqual([
      'levels: The action cannot apply to the embedded store (sqlite:state.db): a file on the runner would vanish with the job. Give it a store reached by URL (the store input or LEVELS_STORE, a postgres:// URL from a secret).',
    ]);
    expect(existsSync(resolve(root, 'state.db'))).toBe(false);
  });
});
