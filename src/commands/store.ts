import { Document } from 'yaml';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { formatCount } from '../plan/numbers.js';
import { configHash, snapshotFromApplied } from '../plan/snapshot.js';
import { diffConfigs } from '../diff/semantic.js';
import type { ApplyRecord } from '../store/types.js';
import type { CommandIO } from './io.js';
import { configuredStore, withStore } from './store-access.js';

export interface StoreCommandOptions {
  config: string;
  store?: string;
  format: 'text' | 'json';
  quiet: boolean;
}

/** `levels store status`: serial, last apply, accounts, drift. */
export async function storeStatusCommand(options: StoreCommandOptions, io: CommandIO): Promise<number> {
  const choice = await configuredStore(options.store, options.config, io);
  const live = await withStore(choice, (store) => store.read());
  const diff = live.lastApply ? diffConfigs(snapshotFromApplied(live.lastApply.config), snapshotFromApplied(live.config)) : undefined;
  const drift = diff ? diff.rulesets.length : 0;
  if (options.format === 'json') {
    io.stdout.write(
      `${JSON.stringify({ store: choice.shown, serial: live.serial, schema_version: live.schemaVersion, config_hash: configHash(snapshotFromApplied(live.config)), accounts: live.accounts, drifted_rulesets: drift, drifted_domain: Boolean(diff?.domain), last_apply: live.lastApply ? recordJson(live.lastApply) : null }, null, 2)}\n`,
    );
    return 0;
  }
  const lines = [`Store: ${choice.shown}`];
  if (live.serial === 0) {
    lines.push('Nothing has been applied yet (serial 0).');
  } else {
    const last = live.lastApply!;
    lines.push(`Serial: ${live.serial} (table layout version ${live.schemaVersion})`);
    lines.push(`Last apply: ${last.appliedAt} by ${last.actor}${last.gitCommit ? ` from commit ${last.gitCommit.slice(0, 12)}` : ''}`);
    lines.push(`  ${last.summary}`);
    lines.push(`Rulesets: ${live.config.rulesets.map((ruleset) => `${ruleset.id}${ruleset.primary ? ' (primary)' : ruleset.enabled ? '' : ' (disabled)'}`).join(', ') || 'none'}`);
    lines.push(`Accounts: ${formatCount(live.accounts)}`);
    const drifted = [...(drift > 0 ? [`${drift} ruleset${drift === 1 ? '' : 's'}`] : []), ...(diff?.domain ? ['the score domain'] : [])];
    lines.push(drifted.length === 0 ? 'Drift: none (the tables hold what levels last applied)' : `Drift: ${drifted.join(' and ')} changed outside levels (levels plan lists them)`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** `levels store history`: the apply log, newest first. */
export async function storeHistoryCommand(options: StoreCommandOptions & { limit: number }, io: CommandIO): Promise<number> {
  const choice = await configuredStore(options.store, options.config, io);
  const records = await withStore(choice, (store) => store.history(options.limit));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ store: choice.shown, applies: records.map(recordJson) }, null, 2)}\n`);
    return 0;
  }
  if (records.length === 0) io.stdout.write(`Nothing has been applied to ${choice.shown} yet.\n`);
  for (const record of records) {
    io.stdout.write(
      `serial ${record.serial}  ${record.appliedAt}  ${record.actor}${record.gitCommit ? `  ${record.gitCommit.slice(0, 12)}` : ''}\n  ${record.summary}${record.accountsChanged > 0 ? ` (${formatCount(record.accountsChanged)} accounts changed level)` : ''}\n`,
    );
  }
  return 0;
}

function recordJson(record: ApplyRecord) {
  return {
    serial: record.serial,
    applied_at: record.appliedAt,
    actor: record.actor,
    git_commit: record.gitCommit ?? null,
    config_hash: record.configHash,
    plan_hash: record.planHash ?? null,
    export_sha256: record.exportSha256 ?? null,
    summary: record.summary,
    accounts_changed: record.accountsChanged,
  };
}

/** `levels import [--out DIR]`: the live config as YAML, one file per ruleset and a workspace. */
export async function importCommand(options: StoreCommandOptions & { out?: string; force: boolean }, io: CommandIO): Promise<number> {
  const choice = await configuredStore(options.store, options.config, io);
  const live = await withStore(choice, (store) => store.read());
  if (live.serial === 0) throw new UserError(`Nothing has been applied to ${choice.shown}, so there is no config to import.`);
  const folder = options.out ?? options.config;
  const dir = resolve(io.cwd, folder);
  const schema = [join(dir, 'levels.schema.json'), join(dir, '..', 'schema', 'levels.schema.json')].find((path) => existsSync(path));
  const head = schema ? `# yaml-language-server: $schema=${relative(dir, schema).split('\\').join('/')}\n` : '';
  const files = new Map<string, string>();
  for (const ruleset of live.config.rulesets) files.set(`${ruleset.id}.yaml`, head + new Document({ kind: 'LevelRuleset', ...ruleset }).toString({ lineWidth: 0 }));
  const scores = { min: live.config.scores.min, ...(live.config.scores.max === null ? {} : { max: live.config.scores.max }), integer: live.config.scores.integer };
  files.set('workspace.yaml', head + new Document({ kind: 'Workspace', scores }).toString({ lineWidth: 0 }));
  const clashes = [...files.keys()].filter((name) => existsSync(join(dir, name)));
  if (clashes.length > 0 && !options.force) {
    throw new UserError(`${folder} already holds ${clashes.join(', ')}; import into an empty folder with --out, or pass --force to overwrite.`);
  }
  try {
    await mkdir(dir, { recursive: true });
    for (const [name, text] of files) await writeFile(join(dir, name), text);
  } catch (error) {
    throw new UserError(`${folder} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  if (!options.quiet) {
    io.stdout.write(`Imported serial ${live.serial} of ${choice.shown} into ${folder}/: ${[...files.keys()].join(', ')}.\n`);
  }
  return 0;
}
