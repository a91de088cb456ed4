import { describe, expect, it } from 'vitest';
import { diffConfigs } from '../../src/diff/semantic.js';
import type { Level, Ruleset } from '../../src/model/config.js';
import type { ConfigSnapshot } from '../../src/plan/snapshot.js';

const level = (name: string, min: number, max?: number, extra: Partial<Level> = {}): Level => ({ name, min, ...(max === undefined ? {} : { max }), ...extra });
const ruleset = (id: string, levels: Level[], extra: Partial<Ruleset> = {}): Ruleset => ({ kind: 'LevelRuleset', id, name: id, enabled: true, primary: false, levels, ...extra });
const snapshot = (...rulesets: Ruleset[]): ConfigSnapshot => ({ rulesets: rulesets.map((r) => ({ ruleset: r, file: `levels/${r.id}.yaml` })), scores: { min: 0, max: 100, integer: true } });

const rulesetChanges = (before: ConfigSnapshot, after: ConfigSnapshot) => diffConfigs(before, after).rulesets;

const tiers = [level('Target', 80), level('Qualified', 50, 79), level('Standard', 0, 49)];

describe('diffConfigs', () => {
  it('finds nothing between equal configs', () => {
    expect(diffConfigs(snapshot(ruleset('a', tiers)), snapshot(ruleset('a', [...tiers])))).toEqual({ rulesets: [], domain: null });
  });

  it('reports range changes by level name, with the fields that changed', () => {
    const changes = rulesetChanges(snapshot(ruleset('a', tiers)), snapshot(ruleset('a', [level('Target', 85), level('Qualified', 50, 84), level('Standard', 0, 49)])));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ ruleset: 'a', action: 'update', fields: [], primary: null, enabled: null, file: 'levels/a.yaml' });
    expect(changes[0]!.levels.map((l) => [l.level, l.action, l.fields, l.before?.min, l.after?.min])).toEqual([
      ['Target', 'update', ['min'], 80, 85],
      ['Qualified', 'update', ['max'], 50, 50],
    ]);
  });

  it('matches level names ignoring case and spaces, and calls a same-range new name a rename', () => {
    const changes = rulesetChanges(snapshot(ruleset('a', tiers)), snapshot(ruleset('a', [level(' target ', 80), level('Engaged', 50, 79), level('Standard', 0, 49)])));
    expect(changes[0]!.levels.map((l) => [l.level, l.action, l.fields])).toEqual([
      [' target ', 'update', ['name']],
      ['Engaged', 'update', ['name']],
    ]);
  });

  it('lists created levels in order and deleted ones last; inserting a level above the others moves nothing', () => {
    const changes = rulesetChanges(snapshot(ruleset('a', tiers)), snapshot(ruleset('a', [level('Elite', 95), level('Target', 80, 94), level('Standard', 0, 79)])));
    expect(changes[0]!.levels.map((l) => [l.level, l.action, l.fields])).toEqual([
      ['Elite', 'create', []],
      ['Target', 'update', ['max']],
      ['Standard', 'update', ['max']],
      ['Qualified', 'delete', []],
    ]);
  });

  it('reports a reordering as a position change of the level that moved', () => {
    const changes = rulesetChanges(snapshot(ruleset('a', tiers)), snapshot(ruleset('a', [tiers[1]!, tiers[0]!, tiers[2]!])));
    // A swap of two levels is symmetric; the longest unchanged run decides which one is said to move.
    expect(changes[0]!.levels.map((l) => [l.level, l.fields, l.before?.position, l.after?.position])).toEqual([['Target', ['position'], 0, 1]]);
  });

  it('calls out primary switches, enabling and disabling, and ruleset creation and deletion', () => {
    const before = snapshot(ruleset('a', tiers, { primary: true }), ruleset('b', tiers), ruleset('gone', tiers));
    const after = snapshot(ruleset('a', tiers, { enabled: false }), ruleset('b', tiers, { primary: true, name: 'B tiers' }), ruleset('new', [level('Top', 90), ...tiers.slice(1)]));
    const changes = rulesetChanges(before, after);
    expect(changes.map((c) => [c.ruleset, c.action, c.fields, c.primary, c.enabled])).toEqual([
      ['a', 'update', ['enabled', 'primary'], 'lost', 'disabled'],
      ['b', 'update', ['name', 'primary'], 'gained', null],
      ['gone', 'delete', [], null, null],
      ['new', 'create', [], null, null],
    ]);
    expect(changes[2]!.levels.every((l) => l.action === 'delete')).toBe(true);
    expect(changes[3]!.levels.map((l) => l.after?.position)).toEqual([0, 1, 2]);
  });

  it('calls a ruleset whose id changes while its levels stay a rename, with its other changes', () => {
    const before = snapshot(ruleset('tiers', tiers, { primary: true }), ruleset('other', [level('X', 0)]));
    const after = snapshot(ruleset('enterprise-tiers', tiers.map((l) => ({ ...l, color: 'blue' })), { primary: true, name: 'Enterprise' }), ruleset('other', [level('X', 0)]));
    const diff = diffConfigs(before, after);
    expect(diff.rulesets).toHaveLength(1);
    expect(diff.rulesets[0]).toMatchObject({ ruleset: 'enterprise-tiers', previous_id: 'tiers', action: 'update', fields: ['id', 'name'], primary: null, file: 'levels/enterprise-tiers.yaml' });
    expect(diff.rulesets[0]!.levels.map((l) => [l.level, l.fields])).toEqual(tiers.map((l) => [l.name, ['color']]));
    // Other levels: a delete and a create.
    const changed = diffConfigs(before, snapshot(ruleset('enterprise-tiers', [level('Target', 85), ...tiers.slice(1)]), ruleset('other', [level('X', 0)])));
    expect(changed.rulesets.map((c) => [c.ruleset, c.action])).toEqual([
      ['enterprise-tiers', 'create'],
      ['tiers', 'delete'],
    ]);
  });

  it('reports a change of the score domain', () => {
    const before = snapshot(ruleset('a', tiers));
    const after: ConfigSnapshot = { ...before, scores: { min: 0, max: Number.POSITIVE_INFINITY, integer: false } };
    expect(diffConfigs(before, after)).toEqual({ rulesets: [], domain: { before: { min: 0, max: 100, integer: true }, after: { min: 0, max: null, integer: false } } });
  });
});
