import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PlannedEvent, PlannedEventSchema } from '@cdf/core';
import { datasetPath } from '@cdf/eval';
import { type CliRun, readScenarios, runCli } from '../forecast/cli-run.ts';
import { fleetTable } from '../forecast/fleet-table.ts';
import { poolAccuracy, type ScoredWindow } from '../forecast/forecast-accuracy.ts';
import { writeMetricsCsv } from '../forecast/metrics-csv.ts';
import {
  prophetQuantileColumns,
  type QuantileScores,
  scoreQuantiles,
} from '../forecast/prophet-intervals.ts';
import { runMeasures } from '../forecast/run-measures.ts';
import type { ReportTable } from '../report-table.ts';
import type { CaseContext } from '../speed-case.ts';
import { COLD_WARM_COLUMNS, coldWarmCells, formatMb } from '../stats.ts';
import type { Suite } from '../suite.ts';
import { TWO_YEARS, twoYears } from '../workloads/synthetic-workload.ts';

const HORIZON = 168;

function speedRows(label: string, runs: CliRun[]): Array<Array<string | number>> {
  const peak = Math.max(...runs.map((r) => r.peakRssBytes));
  const rss = Number.isFinite(peak) ? formatMb(peak) : '—';
  return runMeasures(runs, (r) => r.stages).map((m, i) => [
    `${label}: ${m.what}`,
    ...coldWarmCells(m.values),
    i === 0 ? rss : '',
  ]);
}

function speedTable(title: string, rows: Array<Array<string | number>>, notes: string[]): ReportTable {
  return {
    title,
    columns: ['what', ...COLD_WARM_COLUMNS, 'peak RSS'],
    rows,
    notes,
  };
}

function accuracyRows(label: string, windows: ScoredWindow[], season: number): Array<Array<string | number>> {
  const a = poolAccuracy(windows, season);
  const better = (cdf: number, ref: number) => (cdf < ref ? 'yes' : 'no');
  return [
    [
      label,
      `${a.windows} x ${windows[0]!.actual.length} h${a.points === a.windows * windows[0]!.actual.length ? '' : ` (${a.points} h scored)`}`,
      a.mapeP50,
      a.mapeExpected,
      a.dailyMapeP50,
      a.mapeSeasonalNaive,
      a.dailyMapeSeasonalNaive,
      a.smapeP50,
      a.smapeSeasonalNaive,
      better(a.mapeP50, a.mapeSeasonalNaive),
      better(a.smapeP50, a.smapeSeasonalNaive),
      ...a.coverage.map((c) => c.coverage),
    ],
  ];
}

const ACCURACY_COLUMNS = [
  'data',
  'windows',
  'MAPE % P50 (hourly)',
  'MAPE % expected',
  'MAPE % P50 (daily totals)',
  'MAPE % seasonal naive',
  'daily MAPE % seasonal naive',
  'sMAPE % P50',
  'sMAPE % seasonal naive',
  'cdf better (MAPE)?',
  'cdf better (sMAPE)?',
  'cov P50',
  'cov P75',
  'cov P90',
  'cov P95',
  'cov P99',
];

const QUANTILE_SCORE_COLUMNS = [
  'data',
  'method',
  'pinball P50',
  'pinball P75',
  'pinball P90',
  'pinball P95',
  'pinball P99',
  'IS [0, P95]',
  'IS [0, P99]',
  'coverage P50 / P75 / P90 / P95 / P99',
  'cdf better?',
];

/** Two rows, cdf and Prophet's own intervals, scored on the same windows. */
async function quantileRows(
  label: string,
  windows: ScoredWindow[],
  timestamps: Float64Array,
  planned: readonly PlannedEvent[],
): Promise<Array<Array<string | number>>> {
  const prophet: Array<Record<string, Float64Array>> = [];
  for (const w of windows) {
    prophet.push(await prophetQuantileColumns(timestamps, w.history, w.actual.length, planned));
  }
  const ours = scoreQuantiles(
    windows,
    windows.map((w) => w.scenarios),
  );
  const theirs = scoreQuantiles(windows, prophet);
  const cells = (s: QuantileScores) => [
    ...s.pinball,
    s.upperInterval95,
    s.upperInterval99,
    s.coverage.map((c) => c.toFixed(3)).join(' / '),
  ];
  const pairs = [
    ...ours.pinball.map((p, i) => [p, theirs.pinball[i]!] as const),
    [ours.upperInterval95, theirs.upperInterval95] as const,
    [ours.upperInterval99, theirs.upperInterval99] as const,
  ];
  const wins = pairs.filter(([a, b]) => a < b).length;
  return [
    [label, 'cdf', ...cells(ours), `${wins} of ${pairs.length}`],
    [label, 'Prophet (own intervals)', ...cells(theirs), ''],
  ];
}

/** Origins of the synthetic accuracy backtest (a week apart); one in --quick. */
const SYNTHETIC_ORIGINS = 8;

