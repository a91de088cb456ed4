import { InputError } from '../errors.js';
import { CsvScanner, ID_ESCAPED, LEVEL_ESCAPED, UNTERMINATED, readHeader, unescapeInto, type CsvLayout, type CsvRecord } from './csv.js';
import { IdTable, hashBytes } from './id-table.js';
import { Row, decode, trimRange, trimSpace, type AccountSink } from './row.js';
import { parseScoreBytes, parseScoreText, scoreProblemText } from './score.js';
import { gzipUncompressedSize, hashFileInBackground, locateExport, openSource, type ByteSource, type ExportFile, type ExportFormat } from './source.js';

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
  /** Bytes read at a time (default 4 MiB). Tests use tiny chunks to split records across reads. */
  chunkSize?: number;
  /**
   * Keeps only these bits of each id fingerprint. Tests set it to a few bits so that different
   * ids collide on purpose, to prove that duplicates are confirmed on the ids themselves.
   */
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
}

/** A row held back because its id's fingerprint was seen before: confirmed on the ids at the end. */
interface Suspect {
  record: number;
  line: number;
  /** The record whose slot it matched. */
  first: number;
  id: string;
  score: number;
  level: string | undefined;
  /** The raw record, for writers that copy rows through (classify). */
  raw: Uint8Array;
  levelField: [number, number];
  object: Record<string, unknown> | undefined;
}

const CHUNK = 4 << 20;
/** Every BLOCK-th record's offset and line are kept, to re-read records for confirmation. */
const BLOCK_SHIFT = 8;

/**
 * Streams a score export into `sink`: every account with an id and a finite score, once.
 * Rows with a missing id, a bad score, or an id that already counted are rejected, counted, and
 * the first ones reported with their line; nothing is dropped silently. Memory stays flat:
 * a read buffer, 8 bytes per distinct id, and a small index of every 256th record.
 */
export async function readExport(path: string, cwd: string, sink: AccountSink, options: ReadOptions = {}): Promise<ExportSummary> {
  const file = await locateExport(path, cwd);
  const fingerprint = options.fingerprint === false ? undefined : hashFileInBackground(file.absolutePath);
  const reader = new ExportReader(file, { ...DEFAULT_COLUMNS, ...options.columns }, sink, options);
  try {
    await reader.read();
    await reader.confirmSuspects();
  } catch (error) {
    await fingerprint?.catch(() => undefined);
    throw error;
  }
  const summary = reader.summary();
  return fingerprint ? { ...summary, sha256: await fingerprint } : summary;
}

class ExportReader {
  private columns: string[] = [];
  private hasLevel = false;
  private delimiter: string | undefined;
  private records = 0;
  private accounts = 0;
  private rejected = 0;
  private duplicates = 0;
  private rejectedRows: RejectedRow[] = [];
  private table: IdTable | undefined;
  private readonly suspects: Suspect[] = [];
  private readonly hashes = new Int32Array(2);
  private readonly range = new Int32Array(2);
  private readonly row = new Row();
  private scratch = new Uint8Array(1024);
  /** File offset (of the decompressed stream) and line of every BLOCK-th record. */
  private blockOffsets: number[] = [];
  private blockLines: number[] = [];
  private layout: CsvLayout | undefined;
  private jsonColumns: ExportColumns | undefined;

  constructor(
    private readonly file: ExportFile,
    private readonly names: ExportColumns,
    private readonly sink: AccountSink,
    private readonly options: Pick<ReadOptions, 'onProgress' | 'chunkSize' | 'fingerprintMask'>,
  ) {
    this.chunk = options.chunkSize ?? CHUNK;
    this.mask = options.fingerprintMask ?? -1;
  }

  private readonly chunk: number;
  private readonly mask: number;

  summary(): Omit<ExportSummary, 'sha256'> {
    return {
      file: this.file,
      columns: this.columns,
      hasLevel: this.hasLevel,
      ...(this.delimiter ? { delimiter: this.delimiter } : {}),
      rows: this.records,
      accounts: this.accounts,
      rejected: this.rejected,
      rejectedRows: this.rejectedRows,
      duplicates: this.duplicates,
    };
  }

