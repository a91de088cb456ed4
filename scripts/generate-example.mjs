#!/usr/bin/env node
// Writes examples/scores.csv: a deterministic export of 50,000 accounts for the shipped example
// config, as a scoring platform would produce it: account_id, company_name (quoted where it holds
// a comma or a quote), score (0-100), and the level the platform shows today (the level the
// committed levels/enterprise-tiers.yaml gives, but for 0.4% of rows that are stale).
// `npm test` checks that the committed file is exactly what this writes.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLE_ACCOUNTS = 50_000;

/** mulberry32: a small, fast, seeded generator, so the file is the same on every machine. */
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

const FIRST = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Aperture', 'Hooli', 'Pied Piper', 'Vandelay', 'Dunder', 'Massive', 'Blue Sky', 'Northwind', 'Contoso', 'Fabrikam', 'Vehement', 'Gringotts', 'Oceanic', 'Monarch'];
const SECOND = ['Analytics', 'Logistics', 'Health', 'Capital', 'Robotics', 'Foods', 'Energy', 'Labs', 'Systems', 'Media', 'Retail', 'Biotech', 'Software', 'Partners', 'Holdings', 'Networks'];
const SUFFIX = ['Inc.', 'LLC', 'Ltd', 'GmbH', 'S.A.', 'plc', 'Co.', 'Group'];

/** The committed example ruleset's thresholds (levels/enterprise-tiers.yaml). */
export function exampleLevel(score) {
  if (score >= 80) return 'Target';
  if (score >= 50) return 'Qualified';
  if (score >= 20) return 'Standard';
  return 'Low Priority';
}

function csvField(value) {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function exampleCsv(accounts = EXAMPLE_ACCOUNTS, seed = 20261123) {
  const next = random(seed);
  const levels = ['Target', 'Qualified', 'Standard', 'Low Priority'];
  const lines = ['account_id,company_name,score,level'];
  for (let i = 1; i <= accounts; i++) {
    // A fit score: normal around 45 (Box-Muller), clamped to 0-100.
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    const score = Math.min(100, Math.max(0, Math.round(45 + 29 * z)));
    const first = FIRST[Math.floor(next() * FIRST.length)];
    const second = SECOND[Math.floor(next() * SECOND.length)];
    const suffix = SUFFIX[Math.floor(next() * SUFFIX.length)];
    const quirk = next();
    const name = quirk < 0.3 ? `${first} ${second}, ${suffix}` : quirk < 0.32 ? `${first} "${second}" ${suffix}` : `${first} ${second} ${suffix}`;
    const level = next() < 0.004 ? levels[Math.floor(next() * levels.length)] : exampleLevel(score);
    lines.push(`acc_${String(i).padStart(6, '0')},${csvField(name)},${score},${level}`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(join(root, 'examples/scores.csv'), exampleCsv());
  console.log('wrote examples/scores.csv');
}
