import { open } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { CsvScanner, ID_ESCAPED, LEVEL_ESCAPED, UNTERMINATED, readHeader, unescapeInto, type CsvLayout, type CsvRecord } from './csv.js';
import { DuplicateLog } from './dedupe.js';
import { hashBytes } from './hash.js';
import { parseJsonRow } from './jsonl.js';
import { Row, decode, isSpace, trimRange, trimSpace, type AccountSink } from './row.js';
import { parseScoreBytes, parseScoreText, scoreProblemText } from './score.js';
import { gzipUncompressedSize, hashFileInBackground, locateExport, openSource, type ByteSource, type ExportFile } from './source.js';

/** Column names: `--id-column`, `--score-column` and the optional level column. */
export interface ExportColumns {
  id: string;
  score: string;
  level: string;
}

export const DEFAULT_COLUMNS: ExportColumns = { id: 'account_id', score: 'score', level: 'level' };

export interface ReadOptions {
  columns?: Partial<ExportColumns>;
  /** Called as the file is read: bytes of the file done, of the total. */
  onProgress?: (done: number, total: number) => void;
  /** Fingerprint the file (SHA-256), on another core. Default true. */
  fingerprint?: boolean;
  /**
   * Duplicates found by an earlier read of the same file (record → reason): rejected as they
   * come, so nothing is handed on that would have to be retracted. Sinks that cannot retract
   * (writers) read twice with this.
   */
  knownDuplicates?: ReadonlyMap<number, string>;
  /** Bytes read at a time (default 4 MiB). Tests use tiny chunks to split records across reads. */
  chunkSize?: number;
  /** Keeps only these bits of each id hash: tests make ids collide on purpose, to prove duplicates are confirmed on the ids. */
  fingerprintMask?: number;
}

/** A rejected row: where, and why. */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** How many rejected rows are reported by line. */
export const REPORTED_REJECTS = 20;

export interface ExportSummary {
  file: ExportFile;
  sha256?: string;
  /** The columns of the header (CSV) or of the first object (JSON Lines). */
  columns: string[];
  /** Whether a level column was found. */
  hasLevel: boolean;
  /** CSV only: the delimiter found in the header. */
  delimiter?: string;
  /** Data records read (blank lines are not records). */
  rows: number;
  /** Rows that counted: valid id and score, not a duplicate. */
  accounts: number;
  rejected: number;
  /** The first rejected rows by line. */
  rejectedRows: RejectedRow[];
  duplicates: number;
  /** Every duplicate, by record: pass it as `knownDuplicates` to read the file again without them. */
  duplicateRecords: ReadonlyMap<number, string>;
}

/** A row read again: what confirmation and retraction need of it. */
interface Reread {
  id: string;
  /** What duplicates are settled on: the id's bytes, as the first pass hashed them (CSV), or the id (JSON). */
  key: string;
  line: number;
  score: number;
  level: string | undefined;
  raw: Uint8Array;
  object: Record<string, unknown> | undefined;
}

/** The longest record (a row, with quoted line breaks) an export may have: far beyond any real row. */
const MAX_RECORD = 16 << 20;
const CHUNK = 4 << 20;
/** Every CHECKPOINT-th record's offset and line are kept, to read records again. */
const CHECKPOINT = 64;

/**
 * Streams a score export into `sink`: every account with an id and a finite score, once.
 * Rows with a missing id, a bad score, or an id that already counted are rejected, counted, and
 * the first ones reported with their line; nothing is dropped silently. Memory stays flat but
 * for 8 bytes a counted row (the duplicate log) and a checkpoint every 64 records.
 *
 * Rows are handed on as they are read. A row found at the end to repeat an id that counted
 * before it is then retracted from the sink (`retract`), unless `knownDuplicates` named it.
 */
export async function readExport(path: string, cwd: string, sink: AccountSink, options: ReadOptions = {}): Promise<ExportSummary> {
  const file = await locateExport(path, cwd);
  const fingerprint = options.fingerprint === false ? undefined : hashFileInBackground(file.absolutePath);
  const reader = new ExportReader(file, { ...DEFAULT_COLUMNS, ...options.columns }, sink, options);
  try {
    await reader.readFrom(await reader.start());
    await reader.settleDuplicates();
  } catch (error) {
    await fingerprint?.catch(() => undefined);
    throw error;
  }
  const summary = reader.summary();
  return fingerprint ? { ...summary, sha256: await fingerprint } : summary;
}

