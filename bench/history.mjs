// The history section of `npm run bench`: `levels history` over a generated repository of 2,000
// commits touching 20 rulesets, against `git log -p -- levels/` on the same repository, alternately,
// in the same run. The repository is written with one `git fast-import`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { random } from './generate.mjs';

const COMMITS = 2_000;
const RULESETS = 20;
const AUTHORS = ['Ada Lovelace <ada@example.com>', 'Grace Hopper <grace@example.com>', 'Alan Turing <alan@example.com>', 'Edsger Dijkstra <edsger@example.com>'];

/** A ruleset file of four levels with these three boundaries (each a multiple of 5). */
function rulesetFile(index, [top, middle, low], primary) {
  const id = `ruleset-${String(index).padStart(2, '0')}`;
  return [
    '# yaml-language-server: $schema=../schema/levels.schema.json',
    'kind: LevelRuleset',
    `id: ${id}`,
    `name: Ruleset ${index}`,
    `description: Tiers of segment ${index}.`,
    `primary: ${primary}`,
    'levels:',
    `  - { name: Target, min: ${top}, color: purple, owner: "@team-${index}" }`,
    `  - { name: Qualified, min: ${middle}, max: ${top - 1}, color: blue, owner: "@team-${index}" }`,
    `  - { name: Standard, min: ${low}, max: ${middle - 1}, color: green, owner: "@team-${index}" }`,
    `  - { name: Low Priority, min: 0, max: ${low - 1}, color: gray, owner: "@team-${index}" }`,
    '',
  ].join('\n');
}

