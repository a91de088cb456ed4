import { UsageError, UserError } from '../errors.js';
import { DEFAULT_COLUMNS, readExport, type ExportColumns, type ExportSummary, type ReadOptions } from '../exports/reader.js';
import type { AccountSink } from '../exports/row.js';
import { formatCount } from '../plan/numbers.js';
import type { CommandIO } from './io.js';
import { progressBar } from './progress.js';

/** The export options every command that reads scores shares. */
export interface ScoreOptions {
  scores: string;
  idColumn?: string;
  scoreColumn?: string;
  levelColumn?: string;
  /** `N` rows or `N%` of the rows; default 0: any rejected row fails. */
  maxRejects?: string;
  quiet: boolean;
}

export function columnsOf(options: Pick<ScoreOptions, 'idColumn' | 'scoreColumn' | 'levelColumn'>): ExportColumns {
  return { id: options.idColumn ?? DEFAULT_COLUMNS.id, score: options.scoreColumn ?? DEFAULT_COLUMNS.score, level: options.levelColumn ?? DEFAULT_COLUMNS.level };
}

/** How many rejected rows are tolerated, out of `rows`. */
export function allowedRejects(maxRejects: string | undefined, rows: number): number {
  if (maxRejects === undefined) return 0;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(maxRejects);
  if (!match || (match[2] === '' && !Number.isInteger(Number(match[1])))) {
    throw new UsageError(`--max-rejects takes a number of rows (such as 10) or a share of them (such as 0.5%), not '${maxRejects}'.`);
  }
  return match[2] === '%' ? Math.floor((Number(match[1]) / 100) * rows) : Number(match[1]);
}

/**
 * Reads the export into `sink`, with a progress bar, and applies the reject policy: more
 * rejected rows than --max-rejects allows is an error naming the first ones and the fix.
 */
export async function readScores(
  options: ScoreOptions,
  sink: AccountSink,
  io: CommandIO,
  knownDuplicates?: ReadonlyMap<number, string>,
  more: Pick<ReadOptions, 'fingerprint'> = {},
): Promise<ExportSummary> {
  allowedRejects(options.maxRejects, 0); // Check the option before reading a large file.
  const bar = progressBar(io.stderr, `Reading ${options.scores}`, !options.quiet);
  const readOptions = { ...more, columns: columnsOf(options), onProgress: bar.update, ...(knownDuplicates ? { knownDuplicates } : {}) };
  let summary: ExportSummary;
  try {
    summary = await readExport(options.scores, io.cwd, sink, readOptions);
  } finally {
    bar.finish();
  }
  const allowed = allowedRejects(options.maxRejects, summary.rows);
  if (summary.rejected > allowed) {
    const shown = summary.rejectedRows.slice(0, 5).map((row) => `line ${row.line}: ${row.reason}`);
    const more = summary.rejected > shown.length ? `; and ${formatCount(summary.rejected - shown.length)} more` : '';
    throw new UserError(
      `${formatCount(summary.rejected)} of ${formatCount(summary.rows)} rows of ${options.scores} were rejected (${shown.join('; ')}${more}); fix the export, or tolerate them with --max-rejects ${summary.rejected}${options.maxRejects !== undefined ? ` (now ${options.maxRejects})` : ''}.`,
    );
  }
  return summary;
}
