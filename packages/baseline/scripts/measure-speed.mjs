#!/usr/bin/env node
// Speed of each baseline: fit + a 168-step predict on 17,520 hourly points (two years),
// median of 3 runs. Run after a build: `pnpm exec turbo run build --filter=@cdf/baseline...`
// from the repo root, then `node packages/baseline/scripts/measure-speed.mjs`.
// The series is generated here (seeded): linear growth, a daily cycle, a weekend dip, noise.
import { createMstlBaseline, createProphetBaseline, createSeasonalNaiveBaseline } from '../dist/index.js';

const HOUR = 3_600_000;
const POINTS = 17_520;
const RUNS = 3;

function demand(points, seed = 42) {
  let state = seed;
  const noise = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const start = Date.UTC(2023, 0, 2); // a Monday
  const timestamps = new Float64Array(points);
  const values = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    timestamps[i] = start + i * HOUR;
    const daily = 1 + 0.35 * Math.sin(((i % 24) - 8) * ((2 * Math.PI) / 24));
    const weekly = Math.floor(i / 24) % 7 >= 5 ? 0.7 : 1;
    values[i] = (500 + 0.02 * i) * daily * weekly * (1 + 0.05 * noise());
  }
  return {
    id: 'speed',
    target: 'compute_tflops',
    stepMs: HOUR,
    timestamps,
    values,
    filled: new Uint8Array(points),
    columns: { compute_tflops: values },
    timeZone: 'UTC',
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const series = demand(POINTS);
const models = [
  ['prophet (additive)', () => createProphetBaseline()],
  ['prophet (multiplicative)', () => createProphetBaseline({ seasonalityMode: 'multiplicative' })],
  ['mstl + ets', () => createMstlBaseline()],
  ['seasonal naive', () => createSeasonalNaiveBaseline()],
];
console.log(`${POINTS} hourly points, fit + predict(168), median of ${RUNS} runs`);
for (const [label, make] of models) {
  const fits = [];
  const predicts = [];
  let notes = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const fitted = await make().fit({ series });
    const t1 = performance.now();
    fitted.predict({ horizon: 168 });
    const t2 = performance.now();
    fits.push(t1 - t0);
    predicts.push(t2 - t1);
    notes = fitted.notes;
  }
  console.log(
    `${label.padEnd(26)} fit ${median(fits).toFixed(0).padStart(6)} ms   predict ${median(predicts).toFixed(1).padStart(7)} ms   total ${(median(fits) + median(predicts)).toFixed(0).padStart(6)} ms   (${notes.join('; ')})`,
  );
}
