import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { commit, git, makeRepo } from '../helpers/git.js';
import { makeTree } from '../helpers/tree.js';

const ruleset = (id: string, levels: string, extra = '') => `kind: LevelRuleset\nid: ${id}\nname: ${id} levels\n${extra}levels:\n${levels}`;
const TIERS = '  - { name: Target, min: 80 }\n  - { name: Qualified, min: 50, max: 79 }\n  - { name: Standard, min: 0, max: 49 }\n';
const STAGES = '  - { name: Engaged, min: 60 }\n  - { name: Dormant, min: 0, max: 59 }\n';
const WORKSPACE = 'kind: Workspace\nscores: { min: 0, max: 100 }\n';

interface Built {
  root: string;
  /** Commit hashes by step name. */
  at: Record<string, string>;
  initial: Record<string, string>;
}

/** A repository whose history holds every kind of change history must explain. */
function buildHistory(): Built {
  const initial = {
    'levels/tiers.yaml': ruleset('tiers', TIERS, 'primary: true\n'),
    'levels/lifecycle.yaml': ruleset('lifecycle', STAGES),
    'levels/regional.yaml': ruleset('regional', '  - { name: EMEA, min: 0 }\n'),
    'levels/workspace.yaml': WORKSPACE,
  };
  const root = makeRepo(initial);
  const at: Record<string, string> = { initial: git(root, 'rev-parse', 'HEAD').trim() };
  at.raise = commit(root, { 'levels/tiers.yaml': initial['levels/tiers.yaml'].replace('min: 80 }', 'min: 85 }').replace('max: 79 }', 'max: 84 }') }, 'Raise the Target floor to 85');
  git(root, 'mv', 'levels/lifecycle.yaml', 'levels/stages.yaml');
  at.move = commit(root, {}, 'Move the lifecycle file');
  at.rename = commit(root, { 'levels/stages.yaml': ruleset('stages', STAGES) }, 'Call the lifecycle ruleset stages');
  at.primary = commit(
    root,
    { 'levels/tiers.yaml': ruleset('tiers', TIERS.replace('min: 80 }', 'min: 85 }').replace('max: 79 }', 'max: 84 }')), 'levels/stages.yaml': ruleset('stages', STAGES, 'primary: true\n') },
    'Make stages the primary ruleset',
  );
  git(root, 'rm', '-q', 'levels/regional.yaml');
  at.remove = commit(root, {}, 'Drop the regional ruleset');
  at.domain = commit(root, { 'levels/workspace.yaml': WORKSPACE.replace('max: 100', 'max: 1000') }, 'Scores up to 1000');
  at.comment = commit(root, { 'levels/workspace.yaml': `# Scores from the platform.\n${WORKSPACE.replace('max: 100', 'max: 1000')}` }, 'Explain the workspace');
  commit(root, { 'README.md': 'not config\n' }, 'Outside the config folder');
  return { root, at, initial };
}

interface JsonChange {
  ruleset: string;
  previous_id?: string;
  action: string;
  fields: string[];
  primary: string | null;
  levels: { level: string; action: string; fields: string[] }[];
}
interface JsonCommit {
  commit: string;
  subject: string;
  applied: { serial: number } | false | null;
  live: 'yes' | 'partly' | 'no' | null;
  changes: JsonChange[];
  domain_change: unknown;
  files: { status: string; path: string; previous_path?: string }[];
}

const history = (root: string, ...args: string[]) => {
  const result = runCli(['history', '--format', 'json', ...args], { cwd: root });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { store: unknown; commits: JsonCommit[] };
};

