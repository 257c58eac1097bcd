import { CdfError, formatStep } from '@cdf/core';
import { generateSynthetic } from '@cdf/data';
import { Command } from 'commander';
import { commandRun } from '../command-context.ts';
import { parseInstant, parseName, parseSeed, parseStep, parseTimeZone } from '../flag-values.ts';
import { formatCount, formatInstant } from '../human-format.ts';
import type { CliIo } from '../io.ts';
import {
  checkTableFileFlag,
  countEventsByType,
  formatEventCounts,
  writeSyntheticFiles,
} from '../synthetic-files.ts';
import { UsageError } from '../usage-error.ts';

/** Seed of `cdf generate` and `cdf demo` when `--seed` is not given. */
export const DEFAULT_SEED = 42;
/** The flag that sets each generator option, to name it in the generator's errors. */
const FLAG_OF_OPTION = {
  start: 'start',
  end: 'end',
  seed: 'seed',
  stepMs: 'step',
  timeZone: 'tz',
} as const satisfies Record<string, keyof GenerateFlags>;

interface GenerateFlags {
  start: string;
  end: string;
  seed?: string;
  step: string;
  tz: string;
  out: string;
  eventsOut?: string;
  launchesOut?: string;
  /** False with `--no-events`: the same series with no event applied. */
  events: boolean;
}

/**
 * `cdf generate`: write a synthetic metrics table with known spikes and planned launches, the
 * ground truth to try detectors and forecasts on. Same flags and seed, same bytes.
 */
export function generateCommand(io: CliIo): Command {
  return new Command('generate')
    .summary('write synthetic demand with ground-truth spikes and planned launches')
    .description(
      'Generate synthetic compute demand from --start to --end every --step, with labelled spike ' +
        'events and planned launches, and write it as CSV. The same flags and --seed give ' +
        'byte-identical files.',
    )
    .requiredOption('--start <instant>', 'first timestamp, ISO 8601 with Z or a date (2024-01-01)')
    .requiredOption('--end <instant>', 'end of the span, ISO 8601 with Z or a date')
    .requiredOption('--out <file.csv>', 'where to write the metrics table')
    .option('--seed <n>', `random seed (default: ${DEFAULT_SEED})`)
    .option('--step <duration>', 'spacing of the rows, e.g. 1h, 15min', '1h')
    .option(
      '--tz <zone>',
      'IANA time zone of the calendar effects (business hours, weekends, holidays)',
      'UTC',
    )
    .option('--events-out <file>', 'also write the ground-truth spike events (.csv or .json)')
    .option('--launches-out <file>', 'also write the planned launches (.json or .csv)')
    .option(
      '--no-events',
      'the same demand with no spike event applied (same calendar, trend, growth levels and noise): ' +
        'what the seed gives without its launches, viral events, abuse and growth ramps',
    )
    .action(async (flags: GenerateFlags, self: Command) => {
      const run = commandRun(io, self);
      const start = parseInstant('--start', flags.start);
      const end = parseInstant('--end', flags.end);
      const stepMs = parseStep('--step', flags.step);
      const seed = flags.seed === undefined ? DEFAULT_SEED : parseSeed('--seed', flags.seed);
      const timeZone = parseTimeZone('--tz', flags.tz);
      const out = parseName('--out', flags.out);
      if (end <= start) throw new UsageError(`--end (${flags.end}) must be after --start (${flags.start})`);
      if (flags.eventsOut !== undefined) checkTableFileFlag('--events-out', flags.eventsOut);
      if (flags.launchesOut !== undefined) checkTableFileFlag('--launches-out', flags.launchesOut);

      try {
        run.progress.stage(`generating ${formatCount(Math.ceil((end - start) / stepMs))} rows`);
        const data = asUsageError(flags, () =>
          generateSynthetic({ start, end, seed, stepMs, timeZone, applyEvents: flags.events }),
        );
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
            `${flags.events ? formatEventCounts(counts) : 'no events applied'}; ${data.plannedLaunches.length} planned launches`,
          {
            out,
            rows: n,
            start: first,
            end: last,
            step: formatStep(stepMs),
            seed,
            eventsApplied: flags.events,
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

/**
 * Run `generate`, turning the generator's option errors (a step out of range, a span too long)
 * into usage errors that name the flag and quote the value as typed: they are the user's flags,
 * not bad input data.
 */
function asUsageError<T>(flags: GenerateFlags, generate: () => T): T {
  try {
    return generate();
  } catch (error) {
    if (!CdfError.isInstance(error)) throw error;
    const option = error.location.column;
    const flag =
      option !== undefined && Object.hasOwn(FLAG_OF_OPTION, option)
        ? FLAG_OF_OPTION[option as keyof typeof FLAG_OF_OPTION]
        : undefined;
    if (flag === undefined) throw error;
    const { expected } = error.location;
    throw new UsageError(
      `--${flag}: "${flags[flag] ?? ''}" is not accepted by the generator` +
        (expected === undefined ? '' : ` (expected ${expected})`),
    );
  }
}
