/**
 * Hostile inputs, through the built CLI as a user would meet them: config files that are empty,
 * binary, huge, alias bombs, nested without end, prototype keys, bad UTF-8 or a link loop;
 * exports that are sparse 2 GB files, headers only, missing columns, odd ids and odd scores;
 * stores that cannot be written or sit on a full disk. Each must end in one clear sentence (or a
 * finding) naming the file, line or fix, with the right exit code, no stack trace, and, where a
 * store is involved, the store as it was.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, runCliAsync, type CliResult } from './helpers/cli.js';
import { smallFileSystem } from './helpers/mount.js';
import { makeTree, writeTree } from './helpers/tree.js';

const workspace = 'kind: Workspace\nscores: { min: 0, max: 100 }\n';
const tiers = (target = 80) =>
  `kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nlevels:\n  - { name: Target, min: ${target}, owner: a }\n  - { name: Qualified, min: 50, max: ${target - 1}, owner: b }\n  - { name: Standard, min: 0, max: 49, owner: c }\n`;
/** A valid, finding-free config folder. */
const valid = { 'levels/workspace.yaml': workspace, 'levels/tiers.yaml': tiers() };

const isRoot = process.getuid?.() === 0;

function expectClean(result: CliResult): void {
  expect(hasStackTrace(result.stdout + result.stderr), `stack trace in:\n${result.stdout}\n${result.stderr}`).toBe(false);
  expect(result.stdout + result.stderr).not.toMatch(/internal error|This is a bug in levels/);
}

/**
 * `levels lint` and `levels plan` over a config folder holding one hostile file: both exit 1;
 * lint prints the finding (file:line:col, rule, sentence), plan prints it among its findings and
 * says the plan is blocked. `finding` matches the whole finding line.
 */
function expectConfigFinding(root: string, finding: RegExp): void {
  const lint = runCli(['lint'], { cwd: root });
  expectClean(lint);
  expect(lint.code, `lint:\n${lint.stdout}${lint.stderr}`).toBe(1);
  expect(lint.stdout).toMatch(finding);
  expect(lint.stdout).toMatch(/^1 error, 0 warnings, 0 infos in \d+ files\.$/m);

  const plan = runCli(['plan', '--against', 'none'], { cwd: root });
  expectClean(plan);
  expect(plan.code, `plan:\n${plan.stdout}${plan.stderr}`).toBe(1);
  expect(plan.stdout).toMatch(/^Findings \(1 error, 0 warnings, 0 infos\):$/m);
  expect(plan.stdout).toMatch(new RegExp(`^  ${finding.source.replace(/^\^/, '')}`, 'm'));
  expect(plan.stdout).toMatch(/Blocked by 1 error\.\n$/);
}

