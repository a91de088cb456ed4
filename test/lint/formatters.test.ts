import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { formatFindings, type FormatOptions } from '../../src/lint/formatters/index.js';
import { rules } from '../../src/lint/rules/index.js';
import { lintExample, configOf } from '../helpers/lint.js';

const yaml = 'kind: LevelRuleset\nid: tiers\nname: Tiers\nprimary: true\nlevels:\n  - { name: Target, min: 80, owner: a }\n  - { name: Qualified, min: 50, max: 80, owner: b }\n  - { name: Standard, min: 0, max: 44, owner: c }\n';
const config = configOf(yaml);
const findings = lintExample(yaml);
const options = (color: boolean): FormatOptions => ({
  sources: new Map(config.sources.map((source) => [source.path, source.text])),
  rules,
  color,
  fileCount: 1,
  toolVersion: '0.0.0-test',
});

/** The official SARIF 2.1.0 schema, shipped inside the platform package of @microsoft/sarif-multitool. */
function sarifSchema(): object {
  const require = createRequire(import.meta.url);
  const base = dirname(require.resolve('@microsoft/sarif-multitool/package.json'));
  const platform = readdirSync(join(base, '..')).find((name) => name.startsWith('sarif-multitool-'));
  if (!platform) throw new Error('The @microsoft/sarif-multitool platform package is missing: run npm install.');
  return JSON.parse(readFileSync(join(base, '..', platform, 'sarif-2.1.0.json'), 'utf8'));
}

describe('lint output formats', () => {
  it('the findings under test are an overlap error and a gap warning', () => {
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['gap', 7, 29],
      ['overlap', 7, 38],
    ]);
  });

  it('text: file:line:col, severity, rule, message and a code frame; no colour codes unless asked', () => {
    const text = formatFindings('text', findings, options(false));
    expect(text).toContain("levels/test.yaml:7:38: error [overlap] Levels 'Target' (80 and above) and 'Qualified' (50 to 80) overlap on 80;");
    expect(text).toContain('> 7 |   - { name: Qualified, min: 50, max: 80, owner: b }');
    expect(text).toMatch(/\|\s+\^\^/);
    expect(text).toContain('1 error, 1 warning, 0 infos in 1 file.');
    expect(text).not.toMatch(/\u001b\[/);
    expect(formatFindings('text', findings, options(true))).toMatch(/\u001b\[31merror/);
    expect(formatFindings('text', [], options(false))).toBe('No findings in 1 file.\n');
  });

  it('json: exactly the documented shape', () => {
    const parsed = JSON.parse(formatFindings('json', findings, options(false)));
    expect(Object.keys(parsed)).toEqual(['findings', 'summary']);
    expect(parsed.summary).toEqual({ errors: 1, warnings: 1, infos: 0 });
    expect(Object.keys(parsed.findings[0])).toEqual(['rule', 'severity', 'message', 'file', 'line', 'column']);
    expect(parsed.findings[1]).toMatchObject({ rule: 'overlap', severity: 'error', file: 'levels/test.yaml', line: 7, column: 38 });
  });

  it('sarif: valid against the official SARIF 2.1.0 schema, with rule metadata and regions', () => {
    const log = JSON.parse(formatFindings('sarif', findings, options(false)));
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(sarifSchema());
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(rules.map((rule) => rule.id));
    expect(run.results[1]).toMatchObject({
      ruleId: 'overlap',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'levels/test.yaml' }, region: { startLine: 7, startColumn: 38 } } }],
    });
    expect(run.tool.driver.rules[run.results[1].ruleIndex].id).toBe('overlap');
    expect(run.results[0].level).toBe('warning');
    // The test can fail: a broken log is rejected by the same validator.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('github: one workflow command per finding, with values escaped', () => {
    const tricky: Finding = { rule: 'gap', severity: 'info', message: '50% of it,\nthen more', file: 'levels/a,b:c.yaml', line: 3, column: 2, path: [] };
    expect(formatFindings('github', [tricky], options(false))).toBe('::notice file=levels/a%2Cb%3Ac.yaml,line=3,col=2,title=levels gap::50%25 of it,%0Athen more\n');
    const lines = formatFindings('github', findings, options(false)).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::warning file=levels\/test\.yaml,line=7,col=29,/);
    expect(lines[1]).toMatch(/^::error file=levels\/test\.yaml,line=7,col=38,endLine=7,endColumn=40,title=levels overlap::Levels 'Target'/);
  });
});