/** Where scanning starts once the header is read: a primed buffer. */
export interface Primed {
  source: ByteSource;
  buffer: Uint8Array;
  length: number;
  eof: boolean;
  pos: number;
  /** Offset in the file of buffer[0]. */
  base: number;
}

/** One pass over an export (or a part of it), and the settling of its duplicates. */
export class ExportReader {
  columns: string[] = [];
  hasLevel = false;
  delimiter: string | undefined;
  layout: CsvLayout | undefined;
  private records = 0;
  private accounts = 0;
  private rejected = 0;
  private rejectedRows: RejectedRow[] = [];
  private readonly duplicateRecords = new Map<number, string>();
  private log: DuplicateLog | undefined;
  private readonly hashes = new Int32Array(2);
  private readonly range = new Int32Array(2);
  private readonly row = new Row();
  private scratch = new Uint8Array(256);
  private readonly checkpoints = { record: [] as number[], offset: [] as number[], line: [] as number[] };
  /** The line the scan is on (JSON Lines; the CSV scanner keeps its own). */
  line = 1;
  private readonly chunk: number;
  private readonly mask: number;

  constructor(
    readonly file: ExportFile,
    readonly names: ExportColumns,
    private readonly sink: AccountSink,
    private readonly options: ReadOptions,
  ) {
    this.chunk = options.chunkSize ?? CHUNK;
    this.mask = options.fingerprintMask ?? -1;
  }

  summary(): Omit<ExportSummary, 'sha256'> {
    return {
      file: this.file,
      columns: this.columns,
      hasLevel: this.hasLevel,
      ...(this.delimiter ? { delimiter: this.delimiter } : {}),
      rows: this.records,
      accounts: this.accounts,
      rejected: this.rejected,
      rejectedRows: [...this.rejectedRows].sort((a, b) => a.line - b.line).slice(0, REPORTED_REJECTS),
      duplicates: this.duplicateRecords.size,
      duplicateRecords: this.duplicateRecords,
    };
  }

  /** Opens the file, reads the CSV header, tells the sink, and sizes the duplicate log. */
  async start(): Promise<Primed> {
    const source = await openSource(this.file);
    try {
      const buffer: Uint8Array = new Uint8Array(this.chunk);
      const length = await source.read(buffer, 0);
      if (length === 0) {
        const needs = this.file.format === 'csv' ? `a header line naming the ${this.names.id} and ${this.names.score} columns` : `one JSON object a line, with ${this.names.id} and ${this.names.score}`;
        throw new InputError(`The score export ${this.file.path} is empty: it needs ${needs}.`);
      }
      let primed: Primed = { source, buffer, length, eof: false, pos: 0, base: 0 };
      if (this.file.format === 'csv') {
        const header = await this.primeHeader(source, buffer, length);
        this.useHeader(header.columns, header.delimiter);
        this.line = header.line;
        primed = { source, buffer: header.buffer, length: header.length, eof: header.eof, pos: header.end, base: 0 };
      }
      this.sink.start?.({ format: this.file.format, columns: this.columns, ...(this.delimiter ? { delimiter: this.delimiter } : {}), hasLevel: this.hasLevel });
      if (!this.options.knownDuplicates) this.log = new DuplicateLog(await this.expectedRows(primed.buffer, primed.pos, primed.length));
      return primed;
    } catch (error) {
      await source.close();
      throw error;
    }
  }

  /** Scans to the end of the file. */
  async readFrom(primed: Primed): Promise<void> {
    try {
      await this.scanAll(primed.source, primed.buffer, primed.pos, primed.length, primed.eof, primed.base);
    } finally {
      await primed.source.close();
    }
  }

  /** Reads until the CSV header record is complete; returns it and the primed buffer. */
  private async primeHeader(source: ByteSource, buffer: Uint8Array, length: number) {
    let eof = false;
    let header = readHeader(buffer.subarray(0, length), eof);
    while (!header) {
      if (length === buffer.length) buffer = grow(buffer, length);
      const read = await source.read(buffer, length);
      eof = read === 0;
      length += read;
      header = readHeader(buffer.subarray(0, length), eof);
    }
    return { ...header, buffer, length, eof, line: 1 + header.lines };
  }

