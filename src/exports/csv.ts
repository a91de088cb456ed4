/**
 * The CSV side of the export reader (RFC 4180): quoted fields holding delimiters, doubled
 * quotes and line breaks; CRLF or LF; a UTF-8 byte-order mark; `,` `;` or tab, detected from
 * the header. The scanner works on bytes and records only the extents of the three columns it
 * needs; everything else is skipped at a byte comparison or two per byte.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

export const DELIMITERS = { ',': 44, ';': 59, '\t': 9 } as const;

/** Which fields of a record the scanner extracts (0-based; -1 for none). */
export interface CsvLayout {
  delimiter: number;
  idColumn: number;
  scoreColumn: number;
  levelColumn: number;
}

/** A scanned record: field extents without quotes, flags saying which fields hold doubled quotes. */
export interface CsvRecord {
  line: number;
  start: number;
  /** End of the record's content, before its line end. */
  end: number;
  idStart: number;
  idEnd: number;
  scoreStart: number;
  scoreEnd: number;
  levelStart: number;
  levelEnd: number;
  /** Raw extent of the level field, quotes included. */
  levelFieldStart: number;
  levelFieldEnd: number;
  /** Bit 1: the id holds doubled quotes; bit 2: the level does; bit 4: a quote is never closed. */
  flags: number;
}

export const ID_ESCAPED = 1;
export const LEVEL_ESCAPED = 2;
export const UNTERMINATED = 4;

/**
 * Scans records out of a buffer. `scan` consumes whole records only and returns where the
 * first incomplete one starts, so the caller can carry it into the next chunk; on the final
 * chunk everything is consumed.
 */
export class CsvScanner {
  /** The line the next record starts on. */
  line: number;
  readonly record: CsvRecord = {
    line: 0,
    start: 0,
    end: 0,
    idStart: -1,
    idEnd: -1,
    scoreStart: -1,
    scoreEnd: -1,
    levelStart: -1,
    levelEnd: -1,
    levelFieldStart: -1,
    levelFieldEnd: -1,
    flags: 0,
  };
  private readonly lastColumn: number;

  constructor(
    private readonly layout: CsvLayout,
    firstLine: number,
  ) {
    this.line = firstLine;
    this.lastColumn = Math.max(layout.idColumn, layout.scoreColumn, layout.levelColumn);
  }

  scan(buf: Uint8Array, pos: number, end: number, final: boolean, onRecord: (record: CsvRecord) => void): number {
    const { delimiter, idColumn, scoreColumn, levelColumn } = this.layout;
    const lastColumn = this.lastColumn;
    const rec = this.record;
    while (pos < end) {
      const recordStart = pos;
      let b = buf[pos]!;
      // Blank lines hold no record.
      if (b === LF) {
        pos++;
        this.line++;
        continue;
      }
      if (b === CR) {
        if (pos + 1 < end) {
          pos += buf[pos + 1] === LF ? 2 : 1;
          this.line++;
          continue;
        }
        if (!final) return recordStart;
        pos++;
        this.line++;
        continue;
      }
      let newlines = 0;
      let column = 0;
      let flags = 0;
      let idStart = -1;
      let idEnd = -1;
      let scoreStart = -1;
      let scoreEnd = -1;
      let levelStart = -1;
      let levelEnd = -1;
      let levelFieldStart = -1;
      let levelFieldEnd = -1;
      let recordEnd = -1;
      let incomplete = false;
      for (;;) {
        const fieldStart = pos;
        let start: number;
        let stop: number;
        let escaped = false;
        if (pos < end && buf[pos] === QUOTE) {
          pos++;
          start = pos;
          for (;;) {
            if (pos >= end) {
              if (!final) {
                incomplete = true;
                break;
              }
              flags |= UNTERMINATED;
              stop = pos;
              break;
            }
            b = buf[pos]!;
            if (b === QUOTE) {
              if (pos + 1 >= end && !final) {
                incomplete = true;
                break;
              }
              if (pos + 1 < end && buf[pos + 1] === QUOTE) {
                escaped = true;
                pos += 2;
                continue;
              }
              stop = pos;
              pos++;
              break;
            }
            if (b === LF) newlines++;
            pos++;
          }
          if (incomplete) break;
          // Stray text after the closing quote is not RFC 4180; skip it to the field's end.
          while (pos < end && (b = buf[pos]!) !== delimiter && b !== LF && b !== CR) pos++;
        } else {
          start = pos;
          while (pos < end && (b = buf[pos]!) !== delimiter && b !== LF && b !== CR) pos++;
          stop = pos;
        }
        if (pos >= end && !final) {
          incomplete = true;
          break;
        }
        if (column === idColumn) {
          idStart = start;
          idEnd = stop!;
          if (escaped) flags |= ID_ESCAPED;
        } else if (column === scoreColumn) {
          scoreStart = start;
          scoreEnd = stop!;
        }
        if (column === levelColumn) {
          levelStart = start;
          levelEnd = stop!;
          levelFieldStart = fieldStart;
          levelFieldEnd = pos;
          if (escaped) flags |= LEVEL_ESCAPED;
        }
        column++;
        if (pos >= end) {
          recordEnd = pos;
          break;
        }
        b = buf[pos]!;
        if (b === delimiter) {
          pos++;
          if (column <= lastColumn) continue;
          // Every needed field is in hand: skip the rest of the record, minding quotes.
          let inQuotes = false;
          for (;;) {
            if (pos >= end) {
              if (!final) incomplete = true;
              else {
                recordEnd = pos;
                if (inQuotes) flags |= UNTERMINATED;
              }
              break;
            }
            b = buf[pos]!;
            if (b === QUOTE) inQuotes = !inQuotes;
            else if (b === LF) {
              if (!inQuotes) break;
              newlines++;
            } else if (b === CR && !inQuotes) break;
            pos++;
          }
          if (incomplete || recordEnd >= 0) break;
          b = buf[pos]!;
        }
        // b is the line end.
        recordEnd = pos;
        if (b === CR) {
          if (pos + 1 >= end && !final) {
            incomplete = true;
            break;
          }
          pos += pos + 1 < end && buf[pos + 1] === LF ? 2 : 1;
        } else {
          pos++;
        }
        newlines++;
        break;
      }
      if (incomplete) return recordStart;
      rec.line = this.line;
      rec.start = recordStart;
      rec.end = recordEnd;
      rec.idStart = idStart;
      rec.idEnd = idEnd;
      rec.scoreStart = scoreStart;
      rec.scoreEnd = scoreEnd;
      rec.levelStart = levelStart;
      rec.levelEnd = levelEnd;
      rec.levelFieldStart = levelFieldStart;
      rec.levelFieldEnd = levelFieldEnd;
      rec.flags = flags;
      this.line += newlines;
      onRecord(rec);
    }
    return pos;
  }
}

