import { createColors } from 'picocolors';
import type { Impact, Plan } from '../generated/types.js';
import { formatCount, formatPercent } from '../numbers.js';
import { changeLines } from './changes.js';
import { describeBaseline, describeConfig } from './describe.js';

export interface TextOptions {
  color: boolean;
  /** Terminal width for the bars; 100 when unknown. */
  width?: number;
}

const BAR_WIDTH = 24;

/** The plan for a terminal: changes, findings, distribution bars, the from→to matrix, the summary line. */
export function renderText(plan: Plan, options: TextOptions): string {
  const c = createColors(options.color);
  const out: string[] = [];
  out.push(c.bold(`levels plan: ${describeConfig(plan.config)} against ${describeBaseline(plan.baseline)}`));
  if (plan.baseline.note) out.push(c.dim(plan.baseline.note));
  out.push('');

  if (plan.drift.length > 0) {
    out.push(c.bold('Drift (the live store differs from the config last applied from git):'));
    for (const drift of plan.drift) out.push(`  ${c.magenta('!')} ${drift.ruleset ?? 'score domain'}${drift.level ? ` / ${drift.level}` : ''}: ${drift.message}`);
    out.push('');
  }

  if (plan.changes.length === 0 && plan.domain_change === null) {
    out.push('No changes to the config.');
  } else {
    out.push(c.bold('Changes:'), ...changeLines(plan.changes, plan.domain_change, c));
  }
  out.push('');

  if (plan.findings.length > 0) {
    const paint = { error: c.red, warning: c.yellow, info: c.blue } as const;
    out.push(c.bold(`Findings (${plan.summary.errors} error${plan.summary.errors === 1 ? '' : 's'}, ${plan.summary.warnings} warning${plan.summary.warnings === 1 ? '' : 's'}, ${plan.summary.infos} info${plan.summary.infos === 1 ? '' : 's'}):`));
    for (const finding of plan.findings) {
      out.push(`  ${finding.file}:${finding.line}:${finding.column}: ${paint[finding.severity](finding.severity)} ${c.dim(`[${finding.rule}]`)} ${finding.message}`);
    }
    out.push('');
  }

  if (plan.impact) out.push(...renderImpact(plan.impact, c), '');

  const summary = plan.summary.blocked ? c.red(plan.summary.text) : plan.summary.has_changes ? c.yellow(plan.summary.text) : c.green(plan.summary.text);
  out.push(c.bold(summary));
  return `${out.join('\n')}\n`;
}

function renderImpact(impact: Impact, c: ReturnType<typeof createColors>): string[] {
  const out: string[] = [];
  const rejected = impact.rejected > 0 ? `, ${formatCount(impact.rejected)} rows rejected` : '';
  out.push(c.bold(`Impact on ${impact.export.path}: ${formatCount(impact.accounts)} accounts${rejected}`));
  if (impact.ruleset_before !== impact.ruleset_after) {
    out.push(`  classified by ${impact.ruleset_before ?? '(no active ruleset)'} before, ${impact.ruleset_after ?? '(no active ruleset)'} after`);
  } else {
    out.push(`  classified by ${impact.ruleset_after ?? '(no active ruleset: every account is Unassigned)'}`);
  }
  out.push('');

  // Distribution: before and after per level, with bars.
  const levels = [...new Set([...impact.after.map((entry) => entry.level), ...impact.before.map((entry) => entry.level)])];
  const find = (list: Impact['before'], level: string) => list.find((entry) => entry.level === level);
  const nameWidth = Math.max(12, ...levels.map((level) => level.length));
  const bar = (share: number) => {
    const filled = Math.round(share * BAR_WIDTH);
    return '█'.repeat(filled) + ' '.repeat(BAR_WIDTH - filled);
  };
  out.push(`  ${'Level'.padEnd(nameWidth)}  ${'Before'.padStart(16)}  ${' '.repeat(BAR_WIDTH)}  ${'After'.padStart(16)}  ${' '.repeat(BAR_WIDTH)}  ${'Change'.padStart(8)}`);
  for (const level of levels) {
    const before = find(impact.before, level);
    const after = find(impact.after, level);
    const cell = (entry: typeof before) => (entry ? `${formatCount(entry.count)} ${formatPercent(entry.share).padStart(6)}` : '—').padStart(16);
    const delta = (after?.count ?? 0) - (before?.count ?? 0);
    const deltaText = delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${formatCount(Math.abs(delta))}`;
    out.push(
      `  ${level.padEnd(nameWidth)}  ${cell(before)}  ${c.dim(bar(before?.share ?? 0))}  ${cell(after)}  ${c.cyan(bar(after?.share ?? 0))}  ${(delta > 0 ? c.green : delta < 0 ? c.red : c.dim)(deltaText.padStart(8))}`,
    );
  }
  out.push('');

  // Transitions: rows are before, columns after.
  const from = impact.before.map((entry) => entry.level);
  const to = impact.after.map((entry) => entry.level);
  const cellOf = (f: string, t: string) => impact.transitions.find((transition) => transition.from === f && transition.to === t)?.count ?? 0;
  const columnWidth = Math.max(8, ...to.map((level) => level.length), ...impact.transitions.map((transition) => formatCount(transition.count).length));
  out.push(`  ${'from ╲ to'.padEnd(nameWidth)}  ${to.map((level) => level.padStart(columnWidth)).join('  ')}`);
  for (const f of from) {
    const cells = to.map((t) => {
      const count = cellOf(f, t);
      const text = (count === 0 ? '·' : formatCount(count)).padStart(columnWidth);
      return count === 0 ? c.dim(text) : f.trim().toLowerCase() === t.trim().toLowerCase() ? text : c.yellow(text);
    });
    out.push(`  ${f.padEnd(nameWidth)}  ${cells.join('  ')}`);
  }
  out.push('');

  const lateral = impact.moved - impact.upgraded - impact.downgraded;
  out.push(
    `  Moved: ${formatCount(impact.moved)} (${formatCount(impact.upgraded)} up, ${formatCount(impact.downgraded)} down${lateral > 0 ? `, ${formatCount(lateral)} renamed` : ''})` +
      (impact.stale !== null ? `; stale in the export: ${formatCount(impact.stale)} (its level column disagrees with the baseline)` : ''),
  );
  for (const experiment of impact.experiments) {
    out.push(`  Experiment ${experiment.ruleset}: ${experiment.distribution.map((entry) => `${entry.level} ${formatCount(entry.count)} (${formatPercent(entry.share)})`).join(', ')}`);
  }
  if (impact.sample.length > 0) {
    out.push(`  Sample of moved accounts:`);
    for (const account of impact.sample.slice(0, 10)) out.push(`    ${shownId(account.account_id)} (score ${account.score}, line ${account.line}): ${account.from} → ${account.to}`);
    if (impact.sample.length > 10) out.push(c.dim(`    … ${impact.sample.length - 10} more in the plan file (--out plan.json)`));
  }
  if (impact.rejected_rows.length > 0) {
    out.push(`  Rejected rows${impact.rejected > impact.rejected_rows.length ? ` (first ${impact.rejected_rows.length} of ${formatCount(impact.rejected)})` : ''}:`);
    for (const row of impact.rejected_rows) out.push(`    line ${row.line}: ${row.reason}`);
  }
  return out;
}

/** An id as one line of text: one with line breaks or other control characters is shown quoted and escaped. */
function shownId(id: string): string {
  return /[\u0000-\u001f\u007f]/.test(id) ? JSON.stringify(id) : id;
}
