import { Worker } from 'node:worker_threads';
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
  private readonly perBucket: number;
  /**
   * One buffer for all buckets, bucket b at [b × perBucket, (b + 1) × perBucket): allocated at
   * once, paged in by a helper thread ahead of the rows (see prefault). A bucket that outgrows
   * its room continues in `overflow` (pairs: fingerprint, record).
   */
  private readonly fingerprints: Int32Array;
  private readonly records: Int32Array;
  private readonly sizes: Int32Array;
  private readonly overflow: (Int32Array | undefined)[];

  constructor(expectedIds: number) {
    const buckets = 1 << DuplicateLog.BITS;
    this.perBucket = Math.max(64, Math.ceil((expectedIds / buckets) * 1.1));
    const size = this.perBucket * buckets;
    const large = size * 8 >= PREFAULT_BYTES;
    const buffer = large ? new SharedArrayBuffer(size * 8) : new ArrayBuffer(size * 8);
    this.fingerprints = new Int32Array(buffer, 0, size);
    this.records = new Int32Array(buffer, size * 4, size);
    if (large) prefault(buffer as SharedArrayBuffer, this.perBucket, buckets);
    this.sizes = new Int32Array(buckets);
    this.overflow = new Array(buckets).fill(undefined);
  }

  append(home: number, fingerprint: number, record: number): void {
    const bucket = home >>> (32 - DuplicateLog.BITS);
    const at = this.sizes[bucket]!++;
    if (at < this.perBucket) {
      const slot = bucket * this.perBucket + at;
      this.fingerprints[slot] = fingerprint;
      this.records[slot] = record;
      return;
    }
    const spill = (at - this.perBucket) * 2;
    let overflow = this.overflow[bucket];
    if (!overflow || spill + 2 > overflow.length) {
      const bigger = new Int32Array(Math.max(256, (overflow?.length ?? 0) * 2));
      if (overflow) bigger.set(overflow);
      overflow = this.overflow[bucket] = bigger;
    }
    overflow[spill] = fingerprint;
    overflow[spill + 1] = record;
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
      if (this.sizes[b]! < 2) continue;
      used.fill(0);
      this.entries(b, (fingerprint, record) => {
        let slot = mix(fingerprint) & mask;
        while (used[slot] === 1 && keys[slot] !== fingerprint) slot = (slot + 1) & mask;
        if (used[slot] === 1) found.push([record, firsts[slot]!]);
        else {
          used[slot] = 1;
          keys[slot] = fingerprint;
          firsts[slot] = record;
        }
      });
    }
    return found.sort((x, y) => x[0] - y[0]);
  }

  /** The entries of one bucket, in the order they were appended. */
  private entries(bucket: number, visit: (fingerprint: number, record: number) => void): void {
    const size = this.sizes[bucket]!;
    const inline = Math.min(size, this.perBucket);
    const base = bucket * this.perBucket;
    for (let i = 0; i < inline; i++) visit(this.fingerprints[base + i]!, this.records[base + i]!);
    const overflow = this.overflow[bucket];
    for (let i = 0; i < size - inline; i++) visit(overflow![i * 2]!, overflow![i * 2 + 1]!);
  }
}

/**
 * A new page costs its first writer a page fault, about 10 µs in a virtual machine: 200 ms on
 * the reading thread for ten million rows. A helper thread takes those faults instead, touching
 * one int of every page of the shared buffer in the order appends will reach them (the first
 * page of every bucket, then the second ...), well ahead of the reader. Atomics.add of 0
 * changes no value, so it never races with the reader's writes.
 */
/** Below this, faults cost less than starting a thread. */
const PREFAULT_BYTES = 16 << 20;

const PREFAULT = `
const { workerData } = require('node:worker_threads');
const { buffer, perBucket, buckets } = workerData;
const view = new Int32Array(buffer);
const half = perBucket * buckets;
for (let offset = 0; offset < perBucket; offset += 1024) {
  for (let b = 0; b < buckets; b++) {
    Atomics.add(view, b * perBucket + offset, 0);
    Atomics.add(view, half + b * perBucket + offset, 0);
  }
}
`;

function prefault(buffer: SharedArrayBuffer, perBucket: number, buckets: number): void {
  new Worker(PREFAULT, { eval: true, workerData: { buffer, perBucket, buckets } }).unref();
}

/** Spreads a fingerprint over a bucket table's slots (a different mix from the one stored). */
function mix(value: number): number {
  let h = Math.imul(value ^ (value >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}
