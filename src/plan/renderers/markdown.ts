import type { Impact, Plan, PlanFinding } from '../generated/types.js';
import { formatCount, formatPercent } from '../numbers.js';
import { SYMBOL, describeBaseline, describeConfig, domainChangeDetail, levelChangeDetails, rulesetFieldDetails, rulesetHeadline } from './describe.js';

/** PR comments and job summaries must stay well under GitHub's 65,536 characters. */
export const MARKDOWN_LIMIT = 60_000;

export interface MarkdownOptions {
  /** Characters at most; default MARKDOWN_LIMIT. */
  limit?: number;
  /** A heading line to start with (the Action adds its marker and title). */
  title?: string;
  /** What to say where sections had to be left out (where the full plan is). */
  cutNote?: string;
}

export const DEFAULT_CUT_NOTE = '> ✂️ This plan was cut to fit; the full plan is in the plan file (`levels plan --out plan.json`) or `--format json`.';

const ROW_LIMIT = 200;
const MAX_MATRIX_LEVELS = 25;

/** Table cells: pipes and line breaks would break the table; HTML is shown as text. */
export function cell(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

function table(header: string[], align: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** Set when a table had to leave rows out, so the output can say where the full plan is. */
interface Cuts {
  rows: boolean;
}

function truncated(rows: string[][], limit: number, columns: number, what: string, cuts?: Cuts): string[][] {
  if (rows.length <= limit) return rows;
  if (cuts) cuts.rows = true;
  return [...rows.slice(0, limit), [`… ${formatCount(rows.length - limit)} more ${what}`, ...new Array(columns - 1).fill('')]];
}

/**
 * The plan as GitHub-flavoured markdown: summary, changes, findings, distribution and transition
 * tables, then Mermaid charts inside <details> (a chart GitHub cannot draw costs nothing). Sections
 * are added in order of importance and the output never exceeds the limit, however large the plan.
 */
export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const icon = plan.summary.blocked ? '🛑' : plan.summary.has_changes ? '📝' : '✅';
  const head = [
    options.title ?? '### levels plan',
    '',
    `${icon} **${cell(plan.summary.text)}**`,
    '',
    `Config \`${describeConfig(plan.config)}\` against ${cell(describeBaseline(plan.baseline))}${plan.impact ? ` · export \`${plan.impact.export.path}\`` : ''}`,
    ...(plan.baseline.note ? ['', `> ${cell(plan.baseline.note)}`] : []),
  ].join('\n');

  const sections: string[] = [];
  const cuts: Cuts = { rows: false };
  if (plan.drift.length > 0) {
    sections.push(
      `#### ⚠️ Drift: the live store differs from the config last applied\n\n${table(
        ['Ruleset', 'Level', 'Difference'],
        ['---', '---', '---'],
        truncated(plan.drift.map((drift) => [cell(drift.ruleset ?? '(score domain)'), cell(drift.level ?? ''), cell(drift.message)]), ROW_LIMIT, 3, 'differences', cuts),
      )}`,
    );
  }
  if (plan.changes.length > 0 || plan.domain_change) {
    const rows: string[][] = [];
    for (const change of plan.changes) {
      const headline = change.action === 'delete' ? `**${cell(rulesetHeadline(change))}**` : cell(rulesetHeadline(change));
      rows.push([SYMBOL[change.action], headline, '', cell(rulesetFieldDetails(change).join('; ') || change.action)]);
      for (const level of change.levels) rows.push([SYMBOL[level.action], '', cell(level.level), cell(levelChangeDetails(level).join('; '))]);
    }
    if (plan.domain_change) rows.push([SYMBOL.update, '(score domain)', '', cell(domainChangeDetail(plan.domain_change))]);
    sections.push(`#### Changes\n\n${table(['', 'Ruleset', 'Level', 'Change'], [':-:', '---', '---', '---'], truncated(rows, ROW_LIMIT, 4, 'changes', cuts))}`);
  }
  if (plan.findings.length > 0) sections.push(`#### Findings\n\n${findingsTable(plan.findings, cuts)}`);
  if (plan.impact) sections.push(...impactSections(plan.impact, cuts));

  const cutNote = `\n\n${options.cutNote ?? DEFAULT_CUT_NOTE}`;
  let output = head;
  let cut = cuts.rows;
  for (const section of sections) {
    const next = `${output}\n\n${section}`;
    if (next.length + cutNote.length + 1 > limit) {
      cut = true;
      continue;
    }
    output = next;
  }
  if (cut) output = `${output}${cutNote}`;
  // Only a heading longer than the limit gets here: cut it at a line break.
  if (output.length + 1 > limit) output = `${output.slice(0, Math.max(0, output.lastIndexOf('\n', limit - cutNote.length - 2)))}${cutNote}`;
  return `${output}\n`;
}

/** Findings as a markdown table (severity, rule, where, message), in the order given, at most 200 rows. */
export function findingsTable(findings: readonly Pick<PlanFinding, 'severity' | 'rule' | 'file' | 'line' | 'message'>[], cuts?: Cuts): string {
  const badge = { error: '🛑 error', warning: '⚠️ warning', info: 'ℹ️ info' } as const;
  const rows = findings.map((finding) => [badge[finding.severity], `\`${finding.rule}\``, `\`${cell(finding.file)}:${finding.line}\``, cell(finding.message)]);
  return table(['Severity', 'Rule', 'Where', 'Message'], ['---', '---', '---', '---'], truncated(rows, ROW_LIMIT, 4, 'findings', cuts));
}

