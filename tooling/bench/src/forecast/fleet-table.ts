import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { HOUR_MS } from '@cdf/core';
import { generateSynthetic, SYNTHETIC_COLUMNS } from '@cdf/data';
import type { ReportTable } from '../report-table.ts';
import type { CaseContext } from '../speed-case.ts';
import { COLD_WARM_COLUMNS, coldWarmCells, formatMb, formatMs, summarise } from '../stats.ts';
import { fleetShape, TWO_YEARS } from '../workloads/synthetic-workload.ts';
import { type CliRun, runCli } from './cli-run.ts';
import { writeLongCsv } from './metrics-csv.ts';
import { runMeasures } from './run-measures.ts';

/** Columns of the fleet table. */
const FLEET_COLUMNS = [
  'what',
  ...COLD_WARM_COLUMNS,
  'per series (warm median)',
  'peak RSS',
  'series ok / failed',
];

/** One row: the first value is the cold run, the rest are warm. */
function fleetRow(what: string, values: number[], seriesCount: number, extra: [string, string] = ['', '']) {
  const [cold, ...warm] = values;
  const typical = warm.length > 0 ? summarise(warm).median : cold!;
  return [what, ...coldWarmCells(values), formatMs(typical / seriesCount), ...extra];
}

/** Rows for a set of runs of one command: the whole process, run.json's phases, each stage summed over series. */
function fleetRows(label: string, runs: CliRun[], seriesCount: number): Array<Array<string>> {
  const peak = Math.max(...runs.map((r) => r.peakRssBytes));
  const ok = [...new Set(runs.map((r) => `${r.seriesOk} / ${r.seriesFailed}`))].join(', ');
  const processCells: [string, string] = [Number.isFinite(peak) ? formatMb(peak) : '—', ok];
  return runMeasures(runs, (r) => r.stageTotals, ', summed over series').map((m, i) =>
    fleetRow(`${label}: ${m.what}`, m.values, seriesCount, i === 0 ? processCells : undefined),
  );
}

/**
 * `cdf forecast --id-col` on the fleet (200 series x 2,000 h; 4 x 1,000 in --quick), cold and
 * warm (fresh processes: the first is cold, the rest warm), then `cdf predict` from the first
 * run's saved models, cold and warm.
 */
export function fleetTable(ctx: CaseContext, horizon: number): ReportTable {
  const shape = fleetShape(ctx.quick);
  const runs = ctx.quick ? 1 : 3;
  const start = Date.parse(TWO_YEARS.start);
  const fleetSeries = Array.from({ length: shape.series }, (_, k) => {
    const d = generateSynthetic({ start, end: start + shape.hours * HOUR_MS, seed: 1000 + k });
    return { id: `series-${k}`, timestamps: d.timestamps, columns: d.columns };
  });
  const fleetCsv = join(ctx.scratch, 'fleet.csv');
  writeLongCsv(fleetCsv, fleetSeries, SYNTHETIC_COLUMNS);
  const outs = Array.from({ length: runs }, () => mkdtempSync(join(ctx.scratch, 'fleet-')));
  const forecasts = outs.map((out) =>
    runCli(
      ctx.root,
      [
        'forecast',
        '--input',
        fleetCsv,
        '--id-col',
        'series_id',
        '--horizon',
        String(horizon),
        '--seed',
        '42',
      ],
      out,
    ),
  );
  const predicts = Array.from({ length: Math.max(2, runs) }, () =>
    runCli(
      ctx.root,
      ['predict', '--model', join(outs[0]!, 'model'), '--input', fleetCsv, '--horizon', String(horizon)],
      mkdtempSync(join(ctx.scratch, 'fleet-predict-')),
    ),
  );
  return {
    title: `cdf forecast on a fleet: ${shape.series} series x ${shape.hours.toLocaleString('en-US')} h in one long table (--id-col), horizon 168 h`,
    columns: FLEET_COLUMNS,
    rows: [
      ...fleetRows('forecast', forecasts, shape.series),
      ...fleetRows('predict', predicts, shape.series),
    ],
    notes: [
      `Each run is a fresh process (the built CLI, --quiet): cold = the first, warm = the median of the ${runs - 1} after it (--quick: one forecast, cold only). \`predict\` reads the fleet's saved models (one set per series) from the first forecast and forecasts every series again without fitting.`,
      'Series are fitted in worker threads (default: one per core), so stage times summed over series can exceed the wall time. Worker threads live in the one process, so its peak RSS covers them.',
    ],
  };
}
