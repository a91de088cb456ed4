/**
 * One row of a score export as the reader hands it on: byte ranges into a buffer, reused from
 * row to row, so that the hot path allocates nothing. Decode a field only when it is needed.
 */
export class Row {
  bytes: Uint8Array = new Uint8Array(0);
  /** 1-based line where the record starts (the header is line 1 of a CSV). */
  line = 0;
  /** 0-based index among the data records. */
  record = 0;
  /** The id and level values, trimmed and unquoted; level -1/-1 when the export has no level column. */
  idStart = 0;
  idEnd = 0;
  levelStart = -1;
  levelEnd = -1;
  score = 0;
  /** The raw record (CSV: its bytes without the line end), for writers that copy rows through. */
  rawStart = 0;
  rawEnd = 0;
  rawBytes: Uint8Array = this.bytes;
  /** CSV only: the level field's raw extent, quotes included; -1 when the record has none. */
  levelFieldStart = -1;
  levelFieldEnd = -1;
  /** JSON Lines only: the parsed object. */
  object: Record<string, unknown> | undefined;

  id(): string {
    return decode(this.bytes, this.idStart, this.idEnd);
  }

  /** The level column's text, or undefined when the export has no level column. */
  level(): string | undefined {
    return this.levelStart < 0 ? undefined : decode(this.bytes, this.levelStart, this.levelEnd);
  }
}

/** What the reader learned from the export's header, before any row. */
export interface ExportHeader {
  format: 'csv' | 'jsonl';
  /** CSV: the header's columns. */
  columns: string[];
  /** CSV: the delimiter found in the header. */
  delimiter?: string;
  /** CSV: whether the level column is there (JSON Lines: told per object). */
  hasLevel: boolean;
}

/**
 * Receives every account that counts: valid id and score. Duplicate ids are settled after the
 * last row: a row that turns out to repeat an id that counted before it is retracted then.
 */
export interface AccountSink {
  /** Called once, before the first row. */
  start?(header: ExportHeader): void;
  account(row: Row): void;
  /** Undoes `account` for a row found to be a duplicate. Sinks that cannot (writers) read with knownDuplicates. */
  retract?(row: Row): void;
  /** Awaited after each chunk of the export: a sink that streams rows on (to a database) lets them drain. */
  drain?(): Promise<void>;
}

// ignoreBOM: an id or level that starts with U+FEFF keeps it (the file's own BOM is skipped before).
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function decode(bytes: Uint8Array, start: number, end: number): string {
  return utf8.decode(bytes.subarray(start, end));
}

/** Whitespace around a value is ignored: ASCII space, tab, line breaks, form feed. */
export function isSpace(byte: number): boolean {
  return byte === 32 || (byte >= 9 && byte <= 13);
}

/** Trims ASCII whitespace: writes the new [start, end) to `out`. */
export function trimRange(bytes: Uint8Array, start: number, end: number, out: Int32Array): void {
  while (start < end && isSpace(bytes[start]!)) start++;
  while (end > start && isSpace(bytes[end - 1]!)) end--;
  out[0] = start;
  out[1] = end;
}

/** The same trim for strings (JSON Lines values, score text). */
export function trimSpace(text: string): string {
  return text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}
