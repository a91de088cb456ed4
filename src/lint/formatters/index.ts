import type { Finding } from '../../findings.js';
import type { Rule } from '../rule.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

import type { LintFormat } from '../formats.js';

export { LINT_FORMATS, type LintFormat } from '../formats.js';

export interface FormatOptions {
  /** File text by finding path, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Every rule, for SARIF's rule metadata. */
  rules: readonly Rule[];
  color: boolean;
  /** How many files were linted, for the text summary. */
  fileCount: number;
  toolVersion: string;
}

/** Renders findings in one of the lint formats: each a pure function of the findings. */
export function formatFindings(format: LintFormat, findings: readonly Finding[], options: FormatOptions): string {
  switch (format) {
    case 'text':
      return formatText(findings, options);
    case 'json':
      return formatJson(findings);
    case 'sarif':
      return formatSarif(findings, options);
    case 'github':
      return formatGithub(findings);
  }
}