  /**
   * Scans from `start` of a primed buffer to the end of the source (or of its range). Reads are
   * double-buffered: the next chunk is read into a second buffer, after a reserve for the
   * incomplete record that ends this one, while this one is scanned.
   */
  private async scanAll(
    source: ByteSource,
    first: Uint8Array,
    start: number,
    firstLength: number,
    atEnd: boolean,
    baseOffset: number,
    reread?: Rereader,
  ): Promise<void> {
    const scanner = this.layout ? new CsvScanner(this.layout, this.line) : undefined;
    const reserve = 1 << 16;
    let buffer: Uint8Array = first;
    let length = firstLength;
    let eof = atEnd;
    let base = baseOffset;
    let pos = start;
    let spare: Uint8Array = new Uint8Array(reserve + Math.max(first.length, this.chunk));
    let pending = eof ? undefined : source.read(spare, reserve);
    for (;;) {
      const chunk = buffer;
      const chunkBase = base;
      const consumed = scanner
        ? scanner.scan(chunk, pos, length, eof, (record) => (reread ? this.rereadCsv(chunk, record, reread) : this.onCsvRecord(chunk, chunkBase, record)))
        : this.scanJsonLines(chunk, pos, length, eof, base, reread);
      if (!reread) {
        this.options.onProgress?.(source.fileBytesRead, this.file.size);
        if (this.sink.drain) await this.sink.drain();
      }
      if (eof) {
        if (scanner) this.line = scanner.line;
        return;
      }
      const read = await pending!;
      const leftover = length - consumed;
      base += consumed;
      if (leftover <= reserve) {
        // The incomplete record goes just before what was read: no copy of the chunk itself.
        spare.set(chunk.subarray(consumed, length), reserve - leftover);
        [buffer, spare] = [spare, chunk];
        pos = reserve - leftover;
        length = reserve + read;
      } else {
        if (leftover > MAX_RECORD) this.recordTooLong(chunk.subarray(consumed, length), scanner ? scanner.line : this.line);
        // A record longer than the reserve: join the pieces in a buffer big enough for both.
        const joined = new Uint8Array(Math.max(chunk.length * 2, leftover + read + reserve));
        joined.set(chunk.subarray(consumed, length), 0);
        joined.set(spare.subarray(reserve, reserve + read), leftover);
        buffer = joined;
        spare = new Uint8Array(joined.length);
        pos = 0;
        length = leftover + read;
      }
      base -= pos;
      eof = read === 0;
      if (spare.length < reserve + this.chunk) spare = new Uint8Array(reserve + this.chunk);
      pending = eof ? undefined : source.read(spare.subarray(0, reserve + this.chunk), reserve);
    }
  }

  /** A "record" no export row comes near: binary data, a sparse file, or a quote never closed. */
  private recordTooLong(record: Uint8Array, line: number): never {
    const why = record.includes(0) ? 'it holds NUL bytes, so it is binary data rather than a text export.' : 'no export row is that long: is a quote left open?';
    throw new InputError(`The score export ${this.file.path} has a record of more than ${MAX_RECORD / (1 << 20)} MiB starting at line ${line}: ${why}`);
  }

  private useHeader(columns: string[], delimiter: number): void {
    this.columns = columns;
    this.delimiter = String.fromCharCode(delimiter);
    const find = (name: string) => columns.findIndex((column) => trimSpace(column).toLowerCase() === trimSpace(name).toLowerCase());
    const id = find(this.names.id);
    const score = find(this.names.score);
    const level = find(this.names.level);
    const missing = [id < 0 ? `'${this.names.id}' (set --id-column)` : '', score < 0 ? `'${this.names.score}' (set --score-column)` : ''].filter(Boolean);
    if (missing.length > 0) {
      throw new InputError(
        `The score export ${this.file.path} has no column ${missing.join(' and no column ')}; its header has ${columns.map((column) => `'${column}'`).join(', ') || 'no columns'}.`,
      );
    }
    this.hasLevel = level >= 0;
    this.layout = { delimiter, idColumn: id, scoreColumn: score, levelColumn: level };
  }

  /** Rows to size the duplicate log for: the file size over the mean record size of the first chunk. */
  private async expectedRows(buffer: Uint8Array, start: number, length: number): Promise<number> {
    let lines = 0;
    for (let i = start; i < length; i++) if (buffer[i] === 10) lines++;
    // A gzip trailer can claim any size: deflate expands at most about 1032 times.
    const total = Math.min((await gzipUncompressedSize(this.file)) ?? this.file.size, this.file.size * 1032);
    return lines === 0 ? 1024 : Math.ceil(((total - start) / Math.max(1, length - start)) * lines * 1.05);
  }