/**
 * Out-of-sample accuracy of `cdf forecast` on the two-year workload: origins a week apart, each
 * scored on the week after it; one row on every hour, one on the hours outside ground-truth
 * events. Twice: as a platform that announces nothing (the last origin is the speed runs'
 * forecast, `lastOut`), and with the generator's planned launches given as `--events`, as a
 * platform that plans its launches would run it.
 */
function syntheticAccuracyRows(
  ctx: CaseContext,
  data: ReturnType<typeof twoYears>['data'],
  lastOut: string,
): { rows: Array<Array<string | number>>; plannedWindows: ScoredWindow[]; label: string } {
  const count = ctx.quick ? 1 : SYNTHETIC_ORIGINS;
  const label = `synthetic (seed ${TWO_YEARS.seed}), ${count} origin${count > 1 ? 's a week apart' : ''}`;
  const launches = join(ctx.scratch, 'synthetic-launches.json');
  writeFileSync(launches, JSON.stringify(data.plannedLaunches));
  const rows: Array<Array<string | number>> = [];
  let plannedWindows: ScoredWindow[] = [];
  for (const [variant, events] of [
    ['no launches announced', undefined],
    ['planned launches given', launches],
  ] as const) {
    const windows = syntheticWindows(ctx, data, count, events === undefined ? lastOut : undefined, events);
    if (events !== undefined) plannedWindows = windows;
    rows.push(
      ...accuracyRows(
        `${label}, ${variant}, every hour`,
        windows.map(({ keep: _, ...w }) => w),
        168,
      ),
      ...accuracyRows(`${label}, ${variant}, outside events`, windows, 168),
    );
  }
  return { rows, plannedWindows, label };
}

/** The scored windows of `count` origins a week apart; the last one reuses `lastOut` when given. */
function syntheticWindows(
  ctx: CaseContext,
  data: ReturnType<typeof twoYears>['data'],
  count: number,
  lastOut: string | undefined,
  events: string | undefined,
): ScoredWindow[] {
  const values = data.columns.compute_tflops!;
  const n = values.length;
  const windows: ScoredWindow[] = [];
  for (let k = count; k >= 1; k--) {
    const origin = n - k * HORIZON;
    let out = lastOut;
    if (k > 1 || out === undefined) {
      const csv = join(ctx.scratch, `synthetic-origin-${k}.csv`);
      writeMetricsCsv(csv, data.timestamps, data.columns, 0, origin);
      out = mkdtempSync(join(ctx.scratch, 'synthetic-origin-'));
      const plan = events === undefined ? [] : ['--events', events];
      runCli(
        ctx.root,
        ['forecast', '--input', csv, '--horizon', String(HORIZON), '--seed', '42', ...plan],
        out,
      );
    }
    windows.push({
      timestamps: data.timestamps.slice(origin, origin + HORIZON),
      actual: values.slice(origin, origin + HORIZON),
      scenarios: readScenarios(out).columns,
      history: values.slice(0, origin),
      keep: Uint8Array.from(data.eventType.slice(origin, origin + HORIZON), (t) => (t === '' ? 1 : 0)),
    });
  }
  return windows;
}

