import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensembleBaseline, mstlBaseline, prophetBaseline } from '@cdf/baseline';
import type { Series } from '@cdf/core';
import {
  type BacktestForecaster,
  backtest,
  baselineForecaster,
  datasetPath,
  M4_HOURLY_SHOWN,
  naive2,
  owa,
  type PublishedM4Score,
  parseM4Published,
  seasonalNaive,
  summariseBacktests,
} from '@cdf/eval';
import { readLongCsv, seriesOf } from '../datasets/long-csv.ts';
import type { ReportTable } from '../report-table.ts';
import type { CaseContext } from '../speed-case.ts';
import type { Suite } from '../suite.ts';

const H = 48;
const M = 24;

interface Model {
  name: string;
  forecaster: () => BacktestForecaster;
  fullOnly?: boolean;
}

const MODELS: Model[] = [
  {
    name: 'Naive2 (M4 reference, @cdf/eval)',
    forecaster:
      () =>
      ({ history, horizon }) => ({ point: naive2(history.values, horizon, M) }),
  },
  {
    name: 'seasonal naive (@cdf/eval)',
    forecaster:
      () =>
      ({ history, horizon }) => ({ point: seasonalNaive(history.values, horizon, M) }),
  },
  { name: '**cdf ensemble (default baseline)**', forecaster: () => baselineForecaster(ensembleBaseline) },
  { name: 'cdf MSTL + ETS', forecaster: () => baselineForecaster(mstlBaseline) },
  { name: 'cdf Prophet', forecaster: () => baselineForecaster(prophetBaseline), fullOnly: true },
];
const DEFAULT_MODEL = 2;

function m4Series(dir: string, limit: number): Series[] {
  const train = readLongCsv(join(dir, 'train.csv'));
  const test = readLongCsv(join(dir, 'test.csv'));
  return [...train.keys()].slice(0, limit).map((id) => {
    const a = train.get(id)!;
    const b = test.get(id)!;
    return seriesOf(
      id,
      [...a.timestamps, ...b.timestamps.slice(0, H)],
      [...a.values, ...b.values.slice(0, H)],
    );
  });
}

function readPublished(dir: string): PublishedM4Score[] {
  return parseM4Published(readFileSync(join(dir, 'published-results-all-414.csv'), 'utf8'));
}

async function m4Tables(ctx: CaseContext): Promise<ReportTable[]> {
  const dir = datasetPath(ctx.root, 'm4-hourly');
  if (!dir)
    return [
      {
        title: 'M4 hourly — skipped',
        columns: ['why'],
        rows: [['the M4 dataset is not in ../shared/datasets/m4-hourly']],
      },
    ];
  const series = m4Series(dir, ctx.quick ? 10 : Number.POSITIVE_INFINITY);
  const rows: Array<{ name: string; smape: number; mase: number; owa: number; seconds: number }> = [];
  for (const model of MODELS.filter((m) => !ctx.quick || !m.fullOnly)) {
    const t0 = performance.now();
    const results = [];
    for (const s of series) {
      results.push(
        await backtest({
          series: s,
          horizon: H,
          origins: 1,
          forecaster: model.forecaster(),
          metrics: ['smape', 'mase'],
          seasonalPeriod: M,
        }),
      );
    }
    const overall = summariseBacktests(results).overall;
    rows.push({
      name: model.name,
      smape: overall.smape!,
      mase: overall.mase!,
      owa: Number.NaN,
      seconds: (performance.now() - t0) / 1000,
    });
  }
  const reference = rows[0]!;
  for (const r of rows) r.owa = owa(r, reference);
  const cdf = rows[DEFAULT_MODEL]!;
  const published = readPublished(dir).filter((p) => M4_HOURLY_SHOWN.includes(p.name));
  const verdict = (o: number) => (cdf.owa < o ? 'yes' : 'no');
  return [
    {
      title: `M4 hourly dev set (${series.length} of the 207 even-numbered series${ctx.quick ? ', quick subset' : ''}), h = 48: sMAPE, MASE, OWA`,
      columns: ['model', 'sMAPE', 'MASE', 'OWA', 'time', 'cdf ensemble better (OWA)?'],
      rows: [
        ...rows.map((r) => [
          r.name,
          r.smape,
          r.mase,
          r.owa,
          `${r.seconds.toFixed(1)} s`,
          r === cdf ? '' : verdict(r.owa),
        ]),
        ...published.map((p) => [
          `${p.name} (published, all 414)`,
          p.smape,
          p.mase,
          p.owa,
          '',
          verdict(p.owa),
        ]),
      ],
      notes: [
        "cdf rows: one-origin backtest per series with @cdf/eval's backtest (fit on train, score the 48-hour test), metrics averaged per series as M4 does; OWA against Naive2 on the same series.",
        "Published rows are M4's official scores over all 414 hourly series; ours cover the even-numbered half (or a quick subset), so compare OWA (relative to Naive2) rather than raw sMAPE.",
      ],
    },
  ];
}

/** M4 hourly: cdf's baselines beside the published M4 benchmarks and winners. */
export const m4Suite: Suite = { name: 'm4', tables: m4Tables };
