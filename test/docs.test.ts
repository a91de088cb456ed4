import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from '../src/docs/index.js';
import { rules } from '../src/lint/rules/index.js';

const schema = (name: string) => JSON.parse(readFileSync(`schema/${name}`, 'utf8')) as object;

describe('the docs', () => {
  it('generated from the rules and the schemas are fresh (run `npm run docs`)', () => {
    const docs = generatedDocs({ levels: schema('levels.schema.json'), plan: schema('plan.schema.json') });
    for (const [path, text] of Object.entries(docs)) expect(readFileSync(path, 'utf8') === text, `${path} is stale: run npm run docs`).toBe(true);
  });

  it('document every rule, with what lint prints for its example', () => {
    const page = readFileSync('docs/rules.md', 'utf8');
    for (const rule of rules) {
      expect(page).toContain(`\n## ${rule.id}\n\n${rule.description}\n`);
      if (rule.type === 'static' && rule.examples.invalid.length > 0) expect(page, rule.id).toMatch(new RegExp(`\\nlevels/[^\\n]+: ${rule.severity} \\[${rule.id}\\] `));
    }
  });

  it('are linked from the README, and every relative link in them resolves', () => {
    const readme = readFileSync('README.md', 'utf8');
    const pages = readdirSync('docs').filter((name) => name.endsWith('.md'));
    expect(pages.sort()).toEqual(['exit-codes.md', 'file-format.md', 'plan.md', 'rules.md', 'stores.md']);
    for (const page of pages) expect(readme).toContain(`](docs/${page})`);
    for (const file of ['README.md', ...pages.map((page) => `docs/${page}`)]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        expect(existsSync(normalize(join(dirname(file), target))), `${file} links to ${target}`).toBe(true);
      }
    }
  });
});
