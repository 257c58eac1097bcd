import { CommanderError } from 'commander';
import { ExitCode } from './exit-codes.ts';
import { type CliIo, processIo } from './io.ts';
import { buildProgram } from './program.ts';
import { reportError } from './report-error.ts';

/**
 * Run `cdf` with the given arguments (without `node` and the script path) and return the exit
 * code. Never throws and never calls `process.exit`, so tests run it in-process; every failure
 * becomes one line on `io.stderr` (plus a stack with `--debug`).
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error, io);
    const flags = program.opts<{ debug?: boolean; json?: boolean }>();
    return reportError(error, io, { debug: flags.debug === true, json: flags.json === true });
  }
}

// Commander signals help and version through errors with exit code 0; everything else is a
// usage error it has not printed (outputError is silenced), printed here on one line.
function commanderExit(error: CommanderError, io: CliIo): number {
  if (error.exitCode === 0) return ExitCode.Ok;
  // `cdf` with no command: commander has printed the help on stderr already.
  if (error.code === 'commander.help') return ExitCode.Usage;
  const line = error.message
    .replace(/^error:\s*/, '')
    .replace(/\s*\r?\n\s*/g, ' ')
    .trim();
  const hint = line.includes('Did you mean') ? '' : ' (see cdf --help)';
  io.stderr.write(`cdf: ${line}${hint}\n`);
  return ExitCode.Usage;
}