  private reject(line: number, reason: string): void {
    this.rejected++;
    if (this.rejectedRows.length < REPORTED_REJECTS) this.rejectedRows.push({ line, reason });
  }

  /** Counts a record; keeps the offset and line of every 256th. Returns its index. */
  private nextRecord(offset: number, line: number): number {
    const index = this.records++;
    if (index % CHECKPOINT === 0) {
      this.checkpoints.record.push(index);
      this.checkpoints.offset.push(offset);
      this.checkpoints.line.push(line);
    }
    return index;
  }

  /** A duplicate already known from an earlier read: rejected before anything else. */
  private knownDuplicate(index: number, line: number): boolean {
    const reason = this.options.knownDuplicates?.get(index);
    if (reason === undefined) return false;
    this.duplicateRecords.set(index, reason);
    this.reject(line, reason);
    return true;
  }

  private onCsvRecord(buffer: Uint8Array, base: number, record: CsvRecord): void {
    const line = record.line;
    const index = this.nextRecord(base + record.start, line);
    if (record.flags & UNTERMINATED) return this.reject(line, 'a quoted field is never closed');
    if (record.idStart < 0) return this.reject(line, `no ${this.names.id} value (the row has too few fields)`);
    if (this.options.knownDuplicates && this.knownDuplicate(index, line)) return;
    // The id and level, unquoted (into scratch when they hold doubled quotes) and trimmed.
    let bytes = buffer;
    let idStart = record.idStart;
    let idEnd = record.idEnd;
    let levelStart = record.levelStart;
    let levelEnd = record.levelEnd;
    if (record.flags & (ID_ESCAPED | LEVEL_ESCAPED)) {
      const needed = idEnd - idStart + Math.max(0, levelEnd - levelStart);
      if (this.scratch.length < needed) this.scratch = new Uint8Array(needed * 2);
      bytes = this.scratch;
      const idTo = unescapeInto(buffer, idStart, idEnd, bytes, 0);
      const levelTo = levelStart >= 0 ? unescapeInto(buffer, levelStart, levelEnd, bytes, idTo) : -1;
      [idStart, idEnd] = [0, idTo];
      if (levelStart >= 0) [levelStart, levelEnd] = [idTo, levelTo];
    }
    if (idStart === idEnd || isSpace(bytes[idStart]!) || isSpace(bytes[idEnd - 1]!)) {
      trimRange(bytes, idStart, idEnd, this.range);
      idStart = this.range[0]!;
      idEnd = this.range[1]!;
      if (idStart === idEnd) return this.reject(line, `empty ${this.names.id}`);
    }
    if (record.scoreStart < 0) return this.reject(line, `no ${this.names.score} value (the row has too few fields)`);
    const score = parseScoreBytes(buffer, record.scoreStart, record.scoreEnd);
    if (score !== score) return this.rejectScore(line, decode(buffer, record.scoreStart, record.scoreEnd));
    if (levelStart >= 0) {
      trimRange(bytes, levelStart, levelEnd, this.range);
      levelStart = this.range[0]!;
      levelEnd = this.range[1]!;
    }
    if (this.log) {
      hashBytes(bytes, idStart, idEnd, this.hashes);
      this.log.append(this.hashes[0]! & this.mask, this.hashes[1]! & this.mask, index);
    }
    const row = this.row;
    row.bytes = bytes;
    row.line = line;
    row.record = index;
    row.idStart = idStart;
    row.idEnd = idEnd;
    row.levelStart = levelStart;
    row.levelEnd = levelStart >= 0 ? levelEnd : -1;
    row.score = score;
    row.rawBytes = buffer;
    row.rawStart = record.start;
    row.rawEnd = record.end;
    row.levelFieldStart = record.levelFieldStart;
    row.levelFieldEnd = record.levelFieldEnd;
    row.object = undefined;
    this.accounts++;
    this.sink.account(row);
  }

  private rejectScore(line: number, text: string): void {
    const problem = parseScoreText(text);
    this.reject(line, scoreProblemText(typeof problem === 'string' ? problem : 'not-a-number', trimSpace(text)));
  }

