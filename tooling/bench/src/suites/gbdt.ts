import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rmse } from '@cdf/eval';
import { trainGbdt } from '@cdf/gbdt';
import { peerPython, pythonModulePeer, runPeer } from '../peers/peer-runtime.ts';
import { peerTable, skippedPeerTable } from '../peers/peer-table.ts';
import type { ReportTable } from '../report-table.ts';
import { runCaseIsolated } from '../run-case.ts';
import { type CaseContext, speedCase } from '../speed-case.ts';
import type { Suite } from '../suite.ts';
import {
  directSplit,
  GBDT_BENCH_PARAMS,
  type LabelledRows,
  rowsToCsv,
} from '../workloads/direct-matrix-workload.ts';
import { twoYears } from '../workloads/synthetic-workload.ts';

async function train(rows: LabelledRows) {
  return trainGbdt({
    features: rows,
    label: rows.label,
    objective: 'regression',
    params: GBDT_BENCH_PARAMS,
    seed: 1,
  });
}

interface XgboostOutput {
  version: string;
  runsMs: number[];
  medianMs: number;
  threads: number;
  holdoutPredictions: number[];
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const trainCase = speedCase({
  id: 'gbdt/train-direct-2y',
  title: 'train 200 trees (depth 6) on the direct design matrix of 2 years hourly',
  maxRuns: 4,
  setup: (ctx) => directSplit(twoYears(ctx.quick).series).train,
  run: async (rows) => (await train(rows)).free(),
});

async function versusXgboost(ctx: CaseContext): Promise<ReportTable[]> {
  const title = 'GBDT training: cdf (XGBoost WASM, 1 thread) vs native XGBoost (hist, 2 threads)';
  const peer = pythonModulePeer('native XGBoost (python3-xgboost)', 'xgboost');
  if (!peer.available) return [skippedPeerTable(title, [peer])];
  const { series } = twoYears(ctx.quick);
  const split = directSplit(series);
  const trainCsv = join(ctx.scratch, 'gbdt-train.csv');
  const holdoutCsv = join(ctx.scratch, 'gbdt-holdout.csv');
  writeFileSync(trainCsv, rowsToCsv(split.train));
  writeFileSync(holdoutCsv, rowsToCsv(split.holdout));
  const runs = ctx.quick ? 1 : 3;
  // cdf's time: the speed case in a fresh process (as the peer's), cold = its first training.
  const timed = runCaseIsolated(ctx.entry, trainCase, ctx, runs + 1);
  if (timed.error) throw new Error(`cdf training failed: ${timed.error}`);
  const cdfMedian = timed.warm?.median ?? timed.cold;
  // cdf's accuracy: one more training here, scored on the holdout.
  const model = await train(split.train);
  const predictions = model.predict(split.holdout);
  model.free();
  const { output, processMs } = runPeer<XgboostOutput>(peerPython(), [
    join(ctx.root, 'tooling/bench/peers/xgboost_train.py'),
    trainCsv,
    '--objective',
    'reg:squarederror',
    '--iterations',
    String(GBDT_BENCH_PARAMS.iterations),
    '--depth',
    String(GBDT_BENCH_PARAMS.maxDepth),
    '--eta',
    String(GBDT_BENCH_PARAMS.eta),
    '--threads',
    '2',
    '--runs',
    String(runs + 1),
    '--holdout',
    holdoutCsv,
  ]);
  const actual = split.holdout.label;
  return [
    peerTable(
      `${title}${ctx.quick ? ' (quick: 8 weeks)' : ''}`,
      `XGBoost ${output.version}`,
      [
        {
          metric: `train (median of ${runs} after the first)`,
          cdf: cdfMedian,
          peer: medianOf(output.runsMs.slice(1)),
          better: 'lower',
          unit: 'ms',
        },
        {
          metric: 'train, first run (cdf: WASM cold)',
          cdf: timed.cold,
          peer: output.runsMs[0]!,
          better: 'lower',
          unit: 'ms',
        },
        {
          metric: 'holdout RMSE of the target ratio y(t+h)/y(t)',
          cdf: rmse(actual, predictions),
          peer: rmse(actual, Float64Array.from(output.holdoutPredictions)),
          better: 'lower',
          unit: 'metric',
        },
      ],
      [
        `Same matrix both sides: the direct multi-horizon design of @cdf/features on the 2-year synthetic series (every 11th origin, horizons 1, 24, ..., 168 h), ${split.train.rows.toLocaleString('en-US')} training rows x ${split.train.names.length} features, ${split.holdout.rows.toLocaleString('en-US')} holdout rows (origins in the last 20%).`,
        `Both: reg squared error, hist, ${GBDT_BENCH_PARAMS.iterations} rounds, depth ${GBDT_BENCH_PARAMS.maxDepth}, eta ${GBDT_BENCH_PARAMS.eta}, no row/column sampling. cdf's time includes encoding the columns row-major; the peer's includes building its DMatrix. The peer process took ${(processMs / 1000).toFixed(1)} s in all (Python start, CSV read, ${runs + 1} trainings).`,
        'cdf trains in one thread by design (the WASM build has none); it trains many models at once in worker threads instead.',
      ],
    ),
  ];
}

/** @cdf/gbdt: training speed on the direct design matrix, and cdf against native XGBoost. */
export const gbdtSuite: Suite = {
  name: 'gbdt',
  speed: [trainCase],
  tables: versusXgboost,
};