function impactSections(impact: Impact, cuts: Cuts): string[] {
  const sections: string[] = [];
  const levels = [...new Set([...impact.after.map((entry) => entry.level), ...impact.before.map((entry) => entry.level)])];
  const find = (list: Impact['before'], level: string) => list.find((entry) => entry.level === level);
  const rows = levels.map((level) => {
    const before = find(impact.before, level);
    const after = find(impact.after, level);
    const delta = (after?.count ?? 0) - (before?.count ?? 0);
    return [
      cell(level),
      before ? `${formatCount(before.count)} (${formatPercent(before.share)})` : '—',
      after ? `${formatCount(after.count)} (${formatPercent(after.share)})` : '—',
      delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${formatCount(Math.abs(delta))}`,
    ];
  });
  const rejected = impact.rejected > 0 ? `, ${formatCount(impact.rejected)} rows rejected` : '';
  const moves = `**${formatCount(impact.moved)}** move (${formatCount(impact.upgraded)} up, ${formatCount(impact.downgraded)} down)`;
  const stale = impact.stale !== null && impact.stale > 0 ? `; ${formatCount(impact.stale)} show a stale level in the export` : '';
  sections.push(
    `#### Accounts: ${formatCount(impact.accounts)}${rejected}; ${moves}${stale}\n\n${table(['Level', 'Before', 'After', 'Change'], ['---', '--:', '--:', '--:'], truncated(rows, ROW_LIMIT, 4, 'levels', cuts))}`,
  );

  const from = impact.before.map((entry) => entry.level).slice(0, MAX_MATRIX_LEVELS);
  const to = impact.after.map((entry) => entry.level).slice(0, MAX_MATRIX_LEVELS);
  const count = (f: string, t: string) => impact.transitions.find((transition) => transition.from === f && transition.to === t)?.count ?? 0;
  const matrix = from.map((f) => [`**${cell(f)}**`, ...to.map((t) => (count(f, t) === 0 ? '·' : f === t ? formatCount(count(f, t)) : `**${formatCount(count(f, t))}**`))]);
  sections.push(`#### Transitions (rows: before, columns: after)\n\n${table(['from ╲ to', ...to.map(cell)], ['---', ...to.map(() => '--:')], matrix)}`);

  if (impact.experiments.length > 0) {
    const rows = impact.experiments.map((experiment) => [`\`${experiment.ruleset}\``, cell(experiment.distribution.map((entry) => `${entry.level} ${formatPercent(entry.share)}`).join(' · '))]);
    sections.push(`#### Experiments (enabled, not primary)\n\n${table(['Ruleset', 'Distribution'], ['---', '---'], rows)}`);
  }

  sections.push(`<details><summary>Charts</summary>\n\n${charts(impact)}\n\n</details>`);
  if (impact.sample.length > 0) {
    const rows = impact.sample.map((account) => [`\`${cell(account.account_id)}\``, String(account.score), cell(account.from), cell(account.to), String(account.line)]);
    sections.push(`<details><summary>Sample of moved accounts (${impact.sample.length})</summary>\n\n${table(['Account', 'Score', 'From', 'To', 'Line'], ['---', '--:', '---', '---', '--:'], rows)}\n\n</details>`);
  }
  if (impact.rejected_rows.length > 0) {
    const rows = impact.rejected_rows.map((row) => [String(row.line), cell(row.reason)]);
    sections.push(`<details><summary>Rejected rows (first ${impact.rejected_rows.length} of ${formatCount(impact.rejected)})</summary>\n\n${table(['Line', 'Reason'], ['--:', '---'], rows)}\n\n</details>`);
  }
  return sections;
}

/** Mermaid: accounts per level before and after (bars), and where they go (a Sankey of the moves). */
function charts(impact: Impact): string {
  const label = (text: string) => `"${text.replace(/["\\\n]/g, ' ')}"`;
  const levels = [...new Set([...impact.after.map((entry) => entry.level), ...impact.before.map((entry) => entry.level)])].slice(0, MAX_MATRIX_LEVELS);
  const counts = (list: Impact['before']) => levels.map((level) => list.find((entry) => entry.level === level)?.count ?? 0).join(', ');
  const bars = ['```mermaid', 'xychart-beta', '  title "Accounts per level: before, then after"', `  x-axis [${levels.map(label).join(', ')}]`, '  y-axis "Accounts"', `  bar [${counts(impact.before)}]`, `  bar [${counts(impact.after)}]`, '```'].join('\n');
  const moves = impact.transitions.filter((transition) => transition.from !== transition.to).slice(0, 200);
  if (moves.length === 0) return bars;
  const sankeyLabel = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const sankey = ['```mermaid', 'sankey-beta', ...moves.map((move) => `${sankeyLabel(`${move.from} (before)`)},${sankeyLabel(`${move.to} (after)`)},${move.count}`), '```'].join('\n');
  return `${bars}\n\n${sankey}`;
}
