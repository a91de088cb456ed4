// The planner's work done by DuckDB, as the reference for `npm run bench`: read the export,
// reject rows with a missing id or a score that is not a finite number, drop later rows of an
// id that already counted, classify every account under the baseline and the proposed
// thresholds, and count the transitions and the rejects. Prints the counts and the peak RSS.
import { DuckDBInstance } from '@duckdb/node-api';

const [path, before, after] = [process.argv[2], JSON.parse(process.argv[3]), JSON.parse(process.argv[4])];
const classify = (levels) =>
  `CASE ${levels.map((l) => `WHEN s >= ${l.min}${l.max === undefined ? '' : ` AND s <= ${l.max}`} THEN '${l.name}'`).join(' ')} ELSE 'Unassigned' END`;

const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
// The fastest correct formulation found (see BENCHMARKS.md): load the export into a table, whose
// rowid keeps file order, then take each id's first valid row with arg_min over it. Faster forms
// without an order (first() over a group) give wrong counts when a duplicate has another score.
await connection.run(`
  CREATE TABLE export AS
  SELECT trim(account_id) AS id, TRY_CAST(trim(score) AS DOUBLE) AS s
  FROM read_csv('${path.replace(/'/g, "''")}', header = true, all_varchar = true, quote = '"', escape = '"')`);
const reader = await connection.runAndReadAll(`
  WITH valid AS (
    SELECT rowid AS line, id, s FROM export WHERE id IS NOT NULL AND id <> '' AND s IS NOT NULL AND isfinite(s)
  ),
  firsts AS (SELECT id, arg_min(s, line) AS s FROM valid GROUP BY id),
  classified AS (SELECT ${classify(before)} AS before, ${classify(after)} AS after FROM firsts)
  SELECT before, after, count(*)::BIGINT AS accounts, (SELECT count(*) FROM export)::BIGINT AS rows
  FROM classified GROUP BY ALL ORDER BY ALL`);
const rows = reader.getRowObjects();
const accounts = rows.reduce((sum, row) => sum + Number(row.accounts), 0);
const total = rows.length > 0 ? Number(rows[0].rows) : 0;
console.log(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    accounts,
    rejected: total - accounts,
    transitions: rows.map((row) => ({ from: row.before, to: row.after, count: Number(row.accounts) })),
  }),
);
