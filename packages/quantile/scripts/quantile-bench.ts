// Rolling-origin backtests of @cdf/quantile against Prophet's own intervals; prints a table.
//   pnpm --filter @cdf/quantile bench [synthetic|servegen|m4|all] [m4 series count]   (SEEDS=1,2 picks synthetic seeds)
// Synthetic (2 years hourly, seeds 1 and 2) and ServeGen: ONE rolling-origin backtest per
// series; each evaluation origin is calibrated only on earlier origins whose whole window ended
// before it (sequential split conformal), so every scored number is out of sample. M4: the stage
// is fitted (calibrated) on each series' train part, scored on its 48 h test part.
import type { Series } from '@cdf/core';
import {
  type BacktestRecord,
  blendForecast,
  bucketOf,
  COMPONENTS,
  fitQuantileStage,
  fitResidualTable,
  learnBlendWeights,
  regressorForecaster,
  resolveQuantileParams,
  robustSpikeMask,
  runRollingOrigin,
} from '../src/index.ts';
import { readM4, servegenSeries, syntheticSeries } from './bench-series.ts';
import { empiricalSpikes, ourForecast } from './our-quantiles.ts';
import { type ProphetQuantiles, prophetForecaster } from './prophet-reference.ts';
import { type OriginForecast, SCORED_LEVELS, type Scores, scoreForecasts } from './score-card.ts';

interface SequentialSetup {
  series: Series;
  horizon: number;
  buckets: number[];
  origins: number;
  stride: number;
  /** Fewest earlier complete records an evaluation origin needs. */
  minCalibration: number;
}

interface Result {
  label: string;
  origins: number;
  scores: Record<string, Scores>;
}

