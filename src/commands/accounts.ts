import { csvField } from '../exports/csv.js';
import type { CommandIO } from './io.js';
import { withOutput } from './output-file.js';
import { configuredStore, withStore } from './store-access.js';

export interface AccountsCommandOptions {
  config: string;
  store?: string;
  format: 'csv' | 'jsonl';
  out?: string;
  quiet: boolean;
}

/** Writes rows to --out (whole or not at all) or to standard output. */
async function writeRows(options: AccountsCommandOptions, io: CommandIO, produce: (emit: (fields: Record<string, string | number | null>) => void) => Promise<void>, columns: string[]): Promise<number> {
  let count = 0;
  await withOutput(options.out, io, async (write) => {
    let buffer = '';
    const flush = () => {
      if (buffer !== '') write(buffer);
      buffer = '';
    };
    const emit = (fields: Record<string, string | number | null>) => {
      count++;
      buffer += options.format === 'jsonl' ? `${JSON.stringify(fields)}\n` : `${columns.map((column) => csvField(fields[column] === null ? '' : String(fields[column]), ',')).join(',')}\n`;
      if (buffer.length > 1 << 20) flush();
    };
    if (options.format === 'csv') buffer += `${columns.join(',')}\n`;
    await produce(emit);
    flush();
  });
  if (options.out && !options.quiet) io.stderr.write(`levels: wrote ${count} row${count === 1 ? '' : 's'} to ${options.out}.\n`);
  return 0;
}

/** `levels accounts changes --since SERIAL`: every level change after an apply serial (the tier-mobility feed). */
export async function accountChangesCommand(options: AccountsCommandOptions & { since: number }, io: CommandIO): Promise<number> {
  const choice = await configuredStore(options.store, options.config, io);
  return withStore(choice, (store) =>
    writeRows(
      options,
      io,
      (emit) => store.changes(options.since, (change) => emit({ serial: change.serial, applied_at: change.appliedAt, account_id: change.accountId, from_level: change.from, to_level: change.to, score: change.score })),
      ['serial', 'applied_at', 'account_id', 'from_level', 'to_level', 'score'],
    ),
  );
}

/** `levels accounts list [--level NAME]`: the stored accounts and their levels. */
export async function accountListCommand(options: AccountsCommandOptions & { level?: string }, io: CommandIO): Promise<number> {
  const choice = await configuredStore(options.store, options.config, io);
  return withStore(choice, (store) =>
    writeRows(
      options,
      io,
      (emit) => store.accounts(options.level, (account) => emit({ account_id: account.accountId, score: account.score, level: account.level, level_since: account.levelSince })),
      ['account_id', 'score', 'level', 'level_since'],
    ),
  );
}