  async read(): Promise<void> {
    const source = await openSource(this.file);
    try {
      let buffer: Uint8Array = new Uint8Array(this.chunk);
      let length = await source.read(buffer, 0);
      let eof = length === 0;
      if (eof) throw new InputError(`The score export ${this.file.path} is empty: it needs a header line naming the ${this.names.id} and ${this.names.score} columns.`);
      // Grow until the first record (the CSV header) is complete.
      let start = 0;
      if (this.file.format === 'csv') {
        let header = readHeader(buffer.subarray(0, length), eof);
        while (!header) {
          if (length === buffer.length) buffer = grow(buffer, length);
          const read = await source.read(buffer, length);
          eof = read === 0;
          length += read;
          header = readHeader(buffer.subarray(0, length), eof);
        }
        this.useHeader(header.columns, header.delimiter);
        start = header.end;
        this.line = 1 + header.lines;
      }
      this.sink.start?.({ format: this.file.format, columns: this.columns, ...(this.delimiter ? { delimiter: this.delimiter } : {}), hasLevel: this.hasLevel });
      this.table = new IdTable(await this.expectedRows(buffer, start, length));
      await this.scanAll(source, buffer, start, length, eof, 0);
    } finally {
      await source.close();
    }
  }

  /** The line the scan is on (JSON Lines; the CSV scanner keeps its own). */
  private line = 1;

  /** Scans from `start` of a primed buffer to the end of the source (or of its range). */
  private async scanAll(source: ByteSource, buffer: Uint8Array, start: number, length: number, eof: boolean, baseOffset: number, collect?: Collector): Promise<void> {
    const scanner = this.layout ? new CsvScanner(this.layout, this.line) : undefined;
    let base = baseOffset;
    let pos = start;
    for (;;) {
      const consumed = scanner
        ? scanner.scan(buffer, pos, length, eof, (record) => this.onCsvRecord(buffer, base, record, collect))
        : this.scanJsonLines(buffer, pos, length, eof, base, collect);
      if (!collect) this.options.onProgress?.(source.fileBytesRead, this.file.size);
      if (eof) break;
      const leftover = length - consumed;
      buffer.copyWithin(0, consumed, length);
      base += consumed;
      if (leftover === buffer.length) buffer = grow(buffer, leftover);
      const read = await source.read(buffer, leftover);
      eof = read === 0;
      length = leftover + read;
      pos = 0;
    }
    if (scanner) this.line = scanner.line;
  }

