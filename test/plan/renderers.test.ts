import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/model/load.js';
import { computePlan, type Plan } from '../../src/plan/compute.js';
import { planSchema } from '../../src/plan/generated/schema.js';
import { MARKDOWN_LIMIT, renderMarkdown } from '../../src/plan/renderers/markdown.js';
import { renderText } from '../../src/plan/renderers/text.js';
import { EMPTY_SNAPSHOT, snapshotOf } from '../../src/plan/snapshot.js';
import type { TallyResult } from '../../src/plan/tally.js';
import type { ExportSummary } from '../../src/exports/reader.js';

/** A plan as large as a plan gets: many rulesets of many levels, each changed, with many findings and a long sample. */
function hugePlan(rulesets: number, levels: number): Plan {
  const files = Array.from({ length: rulesets }, (_, r) => ({
    path: `levels/r${r}.yaml`,
    content: `kind: LevelRuleset\nid: r${r}\nname: Ruleset ${r} with a long | name <b>\nprimary: ${r === 0}\nlevels:\n${Array.from({ length: levels }, (_, l) => `  - { name: "Level ${l} | of ${r}", min: ${l * 7}, max: ${l * 7 + 9} }`).join('\n')}\n`,
  }));
  const proposed = parseConfig(files, { folder: 'levels' });
  const names = proposed.rulesets[0]!.ruleset.levels.map((level) => level.name);
  const transitions = [...names, 'Unassigned'].map((_, b) => [...names, 'Unassigned'].map((__, a) => (a + b) * 1000));
  const accounts = transitions.flat().reduce((sum, count) => sum + count, 0);
  const tally: TallyResult = {
    accounts,
    before: { ruleset: null, levels: [] },
    after: { ruleset: 'r0', levels: names },
    transitions: [transitions.map((row) => row.reduce((s, c) => s + c, 0))].map(() => transitions[0]!.map((_, a) => transitions.reduce((s, row) => s + row[a]!, 0))),
    rulesets: [],
    stale: 0,
    staleSample: [],
    sample: Array.from({ length: 100 }, (_, i) => ({ account_id: `acc-${i}`, score: i, from: 'Unassigned', to: names[i % names.length]!, line: i + 2 })),
    belowDomain: 0,
    aboveDomain: 0,
  };
  const summary = { file: { path: 'scores.csv', absolutePath: '/x', size: 1, format: 'csv', compressed: false }, sha256: 'f'.repeat(64), columns: [], hasLevel: false, rows: accounts, accounts, rejected: 0, rejectedRows: [], duplicates: 0, duplicateRecords: new Map() } as ExportSummary;
  return computePlan({ proposed, source: { source: 'working-tree' }, baseline: { snapshot: EMPTY_SNAPSHOT, ref: { kind: 'none' } }, scores: { tally, summary }, toolVersion: 'test' });
}

describe('plan renderers', () => {
  it('markdown stays under 60,000 characters however large the plan, and says it was cut', () => {
    const plan = hugePlan(60, 40);
    expect(plan.changes.length).toBe(60);
    expect(plan.findings.length).toBeGreaterThan(200);
    const markdown = renderMarkdown(plan);
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(markdown).toContain('This plan was cut to fit');
    expect(markdown).toContain('### levels plan');
    expect(markdown).toContain(plan.summary.text.replace(/[|]/g, '\\|').slice(0, 40));
    for (const limit of [500, 2000, 10_000]) expect(renderMarkdown(plan, { limit }).length).toBeLessThanOrEqual(limit);
  });

  it('markdown escapes table-breaking characters and keeps charts in <details>', () => {
    const markdown = renderMarkdown(hugePlan(1, 3), { limit: 1_000_000 });
    expect(markdown).toContain('Level 0 \\| of 0');
    expect(markdown).not.toContain('<b>');
    expect(markdown).toMatch(/<details><summary>Charts<\/summary>\n\n```mermaid\nxychart-beta/);
    expect(markdown).toContain('sankey-beta');
    expect(markdown).not.toContain('cut to fit');
  });

  it('text has colour only when asked', () => {
    const plan = hugePlan(2, 3);
    expect(renderText(plan, { color: false })).not.toMatch(/\u001b\[/);
    expect(renderText(plan, { color: true })).toMatch(/\u001b\[/);
    expect(renderText(plan, { color: false })).toMatch(/from ╲ to/);
  });

  it('the plan matches its published schema', () => {
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(planSchema as object);
    const plan = hugePlan(3, 4);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...plan, format_version: '2' })).toBe(false);
    const noScores = computePlan({ proposed: parseConfig([], { folder: 'levels' }), source: { source: 'working-tree' }, baseline: { snapshot: snapshotOf(parseConfig([], { folder: 'levels' })), ref: { kind: 'git', ref: 'HEAD', commit: 'abc' } }, toolVersion: 't' });
    expect(validate(noScores), JSON.stringify(validate.errors)).toBe(true);
  });
});
