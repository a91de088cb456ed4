import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub, runAction, type ActionRun } from '../helpers/action.js';
import { hasStackTrace, runCliAsync, type CliResult } from '../helpers/cli.js';
import { commit, makeRepo } from '../helpers/git.js';
import { freshDatabase } from '../helpers/postgres.js';

const TOKEN = 'ghp_S3cretTokenValue0123456789abcdef';

/** Everything a command left for people to read: its output and the files it wrote. */
function readable(root: string): string {
  const files = ['plan.json', 'classified.csv', 'imported'].flatMap((name) => {
    const path = join(root, name);
    if (!existsSync(path)) return [];
    return name === 'imported' ? readdirSync(path).map((file) => readFileSync(join(path, file), 'utf8')) : [readFileSync(path, 'utf8')];
  });
  return files.join('\n');
}

describe('secrets', () => {
  let api: FakeGitHub;
  beforeAll(async () => {
    api = await new FakeGitHub().start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('never show a store password or a GitHub token, in any command, output, file, summary or comment', async () => {
    const url = await freshDatabase();
    const password = decodeURIComponent(new URL(url).password);
    expect(password.length).toBeGreaterThan(3);
    const wrong = new URL(url);
    wrong.password = 'Wr0ngPassw0rd-Secret';
    const unreachable = new URL(url);
    unreachable.port = '1';
    unreachable.password = 'Unreachable-Secret';
    const secrets = [password, TOKEN, wrong.password, unreachable.password];

    const root = makeRepo({});
    cpSync('levels', join(root, 'levels'), { recursive: true });
    cpSync('schema', join(root, 'schema'), { recursive: true });
    cpSync('examples/scores.csv', join(root, 'scores.csv'));
    const base = commit(root, {}, 'The example');
    const env = { LEVELS_STORE: url, GITHUB_TOKEN: TOKEN, GH_TOKEN: TOKEN };
    const cli = (args: string[], extra: Record<string, string> = {}) => runCliAsync(args, { cwd: root, env: { ...env, ...extra } });

    const runs: CliResult[] = [];
    const run = async (args: string[], extra?: Record<string, string>) => {
      const result = await cli(args, extra);
      runs.push(result);
      return result;
    };
    await run(['validate']);
    await run(['lint', '--format', 'sarif']);
    await run(['plan', '--scores', 'scores.csv', '--out', 'plan.json']);
    await run(['plan', '--format', 'json']);
    await run(['plan', '--format', 'markdown', '--store', url]);
    expect((await run(['apply', 'plan.json', '--scores', 'scores.csv'])).code).toBe(0);
    await run(['store', 'status']);
    await run(['store', 'status', '--format', 'json']);
    await run(['store', 'history']);
    await run(['accounts', 'changes', '--since', '0', '--format', 'jsonl']);
    await run(['accounts', 'list', '--level', 'Target']);
    await run(['import', '--out', 'imported']);
    await run(['classify', '--scores', 'scores.csv', '--out', 'classified.csv']);
    await run(['explain', '82']);
    writeFileSync(join(root, 'levels/enterprise-tiers.yaml'), readFileSync(join(root, 'levels/enterprise-tiers.yaml'), 'utf8').replace('min: 80', 'min: 85').replace('max: 79', 'max: 84'));
    commit(root, {}, 'Raise the floor');
    await run(['history']);
    await run(['history', '--format', 'json']);
    await run(['diff', 'HEAD~1']);
    await run(['show', 'HEAD']);
    await run(['revert', 'HEAD~1']);
    await run(['apply', '--yes']);
    // Failures name the store without its password.
    const denied = await run(['store', 'status'], { LEVELS_STORE: wrong.toString() });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/postgres:\/\/levels:\*\*\*@/);
    const down = await run(['plan', '--against', 'store'], { LEVELS_STORE: unreachable.toString() });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/postgres:\/\/levels:\*\*\*@127\.0\.0\.1:1\//);
    await run(['apply', '--yes', '--store', unreachable.toString()]);
    await run(['plan', '--store', `${url}?sslpassword=${password}`]);

    // The action: plan on a pull request (comment), apply with the store.
    const actionRuns: ActionRun[] = [
      await runAction({ cwd: root, inputs: { command: 'plan', scores: 'scores.csv', 'github-token': TOKEN }, pullRequest: { number: 3, baseSha: base }, api: api.url, env: { LEVELS_STORE: url } }),
      await runAction({ cwd: root, inputs: { command: 'apply', store: url, 'github-token': TOKEN }, env: {} }),
      await runAction({ cwd: root, inputs: { command: 'apply', store: wrong.toString() } }),
    ];
    expect(actionRuns.map((entry) => entry.code)).toEqual([0, 0, 1]);
    expect(api.comments).toHaveLength(1);

    const seen = [
      ...runs.flatMap((result) => [result.stdout, result.stderr]),
      // The runner hides ::add-mask:: lines: they are how an action asks for masking.
      ...actionRuns.flatMap((entry) => [entry.stdout.replace(/^::add-mask::.*$/gm, ''), entry.stderr, entry.summary, JSON.stringify(entry.outputs), ...(entry.outputs['plan-file'] ? [readFileSync(entry.outputs['plan-file'], 'utf8')] : [])]),
      ...api.comments.map((comment) => comment.body),
      ...api.requests.map((request) => JSON.stringify(request.body ?? '')),
      readable(root),
    ].join('\n');
    for (const secret of secrets) expect(seen.includes(secret), `a secret appears: ${secret.slice(0, 4)}…`).toBe(false);
    expect(hasStackTrace(seen)).toBe(false);
    // The action registered every secret for masking.
    for (const secret of [password, TOKEN]) expect(actionRuns[0]!.stdout.includes(`::add-mask::${secret}`) || actionRuns[1]!.stdout.includes(`::add-mask::${secret}`)).toBe(true);
  }, 180_000);
});
