// Rolling-origin backtests of @cdf/quantile against Prophet's own intervals; prints tables.
//   pnpm --filter @cdf/quantile bench [synthetic|servegen|m4|all] [m4 series count]
//   env: SEEDS=1,2,3  SCORED=12  SCORE_EVERY=4  STRIDE=47  WINDOW=16  PROPHET=0 (skip Prophet)
// Synthetic and ServeGen: ONE rolling-origin backtest per series (the ensemble baseline on its
// last 8 weeks + the level regressor, retrained every `refitEvery` steps on the past only). Each
// scored origin is calibrated on the WINDOW most recent earlier origins whose whole horizon ended
// before it (sequential split conformal on a sliding window), so every number is out of sample.
// M4: the stage is fitted on each series' train part (its own rolling-origin calibration),
// scored on the 48 h test part.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createEnsembleBaseline } from '@cdf/baseline';
import type { PlannedEvent, Series } from '@cdf/core';
import {
  type BacktestRecord,
  bucketOf,
  COMPONENTS,
  calibrateRecords,
  type Forecaster,
  fitQuantileStage,
  ResidualDistribution,
  regressorForecaster,
  resolveQuantileParams,
  robustSpikeMask,
  rollingOrigins,
  runRollingOrigin,
  withoutPlannedEvents,
} from '../src/index.ts';
import {
  type BenchSeries,
  readM4,
  seriesSlice,
  servegenSeries,
  sharedDataset,
  syntheticSeries,
} from './bench-series.ts';
import { empiricalSpikes, ourForecast, stateSpikeRate } from './our-quantiles.ts';
import { type ProphetQuantiles, prophetQuantiles } from './prophet-reference.ts';
import { type OriginForecast, type Scores, scoreForecasts } from './score-card.ts';

/** Backtest records to a JSON file (typed arrays as plain arrays), to re-score without refitting. */
function saveRecords(file: string, records: readonly BacktestRecord[]): void {
  writeFileSync(
    file,
    JSON.stringify(records, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)),
  );
}

/** Records of `origins` from any cached backtest of the same series that holds them all, else null. */
function cachedRecords(dir: string, prefix: string, origins: readonly number[]): BacktestRecord[] | null {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.json')) continue;
    const byOrigin = new Map(loadRecords(`${dir}/${name}`).map((r) => [r.origin, r]));
    if (origins.every((o) => byOrigin.has(o))) return origins.map((o) => byOrigin.get(o)!);
  }
  return null;
}

function loadRecords(file: string): BacktestRecord[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
  return raw.map((r) => ({
    origin: r.origin as number,
    level: r.level as number,
    times: Float64Array.from(r.times as number[]),
    actual: Float64Array.from(r.actual as number[]),
    usable: Uint8Array.from(r.usable as number[]),
    spike: Uint8Array.from(r.spike as number[]),
    forecasts: Object.fromEntries(
      Object.entries(r.forecasts as Record<string, (number | null)[]>).map(([k, v]) => [
        k,
        Float64Array.from(v, (x) => (x === null ? Number.NaN : x)),
      ]),
    ),
  }));
}

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUN_PROPHET = env('PROPHET', 1) === 1;

/** The caller's baseline: the @cdf/baseline ensemble on the last `window` points, spike-masked. */
function ensembleForecaster(spikes: Uint8Array, window: number): Forecaster {
  return async (train, horizon) => {
    const n = train.values.length;
    const from = Math.max(0, n - window);
    const fitted = await createEnsembleBaseline().fit(
      { series: seriesSlice(train, from, n), mask: spikes.slice(from, n) },
      { seed: 0 },
    );
    return fitted.predict({ horizon }).point;
  };
}

interface SequentialSetup {
  bench: BenchSeries;
  horizon: number;
  buckets: number[];
  /** Steps between backtest origins. */
  stride: number;
  /** Scored origins, every `scoreEvery`-th backtest origin, the last ending at the series' end. */
  scored: number;
  scoreEvery: number;
  /** Calibration: the most recent `window` complete earlier origins. */
  window: number;
  minHistory: number;
  baselineWindow: number;
  prophetWindow: number;
}

interface Result {
  label: string;
  origins: number;
  span: string;
  tables: { title: string; scores: Record<string, Scores> }[];
}

