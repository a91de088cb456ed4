/**
 * Duplicate-id detection for exports of any size, in 8 bytes a row and without one random
 * memory access per row.
 *
 * While the export streams by, each counted row appends (fingerprint, record number) to one of
 * 256 buckets picked by 8 more bits of its id hash: sequential writes, cheap at any size. At the
 * end each bucket is checked on its own, in a table small enough to stay in a core's cache (a
 * single 100 MB table makes every row a cache and TLB miss, which costs more than parsing).
 * Within a bucket, rows are in file order, so the first row of each fingerprint is the one that
 * counted and every later one is a suspect. The 40 bits compared make a false suspect rare (a
 * few dozen pairs in ten million rows), and every suspect is then confirmed on the ids
 * themselves by the reader: the check only ever says "maybe", never "yes".
 */
export class DuplicateLog {
  static readonly BITS = 8;
  private readonly fingerprints: Int32Array[] = [];
  private readonly records: Int32Array[] = [];
  private readonly sizes: Int32Array;

  constructor(expectedIds: number) {
    const buckets = 1 << DuplicateLog.BITS;
    const initial = Math.max(64, Math.ceil((expectedIds / buckets) * 1.1));
    for (let b = 0; b < buckets; b++) {
      this.fingerprints.push(new Int32Array(initial));
      this.records.push(new Int32Array(initial));
    }
    this.sizes = new Int32Array(buckets);
  }

  append(home: number, fingerprint: number, record: number): void {
    const bucket = home >>> (32 - DuplicateLog.BITS);
    const at = this.sizes[bucket]!;
    let fingerprints = this.fingerprints[bucket]!;
    if (at === fingerprints.length) {
      fingerprints = grow(fingerprints);
      this.fingerprints[bucket] = fingerprints;
      this.records[bucket] = grow(this.records[bucket]!);
    }
    fingerprints[at] = fingerprint;
    this.records[bucket]![at] = record;
    this.sizes[bucket] = at + 1;
  }

  /**
   * Every later row whose fingerprint an earlier row of its bucket had: [record, first record].
   * One open-addressing table (fingerprint → first row), cleared between buckets, holds a
   * bucket at a time: small enough for the cache, so each row costs a few nanoseconds.
   */
  suspects(): [number, number][] {
    const found: [number, number][] = [];
    const largest = Math.max(...this.sizes);
    let capacity = 1024;
    while (capacity < largest * 2) capacity *= 2;
    const mask = capacity - 1;
    const keys = new Int32Array(capacity);
    const firsts = new Int32Array(capacity);
    const used = new Uint8Array(capacity);
    for (let b = 0; b < this.sizes.length; b++) {
      const size = this.sizes[b]!;
      if (size < 2) continue;
      const fingerprints = this.fingerprints[b]!;
      const records = this.records[b]!;
      used.fill(0);
      for (let i = 0; i < size; i++) {
        const fingerprint = fingerprints[i]!;
        let slot = mix(fingerprint) & mask;
        while (used[slot] === 1 && keys[slot] !== fingerprint) slot = (slot + 1) & mask;
        if (used[slot] === 1) found.push([records[i]!, firsts[slot]!]);
        else {
          used[slot] = 1;
          keys[slot] = fingerprint;
          firsts[slot] = records[i]!;
        }
      }
    }
    return found.sort((x, y) => x[0] - y[0]);
  }

  /** Bytes held, for the benchmark's memory accounting. */
  get byteSize(): number {
    return this.fingerprints.reduce((total, bucket) => total + bucket.byteLength * 2, 0);
  }
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Spreads a fingerprint over a bucket table's slots (a different mix from the one stored). */
function mix(value: number): number {
  let h = Math.imul(value ^ (value >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}
