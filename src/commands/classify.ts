import { UserError } from '../errors.js';
import { csvField } from '../exports/csv.js';
import type { AccountSink, ExportHeader, Row } from '../exports/row.js';
import { Classifier } from '../plan/classifier.js';
import { activeOf, snapshotOf } from '../plan/snapshot.js';
import { loadConfig } from '../model/load.js';
import { UNASSIGNED } from '../model/validate.js';
import { formatCount } from '../plan/numbers.js';
import type { CommandIO } from './io.js';
import { withOutput } from './output-file.js';
import { columnsOf, readScores, type ScoreOptions } from './scores.js';

export interface ClassifyCommandOptions extends ScoreOptions {
  config: string;
  /** Write here instead of standard output (whole or not at all). */
  out?: string;
}

const FLUSH_AT = 1 << 20;

/** Buffers output and writes it in large pieces, to a file descriptor or a stream. */
class Output {
  private parts: (string | Uint8Array)[] = [];
  private size = 0;
  constructor(private readonly write: (chunk: Buffer) => void) {}
  push(part: string | Uint8Array): void {
    this.parts.push(part);
    this.size += part.length;
    if (this.size >= FLUSH_AT) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    this.write(Buffer.concat(this.parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part))));
    this.parts = [];
    this.size = 0;
  }
}

/**
 * Writes the export back with the level of the active ruleset on every row (for reverse ETL):
 * CSV rows are copied byte for byte with the level column set or added, JSON Lines objects get
 * a level key. Rejected rows are left out and reported.
 */
class ClassifyWriter implements AccountSink {
  private delimiter = ',';
  private hasLevel = false;

  constructor(
    private readonly output: Output,
    private readonly classifier: Classifier,
    private readonly names: string[],
    private readonly levelColumn: string,
  ) {}

  start(header: ExportHeader): void {
    if (header.format !== 'csv') return;
    this.delimiter = header.delimiter ?? ',';
    this.hasLevel = header.hasLevel;
    const columns = header.hasLevel ? header.columns : [...header.columns, this.levelColumn];
    this.output.push(`${columns.map((column) => csvField(column, this.delimiter)).join(this.delimiter)}\n`);
  }

  account(row: Row): void {
    const index = this.classifier.classify(row.score);
    const level = index < 0 ? UNASSIGNED : this.names[index]!;
    if (row.object) {
      this.output.push(`${JSON.stringify({ ...row.object, [this.levelColumn]: level })}\n`);
      return;
    }
    const field = csvField(level, this.delimiter);
    if (this.hasLevel && row.levelFieldStart >= 0) {
      this.output.push(row.rawBytes.subarray(row.rawStart, row.levelFieldStart));
      this.output.push(field);
      this.output.push(row.rawBytes.subarray(row.levelFieldEnd, row.rawEnd));
      this.output.push('\n');
    } else {
      this.output.push(row.rawBytes.subarray(row.rawStart, row.rawEnd));
      this.output.push(`${this.delimiter}${field}\n`);
    }
  }
}

/** `levels classify --scores F [--out F]`: the export with a level column, for reverse ETL. */
export async function classifyCommand(options: ClassifyCommandOptions, io: CommandIO): Promise<number> {
  const config = await loadConfig(options.config, { cwd: io.cwd });
  if (config.problems.length > 0) {
    throw new UserError(`${options.config} has ${config.problems.length} YAML or schema problem${config.problems.length === 1 ? '' : 's'}; run 'levels validate' and fix them first.`);
  }
  const active = activeOf(snapshotOf(config));
  if (!active) io.stderr.write(`levels: ${options.config} has no enabled primary ruleset, so every account is ${UNASSIGNED}.\n`);

  await withOutput(options.out, io, async (write) => {
    const output = new Output(write);
    const writer = new ClassifyWriter(output, new Classifier(active?.levels ?? []), active?.levels.map((level) => level.name) ?? [], columnsOf(options).level);
    // A writer cannot take a row back: learn the duplicates first, then write without them.
    const first = await readScores({ ...options, quiet: true }, { account() {}, retract() {} }, io);
    const summary = await readScores(options, writer, io, first.duplicateRecords);
    output.flush();
    if (summary.rejected > 0 && !options.quiet) {
      io.stderr.write(`levels: ${formatCount(summary.rejected)} rejected row${summary.rejected === 1 ? ' was' : 's were'} left out (first: line ${summary.rejectedRows[0]!.line}, ${summary.rejectedRows[0]!.reason}).\n`);
    }
  });
  return 0;
}