async function sequential(label: string, setup: SequentialSetup): Promise<Result> {
  const { series, horizon, buckets } = setup;
  const params = resolveQuantileParams({ horizonBuckets: buckets });
  const spikes = robustSpikeMask(series);
  const prophet = prophetForecaster(spikes);
  const started = Date.now();
  const records = await runRollingOrigin({
    series,
    horizon,
    origins: setup.origins,
    stride: setup.stride,
    spikes,
    minHistory: 48,
    forecasters: {
      [COMPONENTS.baseline]: prophet.forecaster,
      [COMPONENTS.regressor]: regressorForecaster(params, spikes, 0),
    },
    onProgress: (p) =>
      process.stderr.write(
        `\r${label}: origin ${p.done}/${p.total} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      ),
  });
  process.stderr.write('\n');
  const ours: OriginForecast[] = [];
  const mixed: OriginForecast[] = [];
  const expected: OriginForecast[] = [];
  const theirs: OriginForecast[] = [];
  for (const record of records) {
    const calibration = records.filter((r) => r.origin + horizon <= record.origin);
    if (calibration.length < setup.minCalibration) continue;
    const weights = learnBlendWeights(calibration, { buckets });
    const table = fitResidualTable(
      calibration,
      (r) =>
        blendForecast(r.forecasts[COMPONENTS.baseline]!, r.forecasts[COMPONENTS.regressor], weights, buckets),
      { buckets },
    );
    const plain = ourForecast(record, weights, table);
    ours.push(plain);
    expected.push({ ...plain, point: plain.expected });
    mixed.push(ourForecast(record, weights, table, empiricalSpikes(calibration, weights, table, horizon)));
    theirs.push(prophetOrigin(record, prophet.saved.get(record.origin)!, buckets));
  }
  return {
    label,
    origins: ours.length,
    scores: {
      'ours (conformal)': scoreForecasts(ours, buckets.length),
      'ours, expected_value as point': scoreForecasts(expected, buckets.length),
      'ours + spike mixture': scoreForecasts(mixed, buckets.length),
      'prophet intervals': scoreForecasts(theirs, buckets.length),
    },
  };
}

function prophetOrigin(
  record: BacktestRecord,
  q: ProphetQuantiles,
  buckets: readonly number[],
): OriginForecast {
  const quantiles = new Map(q.byLevel);
  quantiles.set(0.5, q.point);
  return {
    times: record.times,
    actual: record.actual,
    quantiles,
    point: q.point,
    bucket: Int32Array.from(record.times, (_, i) => bucketOf(i + 1, buckets)),
    usable: record.usable,
  };
}

async function m4(count: number): Promise<Result> {
  const train = readM4('/work/shared/datasets/m4-hourly/train.csv');
  const test = readM4('/work/shared/datasets/m4-hourly/test.csv');
  const ids = [...train.keys()];
  const step = Math.max(1, Math.floor(ids.length / count));
  const picked = ids.filter((_, k) => k % step === 0).slice(0, count);
  const buckets = [6, 24, 48];
  const ours: OriginForecast[] = [];
  const theirs: OriginForecast[] = [];
  const started = Date.now();
  for (const [k, id] of picked.entries()) {
    process.stderr.write(
      `\rm4: series ${k + 1}/${picked.length} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
    const history = train.get(id)!;
    const future = test.get(id)!;
    const spikes = robustSpikeMask(history);
    const prophet = prophetForecaster(spikes);
    const stage = await fitQuantileStage(
      { series: history, horizon: 48, baseline: prophet.forecaster, spikes },
      { horizonBuckets: buckets, origins: 12, originStride: 23 },
      { seed: 0 },
    );
    const baseline = await prophet.forecaster(history, 48);
    const frame = await stage.assemble({ history, baseline });
    stage.free();
    const record: BacktestRecord = {
      origin: history.values.length,
      times: future.timestamps,
      actual: future.values,
      usable: new Uint8Array(48).fill(1),
      spike: new Uint8Array(48),
      forecasts: {},
    };
    const quantiles = new Map<number, Float64Array>();
    for (const name of ['p50', 'p75', 'p90', 'p95', 'p99'] as const)
      quantiles.set(
        Number(name.slice(1)) / 100,
        Float64Array.from(frame, (r) => r[name]),
      );
    // Lower bounds for the interval score, read off the same table (all residuals).
    const point = await stage.pointForecast(history, baseline);
    const { ResidualDistribution } = await import('../src/index.ts');
    const dists = stage.table.all.map((v) => new ResidualDistribution(stage.table.grid, v));
    for (const level of [0.05, 0.01]) {
      quantiles.set(
        level,
        Float64Array.from(point, (f, i) => {
          const z = dists[bucketOf(i + 1, buckets)]!.quantile(level);
          return Math.min(
            quantiles.get(0.5)![i]!,
            Math.max(0, (f + stage.table.epsilon) * Math.exp(z) - stage.table.epsilon),
          );
        }),
      );
    }
    const bucket = Int32Array.from(future.timestamps, (_, i) => bucketOf(i + 1, buckets));
    ours.push({
      times: future.timestamps,
      actual: future.values,
      quantiles,
      point: quantiles.get(0.5)!,
      bucket,
    });
    theirs.push(prophetOrigin(record, prophet.saved.get(history.values.length)!, buckets));
  }
  process.stderr.write('\n');
  return {
    label: `M4 hourly, ${picked.length} of ${ids.length} series (every ${step}th), h = 48`,
    origins: picked.length,
    scores: {
      'ours (conformal)': scoreForecasts(ours, buckets.length),
      'prophet intervals': scoreForecasts(theirs, buckets.length),
    },
  };
}

function printResult(result: Result): void {
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(`\n### ${result.label} — ${result.origins} scored origins`);
  console.log(
    `| method | cov P50 | P75 | P90 | P95 | P99 | pinball P50 | P75 | P90 | P95 | P99 | IS 90% | IS 98% | MAPE h | MAPE day | width (p95-p50)/p50 by bucket |`,
  );
  console.log(`|${' --- |'.repeat(16)}`);
  for (const [name, s] of Object.entries(result.scores)) {
    const cells = [
      name,
      ...s.coverage.map(pct),
      ...s.pinball.map((x) => x.toPrecision(4)),
      s.interval90.toPrecision(4),
      s.interval98.toPrecision(4),
      s.mapeHourly.toFixed(2),
      s.mapeDaily.toFixed(2),
      s.widthByBucket.map((w) => w.toFixed(3)).join(' / '),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  void SCORED_LEVELS;
}

const which = process.argv[2] ?? 'all';
const m4Count = Number(process.argv[3] ?? 40);
const seeds = (process.env.SEEDS ?? '1,2').split(',').map(Number);
if (which === 'synthetic' || which === 'all') {
  for (const seed of seeds) {
    printResult(
      await sequential(`synthetic seed ${seed}, 2 years hourly, h = 168`, {
        series: syntheticSeries(seed),
        horizon: 168,
        buckets: [6, 24, 72, 168],
        origins: 20,
        // Weekly-ish origins (coprime with 24) spread the scored windows over months, not one week.
        stride: Number(process.env.STRIDE ?? 167),
        minCalibration: 8,
      }),
    );
  }
}
if (which === 'servegen' || which === 'all') {
  printResult(
    await sequential('ServeGen m-mid, 14 days hourly, h = 24', {
      series: servegenSeries(),
      horizon: 24,
      buckets: [6, 24],
      origins: 30,
      stride: 7,
      minCalibration: 8,
    }),
  );
}
if (which === 'm4' || which === 'all') printResult(await m4(m4Count));