/** The header's fields, the delimiter it uses, and where its record ends. */
export interface CsvHeader {
  columns: string[];
  delimiter: number;
  /** Offset of the first data record. */
  end: number;
  /** Lines the header spans (1, unless a quoted name holds a line break). */
  lines: number;
}

/**
 * Reads the header record: skips a byte-order mark, picks the delimiter (`,` `;` or tab) that
 * occurs most often outside quotes in it, and splits it. Undefined if the header is not complete
 * within `buf` (the caller reads more).
 */
export function readHeader(buf: Uint8Array, final: boolean): CsvHeader | undefined {
  let start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const counts = new Map<number, number>([
    [44, 0],
    [59, 0],
    [9, 0],
  ]);
  let inQuotes = false;
  let pos = start;
  let lines = 1;
  for (; pos < buf.length; pos++) {
    const b = buf[pos]!;
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (b === LF || b === CR)) break;
    else if (b === LF) lines++;
    else if (!inQuotes && counts.has(b)) counts.set(b, counts.get(b)! + 1);
  }
  // A header ending in CR at the end of the bytes read so far may continue with its LF.
  if ((pos >= buf.length || (buf[pos] === CR && pos + 1 >= buf.length)) && !final) return undefined;
  let delimiter = 44;
  for (const [candidate, count] of counts) if (count > counts.get(delimiter)!) delimiter = candidate;
  const columns = splitRecord(buf, start, pos, delimiter);
  let end = pos;
  if (buf[end] === CR) end++;
  if (buf[end] === LF) end++;
  return { columns, delimiter, end, lines };
}

/** Splits one record's bytes into unquoted strings (for the header and slow paths). */
export function splitRecord(buf: Uint8Array, start: number, end: number, delimiter: number): string[] {
  const fields: string[] = [];
  // ignoreBOM: a field that starts with U+FEFF keeps it (the file's own BOM is skipped before).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let pos = start;
  for (;;) {
    if (buf[pos] === QUOTE) {
      const parts: Uint8Array[] = [];
      let from = pos + 1;
      pos = from;
      for (; pos < end; pos++) {
        if (buf[pos] === QUOTE) {
          parts.push(buf.subarray(from, pos));
          if (buf[pos + 1] === QUOTE) {
            pos++;
            from = pos;
            continue;
          }
          from = -1;
          pos++;
          break;
        }
      }
      if (from >= 0) parts.push(buf.subarray(from, pos));
      fields.push(parts.map((part) => decoder.decode(part)).join(''));
      while (pos < end && buf[pos] !== delimiter) pos++;
    } else {
      const from = pos;
      while (pos < end && buf[pos] !== delimiter) pos++;
      fields.push(decoder.decode(buf.subarray(from, pos)));
    }
    if (pos >= end) break;
    pos++;
    if (pos === end) {
      fields.push('');
      break;
    }
  }
  return fields;
}

/** A field with doubled quotes, unescaped into `out` from `at`; returns the end offset in `out`. */
export function unescapeInto(buf: Uint8Array, start: number, end: number, out: Uint8Array, at: number): number {
  for (let i = start; i < end; i++) {
    out[at++] = buf[i]!;
    if (buf[i] === QUOTE && buf[i + 1] === QUOTE) i++;
  }
  return at;
}

/** Quotes a value for CSV output when it needs it. */
export function csvField(value: string, delimiter: string): string {
  return value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r') || /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}