async function forecastTables(ctx: CaseContext): Promise<ReportTable[]> {
  const tables: ReportTable[] = [];
  const runs = ctx.quick ? 2 : 3;

  // 1. Two years hourly (the last week held out): the whole forecast, cold and warm, each stage; then predict from the saved model.
  const { data, series } = twoYears(ctx.quick);
  const n = series.values.length;
  const historyCsv = join(ctx.scratch, 'forecast-history.csv');
  writeMetricsCsv(historyCsv, data.timestamps, data.columns, 0, n - HORIZON);
  const outs = Array.from({ length: runs }, () => mkdtempSync(join(ctx.scratch, 'forecast-')));
  const forecastRuns = outs.map((out) =>
    runCli(ctx.root, ['forecast', '--input', historyCsv, '--horizon', String(HORIZON), '--seed', '42'], out),
  );
  const predictRuns = outs.map((out) =>
    runCli(
      ctx.root,
      ['predict', '--model', join(out, 'model'), '--input', historyCsv, '--horizon', String(HORIZON)],
      mkdtempSync(join(ctx.scratch, 'predict-')),
    ),
  );
  const rows = n - HORIZON;
  tables.push(
    speedTable(
      `cdf forecast, end to end: ${rows.toLocaleString('en-US')} hourly rows (2 years less the held-out week${ctx.quick ? '; quick: 8 weeks' : ''}), horizon 168 h`,
      [...speedRows('forecast', forecastRuns), ...speedRows('predict from saved model', predictRuns)],
      [
        `Each run is a fresh \`cdf forecast\` process (the built CLI, --quiet): cold = the first, warm = the median of the ${runs - 1} after it (OS caches warm). Stage times come from run.json; the peak RSS from /usr/bin/time.`,
        '`predict` loads model/ written by the forecast and forecasts again from the same history (anomaly detection, spike and quantile forecast, capacity plan; no fitting).',
      ],
    ),
  );

  // 2. Accuracy on the held-out weeks: the run above is the last origin; earlier ones a week apart.
  const synthetic = syntheticAccuracyRows(ctx, data, outs[0]!);
  const accuracy: Array<Array<string | number>> = synthetic.rows;
  const versusProphet: Array<Array<string | number>> = [];
  const planned = data.plannedLaunches.map((p) => PlannedEventSchema.parse(p));
  versusProphet.push(
    ...(await quantileRows(
      `${synthetic.label}, planned launches given`,
      synthetic.plannedWindows,
      data.timestamps,
      planned,
    )),
  );

  // 3. ServeGen m-mid: rolling origins 24 h apart, h = 24.
  const servegen = datasetPath(ctx.root, 'servegen', 'm-mid-hourly.csv');
  if (servegen) {
    const lines = readFileSync(servegen, 'utf8').trim().split('\n').slice(1);
    const t = Float64Array.from(lines, (l) => Date.parse(l.split(',')[0]!));
    const v = Float64Array.from(lines, (l) => Number(l.split(',')[1]));
    const h = 24;
    const origins = ctx.quick ? 1 : 8; // at least 8 origins, as the quantile targets ask: the earliest keeps 6 days
    const windows: ScoredWindow[] = [];
    for (let k = origins; k >= 1; k--) {
      const origin = v.length - k * h;
      const csv = join(ctx.scratch, `servegen-${k}.csv`);
      writeMetricsCsv(csv, t, { request_count: v }, 0, origin);
      const out = mkdtempSync(join(ctx.scratch, 'servegen-'));
      runCli(
        ctx.root,
        ['forecast', '--input', csv, '--target', 'request_count', '--horizon', String(h), '--seed', '42'],
        out,
      );
      windows.push({
        timestamps: t.slice(origin, origin + h),
        actual: v.slice(origin, origin + h),
        scenarios: readScenarios(out).columns,
        history: v.slice(0, origin),
      });
    }
    accuracy.push(...accuracyRows(`ServeGen m-mid (${origins} origins, 24 h apart)`, windows, 24));
    versusProphet.push(
      ...(await quantileRows(`ServeGen m-mid (${origins} origins, 24 h apart)`, windows, t, [])),
    );
  } else {
    accuracy.push(['ServeGen m-mid: dataset not found', ...ACCURACY_COLUMNS.slice(1).map(() => '')]);
  }
  tables.push({
    title: 'Forecast accuracy of the whole `cdf forecast` (out of sample): MAPE and quantile coverage',
    columns: ACCURACY_COLUMNS,
    rows: accuracy,
    notes: [
      `Synthetic: ${SYNTHETIC_ORIGINS} origins a week apart ending at the last week of the two years (25-31 December 2026, with the synthetic Christmas and New Year dips); in --quick one. Run twice: with no launch announced, and with the generator's planned launches passed as --events (as a platform that plans its launches runs cdf). "outside events" scores only the hours outside the generator's ground-truth events (launch, viral, abuse, growth); daily totals always use every hour.`,
      'Each window: `cdf forecast` on the history before the origin only, scored on the next hours. Coverage = share of actuals at or below the quantile (a calibrated P90 covers 0.90). Seasonal naive repeats the last week (synthetic) or day (ServeGen) of the history.',
      'Where cdf is worse than seasonal naive, the column says "no".',
      'ServeGen has hours with no requests at all (gaps in the trace) and a few near-zero ones: MAPE skips zero actuals but explodes on the near-zero hours, so read its sMAPE beside it.',
    ],
  });

  tables.push({
    title:
      "Quantiles of `cdf forecast` vs Prophet's own intervals: pinball loss and upper-interval score (lower is better)",
    columns: QUANTILE_SCORE_COLUMNS,
    rows: versusProphet,
    notes: [
      "The same windows as the accuracy table above (synthetic with the planned launches given; ServeGen). Prophet (augurs, the real Stan model) at each origin: multiplicative seasonality, fitted on the last 12 weeks of the history with the planned launches divided out and @cdf/quantile's robust causal spike mask, its point forecast as P50 and the upper bound of its central interval at level 2q - 1 as quantile q (its own uncertainty samples), the planned profile multiplied back in.",
      'Pinball loss in the target unit, averaged over every scored hour. The scenario frame has upper quantiles only (capacity is bought from zero up), so the interval scores are of [0, P95] and [0, P99]: width plus 2/alpha times the excess of demand over the upper bound.',
      '"cdf better?" counts the levels (and the two interval scores) where cdf scores lower, of 7.',
    ],
  });

  // 4. The fleet: one long table, one model set per series, across the cores.
  tables.push(fleetTable(ctx, HORIZON));
  return tables;
}

/** The whole `cdf forecast`: speed end to end and per stage, predict from a saved model, the fleet, and out-of-sample accuracy. */
export const forecastSuite: Suite = { name: 'forecast', tables: forecastTables };