describe('hostile config files', () => {
  it('an empty .yaml file is a finding naming it', () => {
    const root = makeTree({ ...valid, 'levels/empty.yaml': '' });
    expectConfigFinding(
      root,
      /^levels\/empty\.yaml:1:1: error \[schema\] levels\/empty\.yaml is empty: each YAML file in the config folder holds one document with a kind \(LevelRuleset or Workspace\)\.$/m,
    );
  });

  it('a binary file named .yaml (random bytes with NULs) is a finding, not garbage', () => {
    // Deterministic "random" bytes, with NULs in them.
    const bytes = new Uint8Array(4096);
    let seed = 0x2545f491;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = i % 97 === 0 ? 0 : seed >>> 24;
    }
    const root = makeTree({ ...valid, 'levels/blob.yaml': bytes });
    expectConfigFinding(root, /^levels\/blob\.yaml:1:1: error \[yaml-syntax\] levels\/blob\.yaml is a binary file, not YAML text\.$/m);
  });

  it('a 50 MB YAML file is refused by its size (4 MiB limit), quickly and without reading it', () => {
    const line = '  - { name: L, min: 0 }\n';
    const body = `kind: LevelRuleset\nid: big\nname: Big\nlevels:\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`;
    const root = makeTree({ ...valid, 'levels/big.yaml': body });
    expect(statSync(join(root, 'levels/big.yaml')).size).toBeGreaterThan(50 * 1024 * 1024);
    const started = Date.now();
    expectConfigFinding(root, /^levels\/big\.yaml:1:1: error \[yaml-syntax\] levels\/big\.yaml is larger than the 4 MiB a config file may be; is it really a ruleset\?$/m);
    expect(Date.now() - started).toBeLessThan(20_000);
    rmSync(join(root, 'levels/big.yaml'));
  }, 60_000);

  it('an alias bomb (billion laughs) is stopped at the first alias, not expanded', () => {
    const lines = ['kind: LevelRuleset', 'id: bomb', 'name: Bomb', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let previous = 'a';
    for (const name of 'bcdefghi') {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
      previous = name;
    }
    lines.push('levels:', '  - { name: T, min: 0 }');
    const root = makeTree({ ...valid, 'levels/bomb.yaml': `${lines.join('\n')}\n` });
    const started = Date.now();
    expectConfigFinding(
      root,
      /^levels\/bomb\.yaml:5:8: error \[yaml-syntax\] levels\/bomb\.yaml expands YAML aliases too many times \(more than \d+\), as an alias bomb does; write the values out\.$/m,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('very deep nesting (10,000 [) is a finding saying it is nested too deeply, not a leaked stack overflow', () => {
    const depth = 10_000;
    const root = makeTree({ ...valid, 'levels/deep.yaml': `kind: LevelRuleset\nid: deep\nname: Deep\nlevels: ${'['.repeat(depth)}${']'.repeat(depth)}\n` });
    const lint = runCli(['lint'], { cwd: root });
    expectClean(lint);
    expect(lint.code).toBe(1);
    // The finding's own line (the code frame under it repeats the 20,000-character line).
    const finding = lint.stdout.split('\n').find((line) => line.startsWith('levels/deep.yaml:')) ?? lint.stdout.slice(0, 300);
    expect(finding).not.toMatch(/Maximum call stack size exceeded/);
    expect(finding).toMatch(/^levels\/deep\.yaml:\d+:\d+: error \[yaml-syntax\] levels\/deep\.yaml is nested too deeply to be a config file\.$/);
    expect(lint.stdout).toMatch(/^1 error, 0 warnings, 0 infos in 3 files\.$/m);
    const plan = runCli(['plan', '--against', 'none'], { cwd: root });
    expectClean(plan);
    expect(plan.code).toBe(1);
    const planned = plan.stdout.split('\n').find((line) => line.startsWith('  levels/deep.yaml:')) ?? plan.stdout.slice(0, 300);
    expect(planned).toMatch(/^ {2}levels\/deep\.yaml:\d+:\d+: error \[yaml-syntax\] levels\/deep\.yaml is nested too deeply to be a config file\.$/);
    expect(plan.stdout).toMatch(/Blocked by 1 error\.\n$/);
  });

  it('__proto__ and constructor keys are findings at the key, and pollute nothing', () => {
    const root = makeTree({
      ...valid,
      'levels/proto.yaml': 'kind: LevelRuleset\nid: proto\nname: Proto\n__proto__: { polluted: true }\nlevels:\n  - { name: T, min: 0, constructor: x }\n',
    });
    const lint = runCli(['lint'], { cwd: root });
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/^levels\/proto\.yaml:4:1: error \[schema\] The key '__proto__' is not allowed anywhere in a config file\.$/m);
    expect(lint.stdout).toMatch(/^levels\/proto\.yaml:6:24: error \[schema\] The key 'constructor' is not allowed anywhere in a config file\.$/m);
    expect(lint.stdout).toMatch(/^2 errors, 0 warnings, 0 infos in 3 files\.$/m);
    const plan = runCli(['plan', '--against', 'none'], { cwd: root });
    expectClean(plan);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(/^  levels\/proto\.yaml:4:1: error \[schema\] The key '__proto__' is not allowed anywhere in a config file\.$/m);
    expect(plan.stdout).toMatch(/Blocked by 2 errors\.\n$/);
    // The ruleset with the bad keys is not planned at all.
    expect(plan.stdout).not.toMatch(/ruleset proto/);
  });

  it('non-UTF-8 bytes (0xff 0xfe) in a level name are a finding naming the line', () => {
    const content = Buffer.concat([Buffer.from('kind: LevelRuleset\nid: bad\nname: Bad\nlevels:\n  - { name: T'), Buffer.from([0xff, 0xfe]), Buffer.from('X, min: 0 }\n')]);
    const root = makeTree({ ...valid, 'levels/bad.yaml': content });
    expectConfigFinding(root, /^levels\/bad\.yaml:5:14: error \[yaml-syntax\] levels\/bad\.yaml is not valid UTF-8 \(first bad byte on line 5\); save it as UTF-8\.$/m);
  });

  it('a config folder that is a symbolic link loop: one sentence naming it; a loop inside the folder is walked once', () => {
    // levels -> levels
    const self = makeTree({});
    symlinkSync('levels', join(self, 'levels'));
    // a -> b -> a
    const pair = makeTree({});
    symlinkSync('b', join(pair, 'a'));
    symlinkSync('a', join(pair, 'b'));
    for (const [root, folder] of [
      [self, 'levels'],
      [pair, 'a'],
    ] as const) {
      for (const args of [['lint'], ['plan', '--against', 'none'], ['validate']]) {
        const result = runCli([...args, '--config', folder], { cwd: root });
        expectClean(result);
        expect(result.code, `${args.join(' ')} --config ${folder}`).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe(`levels: The config folder ${folder} is a symbolic link loop.\n`);
      }
    }
    // A loop inside a valid folder (a link to itself, and one to its parent): each file is read once.
    const inner = makeTree(valid);
    symlinkSync('..', join(inner, 'levels/up'));
    symlinkSync('../levels', join(inner, 'levels/again'));
    const lint = runCli(['lint'], { cwd: inner });
    expectClean(lint);
    expect(lint).toMatchObject({ code: 0, stdout: 'No findings in 2 files.\n' });
    const plan = runCli(['plan', '--against', 'none', '--quiet'], { cwd: inner });
    expectClean(plan);
    expect(plan).toMatchObject({ code: 0, stdout: 'Plan: 1 ruleset to create, 3 levels to add.\n' });
  });
});

/** A small RFC 4180 reader, to check what classify writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('hostile score exports', () => {
  it('a 2 GB sparse export (valid rows, then NUL bytes): one sentence naming the file, fast, no crash', async () => {
    const root = makeTree(valid);
    const path = join(root, 'sparse.csv');
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, 'account_id,score\nA,10\nB,60\nC,90\n');
      ftruncateSync(fd, 2 * 1024 ** 3);
    } finally {
      closeSync(fd);
    }
    try {
      expect(statSync(path).size).toBe(2 * 1024 ** 3);
      const started = Date.now();
      const result = await runCliAsync(['plan', '--against', 'none', '--quiet', '--scores', 'sparse.csv'], { cwd: root });
      const seconds = (Date.now() - started) / 1000;
      console.info(`levels plan over a 2 GB sparse export took ${seconds.toFixed(1)} s (exit ${result.code})`);
      expectClean(result);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toBe('');
      // One sentence: the file, and where the bytes that are not CSV start (line 5) or what they are.
      expect(result.stderr).toMatch(/^levels: [^\n]*sparse\.csv[^\n]*\n$/);
      expect(result.stderr).toMatch(/line 5\b|NUL|binary/i);
      expect(seconds).toBeLessThan(60);
    } finally {
      rmSync(path, { force: true });
    }
  }, 120_000);

  it('an export with only a header: the plan succeeds with 0 accounts', () => {
    const root = makeTree({ ...valid, 'scores.csv': 'account_id,score\n' });
    const text = runCli(['plan', '--against', 'none', '--scores', 'scores.csv'], { cwd: root });
    expectClean(text);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^Impact on scores\.csv: 0 accounts$/m);
    expect(text.stdout).toMatch(/^Plan: 1 ruleset to create, 3 levels to add; 0 accounts, none move\.$/m);
    const json = runCli(['plan', '--against', 'none', '--scores', 'scores.csv', '--format', 'json'], { cwd: root });
    expect(json.code).toBe(0);
    const impact = JSON.parse(json.stdout).impact;
    expect(impact).toMatchObject({ accounts: 0, rejected: 0, rejected_rows: [], moved: 0 });
  });

  it('an export without the score (or id) column: a sentence naming the columns it does have', () => {
    const root = makeTree({ ...valid, 'scores.csv': 'account_id,fit,name\nA,10,x\n', 'both.csv': 'id;fit\nA;10\n' });
    const noScore = runCli(['plan', '--against', 'none', '--scores', 'scores.csv'], { cwd: root });
    expectClean(noScore);
    expect(noScore).toMatchObject({
      code: 1,
      stdout: '',
      stderr: "levels: The score export scores.csv has no column 'score' (set --score-column); its header has 'account_id', 'fit', 'name'.\n",
    });
    const neither = runCli(['plan', '--against', 'none', '--scores', 'both.csv'], { cwd: root });
    expectClean(neither);
    expect(neither).toMatchObject({
      code: 1,
      stderr: "levels: The score export both.csv has no column 'account_id' (set --id-column) and no column 'score' (set --score-column); its header has 'id', 'fit'.\n",
    });
    // The fix the message names works.
    const fixed = runCli(['plan', '--against', 'none', '--quiet', '--scores', 'scores.csv', '--score-column', 'fit'], { cwd: root });
    expect(fixed).toMatchObject({ code: 0, stdout: 'Plan: 1 ruleset to create, 3 levels to add; 1 of 1 accounts move.\n' });
  });

  it('ids with commas, quotes, newlines and emoji are read exactly, and classify round-trips them', () => {
    const ids = ['Acme, Inc.', 'Blue "Sky" Ltd', 'two\nlines', '🚀 rocket 🎉', 'plain', 'a,"b"\r\nc 🦄'];
    const scores = [90, 60, 10, 85, 55, 0];
    const levels = ['Target', 'Qualified', 'Standard', 'Target', 'Qualified', 'Standard'];
    const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const csv = `account_id,score\n${ids.map((id, i) => `${quote(id)},${scores[i]}`).join('\n')}\n`;
    const root = makeTree({ ...valid, 'scores.csv': csv });

    const plan = runCli(['plan', '--against', 'none', '--scores', 'scores.csv', '--format', 'json'], { cwd: root });
    expectClean(plan);
    expect(plan.code, plan.stderr).toBe(0);
    const impact = JSON.parse(plan.stdout).impact;
    expect(impact).toMatchObject({ accounts: 6, rejected: 0, duplicates: 0 });
    expect(impact.sample.map((s: { account_id: string; score: number; to: string }) => [s.account_id, s.score, s.to])).toEqual(ids.map((id, i) => [id, scores[i], levels[i]]));

    const classify = runCli(['classify', '--scores', 'scores.csv', '--out', 'out.csv'], { cwd: root });
    expectClean(classify);
    expect(classify.code, classify.stderr).toBe(0);
    const rows = parseCsv(readFileSync(join(root, 'out.csv'), 'utf8'));
    expect(rows[0]).toEqual(['account_id', 'score', 'level']);
    expect(rows.slice(1)).toEqual(ids.map((id, i) => [id, String(scores[i]), levels[i]]));

    // What classify wrote reads back as the same six accounts, each already at its level.
    const again = runCli(['plan', '--against', 'none', '--scores', 'out.csv', '--format', 'json'], { cwd: root });
    expect(again.code, again.stderr).toBe(0);
    const back = JSON.parse(again.stdout).impact;
    expect(back).toMatchObject({ accounts: 6, rejected: 0 });
    expect(back.sample.map((s: { account_id: string }) => s.account_id)).toEqual(ids);
  });

  it('scores 1e309, -0, 0x10 and 1_000: rejects named by line and reason; the plan fails unless --max-rejects allows them', () => {
    const root = makeTree({ ...valid, 'scores.csv': 'account_id,score\nA,90\nB,1e309\nC,-0\nD,0x10\nE,1_000\nF,55\n' });
    const reasons = "line 3: score '1e309' is not a finite number; line 5: score '0x10' is not a number; line 6: score '1_000' is not a number";

    const strict = runCli(['plan', '--against', 'none', '--scores', 'scores.csv'], { cwd: root });
    expectClean(strict);
    expect(strict).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `levels: 3 of 6 rows of scores.csv were rejected (${reasons}); fix the export, or tolerate them with --max-rejects 3.\n`,
    });
    const tooFew = runCli(['plan', '--against', 'none', '--scores', 'scores.csv', '--max-rejects', '2'], { cwd: root });
    expect(tooFew).toMatchObject({ code: 1, stderr: `levels: 3 of 6 rows of scores.csv were rejected (${reasons}); fix the export, or tolerate them with --max-rejects 3 (now 2).\n` });

    const tolerant = runCli(['plan', '--against', 'none', '--scores', 'scores.csv', '--max-rejects', '10'], { cwd: root });
    expectClean(tolerant);
    expect(tolerant.code, tolerant.stderr).toBe(0);
    expect(tolerant.stdout).toMatch(/^Impact on scores\.csv: 3 accounts, 3 rows rejected$/m);
    expect(tolerant.stdout).toContain("  Rejected rows:\n    line 3: score '1e309' is not a finite number\n    line 5: score '0x10' is not a number\n    line 6: score '1_000' is not a number\n");
    // -0 counts, as 0 (never shown as "-0").
    expect(tolerant.stdout).toMatch(/^ {4}C \(score 0, line 4\): Unassigned → Standard$/m);
    expect(tolerant.stdout).not.toMatch(/score -0/);

    const json = runCli(['plan', '--against', 'none', '--scores', 'scores.csv', '--max-rejects', '10', '--format', 'json'], { cwd: root });
    const impact = JSON.parse(json.stdout).impact;
    expect(impact).toMatchObject({
      accounts: 3,
      rejected: 3,
      rejected_rows: [
        { line: 3, reason: "score '1e309' is not a finite number" },
        { line: 5, reason: "score '0x10' is not a number" },
        { line: 6, reason: "score '1_000' is not a number" },
      ],
    });
    expect(impact.sample.map((s: { account_id: string; score: number; to: string }) => [s.account_id, s.score, s.to])).toEqual([
      ['A', 90, 'Target'],
      ['C', 0, 'Standard'],
      ['F', 55, 'Qualified'],
    ]);
  });
});

/** The store's state, as `levels store status --format json` shows it, and the file's bytes. */
function storeState(root: string, store: string, file: string) {
  const status = runCli(['store', 'status', '--store', store, '--format', 'json'], { cwd: root });
  expectClean(status);
  expect(status.code, status.stderr).toBe(0);
  const { serial, config_hash, accounts, last_apply } = JSON.parse(status.stdout);
  return { serial, config_hash, accounts, plan_hash: last_apply?.plan_hash, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

/** Whether this process can still write to the file or create one in its folder. */
function writable(file: string, folder: string): boolean {
  try {
    closeSync(openSync(file, 'r+'));
    return true;
  } catch {
    // The file cannot be opened for writing; can a file be created next to it (a journal)?
  }
  const probe = join(folder, `.probe-${process.pid}`);
  try {
    writeFileSync(probe, 'x');
    unlinkSync(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes the store file and its folder read-only by the first mechanism that really stops this
 * process writing: permissions (0444 / 0555, enough for a normal user), else the immutable
 * attribute (chattr +i, for root), else a read-only bind mount of the folder. Never pretends.
 */
function makeReadOnly(folder: string, file: string): { mechanism: string; folder: string; release(): void } {
  chmodBoth(0o444, 0o555);
  if (!writable(file, folder)) return { mechanism: 'chmod 0444/0555', folder, release: () => chmodBoth(0o644, 0o755) };

  function chmodBoth(fileMode: number, folderMode: number) {
    execFileSync('chmod', [fileMode.toString(8), file]);
    execFileSync('chmod', [folderMode.toString(8), folder]);
  }
  const failures = [`chmod does not stop uid ${process.getuid?.()}`];
  try {
    execFileSync('chattr', ['+i', file], { stdio: 'pipe' });
    execFileSync('chattr', ['+i', folder], { stdio: 'pipe' });
    const release = () => {
      execFileSync('chattr', ['-i', folder], { stdio: 'pipe' });
      execFileSync('chattr', ['-i', file], { stdio: 'pipe' });
      chmodBoth(0o644, 0o755);
    };
    if (!writable(file, folder)) return { mechanism: 'chattr +i', folder, release };
    release();
    failures.push('chattr +i did not stop writes');
  } catch (error) {
    try {
      execFileSync('chattr', ['-i', folder], { stdio: 'pipe' });
      execFileSync('chattr', ['-i', file], { stdio: 'pipe' });
    } catch {
      // Nothing was set.
    }
    failures.push(`chattr failed (${(error as Error).message.split('\n')[0]})`);
  }
  const mounted = `${folder}-ro`;
  mkdirSync(mounted);
  try {
    execFileSync('mount', ['--bind', folder, mounted], { stdio: 'pipe' });
    execFileSync('mount', ['-o', 'remount,bind,ro', mounted], { stdio: 'pipe' });
    const release = () => {
      execFileSync('umount', [mounted], { stdio: 'pipe' });
      chmodBoth(0o644, 0o755);
    };
    const inside = join(mounted, file.slice(folder.length + 1));
    if (!writable(inside, mounted)) return { mechanism: 'read-only bind mount', folder: mounted, release };
    release();
    failures.push('the read-only bind mount could be written');
  } catch (error) {
    failures.push(`a read-only bind mount failed (${(error as Error).message.split('\n')[0]})`);
  }
  chmodBoth(0o644, 0o755);
  throw new Error(`No way to make the store read-only for this process: ${failures.join('; ')}. Run the test as a normal user, or as root with chattr or CAP_SYS_ADMIN.`);
}

describe('hostile stores', () => {
  it('a read-only store (file 0444, folder 0555, made really read-only even for root): a sentence, and the store unchanged', () => {
    const root = makeTree({ ...valid, 'scores.csv': 'account_id,score\nA,90\nB,60\nC,10\nD,82\n' });
    const folder = join(root, 'store');
    mkdirSync(folder);
    const file = join(folder, 'state.db');
    const store = `sqlite:${file}`;
    const first = runCli(['apply', '--yes', '--quiet', '--store', store, '--scores', 'scores.csv'], { cwd: root });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Apply complete: serial 1 in sqlite:/);

    writeTree(root, { 'levels/tiers.yaml': tiers(85) });
    const readOnly = makeReadOnly(folder, file);
    try {
      console.info(`read-only store by ${readOnly.mechanism}`);
      const roFile = join(readOnly.folder, 'state.db');
      const roStore = `sqlite:${roFile}`;
      const before = storeState(root, roStore, roFile);
      expect(before).toMatchObject({ serial: 1, accounts: 4 });

      for (const args of [['apply', '--yes', '--store', roStore], ['apply', '--yes', '--store', roStore, '--scores', 'scores.csv']]) {
        const result = runCli(args, { cwd: root });
        expectClean(result);
        expect(result.code, `${args.join(' ')}:\n${result.stdout}${result.stderr}`).toBe(1);
        expect(result.stderr).toMatch(/^levels: The store sqlite:\S*state\.db cannot be written \((read-only file|read-only file system or no permission)\); nothing was applied\.\n$/);
        expect(storeState(root, roStore, roFile)).toEqual(before);
      }
    } finally {
      readOnly.release();
    }
    // Writable again, the same apply goes through, from serial 1.
    const after = runCli(['apply', '--yes', '--quiet', '--store', store], { cwd: root });
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toMatch(/^Apply complete: serial 2 in /);
  }, 60_000);

  /** A store on a small tmpfs, applied once; then the disk is filled, leaving `freeKiB`. */
  function storeOnFullDisk(freeKiB: number) {
    const rows = ['account_id,score', ...Array.from({ length: 60_000 }, (_, i) => `acc${i},${(i * 7919) % 101}`)];
    const root = makeTree({ ...valid, 'small.csv': 'account_id,score\nA,90\nB,60\nC,10\n', 'big.csv': `${rows.join('\n')}\n` });
    const disk = smallFileSystem(8192);
    if (!disk) {
      throw new Error(
        `A full disk needs a small tmpfs, which could not be mounted (${isRoot ? 'mount -t tmpfs failed' : 'not running as root'}): run this test as root with CAP_SYS_ADMIN.`,
      );
    }
    const file = join(disk.dir, 'state.db');
    const store = `sqlite:${file}`;
    const first = runCli(['apply', '--yes', '--quiet', '--store', store, '--scores', 'small.csv'], { cwd: root });
    expect(first.code, first.stderr).toBe(0);
    // Fill the disk: one big file, then 1 KiB at a time until it is full; then free what was asked for.
    const filler = join(disk.dir, 'filler');
    const fd = openSync(filler, 'w');
    let written = 0;
    try {
      const block = Buffer.alloc(1024, 0x61);
      for (;;) {
        try {
          writeSync(fd, block);
          written += block.length;
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
          break;
        }
      }
      if (freeKiB > 0) ftruncateSync(fd, Math.max(0, written - freeKiB * 1024));
    } finally {
      closeSync(fd);
    }
    const free = Number(execFileSync('df', ['-k', '--output=avail', disk.dir], { encoding: 'utf8' }).trim().split('\n').pop());
    expect(free).toBeLessThanOrEqual(freeKiB + 8);
    writeTree(root, { 'levels/tiers.yaml': tiers(85) });
    return { root, disk, file, store, filler };
  }

  for (const [name, freeKiB] of [
    ['completely full', 0],
    ['that fills up during the apply (256 KiB free, a 60,000-account export)', 256],
  ] as const) {
    it(`a store on a disk ${name}: exit 1, a sentence saying the disk is full, the previous serial intact`, () => {
      const { root, disk, file, store, filler } = storeOnFullDisk(freeKiB);
      try {
        const before = storeState(root, store, file);
        expect(before).toMatchObject({ serial: 1, accounts: 3 });
        const result = runCli(['apply', '--yes', '--store', store, '--scores', 'big.csv'], { cwd: root });
        expectClean(result);
        expect(result.code, `${result.stdout}${result.stderr}`).toBe(1);
        expect(result.stderr).toBe(`levels: The disk holding the store ${store} is full; nothing was applied.\n`);
        // Still full: the previous serial reads back, byte for byte the same file.
        expect(storeState(root, store, file)).toEqual(before);
        // With room again, the same apply succeeds as serial 2.
        rmSync(filler);
        expect(storeState(root, store, file)).toEqual(before);
        const retry = runCli(['apply', '--yes', '--quiet', '--store', store, '--scores', 'big.csv'], { cwd: root });
        expect(retry.code, retry.stderr).toBe(0);
        expect(retry.stdout).toMatch(/^Apply complete: serial 2 in /);
      } finally {
        disk.release();
      }
    }, 120_000);
  }
});
