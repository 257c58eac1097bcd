import type { LoadOptions, PrepareOptions } from '@cdf/data';
import type { Command } from 'commander';
import { parseChoice, parseName, parseStep, parseTimeZone } from './flag-values.ts';

/** File formats `--format` accepts; without it the loader goes by the file extension. */
export const LOAD_FORMATS = ['csv', 'json', 'ndjson', 'parquet'] as const;
/** Duplicate-timestamp rules `--on-duplicate` accepts; without it duplicates are an error. */
export const DUPLICATE_RULES = ['sum', 'mean', 'last'] as const;
/** What `--dropouts` accepts: take near-zero dropouts of the target as missing (`fill`) or as demand. */
export const DROPOUT_RULES = ['fill', 'keep'] as const;

/** The loading flags as commander hands them over: raw strings, absent when not given. */
export interface LoadFlags {
  format?: string;
  timeCol?: string;
  target?: string;
  idCol?: string;
  tz?: string;
  resample?: string;
  onDuplicate?: string;
  dropouts?: string;
}

/**
 * Add the shared data-loading flags to a command. Every command that reads a metrics file
 * (validate, forecast, detect, backtest, fit, predict) calls this, so the flags, their help
 * and their validation ({@link parseLoadOptions}) are the same everywhere.
 */
export function addLoadOptions(command: Command): Command {
  return command
    .option(
      '--format <format>',
      `input format: ${LOAD_FORMATS.join(', ')} (default: from the file extension)`,
    )
    .option('--time-col <name>', 'timestamp column (default: timestamp)')
    .option('--target <name>', 'demand column to forecast (default: compute_tflops)')
    .option('--id-col <name>', 'series id column: a long table becomes one series per id')
    .option('--tz <zone>', 'IANA time zone for naive timestamps and calendar features (default: UTC)')
    .option('--resample <step>', 'regularise to this step, e.g. 1h, 5min, 1d (default: the data step)')
    .option(
      '--on-duplicate <rule>',
      `combine rows sharing a timestamp: ${DUPLICATE_RULES.join(', ')} (default: error)`,
    )
    .option(
      '--dropouts <rule>',
      'target values under 1% of the same hour on the days around (a lost trace, a failed scrape): fill them as gaps, or keep them as demand (default: fill)',
    );
}

/**
 * Check the loading flags and turn them into the options `loadSeries` takes. Only flags that
 * were given appear in the result, so the loader's own defaults apply to the rest.
 *
 * @throws UsageError naming the flag when a value does not parse (exit code 2).
 */
export function parseLoadOptions(flags: LoadFlags): LoadOptions & PrepareOptions {
  const options: LoadOptions & PrepareOptions = {};
  if (flags.format !== undefined) options.format = parseChoice('--format', flags.format, LOAD_FORMATS);
  if (flags.timeCol !== undefined) options.timeCol = parseName('--time-col', flags.timeCol);
  if (flags.target !== undefined) options.target = parseName('--target', flags.target);
  if (flags.idCol !== undefined) options.idCol = parseName('--id-col', flags.idCol);
  if (flags.tz !== undefined) options.timeZone = parseTimeZone('--tz', flags.tz);
  if (flags.resample !== undefined) options.resample = parseStep('--resample', flags.resample);
  if (flags.onDuplicate !== undefined) {
    options.onDuplicate = parseChoice('--on-duplicate', flags.onDuplicate, DUPLICATE_RULES);
  }
  if (flags.dropouts !== undefined) {
    options.dropouts = parseChoice('--dropouts', flags.dropouts, DROPOUT_RULES);
  }
  return options;
}