describe('levels history', () => {
  it('explains every commit that changed the config, newest first, by meaning rather than text', () => {
    const { root, at } = buildHistory();
    const { store, commits } = history(root);
    expect(store).toBeNull(); // No store set up: no apply marks.
    expect(commits.map((entry) => entry.subject)).toEqual([
      'Explain the workspace',
      'Scores up to 1000',
      'Drop the regional ruleset',
      'Make stages the primary ruleset',
      'Call the lifecycle ruleset stages',
      'Move the lifecycle file',
      'Raise the Target floor to 85',
      'initial',
    ]);
    const by = Object.fromEntries(commits.map((entry) => [entry.commit, entry]));
    const summary = (hash: string) => by[hash]!.changes.map((c) => [c.ruleset, c.action, c.fields, c.previous_id ?? null, c.primary, c.levels.map((l) => `${l.level}:${l.action}:${l.fields.join('+')}`)]);
    expect(summary(at.comment!)).toEqual([]);
    expect(by[at.comment!]!.domain_change).toBeNull();
    expect(by[at.domain!]!.domain_change).toEqual({ before: { min: 0, max: 100, integer: true }, after: { min: 0, max: 1000, integer: true } });
    expect(summary(at.remove!)).toEqual([['regional', 'delete', [], null, null, ['EMEA:delete:']]]);
    expect(summary(at.primary!)).toEqual([
      ['stages', 'update', ['primary'], null, 'gained', []],
      ['tiers', 'update', ['primary'], null, 'lost', []],
    ]);
    expect(summary(at.rename!)).toEqual([['stages', 'update', ['id', 'name'], 'lifecycle', null, []]]);
    expect(summary(at.move!)).toEqual([]);
    expect(by[at.move!]!.files).toEqual([{ status: 'renamed', path: 'levels/stages.yaml', previous_path: 'levels/lifecycle.yaml' }]);
    expect(summary(at.raise!)).toEqual([['tiers', 'update', [], null, null, ['Target:update:min', 'Qualified:update:max']]]);
    expect(summary(at.initial!).map((row) => row.slice(0, 2))).toEqual([
      ['lifecycle', 'create'],
      ['regional', 'create'],
      ['tiers', 'create'],
    ]);

    const text = runCli(['history'], { cwd: root });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`commit ${at.raise!.slice(0, 12)}\nAuthor: Test <test@example.com>\n`);
    expect(text.stdout).toContain('    Raise the Target floor to 85\n\n    ~ ruleset tiers (tiers levels)  levels/tiers.yaml\n        ~ level Target: min 80 → 85\n        ~ level Qualified: max 79 → 84\n');
    expect(text.stdout).toContain('    ~ ruleset stages (stages levels): renamed from lifecycle  levels/stages.yaml\n');
    expect(text.stdout).toContain('    no change to levels (levels/lifecycle.yaml renamed to levels/stages.yaml)\n');
    expect(text.stdout).toContain('    no change to levels (formatting or comments in levels/workspace.yaml)\n');
    expect(text.stdout).toContain('    ~ score domain 0 to 100, whole numbers → 0 to 1000, whole numbers\n');
    expect(text.stdout).not.toContain('Outside the config folder');
  });

  it('keeps to one ruleset, following its renames, and to the newest N commits', () => {
    const { root } = buildHistory();
    expect(history(root, '--ruleset', 'tiers').commits.map((entry) => entry.subject)).toEqual(['Make stages the primary ruleset', 'Raise the Target floor to 85', 'initial']);
    expect(history(root, '--ruleset', 'lifecycle').commits.map((entry) => entry.subject)).toEqual(['Call the lifecycle ruleset stages', 'initial']);
    expect(history(root, '--ruleset', 'tiers', '--limit', '1').commits.map((entry) => entry.subject)).toEqual(['Make stages the primary ruleset']);
    expect(history(root, '--limit', '2').commits.map((entry) => entry.subject)).toEqual(['Explain the workspace', 'Scores up to 1000']);
    expect(runCli(['history', '--ruleset', 'nothing'], { cwd: root }).stdout).toBe('No commit has changed the ruleset nothing in levels.\n');
  });

  it('agrees with levels diff and levels plan on what every commit changed: one semantic diff behind all three', () => {
    const { root } = buildHistory();
    for (const entry of history(root).commits.slice(0, -1)) {
      const diff = JSON.parse(runCli(['diff', `${entry.commit}~1`, entry.commit, '--format', 'json'], { cwd: root }).stdout);
      expect(diff.changes, entry.subject).toEqual(entry.changes);
      expect(diff.domain_change, entry.subject).toEqual(entry.domain_change);
      const plan = JSON.parse(runCli(['plan', '--against', `git:${entry.commit}~1`, '--ref', entry.commit, '--format', 'json'], { cwd: root }).stdout);
      expect(plan.changes, entry.subject).toEqual(entry.changes);
      expect(plan.domain_change, entry.subject).toEqual(entry.domain_change);
    }
  });

  it('marks each commit with the apply that made it live, and the ones not applied yet', () => {
    const { root, at } = buildHistory();
    const env = { LEVELS_STORE: `sqlite:${join(makeTree({}), 'state.db')}` };
    // Applied from a detached checkout of an older commit, then from main.
    git(root, 'checkout', '-q', at.rename!);
    expect(runCli(['apply', '--yes'], { cwd: root, env }).code).toBe(0);
    git(root, 'checkout', '-q', 'main');
    const marks = () => {
      const result = runCli(['history', '--format', 'json'], { cwd: root, env });
      return Object.fromEntries((JSON.parse(result.stdout).commits as JsonCommit[]).map((entry) => [entry.subject, { applied: entry.applied, live: entry.live }]));
    };
    expect(marks()).toMatchObject({
      'Explain the workspace': { applied: false, live: null },
      'Make stages the primary ruleset': { applied: false, live: 'no' },
      'Call the lifecycle ruleset stages': { applied: { serial: 1 }, live: 'yes' },
      'Move the lifecycle file': { applied: { serial: 1 }, live: null },
      'Raise the Target floor to 85': { applied: { serial: 1 }, live: 'yes' },
      initial: { applied: { serial: 1 }, live: 'partly' }, // Its lifecycle ruleset is called stages now.
    });
    expect(runCli(['apply', '--yes'], { cwd: root, env }).code).toBe(0);
    expect(marks()).toMatchObject({
      'Explain the workspace': { applied: { serial: 2 }, live: null },
      'Scores up to 1000': { applied: { serial: 2 }, live: 'yes' },
      'Make stages the primary ruleset': { applied: { serial: 2 }, live: 'yes' },
      'Call the lifecycle ruleset stages': { applied: { serial: 1 }, live: 'yes' },
    });
    // Putting the Target floor back supersedes the raise, which stays marked with its apply.
    const tiers = readFileSync(join(root, 'levels/tiers.yaml'), 'utf8');
    commit(root, { 'levels/tiers.yaml': tiers.replace('min: 85 }', 'min: 80 }').replace('max: 84 }', 'max: 79 }') }, 'Target floor back to 80');
    expect(runCli(['apply', '--yes'], { cwd: root, env }).code).toBe(0);
    expect(marks()).toMatchObject({
      'Target floor back to 80': { applied: { serial: 3 }, live: 'yes' },
      'Raise the Target floor to 85': { applied: { serial: 1 }, live: 'no' },
    });
    const raise = runCli(['history', '--ruleset', 'tiers'], { cwd: root, env }).stdout;
    expect(raise).toMatch(new RegExp(`commit ${at.raise!.slice(0, 12)} {2}applied in serial 1 \\(.*\\), superseded since\n`));
    const text = runCli(['history', '--limit', '1'], { cwd: root, env }).stdout;
    expect(text).toMatch(/^Live in sqlite:.*state\.db: serial 3, applied \d{4}-\d\d-\d\d \d\d:\d\d by .+ from commit [0-9a-f]{12}\.\n/);
    expect(text).toMatch(/commit [0-9a-f]{12} {2}applied in serial 3 \(.*\), live\n/);
  });

  it('names a file version that is not valid config, and leaves it out', () => {
    const root = makeRepo({ 'levels/tiers.yaml': ruleset('tiers', TIERS, 'primary: true\n') });
    commit(root, { 'levels/tiers.yaml': 'kind: LevelRuleset\nid: tiers\nlevels: [\n' }, 'Broken');
    commit(root, { 'levels/tiers.yaml': ruleset('tiers', TIERS.replace('min: 80 }', 'min: 82 }'), 'primary: true\n') }, 'Fixed');
    const text = runCli(['history'], { cwd: root }).stdout;
    expect(text).toMatch(/ {4}Broken\n\n {4}- ruleset tiers \(tiers levels\): DELETES THE PRIMARY RULESET {2}levels\/tiers\.yaml\n[\s\S]* {4}! levels\/tiers\.yaml is not valid config here, left out: \[yaml-syntax\] /);
    expect(text).toMatch(/ {4}Fixed\n\n {4}\+ ruleset tiers/);
  });

  it('works from a detached HEAD, and asks a shallow clone for its history', () => {
    const { root, at } = buildHistory();
    git(root, 'checkout', '-q', at.raise!);
    expect(history(root).commits.map((entry) => entry.subject)).toEqual(['Raise the Target floor to 85', 'initial']);
    const shallow = makeTree({});
    git(shallow, 'clone', '-q', '--depth', '1', `file://${root}`, 'clone');
    const result = runCli(['history'], { cwd: join(shallow, 'clone') });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('levels: levels history needs the whole git history, and this is a shallow clone: fetch it first (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0).\n');
    const missing = runCli(['diff', 'HEAD~3'], { cwd: join(shallow, 'clone') });
    expect(missing.stderr).toBe("levels: The git ref 'HEAD~3' does not exist in this repository; this is a shallow clone, so fetch the history first (actions/checkout with fetch-depth: 0).\n");
  });

  it('says in one sentence when there is no git, no such ref or no config at a ref', () => {
    const { root } = buildHistory();
    for (const [args, message] of [
      [['diff', 'no-such-branch'], "levels: The git ref 'no-such-branch' does not exist in this repository.\n"],
      [['show', 'v9'], "levels: The git ref 'v9' does not exist in this repository.\n"],
      [['revert', 'HEAD~99'], "levels: The git ref 'HEAD~99' does not exist in this repository.\n"],
      [['show', 'HEAD', '--config', 'elsewhere'], /^levels: elsewhere does not exist at HEAD \([0-9a-f]{7}\): there is no config there\.\n$/],
      [['show', 'HEAD', '--ruleset', 'lifecycle'], /^levels: There is no ruleset lifecycle in levels at HEAD \([0-9a-f]{7}\); it holds stages, tiers\.\n$/],
    ] as const) {
      const result = runCli([...args], { cwd: root });
      expect(result.code, args.join(' ')).toBe(1);
      if (typeof message === 'string') expect(result.stderr).toBe(message);
      else expect(result.stderr).toMatch(message);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
    const outside = makeTree({ 'levels/w.yaml': WORKSPACE });
    expect(runCli(['history'], { cwd: outside }).stderr).toBe(`levels: levels history reads the config's git history, and ${outside} is not in a git repository.\n`);
  });
});

