import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readExport } from '../../src/exports/reader.js';
import { parseConfig } from '../../src/model/load.js';
import { Classifier } from '../../src/plan/classifier.js';
import { computePlan } from '../../src/plan/compute.js';
import { activeOf, snapshotOf } from '../../src/plan/snapshot.js';
import { ImpactTally } from '../../src/plan/tally.js';
import { assignLevel, type LevelRange } from '../../src/ranges/analysis.js';
import { makeTree } from '../helpers/tree.js';

const levelsArb = fc
  .array(fc.record({ min: fc.integer({ min: -10, max: 110 }), width: fc.option(fc.integer({ min: -2, max: 60 }), { nil: undefined }) }), { minLength: 1, maxLength: 6 })
  .map((levels) => levels.map(({ min, width }, i) => ({ name: `L${i}`, min, ...(width === undefined ? {} : { max: min + width }) })));

const scoreArb = fc.oneof(fc.integer({ min: -20, max: 130 }), fc.integer({ min: -200, max: 1300 }).map((n) => n / 10));

function rulesetYaml(id: string, levels: readonly LevelRange[], primary: boolean): string {
  return `kind: LevelRuleset\nid: ${id}\nname: ${id}\nprimary: ${primary}\nlevels:\n${levels.map((l) => `  - { name: ${l.name}, min: ${l.min}${l.max === undefined ? '' : `, max: ${l.max}`} }`).join('\n')}\n`;
}

describe('the classifier', () => {
  it('gives exactly what first-match gives, for whole and decimal scores in and out of its table', () => {
    fc.assert(
      fc.property(levelsArb, fc.array(scoreArb, { maxLength: 50 }), (levels, scores) => {
        const classifier = new Classifier(levels);
        for (const score of [...scores, -1e9, 1e9, 1e9 + 0.5]) expect(classifier.classify(score), String(score)).toBe(assignLevel(levels, score));
      }),
      { numRuns: 500 },
    );
  });
});

describe('plan impact against brute-force classification', () => {
  it('counts every transition, distribution, move and stale level exactly, duplicates retracted', async () => {
    await fc.assert(
      fc.asyncProperty(levelsArb, levelsArb, fc.array(fc.tuple(scoreArb, fc.boolean(), fc.nat(200)), { maxLength: 120 }), async (beforeLevels, afterLevels, accounts) => {
        const baseline = snapshotOf(parseConfig([{ path: 'levels/t.yaml', content: rulesetYaml('t', beforeLevels, true) }], { folder: 'levels' }));
        const proposed = parseConfig([{ path: 'levels/t.yaml', content: rulesetYaml('t', afterLevels, true) }], { folder: 'levels' });
        const name = (levels: readonly LevelRange[], score: number) => levels[assignLevel(levels, score)]?.name ?? 'Unassigned';
        // Half of the rows show the baseline's level; the others show a wrong one.
        // Ids repeat: only the first row of each id counts, and a later one is retracted if handed on.
        const written = accounts.map(([score, truthful, id]) => ({ id: `a${id % 40}`, score, shown: truthful ? name(beforeLevels, score) : 'Wrong' }));
        const rows = written.filter((row, i) => written.findIndex((other) => other.id === row.id) === i);
        const root = makeTree({ 's.csv': `account_id,score,level\n${written.map((row) => `${row.id},${row.score},${row.shown}`).join('\n')}\n` });
        const tally = new ImpactTally({ before: activeOf(baseline), after: activeOf(snapshotOf(proposed)), enabled: proposed.rulesets.map((s) => s.ruleset), domain: proposed.workspace.scores, hasLevel: true });
        const summary = await readExport('s.csv', root, tally, { fingerprint: false, fingerprintMask: 3 });
        expect(summary.duplicates).toBe(written.length - rows.length);
        const plan = computePlan({ proposed, source: { source: 'working-tree' }, baseline: { snapshot: baseline, ref: { kind: 'git', ref: 'HEAD' } }, scores: { tally: tally.result(true), summary }, toolVersion: 'test' });
        const impact = plan.impact!;

        const expected = new Map<string, number>();
        for (const row of rows) {
          const key = `${name(beforeLevels, row.score)}→${name(afterLevels, row.score)}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
        expect(new Map(impact.transitions.map((t) => [`${t.from}→${t.to}`, t.count]))).toEqual(expected);
        expect(impact.accounts).toBe(rows.length);
        expect(impact.moved).toBe(rows.filter((row) => name(beforeLevels, row.score) !== name(afterLevels, row.score)).length);
        expect(impact.upgraded + impact.downgraded).toBeLessThanOrEqual(impact.moved);
        expect(impact.stale).toBe(rows.filter((row) => row.shown === 'Wrong').length);
        for (const [list, levels] of [[impact.before, beforeLevels], [impact.after, afterLevels]] as const) {
          expect(list.map((entry) => entry.level)).toEqual([...levels.map((level) => level.name), 'Unassigned']);
          for (const entry of list) expect(entry.count).toBe(rows.filter((row) => name(levels, row.score) === entry.level).length);
          expect(list.reduce((sum, entry) => sum + entry.count, 0)).toBe(rows.length);
        }
        for (const moved of impact.sample) {
          expect(moved.from).toBe(name(beforeLevels, moved.score));
          expect(moved.to).toBe(name(afterLevels, moved.score));
        }
      }),
      { numRuns: 150 },
    );
  });
});