  private useHeader(columns: string[], delimiter: number): void {
    this.columns = columns;
    this.delimiter = String.fromCharCode(delimiter);
    const find = (name: string) => columns.findIndex((column) => column.trim().toLowerCase() === name.trim().toLowerCase());
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

  /** Rows to size the id table for: the file size over the mean record size of the first chunk. */
  private async expectedRows(buffer: Uint8Array, start: number, length: number): Promise<number> {
    let lines = 0;
    for (let i = start; i < length; i++) if (buffer[i] === 10) lines++;
    const sampled = Math.max(1, length - start);
    const total = (await gzipUncompressedSize(this.file)) ?? this.file.size;
    return lines === 0 ? 1024 : Math.ceil(((total - start) / sampled) * lines * 1.05);
  }

  private reject(line: number, reason: string): void {
    this.rejected++;
    if (this.rejectedRows.length < REPORTED_REJECTS) this.rejectedRows.push({ line, reason });
  }

  private markBlock(record: number, offset: number, line: number): void {
    if ((record & ((1 << BLOCK_SHIFT) - 1)) === 0) {
      this.blockOffsets.push(offset);
      this.blockLines.push(line);
    }
  }

  private onCsvRecord(buffer: Uint8Array, base: number, record: CsvRecord, collect: Collector | undefined): void {
    const index = collect ? collect.record++ : this.records++;
    if (!collect) this.markBlock(index, base + record.start, record.line);
    if (collect && !collect.wanted.has(index)) return;
    const line = record.line;
    if (record.flags & UNTERMINATED) return collect ? undefined : this.reject(line, 'a quoted field is never closed');
    if (record.idStart < 0) return collect ? undefined : this.reject(line, `no ${this.names.id} value (the row has too few fields)`);
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
    trimRange(bytes, idStart, idEnd, this.range);
    idStart = this.range[0]!;
    idEnd = this.range[1]!;
    if (collect) {
      collect.found.set(index, { id: decode(bytes, idStart, idEnd), line });
      return;
    }
    if (idStart === idEnd) return this.reject(line, `empty ${this.names.id}`);
    if (record.scoreStart < 0) return this.reject(line, `no ${this.names.score} value (the row has too few fields)`);
    const score = parseScoreBytes(buffer, record.scoreStart, record.scoreEnd);
    if (score !== score) {
      const problem = parseScoreText(decode(buffer, record.scoreStart, record.scoreEnd));
      return this.reject(line, scoreProblemText(typeof problem === 'string' ? problem : 'not-a-number', trimSpace(decode(buffer, record.scoreStart, record.scoreEnd))));
    }
    if (levelStart >= 0) {
      trimRange(bytes, levelStart, levelEnd, this.range);
      levelStart = this.range[0]!;
      levelEnd = this.range[1]!;
    }
    hashBytes(bytes, idStart, idEnd, this.hashes);
    const first = this.table!.insertOrFind(this.hashes[0]! & this.mask, this.hashes[1]! & this.mask, index);
    if (first >= 0) {
      this.suspects.push({
        record: index,
        line,
        first,
        id: decode(bytes, idStart, idEnd),
        score,
        level: levelStart >= 0 ? decode(bytes, levelStart, levelEnd) : undefined,
        raw: buffer.slice(record.start, record.end),
        levelField: [record.levelFieldStart - record.start, record.levelFieldEnd - record.start],
        object: undefined,
      });
      return;
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

  /** JSON Lines: one object a line; returns where the first incomplete line starts. */
  private scanJsonLines(buffer: Uint8Array, pos: number, length: number, eof: boolean, base: number, collect: Collector | undefined): number {
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
      const index = collect ? collect.record++ : this.records++;
      if (!collect) this.markBlock(index, base + lineStart, line);
      if (collect && !collect.wanted.has(index)) continue;
      this.onJsonLine(text, line, index, buffer.subarray(lineStart, end), collect);
    }
    return Math.min(pos, length);
  }

  private onJsonLine(text: string, line: number, index: number, raw: Uint8Array, collect: Collector | undefined): void {
    let object: unknown;
    try {
      object = JSON.parse(text);
    } catch {
      return collect ? undefined : this.reject(line, 'not valid JSON');
    }
    if (object === null || typeof object !== 'object' || Array.isArray(object)) return collect ? undefined : this.reject(line, 'not a JSON object');
    const record = object as Record<string, unknown>;
    if (this.columns.length === 0) {
      this.columns = Object.keys(record);
      this.hasLevel = Object.hasOwn(record, this.names.level);
    }
    const rawId = Object.hasOwn(record, this.names.id) ? record[this.names.id] : undefined;
    const id = typeof rawId === 'string' ? trimSpace(rawId) : typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : undefined;
    if (collect) {
      if (id !== undefined) collect.found.set(index, { id, line });
      return;
    }
    if (id === undefined || id === '') return this.reject(line, rawId === undefined || rawId === null || rawId === '' ? `no ${this.names.id}` : `${this.names.id} is not text or a number`);
    const rawScore = Object.hasOwn(record, this.names.score) ? record[this.names.score] : undefined;
    let score: number;
    if (typeof rawScore === 'number') score = rawScore;
    else if (typeof rawScore === 'string') {
      const parsed = parseScoreText(rawScore);
      if (typeof parsed !== 'number') return this.reject(line, scoreProblemText(parsed, trimSpace(rawScore)));
      score = parsed;
    } else return this.reject(line, rawScore === undefined || rawScore === null ? `no ${this.names.score}` : `${this.names.score} is not a number`);
    const rawLevel = Object.hasOwn(record, this.names.level) ? record[this.names.level] : undefined;
    const level = typeof rawLevel === 'string' ? trimSpace(rawLevel) : rawLevel === undefined || rawLevel === null ? (this.hasLevel ? '' : undefined) : String(rawLevel);

    const idBytes = Buffer.from(level === undefined ? id : id + level, 'utf8');
    const idLength = Buffer.byteLength(id, 'utf8');
    hashBytes(idBytes, 0, idLength, this.hashes);
    const first = this.table!.insertOrFind(this.hashes[0]! & this.mask, this.hashes[1]! & this.mask, index);
    if (first >= 0) {
      this.suspects.push({ record: index, line, first, id, score, level, raw: raw.slice(), levelField: [-1, -1], object: record });
      return;
    }
    this.deliver(idBytes, idLength, score, level === undefined ? -1 : idLength, line, index, raw, record);
  }

  /** Hands on a row built from separate values (JSON Lines, confirmed suspects). */
  private deliver(bytes: Uint8Array, idLength: number, score: number, levelStart: number, line: number, index: number, raw: Uint8Array, object: Record<string, unknown> | undefined, levelField: [number, number] = [-1, -1]): void {
    const row = this.row;
    row.bytes = bytes;
    row.line = line;
    row.record = index;
    row.idStart = 0;
    row.idEnd = idLength;
    row.levelStart = levelStart;
    row.levelEnd = levelStart >= 0 ? bytes.length : -1;
    row.score = score;
    row.rawBytes = raw;
    row.rawStart = 0;
    row.rawEnd = raw.length;
    row.levelFieldStart = levelField[0];
    row.levelFieldEnd = levelField[1];
    row.object = object;
    this.accounts++;
    this.sink.account(row);
  }

  /**
   * Settles the rows held back as possible duplicates, on the ids themselves: reads the ids of
   * the rows whose slots they matched, then walks each group in row order. A row whose id
   * already counted is rejected as a duplicate; any other (a fingerprint collision) counts.
   */
  async confirmSuspects(): Promise<void> {
    if (this.suspects.length === 0) return;
    const firsts = await this.readIds(new Set(this.suspects.map((suspect) => suspect.first)));
    const groups = new Map<number, Suspect[]>();
    for (const suspect of this.suspects) {
      const group = groups.get(suspect.first);
      if (group) group.push(suspect);
      else groups.set(suspect.first, [suspect]);
    }
    const duplicates: RejectedRow[] = [];
    for (const [first, group] of groups) {
      const origin = firsts.get(first);
      if (!origin) throw new Error(`Record ${first} of ${this.file.path} could not be read again to confirm a duplicate id.`);
      const counted = new Map<string, number>([[origin.id, origin.line]]);
      for (const suspect of group) {
        const seen = counted.get(suspect.id);
        if (seen !== undefined) {
          this.duplicates++;
          this.rejected++;
          duplicates.push({ line: suspect.line, reason: `duplicate ${this.names.id} '${suspect.id}' (first counted on line ${seen})` });
          continue;
        }
        counted.set(suspect.id, suspect.line);
        const idLength = Buffer.byteLength(suspect.id, 'utf8');
        const bytes = Buffer.from(suspect.level === undefined ? suspect.id : suspect.id + suspect.level, 'utf8');
        this.deliver(bytes, idLength, suspect.score, suspect.level === undefined ? -1 : idLength, suspect.line, suspect.record, suspect.raw, suspect.object, suspect.levelField);
      }
    }
    this.rejectedRows = [...this.rejectedRows, ...duplicates].sort((a, b) => a.line - b.line).slice(0, REPORTED_REJECTS);
  }

  /** The ids (and lines) of some records, re-read block by block (from the start for gzip). */
  private async readIds(wanted: Set<number>): Promise<Map<number, { id: string; line: number }>> {
    const found = new Map<number, { id: string; line: number }>();
    const blocks = [...new Set([...wanted].map((record) => record >> BLOCK_SHIFT))].sort((a, b) => a - b);
    const ranges = this.file.compressed ? [{ block: 0, end: Number.POSITIVE_INFINITY }] : blocks.map((block) => ({ block, end: this.blockOffsets[block + 1] ?? Number.POSITIVE_INFINITY }));
    for (const { block, end } of ranges) {
      const start = this.file.compressed ? 0 : this.blockOffsets[block]!;
      const source = await openSource(this.file, start, end);
      try {
        const collect: Collector = { wanted, found, record: this.file.compressed ? 0 : block << BLOCK_SHIFT };
        let buffer: Uint8Array = new Uint8Array(this.file.compressed ? this.chunk : Math.min(this.chunk, Math.max(16, end - start)));
        let length = await source.read(buffer, 0);
        let pos = 0;
        this.line = this.file.compressed ? 1 : this.blockLines[block]!;
        if (this.file.compressed && this.layout) {
          let header = readHeader(buffer.subarray(0, length), length === 0);
          while (!header) {
            if (length === buffer.length) buffer = grow(buffer, length);
            const read = await source.read(buffer, length);
            length += read;
            header = readHeader(buffer.subarray(0, length), read === 0);
          }
          pos = header.end;
          this.line = 1 + header.lines;
        }
        await this.scanAll(source, buffer, pos, length, length === 0, start, collect);
      } finally {
        await source.close();
      }
    }
    return found;
  }
}

/** State of a confirmation pass: which records to read ids from, and what was found. */
interface Collector {
  wanted: ReadonlySet<number>;
  found: Map<number, { id: string; line: number }>;
  record: number;
}

function grow(buffer: Uint8Array, used: number): Uint8Array {
  const bigger = new Uint8Array(buffer.length * 2);
  bigger.set(buffer.subarray(0, used));
  return bigger;
}

export type { ExportFormat };