describe('levels diff and show', () => {
  it('diffs two refs, or a ref and the working tree, with the YAML text diff under the semantic one', () => {
    const { root, at } = buildHistory();
    const result = runCli(['diff', at.raise!, at.rename!], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `Changes in levels from ${at.raise!.slice(0, 12)} to ${at.rename!.slice(0, 12)}:`,
        '  ~ ruleset stages (stages levels): renamed from lifecycle  levels/stages.yaml',
        '      name "lifecycle levels" → "stages levels"',
        '',
        `--- a/levels/lifecycle.yaml\t${at.raise!.slice(0, 12)}`,
        `+++ b/levels/stages.yaml\t${at.rename!.slice(0, 12)}`,
        '@@ -1,6 +1,6 @@',
        ' kind: LevelRuleset',
        '-id: lifecycle',
        '-name: lifecycle levels',
        '+id: stages',
        '+name: stages levels',
        ' levels:',
        '   - { name: Engaged, min: 60 }',
        '   - { name: Dormant, min: 0, max: 59 }',
        '',
      ].join('\n'),
    );
    // The working tree: an edit not committed yet.
    writeFileSync(join(root, 'levels/tiers.yaml'), readFileSync(join(root, 'levels/tiers.yaml'), 'utf8').replace('min: 85 }', 'min: 90 }'));
    const working = runCli(['diff', 'HEAD', '--no-text', '--detailed-exitcode'], { cwd: root });
    const head = git(root, 'rev-parse', '--short=7', 'HEAD').trim();
    expect(working).toMatchObject({ code: 2, stdout: `Changes in levels from HEAD (${head}) to the working tree:\n  ~ ruleset tiers (tiers levels)  levels/tiers.yaml\n      ~ level Target: min 85 → 90\n` });
    expect(runCli(['diff', at.domain!, at.comment!, '--detailed-exitcode'], { cwd: root }).stdout).toMatch(/^No change to levels in levels from .*\n\n--- a\/levels\/workspace\.yaml/);
  });

  it('shows the config as it was at a ref', () => {
    const { root, at } = buildHistory();
    const result = runCli(['show', at.initial!], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `levels at ${at.initial!.slice(0, 12)}`,
        'Scores: 0 to 100, whole numbers',
        '',
        'lifecycle lifecycle levels  levels/lifecycle.yaml',
        '  Level    Scores',
        '  Engaged  60 and above',
        '  Dormant  0 to 59',
        '',
        'regional regional levels  levels/regional.yaml',
        '  Level  Scores',
        '  EMEA   0 and above',
        '',
        'tiers tiers levels (primary)  levels/tiers.yaml',
        '  Level      Scores',
        '  Target     80 and above',
        '  Qualified  50 to 79',
        '  Standard   0 to 49',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(runCli(['show', 'HEAD', '--ruleset', 'tiers', '--format', 'json'], { cwd: root }).stdout);
    expect(json.files).toEqual({ tiers: 'levels/tiers.yaml' });
    expect(json.config.rulesets[0].levels[0]).toEqual({ name: 'Target', min: 85 });
  });
});

