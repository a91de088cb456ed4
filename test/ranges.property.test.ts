import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint/engine.js';
import { parseConfig } from '../src/model/load.js';
import { analyzeRanges, assignLevel, type LevelRange } from '../src/ranges/analysis.js';
import type { ScoreDomain } from '../src/ranges/domain.js';
import { ScoreSet, describeInterval, type Interval } from '../src/ranges/score-set.js';

/** Random levels over small integers, so that every score of the domain can be checked one by one. */
const levelArb = fc
  .record({ min: fc.integer({ min: -5, max: 60 }), width: fc.option(fc.integer({ min: -3, max: 40 }), { nil: undefined }) })
  .map(({ min, width }) => ({ min, ...(width === undefined ? {} : { max: min + width }) }));

const rulesetArb = fc.array(levelArb, { minLength: 1, maxLength: 7 }).map((levels) => levels.map((level, i) => ({ name: `L${i}`, ...level }) as LevelRange));

const domainArb = fc
  .record({ min: fc.integer({ min: 0, max: 10 }), span: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }) })
  .map(({ min, span }): ScoreDomain => ({ min, max: span === undefined ? Number.POSITIVE_INFINITY : min + span, integer: true }));

/** Beyond every written bound, all scores behave alike: checking up to here decides the unbounded top too. */
const HORIZON = 120;

function bruteForce(levels: readonly LevelRange[], domain: ScoreDomain) {
  const top = Number.isFinite(domain.max) ? domain.max : HORIZON;
  const scores: number[] = [];
  for (let s = domain.min; s <= top; s++) scores.push(s);
  const holders = (s: number) => levels.flatMap((level, i) => (level.min <= s && (level.max === undefined || s <= level.max) ? [i] : []));
  return { scores, holders, top };
}

/** Maximal runs of consecutive scores satisfying a predicate. */
function runs(scores: readonly number[], predicate: (s: number) => boolean): [number, number][] {
  const result: [number, number][] = [];
  for (const s of scores) {
    if (!predicate(s)) continue;
    const last = result[result.length - 1];
    if (last && last[1] === s - 1) last[1] = s;
    else result.push([s, s]);
  }
  return result;
}

function yamlOf(levels: readonly LevelRange[], domain: ScoreDomain): { path: string; content: string }[] {
  const scores = `{ min: ${domain.min}${Number.isFinite(domain.max) ? `, max: ${domain.max}` : ''}, integer: true }`;
  const body = levels.map((l) => `  - { name: ${l.name}, min: ${l.min}${l.max === undefined ? '' : `, max: ${l.max}`} }`).join('\n');
  return [
    { path: 'levels/workspace.yaml', content: `kind: Workspace\nscores: ${scores}\n` },
    { path: 'levels/tiers.yaml', content: `kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nlevels:\n${body}\n` },
  ];
}

describe('range analysis against brute-force classification of every score', () => {
  it('finds exactly the uncovered and overlapping scores, and first-match agrees with the effective ranges', () => {
    fc.assert(
      fc.property(rulesetArb, domainArb, (levels, domain) => {
        const analysis = analyzeRanges(levels, domain);
        const { scores, holders, top } = bruteForce(levels, domain);
        for (const s of scores) {
          const held = holders(s);
          expect(analysis.uncovered.has(s), `score ${s} uncovered`).toBe(held.length === 0);
          const winner = assignLevel(levels, s);
          expect(winner).toBe(held.length === 0 ? -1 : held[0]);
          analysis.levels.forEach((level) => expect(level.effective.has(s), `score ${s} effective in L${level.index}`).toBe(level.index === winner));
        }
        if (!Number.isFinite(domain.max)) {
          expect(analysis.uncovered.has(top + 1000)).toBe(holders(top).length === 0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('lints without throwing, and its gap, floor, ceiling, overlap, shadowed and unreachable findings match brute force', () => {
    fc.assert(
      fc.property(rulesetArb, domainArb, (levels, domain) => {
        const config = parseConfig(yamlOf(levels, domain), { folder: 'levels' });
        expect(config.problems).toEqual([]);
        const findings = lint(config);
        const of = (rule: string) => findings.filter((finding) => finding.rule === rule);
        const { scores, holders, top } = bruteForce(levels, domain);
        const valid = (i: number) => levels[i]!.max === undefined || levels[i]!.min <= levels[i]!.max!;

        const uncovered = runs(scores, (s) => holders(s).length === 0);
        const touchesFloor = (run: [number, number]) => run[0] === domain.min;
        const touchesTop = (run: [number, number]) => run[1] === top;
        const interior = uncovered.filter((run) => !touchesFloor(run) && !touchesTop(run));
        expect(of('gap')).toHaveLength(interior.length);
        for (const [lo, hi] of interior) {
          const words = describeInterval({ lo, hi, loOpen: false, hiOpen: false });
          const phrase = lo === hi ? `Score ${lo} is ` : `Scores ${words} `;
          expect(of('gap').some((finding) => finding.message.startsWith(phrase)), `a gap finding for ${words}`).toBe(true);
        }
        expect(of('floor-coverage')).toHaveLength(uncovered.some(touchesFloor) ? 1 : 0);
        expect(of('ceiling-coverage')).toHaveLength(uncovered.some(touchesTop) ? 1 : 0);

        let pairs = 0;
        for (let j = 0; j < levels.length; j++) {
          for (let i = 0; i < j; i++) {
            const shared = runs(scores, (s) => holders(s).includes(i) && holders(s).includes(j));
            if (!valid(i) || !valid(j) || shared.length === 0) continue;
            pairs++;
            const words = ScoreSet.of(shared.map(([lo, hi]): Interval => ({ lo, hi, loOpen: false, hiOpen: false })), true).toString();
            const horizon = !Number.isFinite(domain.max) && shared[shared.length - 1]![1] === top;
            if (!horizon) {
              expect(of('overlap').some((finding) => finding.message.includes(`'L${i}' (`) && finding.message.includes(`'L${j}' (`) && finding.message.includes(`overlap on ${words};`))).toBe(true);
            }
          }
        }
        expect(of('overlap')).toHaveLength(pairs);

        const inDomain = (i: number) => scores.filter((s) => holders(s).includes(i));
        const shadowed = levels.filter((_, i) => valid(i) && inDomain(i).length > 0 && inDomain(i).every((s) => holders(s)[0] !== i));
        const unreachable = levels.filter((_, i) => valid(i) && inDomain(i).length === 0);
        expect(of('shadowed-level')).toHaveLength(shadowed.length);
        expect(of('unreachable-level')).toHaveLength(unreachable.length);
      }),
      { numRuns: 300 },
    );
  });

  it('with decimal scores, classifies every half-step exactly as first-match does', () => {
    fc.assert(
      fc.property(rulesetArb, domainArb, (levels, integerDomain) => {
        const domain = { ...integerDomain, integer: false };
        const analysis = analyzeRanges(levels, domain);
        const top = Number.isFinite(domain.max) ? domain.max : HORIZON;
        for (let s = domain.min; s <= top; s += 0.5) {
          expect(analysis.uncovered.has(s), `score ${s}`).toBe(assignLevel(levels, s) === -1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
