import { countFindings, type Finding } from '../../findings.js';

/** `{"findings":[{rule,severity,message,file,line,column}],"summary":{errors,warnings,infos}}`. */
export function formatJson(findings: readonly Finding[]): string {
  const shaped = findings.map(({ rule, severity, message, file, line, column }) => ({ rule, severity, message, file, line, column }));
  return `${JSON.stringify({ findings: shaped, summary: countFindings(findings) }, null, 2)}\n`;
}
