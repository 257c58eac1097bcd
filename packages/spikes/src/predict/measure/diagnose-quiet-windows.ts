/**
 * The spike stage as the `cdf forecast` pipeline runs it (a script, not a unit test): two years
 * of hourly synthetic demand from 2025-01-01 (all generator columns), cut at origins
 * `n - k * 168`; the demand ensemble's mask at sensitivity 0.5 is what the predictor learns from
 * (no planned events, as a CLI run without a plan file); then the probabilities of the next 168 h
 * are compared with the generator's ground truth. Prints one line per origin: mean probability on
 * event-free hours (by horizon third) and on event hours, and the base rates the model saw.
 *
 *   node node_modules/.predict-measure/diagnose-quiet-windows.js --seed 5 --k 4,11
 */
import { parseArgs } from 'node:util';
import type { Series } from '@cdf/core';
import { generateSynthetic } from '@cdf/data';
import { createAnomalyDetector } from '../../detect/anomaly-detector.ts';
import { fitSpikePredictor } from '../fit-spike-predictor.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '5' },
    k: { type: 'string', default: '1,2,3,4,5,6,7,8' },
    verbose: { type: 'boolean', default: false },
  },
});
const H = 168;
const seed = Number(values.seed);
const start = Date.parse('2025-01-01T00:00:00Z');
const data = generateSynthetic({ start, end: start + 17_520 * 3_600_000, seed });
const n = data.timestamps.length;

function cutSeries(points: number): Series {
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(data.columns)) columns[name] = column.slice(0, points);
  return {
    id: 'default',
    target: 'compute_tflops',
    stepMs: data.options.stepMs,
    timestamps: data.timestamps.slice(0, points),
    values: columns.compute_tflops!,
    filled: new Uint8Array(points),
    columns,
    timeZone: 'UTC',
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const quietAll: number[] = [];
for (const k of values.k.split(',').map(Number)) {
  const origin = n - k * H;
  const series = cutSeries(origin);
  const detection = createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
  const mask = detection.isAnomaly;
  const predictor = await fitSpikePredictor(series, { anomalies: mask, horizons: H, seed: 42 });
  const f = predictor.predict({ horizon: H });
  const quiet: number[][] = [[], [], []];
  const event: number[] = [];
  for (let h = 1; h <= H; h++) {
    const p = f.probability[h - 1]!;
    if (data.eventType[origin + h - 1] === '') quiet[Math.min(2, Math.floor((h - 1) / 56))]!.push(p);
    else event.push(p);
  }
  const q = quiet.flat();
  if (q.length > 0) quietAll.push(mean(q));
  const maskRate = mask.reduce((a, b) => a + b, 0) / mask.length;
  const truthRate =
    data.eventType.slice(0, origin).filter((t) => t !== '' && t !== 'gradual_growth').length / origin;
  console.log(
    `k=${k} quiet ${f3(mean(q))} (h1-56 ${f3(mean(quiet[0]!))}, h57-112 ${f3(mean(quiet[1]!))}, h113-168 ${f3(mean(quiet[2]!))}) event ${f3(mean(event))} | mask rate ${f3(maskRate)} truth rate ${f3(truthRate)} | max p ${f3(Math.max(...f.probability))}`,
  );
  if (values.verbose) for (const note of predictor.notes) console.log(`  ${note}`);
  predictor.free();
}
console.log(`seed=${seed} mean quiet probability ${f3(mean(quietAll))}`);
