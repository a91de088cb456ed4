import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types.
import { generatedFiles } from '../scripts/generate.mjs';
// @ts-expect-error: a plain ES module script without types.
import { exampleCsv, exampleLevel } from '../scripts/generate-example.mjs';

describe('generated files', () => {
  it('are fresh: the committed types, schema module and version match their sources (run `npm run generate`)', async () => {
    const files = (await generatedFiles()) as Record<string, string>;
    expect(Object.keys(files).length).toBeGreaterThan(0);
    for (const [path, content] of Object.entries(files)) {
      expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run generate`).toBe(content);
    }
  });
});

describe('the example export', () => {
  it('is exactly what scripts/generate-example.mjs writes (run it after changing the generator)', () => {
    const committed = readFileSync('examples/scores.csv', 'utf8');
    expect(committed).toBe(exampleCsv());
    expect(committed.trimEnd().split('\n')).toHaveLength(50_001);
  });

  it('shows, in its level column, what the committed example ruleset gives, but for a few stale rows', () => {
    const rows = readFileSync('examples/scores.csv', 'utf8').trimEnd().split('\n').slice(1);
    const stale = rows.filter((row) => {
      const fields = row.split(',');
      return exampleLevel(Number(fields.at(-2))) !== fields.at(-1);
    });
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.length / rows.length).toBeLessThan(0.01);
  });
});
