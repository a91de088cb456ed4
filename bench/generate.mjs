// Writes a synthetic account score export for the benchmarks, shaped like the reference file of
// the planner issue (10M rows in about 250 MB): account_id, company_name (quoted: it holds a
// comma, sometimes doubled quotes) and score (0-100, some with decimals).
// One row in 10,000 repeats an earlier id and one in 10,000 has a bad score, so the duplicate
// check and the reject path do real work. Deterministic for a given row count. With `shuffled`,
// the same ids come in a random order (as an export sorted by anything but the id would).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** A seeded generator of numbers in [0, 1) (mulberry32): the same data on every run. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['"Acme, Inc"', '"Hooli, Co"', '"Wonka, AG"', '"Stark, SA"', '"Ace ""A"", Ltd"', '"Tyrell, Ltd"'];

export async function generateExport(path, rows, { shuffled = false } = {}) {
  const next = random(rows);
  // A random permutation of the ids 0..rows-1 (Fisher-Yates), or none.
  let order;
  if (shuffled) {
    const shuffle = random(rows ^ 0x5eed);
    order = new Uint32Array(rows).map((_, i) => i);
    for (let i = rows - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
  }
  const idOf = (i) => (order ? order[i] : i);
  const out = createWriteStream(path, { highWaterMark: 1 << 22 });
  out.write('account_id,company_name,score\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const dice = next();
    const id = dice < 0.0001 && i > 0 ? idOf(Math.floor(next() * i)) : idOf(i);
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    let score = String(Math.min(100, Math.max(0, Math.round(45 + 29 * z))));
    if (dice > 0.9999) score = 'n/a';
    else if (dice > 0.95) score = `${score}.5`;
    chunk += `A${String(id).padStart(8, '0')},${NAMES[i % NAMES.length]},${score}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  out.end();
  await once(out, 'finish');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  await generateExport(process.argv[2], Number(process.argv[3]), { shuffled: process.argv[4] === 'shuffled' });
}
