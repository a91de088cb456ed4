import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { formatConfigText } from '../fmt/format.js';
import { readConfigFiles } from '../model/load.js';
import type { CommandIO } from './io.js';

export interface FmtCommandOptions {
  config: string;
  /** List the files that would change and exit 1, writing nothing. */
  check: boolean;
  quiet: boolean;
}

/** `levels fmt [--check]`: canonical key order and indentation, comments kept. */
export async function fmtCommand(options: FmtCommandOptions, io: CommandIO): Promise<number> {
  const files = await readConfigFiles(options.config, { cwd: io.cwd });
  const changed: string[] = [];
  const unformattable: string[] = [];
  for (const file of files) {
    if (file.size !== undefined || typeof file.content !== 'string' && file.content.includes(0)) {
      unformattable.push(`${file.path}: it is not a YAML text file`);
      continue;
    }
    let text: string;
    try {
      text = typeof file.content === 'string' ? file.content : new TextDecoder('utf-8', { fatal: true }).decode(file.content);
    } catch {
      unformattable.push(`${file.path}: it is not valid UTF-8`);
      continue;
    }
    const result = formatConfigText(text);
    if (!result.ok) {
      unformattable.push(`${file.path}: ${result.reason}`);
      continue;
    }
    if (!result.changed) continue;
    changed.push(file.path);
    if (!options.check) {
      try {
        await writeFile(resolve(io.cwd, file.path), result.output);
      } catch (error) {
        throw new UserError(`${file.path} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
      }
    }
  }
  for (const path of changed) io.stdout.write(`${options.check ? 'would reformat' : 'reformatted'} ${path}\n`);
  for (const line of unformattable) io.stderr.write(`levels: cannot format ${line}; run 'levels validate'.\n`);
  if (!options.quiet && changed.length === 0 && unformattable.length === 0) {
    io.stdout.write(`${files.length} file${files.length === 1 ? '' : 's'} already formatted.\n`);
  }
  if (unformattable.length > 0) return 1;
  return options.check && changed.length > 0 ? 1 : 0;
}
