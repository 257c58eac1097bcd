import { formatSummary, loadSeries } from '@cdf/data';
import { Command } from 'commander';
import { commandRun } from '../command-context.ts';
import type { CliIo } from '../io.ts';
import { addLoadOptions, type LoadFlags, parseLoadOptions } from '../load-options.ts';

/**
 * `cdf validate FILE`: load a metrics file exactly as forecasting would (same flags, same
 * checks) and print what was found, so bad data is caught before a long run.
 */
export function validateCommand(io: CliIo): Command {
  const command = new Command('validate')
    .summary('check a metrics file and summarise it (rows, span, step, gaps)')
    .description(
      'Load a metrics file (CSV, JSON, NDJSON or Parquet) with the same checks forecasting uses, ' +
        'regularise it to a fixed step and print a summary. Exits non-zero with one line naming the ' +
        'file, row and column when the data is invalid.',
    )
    .argument('<file>', 'metrics file to check');
  addLoadOptions(command);
  return command.action(async (file: string, flags: LoadFlags, self: Command) => {
    const run = commandRun(io, self);
    const options = parseLoadOptions(flags);
    run.progress.stage(`loading ${file}`);
    try {
      const { summary } = await loadSeries(file, options);
      run.progress.done();
      run.result(formatSummary(summary), { file, valid: true, summary });
    } finally {
      run.progress.done();
    }
  });
}
