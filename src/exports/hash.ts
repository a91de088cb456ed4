/**
 * Account ids are hashed as they are read: one lane picks the duplicate-log bucket, the other is
 * the fingerprint compared within it (see dedupe.ts).
 */

/**
 * Two independent 32-bit hashes of `bytes[start, end)`, four bytes a step (murmur3's body and
 * finalizer, with two seeds and two multipliers so the lanes do not agree by accident).
 */
export function hashBytes(bytes: Uint8Array, start: number, end: number, out: Int32Array): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const word = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    let k = Math.imul(word, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    a ^= k;
    a = Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64;
    let m = Math.imul(word, 0x85ebca6b);
    m = Math.imul((m << 16) | (m >>> 16), 0xc2b2ae35);
    b ^= m;
    b = Math.imul((b << 17) | (b >>> 15), 9) + 0x52dce729;
  }
  let tail = 0;
  for (let shift = 0; i < end; i++, shift += 8) tail |= bytes[i]! << shift;
  a ^= Math.imul(Math.imul(tail, 0xcc9e2d51), 0x1b873593);
  b ^= Math.imul(Math.imul(tail, 0x85ebca6b), 0xc2b2ae35);
  const length = end - start;
  out[0] = finalize(a ^ length);
  out[1] = finalize(b ^ (length * 31));
}

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