  /** JSON Lines: one object a line; returns where the first incomplete line starts. */
  private scanJsonLines(buffer: Uint8Array, pos: number, length: number, eof: boolean, base: number, reread: Rereader | undefined): number {
    while (pos < length) {
      let end = buffer.indexOf(10, pos);
      if (end < 0 || end >= length) {
        if (!eof) return pos;
        end = length;
      }
      const lineStart = pos;
      const line = this.line++;
      pos = end + 1;
      const text = decode(buffer, lineStart, end).trim();
      if (text === '') continue;
      if (reread) {
        const index = reread.record++;
        if (reread.wanted.has(index)) this.rereadJson(text, line, index, buffer.subarray(lineStart, end), reread);
        continue;
      }
      const index = this.nextRecord(base + lineStart, line);
      if (this.options.knownDuplicates && this.knownDuplicate(index, line)) continue;
      this.onJsonLine(text, line, index, buffer.subarray(lineStart, end));
    }
    return Math.min(pos, length);
  }

  private onJsonLine(text: string, line: number, index: number, raw: Uint8Array): void {
    const parsed = parseJsonRow(text, this.names, this.hasLevel);
    if (this.columns.length === 0 && typeof parsed !== 'string') {
      this.columns = Object.keys(parsed.object);
      this.hasLevel = Object.hasOwn(parsed.object, this.names.level);
      if (this.hasLevel && parsed.level === undefined) parsed.level = '';
    }
    if (typeof parsed === 'string') return this.reject(line, parsed);
    const row = this.rowOf({ ...parsed, line, raw }, index);
    if (this.log) {
      hashBytes(row.bytes, row.idStart, row.idEnd, this.hashes);
      this.log.append(this.hashes[0]! & this.mask, this.hashes[1]! & this.mask, index);
    }
    this.accounts++;
    this.sink.account(row);
  }

  /** A Row from separate values (JSON Lines, rows read again for retraction). */
  private rowOf(values: Omit<Reread, 'key'>, index: number): Row {
    const idLength = Buffer.byteLength(values.id, 'utf8');
    const row = this.row;
    row.bytes = Buffer.from(values.level === undefined ? values.id : values.id + values.level, 'utf8');
    row.line = values.line;
    row.record = index;
    row.idStart = 0;
    row.idEnd = idLength;
    row.levelStart = values.level === undefined ? -1 : idLength;
    row.levelEnd = values.level === undefined ? -1 : row.bytes.length;
    row.score = values.score;
    row.rawBytes = values.raw;
    row.rawStart = 0;
    row.rawEnd = values.raw.length;
    row.levelFieldStart = -1;
    row.levelFieldEnd = -1;
    row.object = values.object;
    return row;
  }

  /**
   * Settles the suspects of the duplicate log on the ids themselves: reads the suspect rows and
   * the rows they may repeat, walks each group in row order, and rejects (and retracts from the
   * sink) every row whose id had already counted. A fingerprint collision between different ids
   * changes nothing.
   */
  async settleDuplicates(): Promise<void> {
    const suspects = this.log?.suspects() ?? [];
    if (suspects.length === 0) return;
    const rows = await this.readAgain(new Set(suspects.flatMap(([record, first]) => [record, first])));
    const groups = new Map<number, number[]>();
    for (const [record, first] of suspects) {
      const group = groups.get(first);
      if (group) group.push(record);
      else groups.set(first, [record]);
    }
    for (const [first, group] of groups) {
      const origin = rows.get(first);
      if (!origin) throw new Error(`Record ${first} of ${this.file.path} could not be read again to confirm a duplicate id.`);
      const counted = new Map<string, number>([[origin.key, origin.line]]);
      for (const record of group) {
        const suspect = rows.get(record);
        if (!suspect) throw new Error(`Record ${record} of ${this.file.path} could not be read again to confirm a duplicate id.`);
        const seen = counted.get(suspect.key);
        if (seen === undefined) {
          counted.set(suspect.key, suspect.line);
          continue;
        }
        const reason = `duplicate ${this.names.id} '${suspect.id}' (first counted on line ${seen})`;
        if (!this.sink.retract) throw new Error('The export has duplicate ids and its reader cannot retract rows: read it twice, with knownDuplicates.');
        this.sink.retract(this.rowOf(suspect, record));
        this.duplicateRecords.set(record, reason);
        this.accounts--;
        this.rejected++;
        this.rejectedRows.push({ line: suspect.line, reason });
      }
    }
  }

