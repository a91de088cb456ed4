import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../src/init/templates.js';
import { lint } from '../src/lint/engine.js';
import { loadConfig } from '../src/model/load.js';
import { runCli } from './helpers/cli.js';
import { makeTree } from './helpers/tree.js';

describe('levels init', () => {
  for (const template of TEMPLATES) {
    it(`--template ${template.id} creates a folder that lints clean, with no finding at all`, async () => {
      const root = makeTree({});
      const result = runCli(['init', 'config', '--template', template.id], { cwd: root });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const files = readdirSync(join(root, 'config')).sort();
      expect(files).toEqual(['levels.schema.json', 'workspace.yaml', ...Object.keys(template.files)].sort());
      for (const file of files.filter((name) => name.endsWith('.yaml'))) {
        expect(readFileSync(join(root, 'config', file), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=levels.schema.json');
      }
      const config = await loadConfig('config', { cwd: root });
      expect(lint(config)).toEqual([]);
      expect(config.rulesets.filter((source) => source.ruleset.primary)).toHaveLength(1);
      expect(runCli(['lint', '--config', 'config'], { cwd: root })).toMatchObject({ code: 0, stdout: `No findings in ${files.length - 1} files.\n` });
      expect(runCli(['fmt', '--check', '--config', 'config'], { cwd: root }).code).toBe(0);
    });
  }

  it('defaults to levels/ and the four-tier template', () => {
    const root = makeTree({});
    expect(runCli(['init'], { cwd: root }).code).toBe(0);
    expect(existsSync(join(root, 'levels/enterprise-tiers.yaml'))).toBe(true);
  });

  it('copies the schema the loader validates with', () => {
    const root = makeTree({});
    runCli(['init'], { cwd: root });
    expect(JSON.parse(readFileSync(join(root, 'levels/levels.schema.json'), 'utf8'))).toEqual(JSON.parse(readFileSync('schema/levels.schema.json', 'utf8')));
  });

  it('refuses a folder that already holds YAML, unless --force', () => {
    const root = makeTree({ 'levels/mine.yaml': 'kind: Workspace\n' });
    const refused = runCli(['init'], { cwd: root });
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe('levels: levels already holds mine.yaml; choose an empty folder, or pass --force to overwrite.\n');
    expect(runCli(['init', '--force'], { cwd: root }).code).toBe(0);
  });

  it('rejects an unknown template with the list of templates', () => {
    const result = runCli(['init', '--template', 'five-tier'], { cwd: makeTree({}) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^levels: option '-t, --template <name>' argument 'five-tier' is invalid\. Allowed choices are four-tier, three-tier, customer-segmentation, regional, lifecycle\./);
  });
});
