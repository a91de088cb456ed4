import { codeFrameColumns } from '@babel/code-frame';
import { createColors } from 'picocolors';
import { countFindings, type Finding } from '../../findings.js';
import type { FormatOptions } from './index.js';

/** `file:line:col: severity [rule] message`, then a code frame; a summary line at the end. */
export function formatText(findings: readonly Finding[], options: Pick<FormatOptions, 'sources' | 'color' | 'fileCount'>): string {
  const c = createColors(options.color);
  const paint = { error: c.red, warning: c.yellow, info: c.blue } as const;
  const lines: string[] = [];
  for (const finding of findings) {
    const where = c.bold(`${finding.file}:${finding.line}:${finding.column}`);
    lines.push(`${where}: ${paint[finding.severity](finding.severity)} ${c.dim(`[${finding.rule}]`)} ${finding.message}`);
    const text = options.sources.get(finding.file);
    if (text !== undefined && finding.line <= text.split('\n').length) {
      const end = finding.endLine === finding.line && finding.endColumn !== undefined && finding.endColumn > finding.column ? { line: finding.line, column: finding.endColumn } : undefined;
      const frame = codeFrameColumns(text, { start: { line: finding.line, column: finding.column }, ...(end ? { end } : {}) }, { linesAbove: 1, linesBelow: 1, highlightCode: false });
      lines.push(frame.split('\n').map((line) => `  ${options.color ? colorFrameLine(line, c) : line}`).join('\n'), '');
    }
  }
  const counts = countFindings(findings);
  const files = `${options.fileCount} file${options.fileCount === 1 ? '' : 's'}`;
  if (findings.length === 0) {
    lines.push(c.green(`No findings in ${files}.`));
  } else {
    const summary = `${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}, ${counts.infos} info${counts.infos === 1 ? '' : 's'} in ${files}.`;
    lines.push(counts.errors > 0 ? c.red(summary) : counts.warnings > 0 ? c.yellow(summary) : summary);
  }
  return `${lines.join('\n')}\n`;
}

function colorFrameLine(line: string, c: ReturnType<typeof createColors>): string {
  if (line.startsWith('>')) return c.red('>') + line.slice(1);
  if (/^\s+\|\s+\^/.test(line)) return line.replace(/\^+/, (marks) => c.red(marks));
  return c.dim(line);
}
