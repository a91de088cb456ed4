import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { SCHEMA_FILE, TEMPLATES, WORKSPACE_YAML, schemaLine } from '../init/templates.js';
import { levelsSchema } from '../model/generated/schema.js';
import type { CommandIO } from './io.js';

export interface InitCommandOptions {
  /** The config folder to create. */
  dir: string;
  template: string;
  /** Write even when the folder already holds YAML files. */
  force: boolean;
  quiet: boolean;
}

/** `levels init [DIR]`: a new config folder with a Workspace, the schema and a template that lints clean. */
export async function initCommand(options: InitCommandOptions, io: CommandIO): Promise<number> {
  const template = TEMPLATES.find((candidate) => candidate.id === options.template);
  if (!template) {
    throw new UsageError(`Unknown template '${options.template}': choose one of ${TEMPLATES.map((t) => t.id).join(', ')}.`);
  }
  const folder = resolve(io.cwd, options.dir);
  const existing = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    if (error.code === 'ENOTDIR') throw new UserError(`${options.dir} is a file; name a folder to create the config in.`);
    throw new UserError(`${options.dir} cannot be read (${error.code}).`);
  });
  const configFiles = existing.filter((name) => /\.ya?ml$/i.test(name));
  if (configFiles.length > 0 && !options.force) {
    throw new UserError(`${options.dir} already holds ${configFiles.join(', ')}; choose an empty folder, or pass --force to overwrite.`);
  }

  const files: Record<string, string> = {
    'workspace.yaml': schemaLine(SCHEMA_FILE) + WORKSPACE_YAML,
    ...Object.fromEntries(Object.entries(template.files).map(([name, body]) => [name, schemaLine(SCHEMA_FILE) + body])),
    [SCHEMA_FILE]: `${JSON.stringify(levelsSchema, null, 2)}\n`,
  };
  try {
    await mkdir(folder, { recursive: true });
    for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
  } catch (error) {
    throw new UserError(`${options.dir} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  if (!options.quiet) {
    const shown = options.dir.replace(/\/+$/, '');
    io.stdout.write(`Created ${shown}/ from the ${template.id} template:\n`);
    for (const name of Object.keys(files)) io.stdout.write(`  ${shown}/${name}\n`);
    io.stdout.write(`\nNext: edit the thresholds, then run 'levels lint --config ${shown}' and commit the folder.\n`);
  }
  return 0;
}
