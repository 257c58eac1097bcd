import { formatStep } from '@cdf/core';
import { generateSynthetic } from '@cdf/data';
import { Command } from 'commander';
import { commandRun } from '../command-context.ts';
import { parseInstant, parseName, parseSeed, parseStep, parseTimeZone } from '../flag-values.ts';
import { formatCount, formatInstant } from '../human-format.ts';
import type { CliIo } from '../io.ts';
import {
  countEventsByType,
  eventsFileFormat,
  formatEventCounts,
  writeSyntheticFiles,
} from '../synthetic-files.ts';
import { UsageError } from '../usage-error.ts';

/** Seed of `cdf generate` and `cdf demo` when `--seed` is not given. */
export const DEFAULT_SEED = 42;
/** More rows than this is almost surely a wrong `--step`; refuse rather than exhaust memory. */
export const MAX_GENERATED_ROWS = 5_000_000;

interface GenerateFlags {
  start: string;
  end: string;
  seed?: string;
  step: string;
  tz: string;
  out: string;
  eventsOut?: string;
  launchesOut?: string;
}

/**
 * `cdf generate`: write a synthetic metrics table with known spikes and planned launches, the
 * ground truth to try detectors and forecasts on. Same flags and seed, same bytes.
 */
export function generateCommand(io: CliIo): Command {
  return new Command('generate')
    .summary('write synthetic demand with ground-truth spikes and planned launches')
    .description(
      'Generate hourly (or --step) compute demand with daily and weekly seasonality, growth and ' +
        'labelled spike events, and write it as CSV. The same flags and --seed give byte-identical files.',
    )
    .requiredOption('--start <instant>', 'first timestamp, ISO 8601 with Z or a date (2024-01-01)')
    .requiredOption('--end <instant>', 'end of the span, ISO 8601 with Z or a date')
    .requiredOption('--out <file.csv>', 'where to write the metrics table')
    .option('--seed <n>', `random seed (default: ${DEFAULT_SEED})`)
    .option('--step <duration>', 'spacing of the rows, e.g. 1h, 15min', '1h')
    .option('--tz <zone>', 'IANA time zone of the business-hours pattern', 'UTC')
    .option('--events-out <file>', 'also write the ground-truth spike events (.csv or .json)')
    .option('--launches-out <file.json>', 'also write the planned launches (JSON)')
    .action(async (flags: GenerateFlags, self: Command) => {
      const run = commandRun(io, self);
      const start = parseInstant('--start', flags.start);
      const end = parseInstant('--end', flags.end);
      const stepMs = parseStep('--step', flags.step);
      const seed = flags.seed === undefined ? DEFAULT_SEED : parseSeed('--seed', flags.seed);
      const timeZone = parseTimeZone('--tz', flags.tz);
      const out = parseName('--out', flags.out);
      if (end <= start) throw new UsageError(`--end (${flags.end}) must be after --start (${flags.start})`);
      const rows = Math.floor((end - start) / stepMs);
      if (rows > MAX_GENERATED_ROWS) {
        throw new UsageError(
          `--step ${flags.step} over that span is ${formatCount(rows)} rows, more than ${formatCount(MAX_GENERATED_ROWS)}`,
        );
      }
      if (flags.eventsOut !== undefined) eventsFileFormat('--events-out', flags.eventsOut);

      try {
        run.progress.stage(`generating ${formatCount(rows)} rows`);
        const data = generateSynthetic({ start, end, seed, stepMs, timeZone });
        run.progress.stage(`writing ${out}`);
        await writeSyntheticFiles(data, {
          metrics: out,
          events: flags.eventsOut,
          launches: flags.launchesOut,
        });
        run.progress.done();

        const n = data.timestamps.length;
        const first = n > 0 ? formatInstant(data.timestamps[0]!) : '-';
        const last = n > 0 ? formatInstant(data.timestamps[n - 1]!) : '-';
        const counts = countEventsByType(data.events);
        run.result(
          `wrote ${formatCount(n)} rows (${first} to ${last}, step ${formatStep(stepMs)}, seed ${seed}) to ${out}; ` +
            `${formatEventCounts(counts)}; ${data.plannedLaunches.length} planned launches`,
          {
            out,
            rows: n,
            start: first,
            end: last,
            step: formatStep(stepMs),
            seed,
            eventsByType: counts,
            plannedLaunches: data.plannedLaunches.length,
            eventsOut: flags.eventsOut ?? null,
            launchesOut: flags.launchesOut ?? null,
          },
        );
      } finally {
        run.progress.done();
      }
    });
}
