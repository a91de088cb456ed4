import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readExport, type ReadOptions } from '../../src/exports/reader.js';
import type { Row } from '../../src/exports/row.js';
import { makeTree } from '../helpers/tree.js';

interface Collected {
  id: string;
  score: number;
  level: string | undefined;
  line: number;
}

async function read(files: Record<string, string | Uint8Array>, path: string, options: ReadOptions = {}) {
  const root = makeTree(files);
  const rows: Collected[] = [];
  const sink = {
    account: (row: Row) => rows.push({ id: row.id(), score: row.score, level: row.level(), line: row.line }),
    retract: (row: Row) => {
      const at = rows.findIndex((collected) => collected.line === row.line);
      expect(at, `retracting line ${row.line}, which was never handed on`).toBeGreaterThanOrEqual(0);
      expect(rows[at]).toEqual({ id: row.id(), score: row.score, level: row.level(), line: row.line });
      rows.splice(at, 1);
    },
  };
  const summary = await readExport(path, root, sink, options);
  expect(summary.accounts).toBe(rows.length);
  return { rows, summary };
}

describe('CSV exports', () => {
  it('reads quoted fields holding delimiters, doubled quotes and line breaks, with the right line numbers', async () => {
    const csv = 'account_id,company_name,score\nA1,"Acme, Inc.",82\nA2,"Blue ""Sky"" Ltd",50\nA3,"Two\nlines",20\nA4,Plain,7\n';
    const { rows, summary } = await read({ 'scores.csv': csv }, 'scores.csv');
    expect(rows).toEqual([
      { id: 'A1', score: 82, level: undefined, line: 2 },
      { id: 'A2', score: 50, level: undefined, line: 3 },
      { id: 'A3', score: 20, level: undefined, line: 4 },
      { id: 'A4', score: 7, level: undefined, line: 6 },
    ]);
    expect(summary).toMatchObject({ rows: 4, accounts: 4, rejected: 0, columns: ['account_id', 'company_name', 'score'], delimiter: ',', hasLevel: false });
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('handles CRLF, a byte-order mark, semicolons and tabs (detected from the header)', async () => {
    for (const [delimiter, name] of [[';', 'semicolon'], ['\t', 'tab'], [',', 'comma']] as const) {
      const csv = `\uFEFFAccount_ID${delimiter}Score${delimiter}Level\r\n"x${delimiter}1"${delimiter} 12 ${delimiter}Target\r\nx2${delimiter}3.5${delimiter} Qualified \r\n`;
      const { rows, summary } = await read({ 'scores.csv': csv }, 'scores.csv');
      expect(rows, name).toEqual([
        { id: `x${delimiter}1`, score: 12, level: 'Target', line: 2 },
        { id: 'x2', score: 3.5, level: 'Qualified', line: 3 },
      ]);
      expect(summary.delimiter).toBe(delimiter);
    }
  });

  it('uses --id-column and --score-column, and says which columns exist when one is missing', async () => {
    const csv = 'id,fit\nA,1\n';
    const { rows } = await read({ 'scores.csv': csv }, 'scores.csv', { columns: { id: 'id', score: 'fit' } });
    expect(rows.map((row) => row.id)).toEqual(['A']);
    await expect(read({ 'scores.csv': csv }, 'scores.csv')).rejects.toThrow(
      new InputError("The score export scores.csv has no column 'account_id' (set --id-column) and no column 'score' (set --score-column); its header has 'id', 'fit'."),
    );
  });

  it('rejects bad rows, counts them and reports the first ones by line, never dropping them silently', async () => {
    const csv = [
      'account_id,score',
      'A,1', // counts
      ',5', // empty id
      'B,', // empty score
      'C,abc',
      'D,0x10',
      'E,1_000',
      'F,1e309',
      'G,NaN',
      'H,-0', // counts, as 0
      'I,8.2e1', // counts, as 82
      'A,3', // duplicate of line 2
      'J', // too few fields
      'K,"12"', // quoted number counts
    ].join('\n');
    const { rows, summary } = await read({ 'scores.csv': `${csv}\n` }, 'scores.csv');
    expect(rows.map((row) => [row.id, row.score])).toEqual([
      ['A', 1],
      ['H', -0],
      ['I', 82],
      ['K', 12],
    ]);
    expect(summary).toMatchObject({ rows: 13, accounts: 4, rejected: 9, duplicates: 1 });
    expect(summary.rejectedRows).toEqual([
      { line: 3, reason: 'empty account_id' },
      { line: 4, reason: 'empty score' },
      { line: 5, reason: "score 'abc' is not a number" },
      { line: 6, reason: "score '0x10' is not a number" },
      { line: 7, reason: "score '1_000' is not a number" },
      { line: 8, reason: "score '1e309' is not a finite number" },
      { line: 9, reason: "score 'NaN' is not a number" },
      { line: 12, reason: "duplicate account_id 'A' (first counted on line 2)" },
      { line: 13, reason: 'no score value (the row has too few fields)' },
    ]);
  });

  it('lets an id count when its earlier row was rejected (a duplicate is a later row for an id that already counted)', async () => {
    const { rows, summary } = await read({ 'scores.csv': 'account_id,score\nA,oops\nA,5\nA,6\n' }, 'scores.csv');
    expect(rows).toEqual([{ id: 'A', score: 5, level: undefined, line: 3 }]);
    expect(summary.rejectedRows).toEqual([
      { line: 2, reason: "score 'oops' is not a number" },
      { line: 4, reason: "duplicate account_id 'A' (first counted on line 3)" },
    ]);
  });

  it('reports only the first 20 rejected rows but counts them all', async () => {
    const lines = ['account_id,score', ...Array.from({ length: 50 }, (_, i) => `R${i},bad`)];
    const { summary } = await read({ 'scores.csv': `${lines.join('\n')}\n` }, 'scores.csv');
    expect(summary.rejected).toBe(50);
    expect(summary.rejectedRows).toHaveLength(20);
    expect(summary.rejectedRows[19]!.line).toBe(21);
  });

  it('reads a header-only export as zero accounts, and refuses an empty file with a sentence', async () => {
    expect((await read({ 'scores.csv': 'account_id,score\n' }, 'scores.csv')).summary).toMatchObject({ rows: 0, accounts: 0 });
    await expect(read({ 'scores.csv': '' }, 'scores.csv')).rejects.toThrow(/The score export scores\.csv is empty: it needs a header line naming the account_id and score columns\./);
    await expect(read({}, 'missing.csv')).rejects.toThrow(/The score export missing\.csv does not exist\./);
  });

  it('reports a quoted field that is never closed', async () => {
    const { summary } = await read({ 'scores.csv': 'account_id,score,name\nA,1,"open\n' }, 'scores.csv');
    expect(summary.rejectedRows).toEqual([{ line: 2, reason: 'a quoted field is never closed' }]);
  });

  it('reads gzip-compressed CSV and JSON Lines', async () => {
    const csv = 'account_id,score\nA,1\nB,2\n';
    const jsonl = '{"account_id":"A","score":1}\n{"account_id":"B","score":"2"}\n';
    expect((await read({ 's.csv.gz': gzipSync(csv) }, 's.csv.gz')).rows.map((row) => row.id)).toEqual(['A', 'B']);
    expect((await read({ 's.jsonl.gz': gzipSync(jsonl) }, 's.jsonl.gz')).rows.map((row) => row.score)).toEqual([1, 2]);
    await expect(read({ 's.csv.gz': Buffer.concat([gzipSync(csv).subarray(0, 12)]) }, 's.csv.gz')).rejects.toThrow(/is not a valid gzip file/);
  });
});

describe('JSON Lines exports', () => {
  it('reads numbers and numeric strings, ids as text or numbers, and rejects what is not an object with an id and a score', async () => {
    const jsonl = [
      '{"account_id": "A", "score": 82, "level": "Target"}',
      '',
      '{"account_id": 17, "score": " 50.5 "}',
      '{"account_id": "B", "score": "high"}',
      'not json',
      '[1, 2]',
      '{"score": 3}',
      '{"account_id": "C"}',
      '{"account_id": "A", "score": 1}',
      '{"account_id": "__proto__", "score": 4, "__proto__": {"x": 1}}',
    ].join('\n');
    const { rows, summary } = await read({ 'scores.jsonl': jsonl }, 'scores.jsonl');
    expect(rows).toEqual([
      { id: 'A', score: 82, level: 'Target', line: 1 },
      { id: '17', score: 50.5, level: '', line: 3 },
      { id: '__proto__', score: 4, level: '', line: 10 },
    ]);
    expect(summary.rejectedRows).toEqual([
      { line: 4, reason: "score 'high' is not a number" },
      { line: 5, reason: 'not valid JSON' },
      { line: 6, reason: 'not a JSON object' },
      { line: 7, reason: 'no account_id' },
      { line: 8, reason: 'no score' },
      { line: 9, reason: "duplicate account_id 'A' (first counted on line 1)" },
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

/** A CSV field as a careful writer would quote it. */
function quote(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const idArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
  fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom('a', 'b', ',', '"', '\n', 'é', '🙂', ' ', 'x', '\t') }),
);
const scoreArb = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }));

describe('reading back what was written', () => {
  it('gives back exactly the rows of a generated CSV, whatever the chunk size and line ends', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: idArb, score: scoreArb, name: fc.string({ maxLength: 10 }) }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom('\n', '\r\n'),
        async (records, chunkSize, eol) => {
          const trim = (id: string) => id.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
          const unique = [...new Map(records.filter((record) => trim(record.id) !== '').map((record) => [trim(record.id), record])).values()];
          const csv = `account_id,company_name,score${eol}${unique.map((r) => `${quote(r.id)},${quote(r.name)},${String(r.score)}`).join(eol)}${eol}`;
          const { rows, summary } = await read({ 'scores.csv': csv }, 'scores.csv', { chunkSize, fingerprint: false });
          expect(summary.rejected).toBe(0);
          expect(rows.map((row) => [row.id, row.score])).toEqual(unique.map((r) => [trim(r.id), Number(String(r.score))]));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('detects duplicates exactly even when every fingerprint collides (confirmed on the ids, in and out of gzip)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0, 1, 3),
        fc.boolean(),
        fc.integer({ min: 7, max: 4096 }),
        async (pairs, mask, gzip, chunkSize) => {
          const csv = `account_id,score\n${pairs.map(([id, score]) => `id-${id},${score}`).join('\n')}\n`;
          const file: Record<string, string | Uint8Array> = gzip ? { 's.csv.gz': gzipSync(csv) } : { 's.csv': csv };
          const { rows, summary } = await read(file, gzip ? 's.csv.gz' : 's.csv', { fingerprintMask: mask, chunkSize, fingerprint: false });
          const firstLine = new Map<string, number>();
          pairs.forEach(([id], i) => firstLine.has(`id-${id}`) || firstLine.set(`id-${id}`, i + 2));
          expect(rows.map((row) => row.id).sort()).toEqual([...firstLine.keys()].sort());
          for (const row of rows) expect(row.line).toBe(firstLine.get(row.id));
          expect(summary.duplicates).toBe(pairs.length - firstLine.size);
          for (const rejected of summary.rejectedRows) {
            const id = /'(id-\d+)'/.exec(rejected.reason)![1]!;
            expect(rejected.reason).toBe(`duplicate account_id '${id}' (first counted on line ${firstLine.get(id)})`);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('reports rows across a large file with duplicates far apart (the record index is re-read block by block)', async () => {
    const lines = ['account_id,score'];
    for (let i = 0; i < 5000; i++) lines.push(`A${i},${i % 101}`);
    lines.push('A10,1', 'A4321,2', 'A4999,3');
    const root = makeTree({ 'scores.csv': `${lines.join('\n')}\n` });
    const ids: string[] = [];
    const summary = await readExport('scores.csv', root, { account: (row) => ids.push(row.id()), retract: (row) => ids.splice(ids.lastIndexOf(row.id()), 1) }, { chunkSize: 1000 });
    expect(ids).toHaveLength(5000);
    expect(summary).toMatchObject({ accounts: 5000, duplicates: 3 });
    expect(summary.rejectedRows.map((row) => row.reason)).toEqual([
      "duplicate account_id 'A10' (first counted on line 12)",
      "duplicate account_id 'A4321' (first counted on line 4323)",
      "duplicate account_id 'A4999' (first counted on line 5001)",
    ]);
  });
});
