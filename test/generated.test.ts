import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types.
import { generatedFiles } from '../scripts/generate.mjs';

describe('generated files', () => {
  it('are fresh: the committed types, schema module and version match their sources (run `npm run generate`)', async () => {
    const files = (await generatedFiles()) as Record<string, string>;
    expect(Object.keys(files).length).toBeGreaterThan(0);
    for (const [path, content] of Object.entries(files)) {
      expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run generate`).toBe(content);
    }
  });
});