async function sequential(label: string, setup: SequentialSetup): Promise<Result> {
  const { bench, horizon, buckets, stride, scored, scoreEvery, window } = setup;
  const { series, planned, event } = bench;
  const params = resolveQuantileParams({ horizonBuckets: buckets });
  const normal = withoutPlannedEvents(series, planned);
  const spikes = robustSpikeMask(normal);
  const n = series.values.length;
  const lead = Math.ceil(horizon / stride);
  const origins = rollingOrigins(
    n,
    horizon,
    (scored - 1) * scoreEvery + 1 + window + lead,
    stride,
    setup.minHistory,
  );
  const regressor = regressorForecaster(params, spikes, 0);
  const started = Date.now();
  const cacheFile = process.env.CACHE
    ? `${process.env.CACHE}/${series.id}-${horizon}-${stride}-${origins.length}.json`
    : '';
  const cached = process.env.CACHE
    ? cachedRecords(process.env.CACHE, `${series.id}-${horizon}-${stride}-`, origins)
    : null;
  const records =
    cached ??
    (await runRollingOrigin({
      series: normal,
      horizon,
      origins,
      spikes,
      minHistory: setup.minHistory,
      forecasters: {
        [COMPONENTS.baseline]: ensembleForecaster(spikes, setup.baselineWindow),
        [COMPONENTS.regressor]: regressor,
      },
      onProgress: (p) =>
        process.stderr.write(
          `\r${label}: origin ${p.done}/${p.total} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        ),
    }));
  regressor.free();
  if (cacheFile && cached === null) saveRecords(cacheFile, records);
  process.stderr.write('\n');
  const methods = [
    'ours (conformal)',
    'ours, expected_value as point',
    'ours + spike-rate mixture',
    'ours + state spike-rate mixture',
    'prophet intervals',
  ];
  const all: Record<string, OriginForecast[]> = Object.fromEntries(methods.map((m) => [m, []]));
  const calm: Record<string, OriginForecast[]> = Object.fromEntries(methods.map((m) => [m, []]));
  const scoredRecords: BacktestRecord[] = [];
  for (let k = records.length - 1; k >= 0 && scoredRecords.length < scored; k -= scoreEvery) {
    const record = records[k]!;
    const calibration = records.filter((r) => r.origin + horizon <= record.origin).slice(-window);
    if (calibration.length < window) break;
    scoredRecords.push(record);
    const cal = calibrateRecords(calibration, params, true);
    const actual = series.values.slice(record.origin, record.origin + horizon);
    const usableNormal = Uint8Array.from(record.usable, (u, i) =>
      u === 1 && event?.[record.origin + i] !== 1 ? 1 : 0,
    );
    const common = { actual, plannedEvents: planned, floorShare: params.forecastFloor };
    const forecasts: Record<string, (usable: Uint8Array) => OriginForecast> = {
      'ours (conformal)': (usable) => ourForecast(record, cal, { ...common, usable }),
      'ours, expected_value as point': (usable) => {
        const f = ourForecast(record, cal, {
          ...common,
          usable,
          spikes: empiricalSpikes(calibration, cal, horizon),
        });
        return { ...f, point: f.expected };
      },
      'ours + spike-rate mixture': (usable) =>
        ourForecast(record, cal, { ...common, usable, spikes: empiricalSpikes(calibration, cal, horizon) }),
      'ours + state spike-rate mixture': (usable) =>
        ourForecast(record, cal, {
          ...common,
          usable,
          spikes: stateSpikeRate(spikes, record.origin, horizon, calibration, cal),
        }),
    };
    for (const [name, make] of Object.entries(forecasts)) {
      all[name]!.push(make(record.usable));
      calm[name]!.push(make(usableNormal));
    }
    if (RUN_PROPHET) {
      const q = await prophetQuantiles(normal, record.origin, horizon, spikes, planned, setup.prophetWindow);
      all['prophet intervals']!.push(prophetOrigin(record, actual, q, buckets, record.usable));
      calm['prophet intervals']!.push(prophetOrigin(record, actual, q, buckets, usableNormal));
      process.stderr.write(`\r${label}: prophet ${scoredRecords.length}/${scored}`);
    }
  }
  process.stderr.write('\n');
  const score = (set: Record<string, OriginForecast[]>) =>
    Object.fromEntries(
      Object.entries(set)
        .filter(([, list]) => list.length > 0)
        .map(([name, list]) => [name, scoreForecasts(list, buckets.length)]),
    );
  const day = (r: BacktestRecord) => new Date(r.times[0]!).toISOString().slice(0, 10);
  const tables = [{ title: 'all observed hours', scores: score(all) }];
  if (event) tables.push({ title: 'non-event hours (ground truth)', scores: score(calm) });
  return {
    label,
    origins: scoredRecords.length,
    span: `${day(scoredRecords[scoredRecords.length - 1]!)} .. ${day(scoredRecords[0]!)}, ${stride * scoreEvery} h apart`,
    tables,
  };
}

function prophetOrigin(
  record: BacktestRecord,
  actual: Float64Array,
  quantiles: ProphetQuantiles,
  buckets: readonly number[],
  usable: Uint8Array,
): OriginForecast {
  return {
    times: record.times,
    actual,
    quantiles,
    point: quantiles.get(0.5)!,
    bucket: Int32Array.from(record.times, (_, i) => bucketOf(i + 1, buckets)),
    usable,
  };
}

async function m4(count: number): Promise<Result> {
  const train = readM4(sharedDataset('m4-hourly', 'train.csv'));
  const test = readM4(sharedDataset('m4-hourly', 'test.csv'));
  const ids = [...train.keys()];
  const step = Math.max(1, Math.floor(ids.length / count));
  const picked = ids.filter((_, k) => k % step === 0).slice(0, count);
  const buckets = [6, 24, 48];
  const horizon = 48;
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
    const baseline = ensembleForecaster(spikes, 1344);
    const stage = await fitQuantileStage(
      { series: history, horizon, baseline, spikes },
      { horizonBuckets: buckets },
      { seed: 0 },
    );
    const point = await baseline(history, horizon);
    const frame = await stage.assemble({ history, baseline: point, spikeMask: spikes });
    const blended = await stage.pointForecast(history, point);
    stage.free();
    const quantiles = new Map<number, Float64Array>();
    for (const name of ['p50', 'p75', 'p90', 'p95', 'p99'] as const)
      quantiles.set(
        Number(name.slice(1)) / 100,
        Float64Array.from(frame, (r) => r[name]),
      );
    const dists = stage.table.all.map((v) => new ResidualDistribution(stage.table.grid, v));
    const eps = stage.table.epsilon;
    for (const level of [0.05, 0.01]) {
      quantiles.set(
        level,
        Float64Array.from(blended, (f, i) =>
          Math.min(
            quantiles.get(0.5)![i]!,
            Math.max(
              0,
              (Math.max(f, frame[i]!.baseline) + eps) *
                Math.exp(dists[bucketOf(i + 1, buckets)]!.quantile(level)) -
                eps,
            ),
          ),
        ),
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
    if (RUN_PROPHET) {
      const full = { ...history, values: Float64Array.from(history.values) } as Series;
      const q = await prophetQuantiles(
        full,
        history.values.length,
        horizon,
        spikes,
        [] as PlannedEvent[],
        100_000,
      );
      theirs.push({
        times: future.timestamps,
        actual: future.values,
        quantiles: q,
        point: q.get(0.5)!,
        bucket,
      });
    }
  }
  process.stderr.write('\n');
  const scores: Record<string, Scores> = { 'ours (conformal)': scoreForecasts(ours, buckets.length) };
  if (theirs.length > 0) scores['prophet intervals'] = scoreForecasts(theirs, buckets.length);
  return {
    label: `M4 hourly, ${picked.length} of ${ids.length} series (every ${step}th), h = 48`,
    origins: picked.length,
    span: 'one origin per series (end of train)',
    tables: [{ title: 'test part', scores }],
  };
}

function printResult(result: Result): void {
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(`\n### ${result.label}: ${result.origins} scored origins (${result.span})`);
  for (const { title, scores } of result.tables) {
    console.log(`\n${title}\n`);
    console.log(
      '| method | steps | cov P50 | P75 | P90 | P95 | P99 | pinball P50 | P75 | P90 | P95 | P99 | IS 90% | IS 98% | MAPE h | MAPE day | width (p95-p50)/p50 by bucket |',
    );
    console.log(`|${' --- |'.repeat(17)}`);
    for (const [name, s] of Object.entries(scores)) {
      const cells = [
        name,
        String(s.steps),
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
  }
}

const which = process.argv[2] ?? 'all';
const m4Count = Number(process.argv[3] ?? 40);
const seeds = (process.env.SEEDS ?? '1,2,3').split(',').map(Number);
if (which === 'synthetic' || which === 'all') {
  for (const seed of seeds) {
    printResult(
      await sequential(`synthetic seed ${seed}, 2 years hourly, h = 168`, {
        bench: syntheticSeries(seed),
        horizon: 168,
        buckets: [6, 24, 72, 168],
        stride: env('STRIDE', 47),
        scored: env('SCORED', 12),
        scoreEvery: env('SCORE_EVERY', 4),
        window: env('WINDOW', 24),
        minHistory: 168,
        baselineWindow: 1344,
        prophetWindow: 2016,
      }),
    );
  }
}
if (which === 'servegen' || which === 'all') {
  printResult(
    await sequential('ServeGen m-mid, 14 days hourly, h = 24', {
      bench: { series: servegenSeries(), planned: [] },
      horizon: 24,
      buckets: [6, 24],
      stride: 5,
      scored: env('SG_SCORED', 20),
      scoreEvery: 2,
      window: env('SG_WINDOW', 16),
      minHistory: 48,
      baselineWindow: 1344,
      prophetWindow: 2016,
    }),
  );
}
if (which === 'm4' || which === 'all') printResult(await m4(m4Count));
