/**
 * The benchmark matrix for GBDT training, cdf (XGBoost WASM, one thread) against native XGBoost
 * (tooling/bench/peers/xgboost_train.py): writes the spike classifier's training rows (features,
 * then `label`; NaN as empty) to a CSV, times `trainGbdt` on them with the same settings the peer
 * uses, and prints JSON.
 *
 *   node node_modules/.predict-measure/export-gbdt-matrix.js --out /tmp/gbdt-matrix.csv
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { trainGbdt } from '@cdf/gbdt';
import { resolveSpikePredictorParams, trainingHorizonsOf } from '../spike-predictor-params.ts';
import { buildSpikeTrainingSet } from '../spike-training-set.ts';
import { syntheticSpikeTask, truncateTask } from './synthetic-spike-task.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '/tmp/gbdt-matrix.csv' },
    iterations: { type: 'string', default: '200' },
    depth: { type: 'string', default: '6' },
  },
});
const task = syntheticSpikeTask(7);
const train = truncateTask(task, Math.floor(task.series.values.length * 0.75));
const params = resolveSpikePredictorParams({});
const set = buildSpikeTrainingSet(
  train.series,
  train.anomalies,
  task.plannedEvents,
  trainingHorizonsOf(params),
  params,
);
const { matrix, label } = set.fit;
const lines = [[...matrix.names, 'label'].join(',')];
for (let r = 0; r < matrix.rows; r++) {
  const cells = matrix.columns.map((c) => (Number.isNaN(c[r]!) ? '' : String(c[r])));
  cells.push(String(label[r]));
  lines.push(cells.join(','));
}
writeFileSync(values.out, `${lines.join('\n')}\n`);

const gbdt = {
  iterations: Number(values.iterations),
  maxDepth: Number(values.depth),
  eta: 0.1,
  subsample: 1,
  colsampleByTree: 1,
};
const runsMs: number[] = [];
for (let k = 0; k < 3; k++) {
  const started = performance.now();
  const model = await trainGbdt({ features: matrix, label, objective: 'binary', params: gbdt, seed: 1 });
  runsMs.push(Math.round(performance.now() - started));
  model.free();
}
console.log(
  JSON.stringify({
    csv: values.out,
    rows: matrix.rows,
    features: matrix.names.length,
    params: gbdt,
    cdfRunsMs: runsMs,
    cdfMedianMs: [...runsMs].sort((a, b) => a - b)[1],
  }),
);
