import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { processIO, type CommandIO } from './commands/io.js';
import { UserError } from './errors.js';
import { DEFAULT_TEMPLATE, TEMPLATES } from './init/templates.js';
import { LINT_FORMATS, type LintFormat } from './lint/formats.js';
import { PLAN_FORMATS, type PlanFormat } from './plan/renderers/formats.js';
import { DEFAULT_CONFIG_FOLDER } from './model/config.js';
import { VERSION } from './version.js';

/** Options every command shares. */
interface CommonOptions {
  config: string;
  quiet: boolean;
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('it must be a whole number, 0 or more.');
  return Number(value);
}

function positiveInteger(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('it must be a whole number, 1 or more.');
  return Number(value);
}

function storeOption(): Option {
  return new Option('--store <url>', 'the live store: sqlite:PATH or postgres://... (default: LEVELS_STORE, the Workspace, sqlite:.levels/state.db)');
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('it must be a whole number.');
  return Number(value);
}

function configOption(): Option {
  return new Option('-c, --config <dir>', 'the config folder').default(DEFAULT_CONFIG_FOLDER);
}

function quietOption(): Option {
  return new Option('-q, --quiet', 'print only what matters (errors, results)').default(false);
}

function formatOption<T extends string>(formats: readonly T[], fallback: T): Option {
  return new Option('-f, --format <format>', 'output format').choices(formats).default(fallback);
}

/** The options of commands that read a score export. */
function addExportOptions(command: Command, required: boolean): Command {
  return command
    .addOption(new Option('-s, --scores <file>', 'the account score export: CSV or JSON Lines, optionally .gz').makeOptionMandatory(required))
    .option('--id-column <name>', 'the account id column', 'account_id')
    .option('--score-column <name>', 'the score column', 'score')
    .option('--level-column <name>', 'the column with the level the platform shows today', 'level')
    .option('--max-rejects <n>', 'tolerate this many rejected rows, or this share of them (such as 1%); default 0');
}

/**
 * Declares every command in one place (Changesets' cli.ts). Each action calls one command
 * function and records its exit code; this is the only place that turns errors into exit codes.
 */
