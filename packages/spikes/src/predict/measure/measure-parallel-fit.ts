/**
 * Wall time of `fitSpikePredictor` with the two models trained one after the other in-process
 * versus at once in two worker threads (a script, not a unit test), on the first 75% of two
 * years of synthetic hourly demand. Prints JSON with every run and the medians.
 */
import { fitSpikePredictor } from '../fit-spike-predictor.ts';
import { syntheticSpikeTask, truncateTask } from './synthetic-spike-task.ts';

const task = syntheticSpikeTask(7);
const train = truncateTask(task, Math.floor(task.series.values.length * 0.75));
const runs: Record<'sequential' | 'parallel', number[]> = { sequential: [], parallel: [] };
for (let k = 0; k < 3; k++) {
  for (const mode of ['sequential', 'parallel'] as const) {
    const started = performance.now();
    const p = await fitSpikePredictor(train.series, {
      anomalies: train.anomalies,
      plannedEvents: task.plannedEvents,
      parallel: mode === 'parallel',
    });
    runs[mode].push(Math.round(performance.now() - started));
    if (k === 0 && mode === 'parallel') console.error(p.notes.join('\n'));
    p.free();
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(
  JSON.stringify({
    runsMs: runs,
    sequentialMedianMs: median(runs.sequential),
    parallelMedianMs: median(runs.parallel),
    speedup: Math.round((median(runs.sequential) / median(runs.parallel)) * 100) / 100,
  }),
);
