import { basename, dirname, extname, join } from 'node:path';
import { type SpikeEvent, toIsoUtc } from '@cdf/core';
import { formatCsv, loadSeries, writeTextFile } from '@cdf/data';
import { createAnomalyDetector, DEFAULT_SENSITIVITY, type Detection } from '@cdf/spikes';
import { Command } from 'commander';
import { commandRun } from '../command-context.ts';
import { parseName } from '../flag-values.ts';
import { formatCount } from '../human-format.ts';
import type { CliIo } from '../io.ts';
import { addLoadOptions, type LoadFlags, parseLoadOptions } from '../load-options.ts';
import { readPlannedEvents } from '../pipeline/planned-events-file.ts';
import { anomaliesCsv } from '../pipeline/run-tables.ts';
import { UsageError } from '../usage-error.ts';

interface DetectFlags extends LoadFlags {
  input: string;
  out: string;
  sensitivity?: string;
  eventsOut?: string;
  launches?: string;
}

/** Header of `anomalies.csv` (a `series_id` column comes first with `--id-col`). */
export { ANOMALY_HEADER } from '../pipeline/run-tables.ts';
/** Header of the events table written beside it. */
export const EVENT_HEADER = ['start', 'end', 'peak', 'peak_value', 'magnitude', 'type', 'score'];

/**
 * `cdf detect`: score every step of a metrics file with the spike ensemble and write
 * `anomalies.csv` (one row per step) and the typed spike events beside it.
 */
export function detectCommand(io: CliIo): Command {
  const command = new Command('detect')
    .summary('flag anomalous steps and type the spikes (launch, viral, abuse, growth)')
    .description(
      'Load a metrics file, score every step with the robust ensemble (robust z on a robust seasonal ' +
        'baseline, rate of change, isolation forest), and write one row per step to --out with ' +
        'timestamp,value,expected,score,is_anomaly,spike_type,detectors, plus the spike events ' +
        '(start, end, peak, magnitude, type) to --events-out (default: <out>-events.csv).',
    )
    .requiredOption('--input <file>', 'metrics file (CSV, JSON, NDJSON or Parquet)')
    .requiredOption('--out <file.csv>', 'where to write the per-step anomalies')
    .option('--sensitivity <x>', `0..1, higher flags more (default: ${DEFAULT_SENSITIVITY})`)
    .option('--events-out <file.csv>', 'where to write the spike events (default: <out>-events.csv)')
    .option(
      '--launches <file>',
      'planned launches (JSON array or CSV): overlapping spikes are feature launches',
    );
  addLoadOptions(command);
  return command.action(async (flags: DetectFlags, self: Command) => {
    const run = commandRun(io, self);
    const input = parseName('--input', flags.input);
    const out = parseName('--out', flags.out);
    const eventsOut =
      flags.eventsOut === undefined ? eventsPathFor(out) : parseName('--events-out', flags.eventsOut);
    const sensitivity =
      flags.sensitivity === undefined ? DEFAULT_SENSITIVITY : parseSensitivity(flags.sensitivity);
    const options = parseLoadOptions(flags);
    try {
      const plannedEvents = flags.launches === undefined ? [] : await readPlannedEvents(flags.launches);
      run.progress.stage(`loading ${input}`);
      const { series } = await loadSeries(input, options);
      const detections: { id: string; detection: Detection }[] = [];
      for (const s of series) {
        run.progress.stage(
          `detecting ${s.id === 'default' ? '' : `${s.id} `}(${formatCount(s.values.length)} steps)`,
        );
        const prepared = createAnomalyDetector('ensemble', { plannedEvents }).preprocess(s);
        detections.push({ id: s.id, detection: prepared.detect(sensitivity) });
      }
      const withIds = options.idCol !== undefined;
      run.progress.stage(`writing ${out}`);
      await writeTextFile(out, anomaliesCsv(detections, withIds, { decimals: 6 }));
      await writeTextFile(eventsOut, eventsCsv(detections, withIds));
      run.progress.done();

      const steps = detections.reduce((a, d) => a + d.detection.values.length, 0);
      const flagged = detections.reduce((a, d) => a + d.detection.isAnomaly.reduce((x, y) => x + y, 0), 0);
      const events = detections.flatMap((d) => d.detection.events);
      const byType: Record<string, number> = {};
      for (const e of events) byType[e.type] = (byType[e.type] ?? 0) + 1;
      const typeText = Object.entries(byType)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ');
      run.result(
        `scored ${formatCount(steps)} steps at sensitivity ${sensitivity}: ${formatCount(flagged)} anomalous, ` +
          `${events.length} spike events${typeText ? ` (${typeText})` : ''}; wrote ${out} and ${eventsOut}`,
        {
          input,
          out,
          eventsOut,
          sensitivity,
          steps,
          anomalous: flagged,
          events: events.length,
          eventsByType: byType,
        },
      );
    } finally {
      run.progress.done();
    }
  });
}

/** `anomalies.csv` next to `anomalies-events.csv`. */
function eventsPathFor(out: string): string {
  const ext = extname(out);
  return join(dirname(out), `${basename(out, ext)}-events${ext || '.csv'}`);
}

function parseSensitivity(text: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !(value >= 0 && value <= 1)) {
    throw new UsageError(`--sensitivity: "${text}" is not a number from 0 to 1`);
  }
  return value;
}

function eventsCsv(detections: { id: string; detection: Detection }[], withIds: boolean): string {
  const rows: { id: string; event: SpikeEvent }[] = detections.flatMap(({ id, detection }) =>
    detection.events.map((event) => ({ id, event })),
  );
  const columns = [
    rows.map((r) => toIsoUtc(r.event.start)),
    rows.map((r) => toIsoUtc(r.event.end)),
    rows.map((r) => toIsoUtc(r.event.peak)),
    rows.map((r) => r.event.peak_value),
    rows.map((r) => r.event.magnitude),
    rows.map((r) => r.event.type),
    rows.map((r) => r.event.score ?? Number.NaN),
  ];
  const header = withIds ? ['series_id', ...EVENT_HEADER] : EVENT_HEADER;
  return formatCsv(header, withIds ? [rows.map((r) => r.id), ...columns] : columns, {
    decimals: { peak_value: 6, magnitude: 4, score: 6 },
  });
}
