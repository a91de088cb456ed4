import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding } from '../../findings.js';
import type { FormatOptions } from './index.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, as GitHub code scanning accepts it: one run, the rules' metadata, one result per finding. */
export function formatSarif(findings: readonly Finding[], options: Pick<FormatOptions, 'rules' | 'toolVersion'>): string {
  const rules: ReportingDescriptor[] = options.rules.map((rule) => ({
    id: rule.id,
    name: rule.id
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(''),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [rule.type === 'data' ? 'data' : 'config'] },
  }));
  const index = new Map(options.rules.map((rule, i) => [rule.id as string, i]));
  const results: Result[] = findings.map((finding) => ({
    ruleId: finding.rule,
    ...(index.has(finding.rule) ? { ruleIndex: index.get(finding.rule)! } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            ...(finding.endLine !== undefined ? { endLine: finding.endLine } : {}),
            ...(finding.endColumn !== undefined ? { endColumn: finding.endColumn } : {}),
          },
        },
      },
    ],
    partialFingerprints: { 'levels/v1': `${finding.rule}:${finding.file}:${finding.path.join('/')}` },
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'levels', version: options.toolVersion, rules } },
        results,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