  /**
   * Some records read again: for a plain file, just the checkpoint-to-checkpoint blocks that
   * hold them, several positioned reads in flight; for gzip, which cannot seek, the whole
   * stream from the start.
   */
  private async readAgain(wanted: Set<number>): Promise<Map<number, Reread>> {
    const found = new Map<number, Reread>();
    if (this.file.compressed) {
      const source = await openSource(this.file);
      try {
        const reread: Rereader = { wanted, found, record: 0 };
        const buffer = new Uint8Array(this.chunk);
        const length = await source.read(buffer, 0);
        let primed: { buffer: Uint8Array; length: number; eof: boolean; end: number; line: number } = { buffer, length, eof: length === 0, end: 0, line: 1 };
        if (this.layout) primed = await this.primeHeader(source, buffer, length);
        this.line = primed.line;
        await this.scanAll(source, primed.buffer, primed.end, primed.length, primed.eof, 0, reread);
      } finally {
        await source.close();
      }
      return found;
    }
    const { record: starts, offset: offsets, line: lines } = this.checkpoints;
    const blockOf = (record: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= record) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const blocks = [...new Set([...wanted].map(blockOf))].sort((a, b) => a - b);
    const handle = await open(this.file.absolutePath, 'r');
    const readBlock = async (block: number) => {
      const start = offsets[block]!;
      const end = offsets[block + 1] ?? this.file.size;
      const buffer = new Uint8Array(end - start);
      const { bytesRead } = await handle.read(buffer, 0, end - start, start);
      const reread: Rereader = { wanted, found, record: starts[block]! };
      this.line = lines[block]!;
      if (this.layout) new CsvScanner(this.layout, this.line).scan(buffer, 0, bytesRead, true, (record) => this.rereadCsv(buffer, record, reread));
      else this.scanJsonLines(buffer, 0, bytesRead, true, start, reread);
    };
    try {
      let next = 0;
      const lane = async () => {
        while (next < blocks.length) await readBlock(blocks[next++]!);
      };
      await Promise.all(Array.from({ length: Math.min(8, blocks.length) }, lane));
    } finally {
      await handle.close();
    }
    return found;
  }

  private rereadCsv(buffer: Uint8Array, record: CsvRecord, reread: Rereader): void {
    const index = reread.record++;
    if (!reread.wanted.has(index)) return;
    const field = (start: number, end: number, escaped: boolean) => {
      if (!escaped) return trimSpace(decode(buffer, start, end));
      const out = new Uint8Array(end - start);
      return trimSpace(decode(out, 0, unescapeInto(buffer, start, end, out, 0)));
    };
    // The id's bytes as the first pass hashed them (unescaped, trimmed): two ids that differ only
    // in bytes that are not UTF-8 are different ids, even if they decode alike.
    let idBytes = buffer;
    let [idStart, idEnd] = [record.idStart, record.idEnd];
    if (record.flags & ID_ESCAPED) {
      idBytes = new Uint8Array(idEnd - idStart);
      [idStart, idEnd] = [0, unescapeInto(buffer, record.idStart, record.idEnd, idBytes, 0)];
    }
    trimRange(idBytes, idStart, idEnd, this.range);
    reread.found.set(index, {
      id: field(record.idStart, record.idEnd, (record.flags & ID_ESCAPED) !== 0),
      key: Buffer.from(idBytes.buffer, idBytes.byteOffset + this.range[0]!, this.range[1]! - this.range[0]!).toString('latin1'),
      line: record.line,
      score: parseScoreBytes(buffer, record.scoreStart, record.scoreEnd),
      level: record.levelStart >= 0 ? field(record.levelStart, record.levelEnd, (record.flags & LEVEL_ESCAPED) !== 0) : undefined,
      raw: buffer.slice(record.start, record.end),
      object: undefined,
    });
  }

  private rereadJson(text: string, line: number, index: number, raw: Uint8Array, reread: Rereader): void {
    const parsed = parseJsonRow(text, this.names, this.hasLevel);
    if (typeof parsed !== 'string') reread.found.set(index, { ...parsed, key: parsed.id, line, raw: raw.slice() });
  }
}

/** State of a second look at some records. */
interface Rereader {
  wanted: ReadonlySet<number>;
  found: Map<number, Reread>;
  record: number;
}

function grow(buffer: Uint8Array, used: number): Uint8Array {
  const bigger = new Uint8Array(buffer.length * 2);
  bigger.set(buffer.subarray(0, used));
  return bigger;
}