/** Writes the repository: a first commit with every ruleset, then one ruleset's boundaries moved per commit. */
export function generateRepo(dir) {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const next = random(COMMITS);
  const bounds = Array.from({ length: RULESETS }, () => [80, 50, 20]);
  const stream = [];
  const blob = (path, content) => `M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
  let time = 1_700_000_000;
  for (let n = 0; n < COMMITS; n++) {
    const author = AUTHORS[n % AUTHORS.length];
    const files = [];
    let message;
    if (n === 0) {
      files.push(blob('levels/workspace.yaml', 'kind: Workspace\nscores: { min: 0, max: 100, integer: true }\n'));
      for (let i = 0; i < RULESETS; i++) files.push(blob(`levels/ruleset-${String(i).padStart(2, '0')}.yaml`, rulesetFile(i, bounds[i], i === 0)));
      message = 'Add the rulesets';
    } else {
      // Every commit moves a boundary to a new value, so every commit changes levels/.
      let i;
      let which;
      let b;
      let value;
      do {
        i = Math.floor(next() * RULESETS);
        which = Math.floor(next() * 3);
        b = bounds[i];
        const lower = which === 2 ? 5 : b[which + 1] + 5;
        const upper = which === 0 ? 95 : b[which - 1] - 5;
        value = lower + 5 * Math.floor(next() * ((upper - lower) / 5 + 1));
      } while (value === b[which]);
      b[which] = value;
      files.push(blob(`levels/ruleset-${String(i).padStart(2, '0')}.yaml`, rulesetFile(i, b, i === 0)));
      message = `Move ${['Target', 'Qualified', 'Standard'][which]} of ruleset ${i} to ${b[which]}`;
    }
    time += 3600;
    stream.push(
      `commit refs/heads/main\nauthor ${author} ${time} +0000\ncommitter ${author} ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n${files.join('')}\n`,
    );
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream.join('') });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
}

function timed(work) {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

export async function benchHistory({ root, rounds, median }) {
  const dir = mkdtempSync(join(tmpdir(), 'levels-bench-history-'));
  try {
    generateRepo(dir);
    const count = Number(execFileSync('git', ['rev-list', '--count', 'HEAD', '--', 'levels'], { cwd: dir }).toString().trim());
    const run = (command, args) => () => {
      const result = spawnSync(command, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
      if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
    };
    const levels = run(process.execPath, [join(root, 'bin/levels.js'), 'history']);
    const git = run('git', ['log', '-p', '--', 'levels/']);
    const node = run(process.execPath, ['-e', '0']);
    const rows = { cold: [], levels: [], git: [], node: [] };
    for (let round = 0; round < rounds; round++) {
      // Cold: no parsed versions kept from an earlier run (a fresh clone); then warm.
      rmSync(join(dir, '.git', 'levels'), { recursive: true, force: true });
      rows.cold.push(timed(levels));
      rows.levels.push(timed(levels));
      rows.git.push(timed(git));
      rows.node.push(timed(node));
      console.error(`history, round ${round + 1}: levels ${rows.cold.at(-1).toFixed(2)} s cold, ${rows.levels.at(-1).toFixed(2)} s warm; git log -p ${rows.git.at(-1).toFixed(2)} s; node -e 0 ${rows.node.at(-1).toFixed(2)} s`);
    }
    const version = execFileSync('git', ['--version']).toString().trim();
    const ratio = (list) => median(list.map((l, i) => l / rows.git[i]));
    return {
      commits: count,
      rulesets: RULESETS,
      version,
      cold: median(rows.cold),
      levels: median(rows.levels),
      git: median(rows.git),
      node: median(rows.node),
      coldRatio: ratio(rows.cold),
      ratio: ratio(rows.levels),
      nodeRatio: ratio(rows.node),
      rounds: rows,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function historyReport(result, { s, goal }) {
  return [
    '## `levels history` vs `git log -p`',
    '',
    `A generated repository of ${result.commits.toLocaleString('en-US')} commits to \`levels/\`: ${result.rulesets} ruleset files and a workspace, then one ruleset's boundaries moved per commit (see \`bench/history.mjs\`). \`levels history\` lists every commit with its semantic change; \`git log -p -- levels/\` lists every commit with its text diff (${result.version}). Both write to /dev/null.`,
    '',
    '| commits | levels history, first run (cold) | levels history, again (warm) | git log -p | Node.js start-up alone (`node -e 0`) |',
    '|--:|--:|--:|--:|--:|',
    `| ${result.commits.toLocaleString('en-US')} | ${s(result.cold)} (${result.coldRatio.toFixed(1)} × git) | ${s(result.levels)} (${result.ratio.toFixed(1)} × git) | ${s(result.git)} | ${s(result.node)} (${result.nodeRatio.toFixed(1)} × git) |`,
    '',
    `Every round, in seconds: levels cold ${result.rounds.cold.map((t) => t.toFixed(2)).join(', ')}; warm ${result.rounds.levels.map((t) => t.toFixed(2)).join(', ')}; git log -p ${result.rounds.git.map((t) => t.toFixed(2)).join(', ')}; node -e 0 ${result.rounds.node.map((t) => t.toFixed(2)).join(', ')}. Ratios are per round, then the median.`,
    '',
    '| goal | measured | |',
    '|---|--:|---|',
    `| at most 3 × the time of \`git log -p -- levels/\` (warm) | ${result.ratio.toFixed(2)} × | ${goal(result.ratio <= 3)} |`,
    `| the same, first run in a fresh clone (cold) | ${result.coldRatio.toFixed(2)} × | ${goal(result.coldRatio <= 3)} |`,
    '',
    'How: one `git log --raw` names the file versions each commit replaced; only versions not parsed before are read (one `git cat-file --batch`) and parsed, each once however many commits share it, and kept, by blob id, in `.git/levels/` for the next run; a commit\'s change is the semantic diff of the files it touched (see `src/git/history.ts`). Parsing YAML is most of a cold run (about 0.2 ms a version with the `yaml` package).',
    '',
    `Why the goal is missed: \`git log -p\` does all of this job in ${s(result.git)}, while starting Node.js alone takes ${s(result.node)} here, ${result.nodeRatio.toFixed(1)} × git's whole run; 3 × would leave levels about ${Math.max(0, Math.round((3 * result.git - result.node) * 1000))} ms for loading its code, reading the log, diffing ${result.commits.toLocaleString('en-US')} commits and printing them.`,
    '',
  ];
}
