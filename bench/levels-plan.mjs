// Runs `levels plan` in this process, as the CLI does, and prints what the benchmark compares:
// wall time, peak RSS, and the counts DuckDB must agree with.
import { main } from '../lib/bin/cli.js';

const [scores] = process.argv.slice(2);
let stdout = '';
const started = performance.now();
const code = await main(['plan', '--scores', scores, '--max-rejects', '1%', '--format', 'json'], {
  cwd: process.cwd(),
  env: process.env,
  stdout: { write: (text) => (stdout += text) },
  stderr: process.stderr,
  stdinIsTTY: false,
});
const seconds = (performance.now() - started) / 1000;
const plan = JSON.parse(stdout);
console.log(
  JSON.stringify({
    code,
    seconds,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    accounts: plan.impact.accounts,
    rejected: plan.impact.rejected,
    transitions: plan.impact.transitions,
  }),
);