export function buildProgram(io: CommandIO, setExitCode: (code: number) => void): Command {
  const program = new Command('levels')
    .description('Account levels as code: lint tier rulesets, plan their impact on accounts, apply them.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`levels: ${text.replace(/^error: /, '').trimEnd()}\n`),
    });
  program.configureHelp({ sortSubcommands: false, showGlobalOptions: false });

  program
    .command('validate')
    .description('check YAML syntax and the JSON Schema of every file in the config folder')
    .addOption(configOption())
    .addOption(formatOption(LINT_FORMATS, 'text'))
    .addOption(quietOption())
    .action(async (options: CommonOptions & { format: LintFormat }) => setExitCode(await (await import('./commands/lint.js')).validateCommand(options, io)));

  program
    .command('lint')
    .description('run every lint rule over the config folder (exit 1 on errors)')
    .addOption(configOption())
    .addOption(formatOption(LINT_FORMATS, 'text'))
    .addOption(quietOption())
    .option('--max-warnings <n>', 'fail when there are more warnings than this', nonNegativeInteger)
    .option('--rules', 'list every rule with its severity and one-line doc, and exit')
    .action(async (options: CommonOptions & { format: LintFormat; maxWarnings?: number; rules?: boolean }) => {
      const { lintCommand, listRulesCommand } = await import('./commands/lint.js');
      setExitCode(options.rules ? await listRulesCommand(options, io) : await lintCommand(options, io));
    });

  addExportOptions(
    program
      .command('plan')
      .description('show what the config changes, and which accounts move between which levels')
      .addOption(configOption())
      .option('--against <baseline>', 'compare with: store, git:REF or none (default: the store if one is set up, else git:HEAD)')
      .addOption(storeOption())
      .option('--ref <ref>', 'read the proposed config from this git ref instead of the working tree')
      .option('-o, --out <file>', 'write the plan as JSON to this file (for apply)')
      .addOption(formatOption(PLAN_FORMATS, 'text'))
      .option('--detailed-exitcode', 'exit 2 when there are changes (0: none, 1: error)', false)
      .addOption(quietOption()),
    false,
  ).action(async (options: CommonOptions & { format: PlanFormat; detailedExitcode: boolean }) => setExitCode(await (await import('./commands/plan.js')).planCommand(options, io)));

  addExportOptions(
    program
      .command('classify')
      .description('write the export back with the level of every account (for reverse ETL)')
      .addOption(configOption())
      .option('-o, --out <file>', 'write here instead of standard output')
      .addOption(quietOption()),
    true,
  ).action(async (options: CommonOptions & { scores: string; out?: string }) => setExitCode(await (await import('./commands/classify.js')).classifyCommand(options, io)));

  program
    .command('explain')
    .description('say which level every ruleset gives a score, and why')
    .argument('<score>', 'a score, such as 82 or 79.5')
    .addOption(configOption())
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .addOption(quietOption())
    .action(async (score: string, options: CommonOptions & { format: 'text' | 'json' }) => setExitCode(await (await import('./commands/explain.js')).explainCommand(score, options, io)));

  addExportOptions(
    program
      .command('apply')
      .description('apply a saved plan to the live store, or plan, confirm and apply')
      .argument('[plan]', 'a plan file written by levels plan --out')
      .addOption(configOption())
      .addOption(storeOption())
      .option('-y, --yes', 'apply without asking (for CI)', false)
      .option('--lock-timeout <seconds>', 'how long to wait for another apply to release the store', wholeNumber, 30)
      .addOption(formatOption(['text', 'json'] as const, 'text'))
      .addOption(quietOption()),
    false,
  ).action(async (plan: string | undefined, options: CommonOptions & { yes: boolean; format: 'text' | 'json' }) =>
    setExitCode(await (await import('./commands/apply.js')).applyCommand(plan, options, io)),
  );

  program
    .command('import')
    .description("write the live store's config out as YAML, to adopt an existing setup")
    .addOption(configOption())
    .addOption(storeOption())
    .option('-o, --out <dir>', 'the folder to write (default: the config folder)')
    .option('--force', 'overwrite files that are already there', false)
    .addOption(quietOption())
    .action(async (options: CommonOptions & { out?: string; force: boolean }) => setExitCode(await (await import('./commands/store.js')).importCommand({ ...options, format: 'text' }, io)));

  const store = program.command('store').description('look at the live store');
  store
    .command('status')
    .description('serial, last apply, accounts and drift')
    .addOption(configOption())
    .addOption(storeOption())
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .addOption(quietOption())
    .action(async (options: CommonOptions & { format: 'text' | 'json' }) => setExitCode(await (await import('./commands/store.js')).storeStatusCommand(options, io)));
  store
    .command('history')
    .description('the apply log, newest first')
    .addOption(configOption())
    .addOption(storeOption())
    .option('-n, --limit <n>', 'how many applies', wholeNumber, 20)
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .addOption(quietOption())
    .action(async (options: CommonOptions & { format: 'text' | 'json'; limit: number }) => setExitCode(await (await import('./commands/store.js')).storeHistoryCommand(options, io)));

  const accounts = program.command('accounts').description("the live store's accounts and their level changes");
  accounts
    .command('changes')
    .description('every level change after an apply serial: the feed for notifications and reverse ETL')
    .requiredOption('--since <serial>', 'changes made by applies after this serial (0: all)', wholeNumber)
    .addOption(configOption())
    .addOption(storeOption())
    .addOption(formatOption(['csv', 'jsonl'] as const, 'csv'))
    .option('-o, --out <file>', 'write here instead of standard output')
    .addOption(quietOption())
    .action(async (options: CommonOptions & { since: number; format: 'csv' | 'jsonl'; out?: string }) => setExitCode(await (await import('./commands/accounts.js')).accountChangesCommand(options, io)));
  accounts
    .command('list')
    .description('the stored accounts with their level')
    .option('--level <name>', 'only the accounts at this level')
    .addOption(configOption())
    .addOption(storeOption())
    .addOption(formatOption(['csv', 'jsonl'] as const, 'csv'))
    .option('-o, --out <file>', 'write here instead of standard output')
    .addOption(quietOption())
    .action(async (options: CommonOptions & { level?: string; format: 'csv' | 'jsonl'; out?: string }) => setExitCode(await (await import('./commands/accounts.js')).accountListCommand(options, io)));

  program
    .command('history')
    .description('the commits that changed the config, newest first, each with its semantic change and the apply that made it live')
    .addOption(configOption())
    .option('-r, --ruleset <id>', 'only the commits that change this ruleset')
    .option('-n, --limit <n>', 'the newest N commits', positiveInteger)
    .addOption(storeOption())
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .addOption(quietOption())
    .action(async (options: CommonOptions & { ruleset?: string; limit?: number; store?: string; format: 'text' | 'json' }) =>
      setExitCode(await (await import('./commands/history.js')).historyCommand(options, io)),
    );

  program
    .command('diff')
    .description('the semantic change between two git refs (B: the working tree by default), then the YAML text diff')
    .argument('<a>', 'a git ref: a commit, branch or tag')
    .argument('[b]', 'another git ref (default: the working tree)')
    .addOption(configOption())
    .option('--no-text', 'leave out the YAML text diff')
    .option('--detailed-exitcode', 'exit 2 when there are changes (0: none, 1: error)', false)
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .addOption(quietOption())
    .action(async (a: string, b: string | undefined, options: CommonOptions & { text: boolean; detailedExitcode: boolean; format: 'text' | 'json' }) =>
      setExitCode(await (await import('./commands/config-diff.js')).diffCommand(a, b, options, io)),
    );

  program
    .command('show')
    .description('the config as it was at a git ref: each ruleset and its levels')
    .argument('<ref>', 'a git ref: a commit, branch or tag')
    .addOption(configOption())
    .option('-r, --ruleset <id>', 'only this ruleset')
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .addOption(quietOption())
    .action(async (ref: string, options: CommonOptions & { ruleset?: string; format: 'text' | 'json' }) =>
      setExitCode(await (await import('./commands/config-diff.js')).showCommand(ref, options, io)),
    );

  program
    .command('revert')
    .description('write the config (or one ruleset) as it was at a git ref into the working tree, to commit, plan and apply')
    .argument('<ref>', 'a git ref: a commit, branch or tag')
    .addOption(configOption())
    .option('-r, --ruleset <id>', 'only this ruleset')
    .option('--force', 'overwrite uncommitted changes to the files it writes', false)
    .addOption(quietOption())
    .action(async (ref: string, options: CommonOptions & { ruleset?: string; force: boolean }) =>
      setExitCode(await (await import('./commands/revert.js')).revertCommand(ref, options, io)),
    );

  program
    .command('fmt')
    .description('rewrite config files in canonical key order and indentation, keeping comments')
    .addOption(configOption())
    .option('--check', 'list the files that would change and exit 1, writing nothing', false)
    .addOption(quietOption())
    .action(async (options: CommonOptions & { check: boolean }) => setExitCode(await (await import('./commands/fmt.js')).fmtCommand(options, io)));

  program
    .command('init')
    .description('create a config folder with a workspace, the JSON Schema and a starting template')
    .argument('[dir]', 'the config folder to create', DEFAULT_CONFIG_FOLDER)
    .addOption(
      new Option('-t, --template <name>', 'the starting ruleset')
        .choices(TEMPLATES.map((template) => template.id))
        .default(DEFAULT_TEMPLATE),
    )
    .option('--force', 'overwrite a folder that already holds YAML files', false)
    .addOption(quietOption())
    .addHelpText('after', `\nTemplates:\n${TEMPLATES.map((t) => `  ${t.id.padEnd(22)} ${t.description}`).join('\n')}\n`)
    .action(async (dir: string, options: { template: string; force: boolean; quiet: boolean }) => setExitCode(await (await import('./commands/init.js')).initCommand({ dir, ...options }, io)));

  const all = (command: Command): Command[] => [command, ...command.commands.flatMap(all)];
  for (const command of all(program).slice(1)) {
    const name = command.parent && command.parent !== program ? `${command.parent.name()} ${command.name()}` : command.name();
    command.showSuggestionAfterError(true).showHelpAfterError(`(run 'levels ${name} --help' for usage)`);
  }
  return program;
}

/** Runs the CLI and resolves to its exit code: 0 success, 1 error or blocking finding, 2 changes (plan --detailed-exitcode). */
export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 1;
    }
    if (error instanceof UserError) {
      io.stderr.write(`levels: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`levels: internal error: ${message}\nThis is a bug in levels; please report it with the command you ran.${io.env.LEVELS_DEBUG ? `\n${(error as Error).stack}` : ' (Set LEVELS_DEBUG=1 for details.)'}\n`);
    return 1;
  }
}
