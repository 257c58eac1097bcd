/**
 * Speed of detection: the batch ensemble over two years of hourly synthetic demand (17,520 rows,
 * seed 5), median of 5 runs after one warm-up run; and the streaming detector's time per point
 * over the same data; then the same for the change detector (NAB profile) on the same rows and
 * on 5-min steps. Not a unit test. Usage: pnpm --filter @cdf/spikes measure
 */
import { generateSynthetic } from '@cdf/data';
import { ChangeDetector, scoreChanges } from '../src/change/change-detector.ts';
import { createAnomalyDetector } from '../src/detect/anomaly-detector.ts';
import { StreamingDetector } from '../src/stream/streaming-detector.ts';
import { seriesFromColumns } from '../src/synthetic-check/synthetic-series.ts';

const data = generateSynthetic({ start: '2024-01-01', end: '2026-01-01', seed: 5 });
const series = seriesFromColumns(data, 'compute_tflops', 3_600_000);
const n = series.values.length;

const batch = (): number => {
  const t0 = performance.now();
  createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
  return performance.now() - t0;
};
batch();
const runs = Array.from({ length: 5 }, batch).sort((a, b) => a - b);
console.log(
  `batch: ${n} hourly rows in ${runs[2]!.toFixed(0)} ms (median of 5; runs ${runs.map((r) => r.toFixed(0)).join(', ')})`,
);

const stream = new StreamingDetector({ stepMs: series.stepMs });
let worst = 0;
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const t = performance.now();
  stream.update({
    value: series.values[i]!,
    avgTokensPerRequest: series.columns.avg_tokens_per_request![i]!,
  });
  worst = Math.max(worst, performance.now() - t);
}
const total = performance.now() - t0;
console.log(
  `streaming: ${((1000 * total) / n).toFixed(1)} µs per point on average, slowest point ${worst.toFixed(2)} ms (the one that trains the forest)`,
);

for (const stepMs of [3_600_000, 300_000]) {
  const timed = { ...series, stepMs };
  const changeBatch = (): number => {
    const t1 = performance.now();
    scoreChanges(timed);
    return performance.now() - t1;
  };
  changeBatch();
  const changeRuns = Array.from({ length: 5 }, changeBatch).sort((a, b) => a - b);
  const change = new ChangeDetector(stepMs);
  let slowest = 0;
  const t2 = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    change.step(series.values[i]!);
    slowest = Math.max(slowest, performance.now() - t);
  }
  const changeTotal = performance.now() - t2;
  console.log(
    `change detector at ${stepMs / 60_000} min steps: batch ${n} rows in ${changeRuns[2]!.toFixed(0)} ms (median of 5); ` +
      `streaming ${((1000 * changeTotal) / n).toFixed(1)} µs per point, slowest point ${slowest.toFixed(2)} ms`,
  );
}
