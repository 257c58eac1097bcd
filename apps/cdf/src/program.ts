import { Command } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { registerCommands } from './commands/index.ts';
import { exitCodesHelp } from './exit-codes.ts';
import type { CliIo } from './io.ts';

/** Help is wrapped at a fixed width so it reads the same in every terminal and in tests. */
const HELP_WIDTH = 100;

/**
 * The `cdf` commander program: global flags, every subcommand, and output wired to `io`.
 * Commander never exits the process or prints errors itself: `main` catches and reports them.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command('cdf')
    .description('Forecast the compute demand of an AI platform and turn it into a GPU capacity plan.')
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand('help [command]', 'show help for a command')
    .option('-q, --quiet', 'no progress and no summary; errors still print')
    .option('--json', 'print the result as JSON on stdout')
    .option('--debug', 'print stack traces with errors')
    .addHelpText('after', `\n${exitCodesHelp()}\n`);
  registerCommands(program, io);
  configure(program, io);
  return program;
}

// Subcommands are added before this runs, so walking the tree reaches all of them.
function configure(command: Command, io: CliIo): void {
  command
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // main prints commander's errors itself, on one line.
      outputError: () => {},
      getOutHelpWidth: () => HELP_WIDTH,
      getErrHelpWidth: () => HELP_WIDTH,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: command.parent !== null });
  if (command.parent !== null) command.helpOption('-h, --help', 'show help for this command');
  for (const sub of command.commands) configure(sub, io);
}