describe('levels revert', () => {
  it('writes the folder as it was, removing files added since, and leaves committing and applying to the usual flow', () => {
    const { root, at, initial } = buildHistory();
    const env = { LEVELS_STORE: `sqlite:${join(makeTree({}), 'state.db')}` };
    expect(runCli(['apply', '--yes'], { cwd: root, env }).code).toBe(0);
    const result = runCli(['revert', at.initial!], { cwd: root, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Reverted levels to ${at.initial!.slice(0, 12)} in the working tree: 4 files written, levels/stages.yaml removed.\n`);
    expect(result.stdout).toContain('  ~ ruleset lifecycle (lifecycle levels): renamed from stages, no longer primary  levels/lifecycle.yaml\n');
    expect(result.stdout).toContain('  + ruleset regional (regional levels)  levels/regional.yaml\n');
    expect(result.stdout).toContain('Next: review it (git diff -- levels), commit it');
    for (const [path, content] of Object.entries(initial)) expect(readFileSync(join(root, path), 'utf8'), path).toBe(content);
    expect(existsSync(join(root, 'levels/stages.yaml'))).toBe(false);
    // Nothing was committed: history is never rewritten.
    expect(git(root, 'log', '-1', '--format=%s').trim()).toBe('Outside the config folder');
    // Again: nothing to do.
    expect(runCli(['revert', at.initial!], { cwd: root, env }).stdout).toBe(`levels already matches ${at.initial!.slice(0, 12)}; nothing was written.\n`);

    commit(root, {}, 'Revert to the initial tiers');
    const plan = runCli(['plan', '--detailed-exitcode'], { cwd: root, env });
    expect(plan.code).toBe(2);
    expect(runCli(['apply', '--yes'], { cwd: root, env }).stdout).toMatch(/\nApply complete: serial 2 /);
    expect(runCli(['plan', '--against', `git:${at.initial}`, '--detailed-exitcode'], { cwd: root, env }).code).toBe(0);
    expect(history(root, '--limit', '1').commits[0]!.subject).toBe('Revert to the initial tiers');
  });

  it('never overwrites uncommitted edits without --force', () => {
    const { root, at } = buildHistory();
    const path = join(root, 'levels/tiers.yaml');
    writeFileSync(path, `${readFileSync(path, 'utf8')}# my edit\n`);
    const refused = runCli(['revert', at.initial!], { cwd: root });
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: 'levels: levels revert would overwrite uncommitted changes to levels/tiers.yaml: commit or stash them first, or pass --force to discard them.\n' });
    expect(readFileSync(path, 'utf8')).toContain('# my edit');
    expect(existsSync(join(root, 'levels/stages.yaml'))).toBe(true); // Nothing at all was written.
    // An edit to a file the revert does not touch is no obstacle.
    expect(runCli(['revert', at.rename!, '--ruleset', 'stages'], { cwd: root }).code).toBe(0);
    expect(runCli(['revert', at.initial!, '--force'], { cwd: root }).code).toBe(0);
    expect(readFileSync(path, 'utf8')).not.toContain('# my edit');
  });

  it('reverts one ruleset, following a rename of its id or its file, and brings back or removes a whole ruleset', () => {
    const { root, at } = buildHistory();
    // lifecycle is stages now, in levels/stages.yaml: its old content goes into its current file.
    const renamed = runCli(['revert', at.initial!, '--ruleset', 'lifecycle'], { cwd: root });
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toContain('~ ruleset lifecycle (lifecycle levels): renamed from stages, no longer primary  levels/stages.yaml');
    expect(readFileSync(join(root, 'levels/stages.yaml'), 'utf8')).toBe(ruleset('lifecycle', STAGES));
    expect(existsSync(join(root, 'levels/lifecycle.yaml'))).toBe(false);
    git(root, 'checkout', '-q', '--', '.');
    // Deleted since: back in its old file.
    expect(runCli(['revert', at.initial!, '--ruleset', 'regional'], { cwd: root }).stdout).toContain('+ ruleset regional (regional levels)  levels/regional.yaml');
    expect(existsSync(join(root, 'levels/regional.yaml'))).toBe(true);
    // Created since: removed.
    const gone = runCli(['revert', at.initial!, '--ruleset', 'stages'], { cwd: root });
    expect(gone.code).toBe(0); // stages was lifecycle at the initial commit: reverted, not removed.
    const newer = makeRepo({ 'levels/tiers.yaml': ruleset('tiers', TIERS, 'primary: true\n') });
    commit(newer, { 'levels/extra.yaml': ruleset('extra', STAGES) }, 'Add extra');
    const removed = runCli(['revert', 'HEAD~1', '--ruleset', 'extra'], { cwd: newer });
    expect(removed.stdout).toContain('Reverted the ruleset extra to HEAD~1');
    expect(removed.stdout).toContain('- ruleset extra (extra levels)  levels/extra.yaml');
    expect(existsSync(join(newer, 'levels/extra.yaml'))).toBe(false);
  });
});
