import { lint } from '../lint/engine.js';
import type { Rule, RuleExample } from '../lint/rule.js';
import { parseConfig } from '../model/load.js';

function filesOf(example: RuleExample): [string, string][] {
  const files = typeof example === 'string' ? { 'tiers.yaml': example } : example;
  return Object.entries(files).map(([path, content]) => [`levels/${path}`, typeof content === 'string' ? content : '(binary content)']);
}

function exampleBlock(example: RuleExample): string {
  const files = filesOf(example);
  return files.map(([path, content]) => `\`${path}\`:\n\n\`\`\`yaml\n${content.trimEnd()}\n\`\`\``).join('\n\n');
}

/** What `levels lint` says about an example, for this rule. */
function findingsOf(rule: Rule, example: RuleExample): string[] {
  const files = filesOf(example).map(([path, content]) => ({ path, content }));
  const config = parseConfig(files, { folder: 'levels' });
  return lint(config)
    .filter((finding) => finding.rule === rule.id)
    .map((finding) => `${finding.file}:${finding.line}:${finding.column}: ${finding.severity} [${finding.rule}] ${finding.message}`);
}

/**
 * docs/rules.md, from the rules' own metadata: each rule's id, default severity, what it finds,
 * an example it reports with what `levels lint` prints, and one it accepts.
 */
export function rulesDocument(rules: readonly Rule[]): string {
  const out = [
    '# Lint rules',
    '',
    '<!-- Generated from the rules in src/lint/rules by `npm run docs`; npm test fails when this file is stale. -->',
    '',
    "`levels lint` runs every rule below; `levels plan --scores` adds the data rules, which need an export. Severities can be changed, or a rule turned `off`, under `lint.rules` in the Workspace (`lint: { rules: { round-boundaries: off } }`); `yaml-syntax` and `schema` always stay errors. Any error finding fails `lint` (exit 1) and blocks `apply`.",
    '',
    '| Rule | Default | Needs | Finds |',
    '|---|---|---|---|',
    ...rules.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.type === 'data' ? 'an export' : 'the config'} | ${rule.description.replace(/\|/g, '\\|')} |`),
    '',
  ];
  for (const rule of rules) {
    out.push(`## ${rule.id}`, '', rule.description, '');
    out.push(`Default severity: **${rule.severity}**${rule.fixed ? ' (cannot be changed)' : ''}. ${rule.type === 'data' ? 'A data rule: it runs in `levels plan --scores`.' : 'A static rule: it runs in `levels lint` and every plan.'}`, '');
    const invalid = rule.examples.invalid[0];
    if (invalid !== undefined) {
      out.push('Reported:', '', exampleBlock(invalid), '');
      const findings = rule.type === 'static' ? findingsOf(rule, invalid) : [];
      if (findings.length > 0) out.push('```console', '$ levels lint', ...findings, '```', '');
    }
    const valid = rule.examples.valid[0];
    if (valid !== undefined) out.push('Accepted:', '', exampleBlock(valid), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
