/**
 * Account ids are hashed as they are read: one lane picks the duplicate-log bucket, the other is
 * the fingerprint compared within it (see dedupe.ts).
 */

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

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
