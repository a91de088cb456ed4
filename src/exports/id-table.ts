/**
 * Duplicate-id detection in 8 bytes a slot, not a Set of strings.
 *
 * Each counted account id is hashed twice (two independent 32-bit lanes, see hashBytes): one
 * lane picks the home slot, the other is the stored fingerprint. A slot also keeps the record
 * number of the row that put it there, so that a suspected duplicate (same fingerprint on its
 * probe path) can be confirmed on the ids themselves afterwards: the table only ever says
 * "maybe", never "yes".
 *
 * Linear probing without deletion makes the first fingerprint match on an id's probe path
 * stable: every later row with the same id finds the same slot. So all suspects of one id
 * group under one slot, and confirming them in row order is exact even when two different ids
 * share a fingerprint.
 *
 * The table never rehashes (the home-slot lane is not stored): when a segment is full, a new
 * one twice the size is added and probed after the older ones. Sized from the expected row
 * count, one segment is the rule.
 */
const MAX_LOAD = 0.75;

export class IdTable {
  private segments: Uint32Array[] = [];
  private capacities: number[] = [];
  private used = 0;
  private limit = 0;

  constructor(expectedIds: number) {
    this.addSegment(Math.max(1024, Math.ceil(expectedIds / 0.7)));
  }

  private addSegment(capacity: number): void {
    this.segments.push(new Uint32Array(capacity * 2));
    this.capacities.push(capacity);
    this.used = 0;
    this.limit = Math.floor(capacity * MAX_LOAD);
  }

  /**
   * Inserts the id with these hashes for `record`, unless a slot with the same fingerprint is
   * found first: then returns the record number stored there (a suspect to confirm), else -1.
   */
  insertOrFind(home: number, fingerprint: number, record: number): number {
    const fp = fingerprint === 0 ? 1 : fingerprint >>> 0;
    const last = this.segments.length - 1;
    for (let s = 0; s <= last; s++) {
      const slots = this.segments[s]!;
      const capacity = this.capacities[s]!;
      let slot = Math.floor(((home >>> 0) / 4294967296) * capacity);
      for (;;) {
        const stored = slots[slot * 2]!;
        if (stored === 0) {
          if (s < last) break; // Older segments are never written again: go on to the next one.
          slots[slot * 2] = fp;
          slots[slot * 2 + 1] = record;
          if (++this.used > this.limit) this.addSegment(capacity * 2);
          return -1;
        }
        if (stored === fp) return slots[slot * 2 + 1]!;
        slot = slot + 1 === capacity ? 0 : slot + 1;
      }
    }
    return -1; // Unreachable: the newest segment always has an empty slot.
  }

  /** Bytes held, for the benchmark's memory accounting. */
  get byteSize(): number {
    return this.segments.reduce((total, segment) => total + segment.byteLength, 0);
  }
}

/** Two independent 32-bit hashes of `bytes[start, end)` (FNV-1a and a murmur-style lane). */
export function hashBytes(bytes: Uint8Array, start: number, end: number, out: Int32Array): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b + byte, 0x5bd1e995);
    b ^= b >>> 13;
  }
  out[0] = finalize(a);
  out[1] = finalize(b ^ 0x5bf03635);
}

/** The same hashes for a string, through its UTF-8 bytes (used where ids arrive as strings). */
export function hashString(text: string, out: Int32Array): void {
  const bytes = Buffer.from(text, 'utf8');
  hashBytes(bytes, 0, bytes.length, out);
}

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
